using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;

namespace CreatorPlatform.Core.Monitoring;

/// <summary>
/// What a job consumed and how often it was throttled, from its own counts: items read and written (each write of an
/// item under 1 KB is one write request unit, conditional or not) and throttled requests it retried.
/// </summary>
public sealed record JobUsage(string Job, string RunId, DateTimeOffset StartedAt, TimeSpan? Took, string Table, long ItemsRead, long WriteRequests, long Throttles, string Outcome)
{
    /// <summary>Counter names a job uses for these figures; a job that counts under these names is shown too.</summary>
    public const string ReadCounter = BackfillCounters.Scanned, WrittenCounter = BackfillCounters.Updated, ThrottleCounter = BackfillCounters.Throttles;

    public static JobUsage FromRun(JobRun run, string table, string read = ReadCounter, string written = WrittenCounter) =>
        new(run.Title, run.Id, run.StartedAt, run.EndedAt - run.StartedAt, table,
            run.Counter(read), run.Counter(written), run.Counter(ThrottleCounter), run.State.ToString());

    /// <summary>A migration reads what it scans and writes what it updates; an undo reads its journal's products and writes those it puts back.</summary>
    public static JobUsage FromMigration(MigrationRunRecord run, string table) => run.Kind == RunKinds.Undo
        ? new("Migration undo", run.RunId, run.StartedAt, run.EndedAt - run.StartedAt, table,
            run.Counts.GetValueOrDefault("products"), run.Counts.GetValueOrDefault("undone"), run.Counts.GetValueOrDefault(ThrottleCounter), run.Outcome)
        : new("Migration", run.RunId, run.StartedAt, run.EndedAt - run.StartedAt, table,
            run.Counts.GetValueOrDefault(ReadCounter), run.Counts.GetValueOrDefault(WrittenCounter), run.Counts.GetValueOrDefault(ThrottleCounter), run.Outcome);

    /// <summary>The newest three migration and undo runs of the history.</summary>
    public static List<JobUsage> Migrations(MigrationState state, string table) =>
        state.History.Where(r => r.Kind is RunKinds.Migrate or RunKinds.Undo).Take(3).Select(r => FromMigration(r, table)).ToList();
}

/// <summary>A job kind run through <see cref="JobRunner"/> whose figures are shown, with the names of its read and write counters.</summary>
public sealed record JobUsageSource(string Kind, Func<Schema.PlatformSchema, string> Table,
    string ReadCounter = JobUsage.ReadCounter, string WrittenCounter = JobUsage.WrittenCounter);

/// <summary>The jobs' own figures: the newest migration runs from their history, and the newest run of each registered source.</summary>
public sealed class JobUsageService(MigrationStateService migration, JobRunner jobs, Schema.PlatformSchema schema, IEnumerable<JobUsageSource> sources)
{

    public async Task<IReadOnlyList<JobUsage>> ListAsync(CancellationToken ct)
    {
        var state = await migration.ReadAsync(ct);
        var usage = JobUsage.Migrations(state, schema.Products.Name);
        foreach (var source in sources)
            if (jobs.Latest(source.Kind) is { } run) usage.Add(JobUsage.FromRun(run, source.Table(schema), source.ReadCounter, source.WrittenCounter));
        return usage;
    }
}
