using CreatorPlatform.Core.Jobs;

namespace CreatorPlatform.Core.Tests.Infrastructure;

public static class JobTestExtensions
{
    /// <summary>Runs a job through the real runner and waits for its end.</summary>
    public static async Task<JobRun> RunToEndAsync(this JobRunner runner, string kind, Func<JobContext, Task> work)
    {
        var run = runner.Start(kind, kind, work);
        await run.Completion.WaitAsync(TimeSpan.FromMinutes(6));
        return run;
    }

    public static string Text(this JobRun run) => string.Join('\n', run.Log.Select(l => l.Message));
}
