using System.Globalization;
using CsvHelper;

namespace AdminConsole.Csv;

/// <summary>
/// The one CSV writer of every export (analytics tables, the audit log): RFC 4180 quoting by CsvHelper, and a field that
/// begins with = + - @ TAB or CR is prefixed with a quote, so a spreadsheet shows it as text instead of running it as a
/// formula (titles, names and audit details are other people's text).
/// </summary>
public static class SafeCsv
{
    private static readonly CsvWriterOptions Options = new()
    {
        NewLine = "\r\n",
        Injection = CsvInjection.Escape,
        InjectionCharacters = "=+-@\t\r",
        InjectionEscape = '\'',
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static CsvWriter Writer(TextWriter target) => CsvWriter.Create(target, Options, true);

    public static void WriteRow(this CsvWriter csv, IEnumerable<string> fields)
    {
        foreach (var field in fields) csv.WriteField(field);
        csv.EndRecord();
    }

    public static string Write(IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = Writer(text))
        {
            csv.WriteRow(header);
            foreach (var row in rows) csv.WriteRow(row);
        }
        return text.ToString();
    }
}
