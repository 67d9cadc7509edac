using CreatorPlatform.Core;

namespace AdminConsole.Components;

/// <summary>Where each screen Core names lives in the console, and what the menu calls it: the one map of routes.</summary>
public static class Screens
{
    public static string Route(this ConsoleScreen screen) => screen switch
    {
        ConsoleScreen.Overview => "/",
        ConsoleScreen.Tables => "/tables",
        ConsoleScreen.Migration => "/migration",
        ConsoleScreen.Creators => "/creators",
        ConsoleScreen.Analytics => "/analytics",
        ConsoleScreen.Verification => "/verification",
        ConsoleScreen.Audit => "/audit",
        _ => throw new ArgumentOutOfRangeException(nameof(screen), screen, "No route for this screen."),
    };

    public static string Title(this ConsoleScreen screen) => screen switch
    {
        ConsoleScreen.Tables => "Tables & indexes",
        _ => screen.ToString(),
    };

    /// <summary>The menu, in its order.</summary>
    public static readonly IReadOnlyList<(ConsoleScreen Screen, string Icon)> Menu =
    [
        (ConsoleScreen.Overview, MudBlazor.Icons.Material.Filled.Checklist),
        (ConsoleScreen.Tables, MudBlazor.Icons.Material.Filled.TableChart),
        (ConsoleScreen.Migration, MudBlazor.Icons.Material.Filled.DriveFileMove),
        (ConsoleScreen.Creators, MudBlazor.Icons.Material.Filled.Groups),
        (ConsoleScreen.Verification, MudBlazor.Icons.Material.Filled.FactCheck),
        (ConsoleScreen.Analytics, MudBlazor.Icons.Material.Filled.Insights),
        (ConsoleScreen.Audit, MudBlazor.Icons.Material.Filled.History),
    ];
}
