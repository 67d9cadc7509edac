using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Monitoring;
using CreatorPlatform.Core.Rollback;
using CreatorPlatform.Core.Sandbox;
using CreatorPlatform.Core.Troubleshooting;

namespace CreatorPlatform.Core.Schema;

/// <summary>
/// What the Tables &amp; indexes screen shows: the tables' status, the monitoring snapshot (read again at most every
/// <see cref="TablesScreen.MetricsMaxAge"/>), index builds that look stuck, and the last read's failure, if any.
/// </summary>
public sealed record TablesScreenState(PlatformStatus? Status, MonitoringSnapshot? Monitoring, IReadOnlyList<IndexTrouble> Troubles)
{
    public static TablesScreenState Empty { get; } = new(null, null, []);

    /// <summary>Why the last read failed; <see cref="Status"/> then is the last good read.</summary>
    public Trouble? ReadFailure { get; init; }

    /// <summary>AWS's own text of the failure, for admins.</summary>
    public string? ReadFailureRaw { get; init; }

    /// <summary>Something is CREATING/UPDATING: the screen reads again every few seconds.</summary>
    public bool InTransition => Status?.InTransition == true;

    public IReadOnlyList<IndexTrouble> TroublesOf(string table) => Troubles.Where(t => t.Table == table).ToList();
}

/// <summary>What the screen read while the page was prerendered, handed to its live render so that a view reads once.</summary>
public sealed record TablesScreenPrerender(TablesScreenState State, IReadOnlyList<TablePitr>? Pitr);

/// <summary>The Tables &amp; indexes screen's one entry point: its reads, the schema job and the sandbox's health.</summary>
public sealed class TablesScreen(SchemaStatusService status, SchemaApplier applier, JobRunner jobs, AwsContext aws, TableMetricsService metrics,
    IndexBuildClock buildClock, Troubleshooter troubleshooter, ISandboxState sandbox, PitrService pitr, TimeProvider time)
{
    /// <summary>CloudWatch's figures move in five-minute periods: a refresh every few seconds reuses them this long.</summary>
    public static readonly TimeSpan MetricsMaxAge = TimeSpan.FromSeconds(30);

    public bool IsSandbox => aws.IsSandbox;

    public string StackName => aws.Options.StackName;

    public string OpsTable => aws.Options.Tables.Ops;

    public SandboxHealth? SandboxHealth => sandbox.Health;

    /// <summary>An emulator stopped or came back.</summary>
    public event Action<SandboxHealth>? SandboxHealthChanged
    {
        add => sandbox.HealthChanged += value;
        remove => sandbox.HealthChanged -= value;
    }

    public JobRun? LatestApply() => jobs.Latest(SchemaApplier.JobKind);

    public JobRun StartApply() => jobs.Start(SchemaApplier.JobKind, "Apply schema", applier.ApplyAsync);

    public Task<IReadOnlyList<TablePitr>> ReadPitrAsync(CancellationToken ct) => pitr.ReadAllAsync(ct);

    /// <summary>
    /// Reads the status, and the metrics when <paramref name="previous"/>'s are older than <see cref="MetricsMaxAge"/>.
    /// A failed read keeps what <paramref name="previous"/> showed and says why it failed.
    /// </summary>
    public async Task<TablesScreenState> ReadAsync(TablesScreenState? previous, CancellationToken ct)
    {
        previous ??= TablesScreenState.Empty;
        var monitoring = previous.Monitoring;
        PlatformStatus? read = null;
        try
        {
            read = await status.GetStatusAsync(ct);
            if (monitoring is null || time.GetUtcNow() - monitoring.ReadAt > MetricsMaxAge) monitoring = await metrics.ReadAsync(read.Tables, ct);
            return new(read, monitoring, buildClock.Observe(read.Tables, monitoring));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return previous with
            {
                Status = read ?? previous.Status, Monitoring = monitoring, ReadFailure = troubleshooter.Explain(e), ReadFailureRaw = e.Message,
            };
        }
    }
}
