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

/// <summary>The platform's freshness: every probed creator, the last completed rebuild, and one state for the lot.</summary>
/// <remarks>Immutable, so the cache hands every caller the same instance rather than a copy.</remarks>
[System.ComponentModel.ImmutableObject(true)]
public sealed record PlatformFreshness(DateTimeOffset CheckedAt, DateOnly Today, IReadOnlyList<CreatorFreshness> Creators, int TotalCreators, RebuildRunRecord? LastRun)
{
    /// <summary>Summaries older than this are never green, whatever the events say (traffic or tracking may have stopped too).</summary>
    public const int StaleDays = 7;

    public IReadOnlyList<CreatorFreshness> Behind => Creators.Where(c => c.State == FreshnessState.Behind).ToList();
    public DateOnly? NewestSummary => Creators.Max(c => c.NewestSummary);
    public DateTimeOffset? NewestEvent => Creators.Max(c => c.NewestEvent);
    public bool Partial => Creators.Count < TotalCreators;
    private bool HasEvents => Creators.Any(c => c.NewestEvent is not null);
    private bool WeekOld => NewestSummary is { } s && Today.DayNumber - s.DayNumber >= StaleDays;

    public CheckState State => !HasEvents && NewestSummary is null ? CheckState.NotCovered
        : Behind.Count > 0 || WeekOld || NewestSummary is null ? CheckState.Amber
        : CheckState.Green;

    public string Describe()
    {
        var last = LastRun is { } r ? $" Last rebuild {r.EndedAt:yyyy-MM-dd HH:mm} UTC ({r.Trigger.ToString().ToLowerInvariant()}, by {r.StartedBy})." : " No rebuild has completed yet.";
        var probed = Partial ? $" {Creators.Count:N0} of {TotalCreators:N0} creators probed." : "";
        return State switch
        {
            CheckState.NotCovered => "No events and no summaries yet." + last,
            CheckState.Green => $"Summaries keep up with the events: newest summary {NewestSummary:yyyy-MM-dd}, newest event {NewestEvent:yyyy-MM-dd HH:mm} UTC.{last}{probed}",
            _ when Behind.Count > 0 => $"{Behind.Count:N0} creator(s) with summaries more than a day behind their events ({string.Join(", ", Behind.Take(5).Select(c => c.Creator.Slug))}{(Behind.Count > 5 ? ", ..." : "")}).{last}{probed}",
            _ when NewestSummary is null => "Events exist but no summary at all: run a rebuild." + last,
            _ => $"The newest summary is {Today.DayNumber - NewestSummary!.Value.DayNumber} days old ({NewestSummary:yyyy-MM-dd}): neither tracking nor the rebuild is keeping the summaries current.{last}{probed}",
        };
    }
}
