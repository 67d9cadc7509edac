using MudBlazor;

namespace AdminConsole.Components.Layout;

public static class ConsoleTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight { Primary = "#3b4fd8", Secondary = "#c2185b", AppbarBackground = "#1f2a44" },
        // The dark palette's light primary and secondary carry dark text: white on them is below 3:1 and does not read.
        PaletteDark = new PaletteDark
        {
            Primary = "#8c9eff", PrimaryContrastText = "#0e1330", Secondary = "#f48fb1", SecondaryContrastText = "#2a0614",
            AppbarBackground = "#121826",
            // MudBlazor's 20% white stripe leaves the dark theme's text at 4.1:1 on every other row of the audit log.
            TableStriped = "rgba(255,255,255,0.06)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"] },
            // Buttons keep the case they are written in: ids and usernames in them must read as they are.
            Button = new ButtonTypography { TextTransform = "none" },
        },
    };
}
