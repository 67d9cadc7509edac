using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Access;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Aws.Cognito;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Scale;

/// <summary>
/// Many creators, each linked by sub to a Cognito user of its own who is in the Creators group and can sign in, with a
/// few products each: the platform after self-signup. Batch writes for DynamoDB and parallel admin calls for Cognito,
/// so thousands seed in minutes. Shared by the request-count tests and the scale benchmark.
/// </summary>
public static class ScaleSeed
{
    public const int ProductsPerCreator = 3;

    public static string Slug(int i) => $"creator-{i:D5}";

    /// <summary>
    /// Adds creators <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), their users through
    /// cognito-local's API, or straight into its pool file when <paramref name="emulators"/> is given (<see cref="ScalePoolFile"/>).
    /// </summary>
    public static async Task AddCreatorsAsync(IServiceProvider services, string poolId, int from, int to, int parallelism = 8,
        global::CreatorPlatform.Sandbox.SandboxEmulators? emulators = null, int productsPerCreator = ProductsPerCreator, CancellationToken ct = default)
    {
        var cognito = services.GetRequiredService<ICognitoClient>();
        var group = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PlatformOptions>>().Value.CreatorsGroup.Name;
        var subs = new string[to - from];
        if (emulators is not null) subs = await ScalePoolFile.AddUsersAsync(emulators, poolId, group, Enumerable.Range(from, to - from).Select(Slug).ToList(), ct);
        else
            await Parallel.ForEachAsync(Enumerable.Range(from, to - from), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct },
                async (i, token) => subs[i - from] = await UserAsync(cognito, poolId, group, Slug(i), token));
        var now = DateTimeOffset.UtcNow;
        var creators = Enumerable.Range(from, to - from).Select(i => Creator.New(Slug(i), $"Creator {i}", now.AddMinutes(-i), subs[i - from])).ToList();
        var dynamoDb = services.GetRequiredService<IAmazonDynamoDB>();
        var schema = services.GetRequiredService<PlatformSchema>();
        await BatchWriter.PutAllAsync(dynamoDb, schema.Creators.Name, creators.Select(CreatorMapper.ToItem), ct);
        await BatchWriter.PutAllAsync(dynamoDb, schema.Products.Name, creators.SelectMany(c => Enumerable.Range(0, productsPerCreator).Select(p => Product(c, p, now))), ct);
    }

    private static async Task<string> UserAsync(ICognitoClient cognito, string poolId, string group, string username, CancellationToken ct)
    {
        var created = await cognito.AdminCreateUserAsync(new()
        {
            UserPoolId = poolId,
            Username = username,
            MessageAction = "SUPPRESS",
            TemporaryPassword = SandboxSignIn.Password,
            UserAttributes = [new("email", $"{username}@example.com"), new("email_verified", "true")],
        }, ct);
        await cognito.AdminSetUserPasswordAsync(new() { UserPoolId = poolId, Username = username, Password = SandboxSignIn.Password, Permanent = true }, ct);
        await cognito.AdminAddUserToGroupAsync(new() { UserPoolId = poolId, Username = username, GroupName = group }, ct);
        return created.User?.Sub ?? throw new InvalidOperationException($"cognito-local created {username} without a sub.");
    }

    private static Dictionary<string, AttributeValue> Product(Creator creator, int p, DateTimeOffset now) => new()
    {
        ["id"] = new() { S = $"{creator.Slug}-p{p}" },
        ["title"] = new() { S = $"Product {p} of {creator.Slug}" },
        ["category"] = new() { S = "home" },
        ["published"] = new() { S = "true" },
        ["createdAt"] = new() { S = now.AddSeconds(-p).ToString("o") },
        ["updatedAt"] = new() { S = now.AddSeconds(-p).ToString("o") },
        ["creatorId"] = new() { S = creator.Id },
        ["featured"] = new() { S = "false" },
        ["status"] = new() { S = "approved" },
    };
}

/// <summary>
/// Thousands of users for cognito-local in seconds: it keeps each pool in one JSON file and rewrites the whole file on
/// every change, so creating users through its API slows as the pool grows (1,000 users took five minutes). This writes
/// the users its AdminCreateUser, AdminSetUserPassword (permanent) and AdminAddUserToGroup would have written into the
/// pool's file, and restarts cognito-local, which reads its files when it starts.
/// </summary>
public static class ScalePoolFile
{
    /// <summary>Adds users of these names, each with a sub of its own, and puts them in <paramref name="group"/> unless it is null.</summary>
    public static async Task<string[]> AddUsersAsync(global::CreatorPlatform.Sandbox.SandboxEmulators emulators, string poolId, string? group,
        IReadOnlyList<string> usernames, CancellationToken ct)
    {
        var file = Path.Combine(emulators.CognitoFolder, ".cognito", "db", $"{poolId}.json");
        var root = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(file, ct))!.AsObject();
        var users = root["Users"]!.AsObject();
        System.Text.Json.Nodes.JsonArray? members = null;
        if (group is not null)
        {
            var groupItem = root["Groups"]![group]!.AsObject();
            if (groupItem["members"] is not System.Text.Json.Nodes.JsonArray existing) groupItem["members"] = existing = [];
            members = existing;
        }
        var now = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
        var subs = new string[usernames.Count];
        for (var i = 0; i < usernames.Count; i++)
        {
            var username = usernames[i];
            var sub = subs[i] = Guid.NewGuid().ToString();
            users[username] = new System.Text.Json.Nodes.JsonObject
            {
                ["Username"] = username, ["Password"] = SandboxSignIn.Password,
                ["Attributes"] = new System.Text.Json.Nodes.JsonArray(Attribute("email", $"{username}@example.com"), Attribute("email_verified", "true"), Attribute("sub", sub)),
                ["Enabled"] = true, ["UserStatus"] = "CONFIRMED", ["UserCreateDate"] = now, ["UserLastModifiedDate"] = now,
            };
            members?.Add(username);
        }
        await File.WriteAllTextAsync(file + ".seed", root.ToJsonString(), ct);
        File.Move(file + ".seed", file, overwrite: true);
        await emulators.RestartAsync(global::CreatorPlatform.Sandbox.SandboxEmulators.CognitoName, ct);
        return subs;
    }

    private static System.Text.Json.Nodes.JsonObject Attribute(string name, string value) => new() { ["Name"] = name, ["Value"] = value };
}
