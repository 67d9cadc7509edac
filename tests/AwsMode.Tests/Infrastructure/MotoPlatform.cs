using System.Text.Json;

namespace AwsMode.Tests.Infrastructure;

/// <summary>
/// The platform inside moto, made and read by <c>Platform/moto_platform.py</c> with boto3: the storage stack from its
/// template, the user pool and the backend stack's functions, legacy products; and the state the tests check, read
/// independently of the console's own readers.
/// </summary>
public sealed class MotoPlatform(MotoServer moto, string region)
{
    public const string DummyKey = "testing";
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    public string Region => region;
    public string UserPoolId { get; private set; } = "";

    /// <summary>The environment every child shares: moto's endpoint, dummy credentials, the region, and no profile.</summary>
    public Dictionary<string, string?> AwsEnvironment() => new()
    {
        ["AWS_ENDPOINT_URL"] = moto.Endpoint.ToString().TrimEnd('/'),
        ["AWS_ACCESS_KEY_ID"] = DummyKey,
        ["AWS_SECRET_ACCESS_KEY"] = DummyKey,
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_REGION"] = region,
        ["AWS_DEFAULT_REGION"] = region,
        ["AWS_PROFILE"] = null,
        ["AWS_CONFIG_FILE"] = "/dev/null",
        ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null",
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };

    public async Task ProvisionAsync(int products, int functions)
    {
        var result = await PythonAsync("provision", "--products", products.ToString(), "--functions", functions.ToString());
        UserPoolId = JsonDocument.Parse(result.Stdout).RootElement.GetProperty(nameof(UserPoolId)).GetString()!;
    }

    /// <summary>What an admin does in step 5 where the console cannot: one index per table update, waited for.</summary>
    public Task AddIndexAsync(string name) => PythonAsync("add-index", name);

    /// <summary>An IAM user with the policy file (less <paramref name="without"/>): the environment that makes a child act as it.</summary>
    public async Task<Dictionary<string, string?>> IamUserAsync(string name, string policyPath, string? without = null)
    {
        var key = JsonDocument.Parse((await PythonAsync(["iam-user", name, policyPath, .. without is null ? Array.Empty<string>() : [without]])).Stdout).RootElement;
        return new()
        {
            ["AWS_ACCESS_KEY_ID"] = key.GetProperty("AccessKeyId").GetString(), ["AWS_SECRET_ACCESS_KEY"] = key.GetProperty("SecretAccessKey").GetString(),
        };
    }

    /// <summary>moto checks IAM policies from here on (true) or lets every request through (false), as its reset-auth endpoint sets.</summary>
    public async Task EnforceIamAsync(bool on)
    {
        using var http = new HttpClient();
        using var body = new StringContent(on ? "0" : "inf", System.Text.Encoding.UTF8, "text/plain");
        (await http.PostAsync(new Uri(moto.Endpoint, "/moto-api/reset-auth"), body)).EnsureSuccessStatusCode();
    }

    public async Task<PlatformState> StateAsync() =>
        JsonSerializer.Deserialize<PlatformState>((await PythonAsync("state", UserPoolId)).Stdout, Web)!;

    public async Task<ChildResult> PythonAsync(params string[] args)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Platform", "moto_platform.py");
        var result = await ChildProcess.RunAsync(Environment.GetEnvironmentVariable("PYTHON") ?? "python3", [script, .. args], AwsEnvironment(),
            TimeSpan.FromMinutes(3));
        if (result.ExitCode != 0) throw new InvalidOperationException(result.ToString());
        return result;
    }
}

public sealed record PlatformState(List<string> Tables, List<string> ProductIndexes, int Products, int ProductsWithCreatorId, int ProductsApproved,
    int ProductsFeaturedString, List<Dictionary<string, string>> Creators, Dictionary<string, PoolUser> Users, List<string> Groups,
    List<string> CustomAttributes, int Summaries)
{
    public Dictionary<string, string> Creator(string slug) => Creators.Single(c => c["slug"] == slug);
}

public sealed record PoolUser(string Sub, Dictionary<string, string> Attributes, List<string> Groups);
