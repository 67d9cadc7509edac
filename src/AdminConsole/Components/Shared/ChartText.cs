using System.Net;
using CreatorPlatform.Core.Security;

namespace AdminConsole.Components.Shared;

/// <summary>
/// MudBlazor writes chart labels into its SVG as markup, not as text: a label holding a tag would become an element of
/// the page. Every label given to a chart goes through here, HTML-encoded once, with control and direction characters
/// made visible.
/// </summary>
public static class ChartText
{
    public static string Label(string? text) => WebUtility.HtmlEncode(UntrustedText.Visible(text));

    public static string[] Labels(IEnumerable<string> texts) => texts.Select(Label).ToArray();
}
