using System.Globalization;
using CreatorPlatform.Core.Analytics;

namespace AdminConsole.Components.Pages.Analytics;

/// <summary>The tables on screen as CSV, offered as data: links so that the download needs no script and no endpoint.</summary>
public static class AnalyticsCsv
{
    public static string Series(IReadOnlyList<SeriesPoint> series) => Build(
        ["from", "to", "page_views", "product_views", "affiliate_clicks", "ctr"],
        series.Select(p => Row([AnalyticsFormat.Day(p.Start), AnalyticsFormat.Day(p.End)], p.Totals)));

    public static string Creators(IReadOnlyList<CreatorTotals> ranked) => Build(
        ["rank", "slug", "display_name", "page_views", "product_views", "affiliate_clicks", "ctr", "prev_page_views", "prev_product_views", "prev_affiliate_clicks"],
        ranked.Select((c, i) => Row([(i + 1).ToString(CultureInfo.InvariantCulture), c.Creator.Slug, c.Creator.DisplayName], c.Current)
            .Concat([N(c.Previous.PageViews), N(c.Previous.ProductViews), N(c.Previous.AffiliateClicks)])));

    public static string TopProducts(IReadOnlyList<TopProductRow> rows) => Build(
        ["product_id", "title", "views", "clicks", "ctr"],
        rows.Select(r => new[] { r.ProductId, r.Title, N(r.Views), N(r.Clicks), Ratio(r.ClickThroughRate) }));

    public static string DataUri(string csv) => "data:text/csv;charset=utf-8," + Uri.EscapeDataString(csv);

    private static IEnumerable<string> Row(IEnumerable<string> first, Totals t) =>
        first.Concat([N(t.PageViews), N(t.ProductViews), N(t.AffiliateClicks), Ratio(t.ClickThroughRate)]);

    private static string Build(string[] header, IEnumerable<IEnumerable<string>> rows) => AdminConsole.Csv.SafeCsv.Write(header, rows);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    // Empty, not "none": a spreadsheet should see a missing number, not text.
    private static string Ratio(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";
}
