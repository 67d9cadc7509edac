using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Security;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Jobs;

/// <summary>The admin who starts a job acts in the job only: its events reach every subscriber (a viewer's page too) as nobody.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class JobActorTests(EmulatorFixture emulators)
{
    private static readonly Actor Viewer = new("Vera Viewer", "oid-vera", AdminRole.Viewer, "tests");

    [Fact]
    public async Task A_handler_running_on_a_job_event_cannot_start_a_write_as_the_admin_who_started_the_job()
    {
        // The web app's actor: the flow's own, as each circuit activity sets it.
        await using var services = emulators.Services(overrides: s => s.AddSingleton<ICurrentActor, AmbientActor>());
        await services.GetRequiredService<IAmazonDynamoDB>().CreateTableAsync(TableRequests.Create(services.GetRequiredService<PlatformSchema>().Ops));
        var runner = services.GetRequiredService<JobRunner>();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Actor? insideJob = null;
        AmbientActor.Set(EmulatorFixture.TestAdmin); // the admin's circuit starts the job
        var run = runner.Start("actor-test", "A job an admin started", async job =>
        {
            await go.Task;
            insideJob = AmbientActor.CurrentActor;
            job.Info("a line a viewer's page redraws");
        });
        var seen = new ConcurrentQueue<(Actor Actor, Exception? Refusal)>();
        // A viewer's page follows the run: its handler tries a write (a job start checks for an admin, as every write does).
        using var followed = run.Subscribe(() =>
        {
            var actor = AmbientActor.CurrentActor;
            try
            {
                runner.Start("actor-test-write", "A write from a job event", _ => Task.CompletedTask);
                seen.Enqueue((actor, null));
            }
            catch (AdminAccessDeniedException e)
            {
                seen.Enqueue((actor, e));
            }
        });
        AmbientActor.Set(Viewer);

        go.SetResult();
        await run.Completion.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(run.State == JobState.Succeeded, run.Text());
        Assert.Equal(EmulatorFixture.TestAdmin, insideJob);
        Assert.True(seen.Count >= 2, "the handler ran on the log line and on the end");
        Assert.All(seen, s =>
        {
            Assert.Equal(Actor.Anonymous, s.Actor);
            Assert.IsType<AdminAccessDeniedException>(s.Refusal);
        });
        Assert.Null(runner.Latest("actor-test-write"));
    }
}
