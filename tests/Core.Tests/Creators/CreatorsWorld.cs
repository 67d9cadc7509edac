using System.Text.Json;
using Amazon.DynamoDBv2;
using CreatorPlatform.Core.Aws.Cognito;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Creators;

/// <summary>
/// A user pool of its own (username sign-in, e-mail alias, like the platform's) on cognito-local, and the post-rollout
/// tables on DynamoDB Local, for one test.
/// </summary>
public sealed class CreatorsWorld(ServiceProvider services, string poolId, int cognitoPort) : IAsyncDisposable
{
    public ServiceProvider Services => services;
    public string PoolId => poolId;
    public ICognitoClient Cognito => Get<ICognitoClient>();
    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    public static async Task<CreatorsWorld> CreateAsync(EmulatorFixture emulators, bool withGroup = true, Action<IServiceCollection>? overrides = null)
    {
        string poolId;
        await using (var bootstrap = emulators.Services())
        {
            var pool = await bootstrap.GetRequiredService<ICognitoClient>().CreateUserPoolAsync(new() { PoolName = "creators-tests", AliasAttributes = ["email"] });
            poolId = pool.UserPool!.Id!;
        }
        var services = emulators.Services(s => s["Platform:UserPoolId"] = poolId, overrides);
        var schemaRun = await services.GetRequiredService<JobRunner>().RunToEndAsync(SchemaApplier.JobKind, services.GetRequiredService<SchemaApplier>().ApplyAsync);
        Assert.Equal(JobState.Succeeded, schemaRun.State);
        var world = new CreatorsWorld(services, poolId, emulators.CognitoPort);
        if (withGroup) await world.Get<CreatorsGroupService>().EnsureAsync(default);
        return world;
    }

    public async Task<CognitoUser> UserAsync(string username, string? email = null)
    {
        var created = await Cognito.AdminCreateUserAsync(new()
        {
            UserPoolId = poolId,
            Username = username,
            MessageAction = "SUPPRESS",
            TemporaryPassword = "Temporary-Passw0rd!",
            UserAttributes = [new("email", email ?? $"{username}@example.com"), new("email_verified", "true")],
        });
        return CognitoUser.From(created.User!);
    }

    public Task AddToGroupAsync(string username) =>
        Cognito.AdminAddUserToGroupAsync(new() { UserPoolId = poolId, Username = username, GroupName = Get<CreatorsGroupService>().Settings.Name });

    /// <summary>The console never disables users, so its client has no such call; the seed speaks to cognito-local directly.</summary>
    public async Task DisableUserAsync(string username)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{cognitoPort}/")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { UserPoolId = poolId, Username = username })),
        };
        request.Headers.Add("X-Amz-Target", "AWSCognitoIdentityProviderService.AdminDisableUser");
        request.Content.Headers.ContentType = new("application/x-amz-json-1.1");
        var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public Task<Creator> CreatorAsync(string slug, string? userId = null) =>
        Get<CreatorStore>().CreateAsync(Creator.New(slug, slug, DateTimeOffset.UtcNow, userId), default);

    /// <summary>A creator written straight into the table, without a slug reservation: how the guide's script made duplicates.</summary>
    public async Task<Creator> RawCreatorAsync(string slug, string? userId = null)
    {
        var creator = Creator.New(slug, slug, DateTimeOffset.UtcNow, userId);
        await Get<IAmazonDynamoDB>().PutItemAsync(Get<PlatformSchema>().Creators.Name, CreatorMapper.ToItem(creator));
        return creator;
    }

    public async Task<Creator> SingleCreatorAsync(string slug) => Assert.Single(await Get<CreatorStore>().FindBySlugAsync(slug, default));

    public static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 6)];

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
