using CreatorPlatform.Core.Tests.Infrastructure;

namespace EndToEnd.Infrastructure;

/// <summary>
/// The app whose DynamoDB calls go through a <see cref="FaultProxy"/> in front of its DynamoDB Local
/// (<c>Platform:Sandbox:DynamoDbClientEndpoint</c>), with a short request timeout, so that a test can stall the network
/// under a page and see the page say so within seconds. The emulator itself, and its supervisor, stay on their own port.
/// </summary>
public sealed class FaultProxyConsoleAppFixture : ConsoleAppFixture
{
    public const int RequestTimeoutSeconds = 2;
    /// <summary>The sandbox's products table (the default name; the fixture does not change it).</summary>
    public const string ProductsTable = "ProductsTable";

    public FaultProxyConsoleAppFixture() => Proxy = FaultProxy.Start(DynamoDbPort);

    public FaultProxy Proxy { get; }

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Platform__Sandbox__DynamoDbClientEndpoint", $"http://127.0.0.1:{Proxy.Port}"),
        new("Platform__Aws__RequestTimeoutSeconds", RequestTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Proxy.DisposeAsync();
    }
}
