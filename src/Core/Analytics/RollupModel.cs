using System.Text.Json;

namespace CreatorPlatform.Core.Analytics;

/// <summary>A creator's totals over one preset period and the period before it, with how many days had summaries.</summary>
public sealed record PeriodTotals(Totals Current, Totals Previous, int Days);

/// <summary>One creator's period totals, as of the rollup's day.</summary>
public sealed record CreatorRollupRow(CreatorRef Creator, IReadOnlyDictionary<RangePreset, PeriodTotals> Periods);

/// <summary>Events per hour and type over the last 24 hours, and the creators whose traffic stopped.</summary>
public sealed record TrackingSnapshot(DateTimeOffset From, IReadOnlyList<HourCounts> Hours, IReadOnlyList<CreatorRef> Stopped, int StoppedTotal)
{
    public static TrackingSnapshot Empty(DateTimeOffset from) => new(from, [], [], 0);
    public long Total => Hours.Sum(h => h.PageViews + h.ProductViews + h.AffiliateClicks);
}

public sealed record HourCounts(DateTimeOffset Hour, long PageViews, long ProductViews, long AffiliateClicks);

/// <summary>A preset's platform-wide figures: the sums over every creator, how many creators, how many with a summary in it.</summary>
public sealed record PresetFigures(Totals Current, Totals Previous, int Creators, int WithSummaries);

/// <summary>
/// What the rebuild rolled up, and when: the overview reads this instead of one Query per creator. Read for a view,
/// <see cref="Creators"/> holds only the rows that rank in the first <see cref="PlatformOverview.RankingSize"/> of some
/// preset by some metric, and <see cref="Figures"/> the sums over all of them, so that the read costs the same at any
/// number of creators.
/// </summary>
public sealed record RollupSnapshot(string Generation, string RunId, DateOnly AsOf, DateTimeOffset BuiltAt,
    IReadOnlyList<CreatorRollupRow> Creators, IReadOnlyDictionary<DateOnly, Totals> Days, TrackingSnapshot Tracking)
{
    /// <summary>Per preset, the sums over every creator; null in a snapshot that holds every creator's row (their sums are these).</summary>
    public IReadOnlyDictionary<RangePreset, PresetFigures>? Figures { get; init; }

    /// <summary>Each preset's figures, from <see cref="Figures"/> or else from every creator's row.</summary>
    public PresetFigures FiguresFor(RangePreset preset) => Figures?.GetValueOrDefault(preset) ?? new PresetFigures(
        Totals.Sum(Creators.Select(r => Period(r, preset).Current)), Totals.Sum(Creators.Select(r => Period(r, preset).Previous)), Creators.Count,
        Creators.Count(r => Period(r, preset).Days > 0));

    /// <summary>The rows a view can rank: each preset's first <see cref="PlatformOverview.RankingSize"/> by each metric, once each.</summary>
    public IReadOnlyList<CreatorRollupRow> Ranked() => Presets
        .SelectMany(p => Enum.GetValues<Metric>().SelectMany(m =>
            PlatformOverview.Rank(Creators, r => Period(r, p).Current, r => r.Creator.Slug, m).Take(PlatformOverview.RankingSize)))
        .DistinctBy(r => r.Creator.Id).OrderBy(r => r.Creator.Slug, StringComparer.Ordinal).ToList();

    public static PeriodTotals Period(CreatorRollupRow row, RangePreset preset) =>
        row.Periods.TryGetValue(preset, out var p) ? p : new PeriodTotals(Totals.Zero, Totals.Zero, 0);

    /// <summary>The periods each rollup holds per creator: the Analytics page's presets.</summary>
    public static readonly RangePreset[] Presets = [RangePreset.Last7, RangePreset.Last30, RangePreset.Last90, RangePreset.ThisMonth];

    /// <summary>The longest stretch a rollup covers: 90 days and the 90 before them.</summary>
    public const int WindowDays = 180;

    /// <summary>The preset this range is, as of the rollup's day; null when the rollup cannot answer it.</summary>
    public RangePreset? PresetFor(DateRange range) =>
        Presets.Where(p => DateRange.For(p, AsOf) == range).Select(p => (RangePreset?)p).FirstOrDefault();
}

/// <summary>The compact JSON the rollup items carry; a row is a few hundred bytes, so 10,000 creators fit in a few items.</summary>
internal static class RollupJson
{
    private sealed record Row(string I, string S, string N, long[] C);

    public static string Encode(CreatorRollupRow row) => JsonSerializer.Serialize(new Row(row.Creator.Id, row.Creator.Slug, row.Creator.DisplayName,
        RollupSnapshot.Presets.SelectMany(p => row.Periods.TryGetValue(p, out var t) ? Flat(t) : new long[7]).ToArray()));

    public static IEnumerable<CreatorRollupRow> DecodeChunk(string json) =>
        (JsonSerializer.Deserialize<Row[]>(json) ?? []).Select(r => new CreatorRollupRow(new CreatorRef(r.I, r.S, r.N),
            RollupSnapshot.Presets.Select((p, i) => (p, t: Unflat(r.C.AsSpan(i * 7, 7)))).ToDictionary(x => x.p, x => x.t)));

    private sealed record Top(Dictionary<string, long[]> F, string Rows);

    /// <summary>The view's item: each preset's figures and the ranked rows (a chunk's JSON).</summary>
    public static string EncodeTop(RollupSnapshot snapshot) => JsonSerializer.Serialize(new Top(
        RollupSnapshot.Presets.ToDictionary(p => p.ToString(), p => snapshot.FiguresFor(p) is var f
            ? new[] { f.Current.PageViews, f.Current.ProductViews, f.Current.AffiliateClicks, f.Previous.PageViews, f.Previous.ProductViews,
                f.Previous.AffiliateClicks, f.Creators, f.WithSummaries }
            : []),
        "[" + string.Join(",", snapshot.Ranked().Select(Encode)) + "]"));

    public static (IReadOnlyDictionary<RangePreset, PresetFigures> Figures, IReadOnlyList<CreatorRollupRow> Rows) DecodeTop(string json)
    {
        var top = JsonSerializer.Deserialize<Top>(json) ?? throw new JsonException("The rollup's view item is empty.");
        var figures = top.F.Where(f => Enum.TryParse<RangePreset>(f.Key, out _) && f.Value.Length == 8).ToDictionary(f => Enum.Parse<RangePreset>(f.Key),
            f => new PresetFigures(new Totals(f.Value[0], f.Value[1], f.Value[2]), new Totals(f.Value[3], f.Value[4], f.Value[5]), (int)f.Value[6], (int)f.Value[7]));
        return (figures, DecodeChunk(top.Rows).ToList());
    }

    public static string EncodeDays(IReadOnlyDictionary<DateOnly, Totals> days) =>
        JsonSerializer.Serialize(days.ToDictionary(d => DailySummaryMapper.FormatDate(d.Key), d => new[] { d.Value.PageViews, d.Value.ProductViews, d.Value.AffiliateClicks }));

    public static IReadOnlyDictionary<DateOnly, Totals> DecodeDays(string? json) =>
        (json is null ? null : JsonSerializer.Deserialize<Dictionary<string, long[]>>(json))?
            .Where(d => DateRange.TryParseDay(d.Key, out _) && d.Value.Length == 3)
            .ToDictionary(d => DateOnly.ParseExact(d.Key, DailySummaryMapper.DateFormat), d => new Totals(d.Value[0], d.Value[1], d.Value[2]))
        ?? [];

    private sealed record Tracking(DateTimeOffset From, long[][] H, string[][] S, int T);

    public static string EncodeTracking(TrackingSnapshot t) => JsonSerializer.Serialize(new Tracking(t.From,
        t.Hours.Select(h => new[] { h.Hour.ToUnixTimeSeconds(), h.PageViews, h.ProductViews, h.AffiliateClicks }).ToArray(),
        t.Stopped.Select(c => new[] { c.Id, c.Slug, c.DisplayName }).ToArray(), t.StoppedTotal));

    public static TrackingSnapshot DecodeTracking(string? json, DateTimeOffset fallback)
    {
        var t = json is null ? null : JsonSerializer.Deserialize<Tracking>(json);
        if (t is null) return TrackingSnapshot.Empty(fallback);
        return new(t.From, t.H.Where(h => h.Length == 4).Select(h => new HourCounts(DateTimeOffset.FromUnixTimeSeconds(h[0]), h[1], h[2], h[3])).ToList(),
            t.S.Where(s => s.Length == 3).Select(s => new CreatorRef(s[0], s[1], s[2])).ToList(), t.T);
    }

    public static MemoryStream Pack(string json)
    {
        var packed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(json));
        packed.Position = 0;
        return packed;
    }

    public static string Unpack(MemoryStream packed)
    {
        packed.Position = 0;
        using var gzip = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(gzip, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static long[] Flat(PeriodTotals t) =>
        [t.Current.PageViews, t.Current.ProductViews, t.Current.AffiliateClicks, t.Previous.PageViews, t.Previous.ProductViews, t.Previous.AffiliateClicks, t.Days];

    private static PeriodTotals Unflat(ReadOnlySpan<long> c) => new(new Totals(c[0], c[1], c[2]), new Totals(c[3], c[4], c[5]), (int)c[6]);
}
