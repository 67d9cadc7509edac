using AdminConsole.Security;
using AdminConsole.Tests.Web;
using CreatorPlatform.Core;
using CreatorPlatform.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdminConsole.Tests.Security;

/// <summary>
/// The sandbox app as Program builds it, on real Kestrel (the emulators left out): every way of asking it to listen beyond
/// loopback refuses to start, and what does start is bound to loopback only.
/// </summary>
public sealed class ListenConfigurationTests
{
    private static WebApplication Build(Dictionary<string, string?> settings, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory, ApplicationName = typeof(Program).Assembly.GetName().Name,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Platform:Mode"] = "Sandbox",
            ["Platform:Sandbox:DynamoDbPort"] = SandboxEmulators.FreePort().ToString(),
            ["Platform:Sandbox:CognitoPort"] = SandboxEmulators.FreePort().ToString(),
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.None);
        builder.AddCore();
        builder.AddSandbox();
        builder.AddAdminConsole();
        builder.Services.RemoveAll(d => d.ImplementationType == typeof(SandboxHostedService));
        configure?.Invoke(builder);
        var app = builder.Build();
        return app;
    }

    public static TheoryData<string> Exposed => new()
    {
        "urls=http://loopback:{port}",
        "urls=http://0.0.0.0:{port}",
        "urls=http://*:{port}",
        "urls=http://127.0.0.1:{free};http://0.0.0.0:{port}",
        "Kestrel:Endpoints:Http:Url=http://0.0.0.0:{port}",
        "code:ListenAnyIP",
    };

    [Theory]
    [MemberData(nameof(Exposed))]
    public async Task Each_listen_configuration_beyond_loopback_refuses_to_start(string configuration)
    {
        var port = SandboxEmulators.FreePort();
        var settings = new Dictionary<string, string?> { ["urls"] = $"http://127.0.0.1:{SandboxEmulators.FreePort()}" };
        Action<WebApplicationBuilder>? code = null;
        if (configuration == "code:ListenAnyIP") code = b => b.WebHost.ConfigureKestrel(k => k.ListenAnyIP(port));
        else
        {
            var (key, value) = (configuration[..configuration.IndexOf('=')], configuration[(configuration.IndexOf('=') + 1)..]);
            settings[key] = value.Replace("{port}", port.ToString()).Replace("{free}", SandboxEmulators.FreePort().ToString());
        }
        await using var app = Build(settings, code);

        var refused = await Assert.ThrowsAsync<StartupRefusedException>(() => app.StartAsync());

        Assert.Contains(StartupGuard.LoopbackOnly, refused.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{port}")]
    [InlineData("http://localhost:{port}")]
    [InlineData("http://[::1]:{port}")]
    public async Task A_loopback_configuration_starts_and_is_bound_to_loopback_only(string urls)
    {
        await using var app = Build(new() { ["urls"] = urls.Replace("{port}", SandboxEmulators.FreePort().ToString()) });

        await app.StartAsync();

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Assert.NotEmpty(addresses);
        Assert.All(addresses, a => Assert.True(Loopback.IsListenUrl(a), a));
        await app.StopAsync();
    }

    [Theory]
    [InlineData("2")]
    [InlineData("Production")]
    [InlineData("SandboxAws")]
    public void An_unknown_mode_refuses_to_start_with_a_clear_message(string mode)
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Platform:Mode"] = mode }).Build();

        var refusal = StartupGuard.Check(settings);

        Assert.Equal(PlatformModes.Unknown(mode), refusal);
    }

    [Fact]
    public async Task An_unknown_mode_refuses_to_start_inside_the_host_too_and_gets_no_local_admin()
    {
        await using var app = Build(new() { ["Platform:Mode"] = "2", ["urls"] = $"http://127.0.0.1:{SandboxEmulators.FreePort()}" });

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());

        Assert.Contains("neither Sandbox nor Aws", refused.Message);
        var schemes = await app.Services.GetRequiredService<Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider>().GetAllSchemesAsync();
        Assert.DoesNotContain(schemes, s => s.Name == LocalAdminAuthentication.SchemeName);
    }
}
