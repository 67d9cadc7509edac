using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core.Aws.Cognito;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace AdminConsole.Tests.Security;

/// <summary>
/// The platform after the rollout, on DynamoDB Local and cognito-local, where every creator, user and product was written
/// by an attacker: one creator per <see cref="HostileText.All"/> string (its slug; the next string its display name), each
/// linked to a user in the group whose e-mail carries the string, with a product whose id and title carry it; and a second
/// creator with the last slug, which the consistency check reports.
/// </summary>
public sealed class HostileWorld(ServiceProvider core, IReadOnlyDictionary<string, string?> settings, IReadOnlyList<Creator> creators)
{
    public ServiceProvider Core => core;
    /// <summary>The settings that point Core (or the command line) at this world: table names, user pool, group description.</summary>
    public IReadOnlyDictionary<string, string?> Settings => settings;
    public IReadOnlyList<Creator> Creators => creators;
    public T Get<T>() where T : notnull => core.GetRequiredService<T>();

    public static async Task<HostileWorld> CreateAsync(JobsFixture emulators)
    {
        var prefix = $"h{Guid.NewGuid():N}"[..10];
        var settings = new Dictionary<string, string?>
        {
            ["Platform:Tables:Products"] = $"{prefix}-Products", ["Platform:Tables:Creators"] = $"{prefix}-Creators",
            ["Platform:Tables:AnalyticsEvents"] = $"{prefix}-Events", ["Platform:Tables:AnalyticsSummaries"] = $"{prefix}-Summaries",
            ["Platform:CreatorsGroup:Description"] = HostileText.SvgOnload + HostileText.LineBreak + HostileText.Isolate,
        };
        var bootstrap = await emulators.CoreAsync(settings);
        var pool = await bootstrap.GetRequiredService<ICognitoClient>().CreateUserPoolAsync(new() { PoolName = prefix, AliasAttributes = ["email"] });
        var poolId = pool.UserPool!.Id!;
        settings["Platform:UserPoolId"] = poolId;
        var core = await emulators.CoreAsync(settings);
        var schema = core.GetRequiredService<JobRunner>().Start(SchemaApplier.JobKind, "Apply schema", core.GetRequiredService<SchemaApplier>().ApplyAsync);
        await schema.Completion;
        Assert.Equal(JobState.Succeeded, schema.State);
        var group = core.GetRequiredService<CreatorsGroupService>();
        await group.EnsureAsync(default);
        var cognito = core.GetRequiredService<ICognitoClient>();
        var dynamoDb = core.GetRequiredService<IAmazonDynamoDB>();
        var tables = core.GetRequiredService<PlatformSchema>();
        var creators = new List<Creator>();
        for (var i = 0; i < HostileText.All.Length; i++)
        {
            var text = HostileText.All[i];
            var user = await cognito.AdminCreateUserAsync(new()
            {
                UserPoolId = poolId, Username = $"user{i}", MessageAction = "SUPPRESS", TemporaryPassword = "Temporary-Passw0rd!",
                UserAttributes = [new("email", $"{text}@example.com"), new("email_verified", "true")],
            });
            await cognito.AdminAddUserToGroupAsync(new() { UserPoolId = poolId, Username = $"user{i}", GroupName = group.Settings.Name });
            var creator = Creator.New(text, HostileText.All[(i + 1) % HostileText.All.Length], DateTimeOffset.UtcNow, CognitoUser.From(user.User!).Sub)
                with { Bio = text };
            // Straight into the table, as anyone who can write it would: no slug rules, no reservation.
            await dynamoDb.PutItemAsync(tables.Creators.Name, CreatorMapper.ToItem(creator));
            await dynamoDb.PutItemAsync(tables.Products.Name, new Dictionary<string, AttributeValue>
            {
                ["id"] = new() { S = $"p{i}-{text}" }, ["title"] = new() { S = text }, ["category"] = new() { S = text }, ["creatorId"] = new() { S = creator.Id },
                ["status"] = new() { S = "approved" }, ["featured"] = new() { S = "false" }, ["published"] = new() { S = "true" },
                ["createdAt"] = new() { S = "2026-11-02T14:05:00Z" }, ["updatedAt"] = new() { S = "2026-11-02T14:05:00Z" },
            });
            creators.Add(creator);
        }
        // A second creator with the last slug: the walk's consistency check names both.
        var twin = Creator.New(HostileText.All[^1], "twin", DateTimeOffset.UtcNow);
        await dynamoDb.PutItemAsync(tables.Creators.Name, CreatorMapper.ToItem(twin));
        return new(core, settings, creators);
    }
}
