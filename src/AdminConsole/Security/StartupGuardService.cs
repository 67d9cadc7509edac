using CreatorPlatform.Core;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AdminConsole.Security;

/// <summary>
/// Applies <see cref="StartupGuard"/> inside the host: before anything starts (so the sandbox's emulators never start
/// for a refused configuration), and again once Kestrel has bound, on the addresses it reports, because a listen URL
/// can come from many places (urls, Kestrel:Endpoints, ports variables, code) and a host name such as "loopback" binds
/// every interface.
/// </summary>
public sealed class StartupGuardService(IConfiguration configuration, IServer server, ILogger<StartupGuardService> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken ct) => Refuse(StartupGuard.Check(configuration));

    public Task StartedAsync(CancellationToken ct)
    {
        if (PlatformModes.Read(configuration) != PlatformMode.Sandbox) return Task.CompletedTask;
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        return Refuse(StartupGuard.CheckBound(addresses));
    }

    private Task Refuse(string? refusal)
    {
        if (refusal is null) return Task.CompletedTask;
        logger.LogCritical("{Refusal}", refusal);
        throw new StartupRefusedException(refusal);
    }

    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken ct) => Task.CompletedTask;
}
