using CreatorPlatform.Core.Rollout;

namespace CreatorPlatform.Core.Analytics.Freshness;

public enum FreshnessState { Fresh, Behind, NoEvents }

/// <summary>One creator: the newest event, the newest summary day, and whether the summaries keep up.</summary>
public sealed record CreatorFreshness(CreatorRef Creator, DateTimeOffset? NewestEvent, DateOnly? NewestSummary)
{
    /// <summary>Whole days from the newest summary to the newest event; null without events or without any summary.</summary>
    public int? DaysBehind => NewestEvent is { } e && NewestSummary is { } s ? Math.Max(0, DateOnly.FromDateTime(e.UtcDateTime).DayNumber - s.DayNumber) : null;

    /// <summary>Behind when events exist and the summaries are more than one day older than the newest of them (or missing).</summary>
    public FreshnessState State => NewestEvent is null ? FreshnessState.NoEvents
        : NewestSummary is null || DaysBehind > 1 ? FreshnessState.Behind : FreshnessState.Fresh;

    public string Describe() => State switch
    {
        FreshnessState.NoEvents => "no events",
        FreshnessState.Behind when NewestSummary is null => $"events up to {NewestEvent:yyyy-MM-dd HH:mm} UTC and no summary at all",
        FreshnessState.Behind => $"summaries {DaysBehind} days behind the events (newest summary {NewestSummary:yyyy-MM-dd}, newest event {NewestEvent:yyyy-MM-dd HH:mm} UTC)",
        _ => $"summaries up to {NewestSummary:yyyy-MM-dd}, newest event {NewestEvent:yyyy-MM-dd HH:mm} UTC",
    };
}

/// <summary>
/// The platform's freshness over every creator the walk probed: the counts and newest dates cover them all, and
/// <see cref="Behind"/> lists the first of those behind (at most <see cref="FreshnessTally.ListLimit"/>).
/// </summary>
public sealed record PlatformFreshness(DateTimeOffset CheckedAt, DateOnly Today, IReadOnlyList<CreatorFreshness> Behind, int BehindCount, int Probed,
    int TotalCreators, DateOnly? NewestSummary, DateTimeOffset? NewestEvent, RebuildRunRecord? LastRun)
{
    /// <summary>Summaries older than this are never green, whatever the events say (traffic or tracking may have stopped too).</summary>
    public const int StaleDays = 7;

    public bool Partial => Probed < TotalCreators;
    private bool HasEvents => NewestEvent is not null;
    private bool WeekOld => NewestSummary is { } s && Today.DayNumber - s.DayNumber >= StaleDays;

    public CheckState State => !HasEvents && NewestSummary is null ? CheckState.NotCovered
        : BehindCount > 0 || WeekOld || NewestSummary is null ? CheckState.Amber
        : CheckState.Green;

    public string Describe()
    {
        var last =
            LastRun is { } r ? $" Last rebuild {r.EndedAt:yyyy-MM-dd HH:mm} UTC ({r.Trigger.ToString().ToLowerInvariant()}, by {r.StartedBy})." : " No rebuild has completed yet.";
        var probed = Partial ? $" {Probed:N0} of {TotalCreators:N0} creators probed." : "";
        return State switch
        {
            CheckState.NotCovered => "No events and no summaries yet." + last,
            CheckState.Green => $"Summaries keep up with the events: newest summary {NewestSummary:yyyy-MM-dd}, newest event {NewestEvent:yyyy-MM-dd HH:mm} UTC.{last}{probed}",
            _ when BehindCount > 0
                =>
                    $"{BehindCount:N0} creator(s) with summaries more than a day behind their events " +
                        $"({string.Join(", ", Behind.Take(5).Select(c => c.Creator.Slug))}{(BehindCount > 5 ? ", ..." : "")}).{last}{probed}",
            _ when NewestSummary is null => "Events exist but no summary at all: run a rebuild." + last,
            _
                =>
                    $"The newest summary is {Today.DayNumber - NewestSummary!.Value.DayNumber} days old ({NewestSummary:yyyy-MM-dd}): neither tracking nor the rebuild is " +
                        $"keeping the summaries current.{last}{probed}",
        };
    }
}

/// <summary>Adds up creators' freshness one at a time, keeping the counts and newest dates of all and the first few behind.</summary>
public sealed class FreshnessTally
{
    public const int ListLimit = 50;
    private readonly Lock gate = new();
    private readonly List<CreatorFreshness> behind = [];
    private int behindCount, probed;
    private DateOnly? newestSummary;
    private DateTimeOffset? newestEvent;

    public void Add(CreatorFreshness creator)
    {
        lock (gate)
        {
            probed++;
            if (creator.NewestSummary > newestSummary || newestSummary is null) newestSummary = creator.NewestSummary ?? newestSummary;
            if (creator.NewestEvent > newestEvent || newestEvent is null) newestEvent = creator.NewestEvent ?? newestEvent;
            if (creator.State != FreshnessState.Behind) return;
            behindCount++;
            if (behind.Count < ListLimit) behind.Add(creator);
        }
    }

    public PlatformFreshness Build(DateTimeOffset checkedAt, DateOnly today, int totalCreators, RebuildRunRecord? lastRun)
    {
        lock (gate)
            return new(checkedAt, today, behind.OrderBy(c => c.Creator.Slug, StringComparer.Ordinal).ToList(), behindCount, probed, totalCreators,
                newestSummary, newestEvent, lastRun);
    }
}
