using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Aws.Cognito;
using CreatorPlatform.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Tests.Aws;

[CollectionDefinition(Name)]
public sealed class CognitoEmulatorCollection : ICollectionFixture<CognitoEmulatorFixture>
{
    public const string Name = "cognito-local";
}

/// <summary>One in-memory cognito-local (and DynamoDB Local, which the launcher starts with it) and one user pool for the collection.</summary>
public sealed class CognitoEmulatorFixture : IAsyncLifetime
{
    private SandboxEmulators? emulators;
    private ServiceProvider? services;

    public ICognitoClient Cognito { get; private set; } = null!;
    public string UserPoolId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        emulators = await SandboxEmulators.StartAsync(Path.Combine(RepositoryPaths.Root, ".sandbox", "tools"), null,
            SandboxEmulators.FreePort(), SandboxEmulators.FreePort(), NullLogger.Instance, timeout.Token);
        var options = new PlatformOptions { Mode = PlatformMode.Sandbox };
        options.Sandbox.CognitoPort = emulators.Endpoints.Cognito.Port;
        options.Sandbox.DynamoDbPort = emulators.Endpoints.DynamoDb.Port;
        services = new ServiceCollection().AddSingleton(Options.Create(options)).AddAwsHttpClients().BuildServiceProvider();
        Cognito = services.GetRequiredService<ICognitoClient>();

        var pool = await Cognito.CreateUserPoolAsync(new() { PoolName = "core-tests", AliasAttributes = ["email"] }, timeout.Token);
        UserPoolId = pool.UserPool?.Id ?? throw new InvalidOperationException("cognito-local created a pool without an id.");
    }

    /// <summary>A username no other test uses.</summary>
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    public async Task<UserType> CreateUserAsync(string username, string email)
    {
        var response = await Cognito.AdminCreateUserAsync(new()
        {
            UserPoolId = UserPoolId,
            Username = username,
            MessageAction = "SUPPRESS",
            TemporaryPassword = "Temporary-Passw0rd!",
            UserAttributes = [new("email", email), new("email_verified", "true")],
        });
        return response.User ?? throw new InvalidOperationException($"cognito-local returned no user for {username}.");
    }

    public async Task DisposeAsync()
    {
        if (services is not null) await services.DisposeAsync();
        if (emulators is not null) await emulators.DisposeAsync();
    }
}
