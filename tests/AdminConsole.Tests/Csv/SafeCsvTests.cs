using AdminConsole.Audit;
using AdminConsole.Components.Pages.Analytics;
using AdminConsole.Csv;
using CreatorPlatform.Core.Analytics;

namespace AdminConsole.Tests.Csv;

/// <summary>Both exports write through one CSV writer that keeps a spreadsheet from running a field as a formula.</summary>
public sealed class SafeCsvTests
{
    public static readonly TheoryData<string> Formulas = new() { "=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1+1", "\r=1+1" };

    [Theory]
    [MemberData(nameof(Formulas))]
    public void The_analytics_csv_neutralises_a_field_that_a_spreadsheet_would_run(string title)
    {
        var csv = AnalyticsCsv.TopProducts([new TopProductRow("p1", 3, 1, new ProductInfo("p1", title, null))]);

        var field = SecondLine(csv).Split(',')[1].Trim('"');
        Assert.StartsWith("'", field);
    }

    [Theory]
    [MemberData(nameof(Formulas))]
    public void The_audit_csv_neutralises_the_same_fields(string detail)
    {
        var csv = SafeCsv.Write(["detail"], [[detail]]);

        Assert.StartsWith("'", SecondLine(csv).Trim('"'));
    }

    [Fact]
    public void Commas_quotes_and_line_breaks_are_quoted_as_rfc_4180_says()
    {
        var csv = SafeCsv.Write(["a", "b"], [["Smith, \"Jr\"", "two\nlines"]]);

        Assert.Equal("a,b\r\n\"Smith, \"\"Jr\"\"\",\"two\nlines\"\r\n", csv);
    }

    private static string SecondLine(string csv) => csv[(csv.IndexOf("\r\n", StringComparison.Ordinal) + 2)..];
}
