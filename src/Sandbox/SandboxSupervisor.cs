using CreatorPlatform.Core;
using CreatorPlatform.Core.Sandbox;
using Microsoft.Extensions.Logging;

namespace CreatorPlatform.Sandbox;

/// <summary>
/// Watches the emulators every couple of seconds: one whose process exited, or that runs but answered none of the last
/// few probes (hung, or stopped by a signal), is said to be down and restarted on its port with its data folder (an
/// in-memory sandbox is provisioned again, and says its data was lost). After five failed restarts in a row it stops
/// trying and says so.
/// </summary>
internal sealed class SandboxSupervisor : IAsyncDisposable
{
    public const int MaxRestarts = 5;
    private readonly SandboxEmulators emulators;
    private readonly Func<CancellationToken, Task> afterDataLoss;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private readonly int silentProbesBeforeRestart;
    private int failures;
    private int silentStreak;

    /// <param name="silentProbesBeforeRestart">Probes in a row a running emulator may leave unanswered before it is killed and started again.</param>
    public SandboxSupervisor(SandboxEmulators emulators, Func<CancellationToken, Task> afterDataLoss, ILogger logger, TimeProvider time, TimeSpan interval,
        int silentProbesBeforeRestart = 10)
    {
        this.silentProbesBeforeRestart = silentProbesBeforeRestart;
        this.emulators = emulators;
        this.afterDataLoss = afterDataLoss;
        this.logger = logger;
        this.time = time;
        Health = new(SandboxHealthState.Running, "DynamoDB Local and cognito-local are running.", time.GetUtcNow());
        loop = Task.Run(() => WatchAsync(interval));
    }

    public SandboxHealth Health { get; private set; }
    public event Action<SandboxHealth>? Changed;

    private async Task WatchAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                if (Health.State == SandboxHealthState.Failed) continue;
                var exited = emulators.Exited();
                if (exited.Count == 0)
                {
                    var silent = await emulators.SilentAsync(stop.Token);
                    // One missed probe may be a busy machine; two in a row are worth saying.
                    silentStreak = silent.Count > 0 ? silentStreak + 1 : 0;
                    if (silentStreak >= silentProbesBeforeRestart)
                    {
                        // Hung or stopped: it holds its port and answers nothing, so only a new process brings it back.
                        silentStreak = 0;
                        await RecoverAsync(silent, "stopped answering");
                    }
                    else if (silentStreak == 2) Report(SandboxHealthState.Down, $"{string.Join(" and ", silent)} is running but does not answer.", silent);
                    else if (silent.Count == 0 && Health.State != SandboxHealthState.Running)
                        Report(SandboxHealthState.Running, "DynamoDB Local and cognito-local are running again.", []);
                    continue;
                }
                silentStreak = 0;
                await RecoverAsync(exited, "stopped");
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <param name="what">What happened to them: "stopped" (the process exited) or "stopped answering" (it runs, silent).</param>
    private async Task RecoverAsync(IReadOnlyList<string> down, string what)
    {
        var since = Health.State == SandboxHealthState.Down ? Health.Since : time.GetUtcNow();
        Report(SandboxHealthState.Down, $"{string.Join(" and ", down)} {what} at {since:HH:mm:ss} UTC. Restarting it...", down, since);
        logger.LogWarning("Sandbox: {Emulators} {What}; restarting", string.Join(", ", down), what);
        try
        {
            foreach (var name in down) await emulators.RestartAsync(name, stop.Token);
            var lost = !emulators.KeepsData && down.Contains(SandboxEmulators.DynamoDbName);
            if (lost) await afterDataLoss(stop.Token);
            failures = 0;
            Report(SandboxHealthState.Running, $"{string.Join(" and ", down)} {what} at {since:HH:mm:ss} UTC and was restarted at {time.GetUtcNow():HH:mm:ss} UTC"
                + (lost ? ". It ran in memory, so its data was lost: the pre-rollout sandbox was provisioned again." : ", with its data."), []);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Sandbox: restarting {Emulators} failed", string.Join(", ", down));
            if (++failures >= MaxRestarts)
                Report(SandboxHealthState.Failed,
                    $"{string.Join(" and ", down)} {what} and could not be restarted ({MaxRestarts} tries): {e.Message} Restart the console.", down, since);
        }
    }

    private void Report(SandboxHealthState state, string message, IReadOnlyList<string> down, DateTimeOffset? since = null)
    {
        var recovered = state == SandboxHealthState.Running && Health.State != SandboxHealthState.Running;
        Health = new SandboxHealth(state, message, since ?? time.GetUtcNow()) { DownEmulators = down, Recovered = recovered };
        Changed?.Invoke(Health);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        stop.Dispose();
    }
}
