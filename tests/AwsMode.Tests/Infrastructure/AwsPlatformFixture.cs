namespace AwsMode.Tests.Infrastructure;

/// <summary>One moto_server per test class, holding the platform as it stands before the rollout.</summary>
public class AwsPlatformFixture : IAsyncLifetime
{
    public const int LegacyProducts = 300;
    public const int BackendFunctions = 8;
    private MotoServer? moto;

    public MotoServer Moto => moto!;
    public MotoPlatform Platform { get; private set; } = null!;
    public ConsoleCli Cli { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        moto = await MotoServer.StartAsync();
        Platform = new MotoPlatform(moto, "us-east-1");
        await Platform.ProvisionAsync(LegacyProducts, BackendFunctions);
        Cli = new ConsoleCli(Platform);
    }

    public async Task DisposeAsync()
    {
        if (moto is not null) await moto.DisposeAsync();
    }
}
