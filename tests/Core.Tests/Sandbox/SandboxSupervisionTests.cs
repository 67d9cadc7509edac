using System.Diagnostics;
using Amazon.DynamoDBv2;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Sandbox;
using CreatorPlatform.Sandbox;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Sandbox;

/// <summary>The runtime's emulators, killed as a crash would: the sandbox says so, restarts them, and jobs work again.</summary>
public sealed class SandboxSupervisionTests
{
    [Fact]
    public async Task DynamoDB_Local_killed_mid_job_is_reported_down_then_restarted_and_the_retried_job_succeeds()
    {
        await using var services = new EmulatorFixture().Services(s =>
        {
            s["Platform:Sandbox:ProductCount"] = "10";
            s["Platform:Sandbox:SuperviseMilliseconds"] = "200";
        });
        var runtime = services.GetRequiredService<SandboxRuntime>();
        await runtime.StartAsync(CancellationToken.None);
        var seen = new List<SandboxHealth>();
        var recovered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        runtime.HealthChanged += h => { lock (seen) seen.Add(h); if (h.Up) recovered.TrySetResult(); };
        var dynamoDb = services.GetRequiredService<IAmazonDynamoDB>();
        var runner = services.GetRequiredService<JobRunner>();
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var midJob = runner.Start("sandbox-probe", "Probe", async job =>
        {
            Kill(runtime.EmulatorProcessIds[SandboxEmulators.DynamoDbName]);
            killed.SetResult();
            await dynamoDb.ListTablesAsync(job.CancellationToken);
        });

        await midJob.Completion.WaitAsync(TimeSpan.FromMinutes(2));
        await recovered.Task.WaitAsync(TimeSpan.FromMinutes(2));
        var retried = await runner.RunToEndAsync("sandbox-probe", async job => await dynamoDb.ListTablesAsync(job.CancellationToken));

        Assert.Equal(JobState.Failed, midJob.State);
        Assert.Contains(seen, h => h is { Up: false, DynamoDbDown: true } && h.Message.Contains("DynamoDB Local stopped at"));
        Assert.True(runtime.Health!.Up);
        Assert.Contains("data was lost: the pre-rollout sandbox was provisioned again", runtime.Health.Message);
        Assert.True(retried.State == JobState.Succeeded, retried.Text());
        Assert.Contains(services.GetRequiredService<PlatformSchema>().Products.Name, (await dynamoDb.ListTablesAsync()).TableNames);
        await runtime.DisposeAsync();
    }

    [Fact]
    public async Task DynamoDB_Local_stopped_by_a_signal_holds_its_port_but_answers_nothing_and_is_killed_and_started_again_after_the_probes()
    {
        await using var services = new EmulatorFixture().Services(s =>
        {
            s["Platform:Sandbox:ProductCount"] = "5";
            s["Platform:Sandbox:SuperviseMilliseconds"] = "200";
            s["Platform:Sandbox:SilentProbesBeforeRestart"] = "3";
        });
        var runtime = services.GetRequiredService<SandboxRuntime>();
        await runtime.StartAsync(CancellationToken.None);
        var seen = new List<SandboxHealth>();
        var recovered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        runtime.HealthChanged += h => { lock (seen) seen.Add(h); if (h.Up && h.Recovered) recovered.TrySetResult(); };
        var stopped = runtime.EmulatorProcessIds[SandboxEmulators.DynamoDbName];

        Signal("STOP", stopped);
        await recovered.Task.WaitAsync(TimeSpan.FromMinutes(2));
        var tables = (await services.GetRequiredService<IAmazonDynamoDB>().ListTablesAsync()).TableNames;

        Assert.Contains(seen, h => !h.Up && h.Message.Contains("DynamoDB Local stopped answering at"));
        Assert.Contains("DynamoDB Local stopped answering at", runtime.Health!.Message);
        Assert.Contains("was restarted at", runtime.Health.Message);
        Assert.NotEqual(stopped, runtime.EmulatorProcessIds[SandboxEmulators.DynamoDbName]);
        Assert.False(Directory.Exists($"/proc/{stopped}"), "the stopped emulator was killed, not left behind");
        Assert.Contains(services.GetRequiredService<PlatformSchema>().Products.Name, tables);
        await runtime.DisposeAsync();
    }

    private static void Signal(string signal, int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, pid.ToString()]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }

    private static void Kill(int pid)
    {
        using var process = Process.GetProcessById(pid);
        process.Kill(entireProcessTree: true);
    }
}
