using CreatorPlatform.Core.Security;

namespace CreatorPlatform.Core.Jobs;

/// <summary>
/// What a screen's start button gets back: the run to follow (the new one, or the one of the same kind already running)
/// and the refusal to show, if any. The two refusals a start can meet become a result, so no page repeats the try/catch.
/// </summary>
public sealed record JobStart(JobRun? Run, string? Refusal)
{
    public bool Started => Refusal is null;

    /// <param name="start">A <see cref="JobRunner.Start"/> call, or a screen service's start method that makes one.</param>
    public static JobStart Try(Func<JobRun> start)
    {
        ArgumentNullException.ThrowIfNull(start);
        try { return new(start(), null); }
        catch (JobAlreadyRunningException e) { return new(e.Running, e.Message); }
        catch (AdminAccessDeniedException e) { return new(null, e.Message); }
    }
}
