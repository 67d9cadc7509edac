using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Access;
using CreatorPlatform.Core.Aws.Cognito;
using CreatorPlatform.Sandbox;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Sandbox;

[Collection(EmulatorCollection.Name)]
public sealed class SandboxProvisionerTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task Provisioning_gives_the_pre_rollout_platform_with_legacy_products_and_users()
    {
        await using var services = emulators.Services();
        var schema = services.GetRequiredService<PlatformSchema>();

        var manifest = await services.GetRequiredService<SandboxProvisioner>().ProvisionAsync(CancellationToken.None);

        var status = await services.GetRequiredService<SchemaStatusService>().GetStatusAsync();
        Assert.True(status["Products"].Exists);
        Assert.False(status["Creators"].Exists);
        Assert.Equal(["creatorId-index is missing", "status-index is missing"],
            status["Products"].Findings.Select(f => f.Message.Replace("Index ", "").TrimEnd('.')));
        var products = await services.GetRequiredService<IAmazonDynamoDB>().ScanAsync(new ScanRequest(schema.Products.Name));
        Assert.Equal(40, products.Items.Count);
        Assert.All(products.Items, p => Assert.False(p.ContainsKey("creatorId") || p.ContainsKey("status") || p.ContainsKey("featured")));
        var user = await services.GetRequiredService<ICognitoClient>().AdminGetUserAsync(new() { UserPoolId = manifest.UserPoolId!, Username = "jesskoufo" });
        Assert.NotNull(user.Sub);
        Assert.NotEqual("jesskoufo", user.Sub);
    }

    [Fact]
    public async Task The_sandbox_pool_is_like_the_cdks_an_admins_group_no_custom_attribute_and_users_who_can_sign_in()
    {
        await using var services = emulators.Services();
        var cognito = services.GetRequiredService<ICognitoClient>();

        var manifest = await services.GetRequiredService<SandboxProvisioner>().ProvisionAsync(CancellationToken.None);

        var poolId = manifest.UserPoolId!;
        var admins = Assert.Single(await cognito.ListAllGroupsAsync(poolId));
        Assert.Equal(("Admins", 1), (admins.GroupName, admins.Precedence));
        var pool = await cognito.DescribeUserPoolAsync(new() { UserPoolId = poolId });
        Assert.DoesNotContain(pool.UserPool!.SchemaAttributes ?? [], a => a.Name!.StartsWith("custom:", StringComparison.Ordinal));
        var token = await services.GetRequiredService<SandboxSignIn>().SignInAsync(poolId, "jesskoufo", CancellationToken.None);
        Assert.Equal("jesskoufo", token.Username);
        Assert.Empty(token.Groups);
        Assert.Null(token.CreatorId);
        var user = await cognito.AdminGetUserAsync(new() { UserPoolId = poolId, Username = "mariasantos" });
        Assert.Equal("CONFIRMED", user.UserStatus);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_products()
    {
        var first = LegacyProducts.Generate(20, 7).Select(p => (p["id"].S, p["title"].S)).ToList();
        var second = LegacyProducts.Generate(20, 7).Select(p => (p["id"].S, p["title"].S)).ToList();
        var other = LegacyProducts.Generate(20, 8).Select(p => (p["id"].S, p["title"].S)).ToList();

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.Equal(20, first.Select(p => p.Item1).Distinct().Count());
    }
}
