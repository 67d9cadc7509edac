using CreatorPlatform.Core;
using Microsoft.Extensions.Hosting;

namespace CreatorPlatform.Sandbox;

/// <summary>Starts the sandbox before the web app listens, and stops the emulators when it stops.</summary>
public sealed class SandboxHostedService(SandboxRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => runtime.StartAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken) => await runtime.DisposeAsync();
}
