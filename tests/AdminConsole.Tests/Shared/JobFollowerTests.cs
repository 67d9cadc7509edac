using AdminConsole.Components.Shared;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AdminConsole.Tests.Shared;

/// <summary>The one way pages follow job runs: throttled redraws while subscribed, none once the page follows another run or is gone.</summary>
[Collection(JobsCollection.Name)]
public sealed class JobFollowerTests(JobsFixture jobs)
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private readonly List<(string Run, bool Ended)> redraws = [];

    private JobFollower Follower() => new(clock, work => work(), e => Task.FromException(e), (run, ended) =>
    {
        lock (redraws) redraws.Add((run.Title, ended));
        return Task.CompletedTask;
    });

    private List<(string Run, bool Ended)> Redraws { get { lock (redraws) return [.. redraws]; } }

    [Fact]
    public async Task A_disposed_follower_is_called_no_more_and_a_followed_run_redraws_at_most_every_quarter_second_and_at_its_end()
    {
        var runner = (await jobs.CoreAsync()).GetRequiredService<JobRunner>();
        var (run, job, go) = await StartAsync(runner, "first");
        var follower = Follower();
        follower.Follow(run);

        job.Info("drawn");
        job.Info("within the quarter second: not drawn");
        clock.Advance(JobFollower.Every);
        job.Info("drawn again");
        var whileFollowed = Redraws;
        follower.Dispose();
        job.Info("after the page is gone");
        go.SetResult();
        await run.Completion.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal([("first", false), ("first", false)], whileFollowed);
        Assert.Equal(whileFollowed, Redraws);
    }

    [Fact]
    public async Task Following_another_run_lets_go_of_the_first_and_the_end_is_always_drawn()
    {
        var core = await jobs.CoreAsync();
        var runner = core.GetRequiredService<JobRunner>();
        var (first, firstJob, firstGo) = await StartAsync(runner, "first");
        var (second, secondJob, secondGo) = await StartAsync(runner, "second", "job-follower-other");
        using var follower = Follower();
        follower.Follow(first);

        follower.Follow(second);
        firstJob.Info("the first run, no longer followed");
        firstGo.SetResult();
        secondJob.Info("drawn");
        secondJob.Info("within the quarter second: not drawn");
        secondGo.SetResult();
        await Task.WhenAll(first.Completion, second.Completion).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal([("second", false), ("second", true)], Redraws);
    }

    private static async Task<(JobRun Run, JobContext Job, TaskCompletionSource Go)> StartAsync(JobRunner runner, string title, string kind = "job-follower")
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new TaskCompletionSource<JobContext>(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = runner.Start(kind, title, async job =>
        {
            started.SetResult(job);
            await go.Task;
        });
        return (run, await started.Task.WaitAsync(TimeSpan.FromMinutes(1)), go);
    }
}
