using System.Reflection;
using AdminConsole.Components;
using CreatorPlatform.Core;
using Microsoft.AspNetCore.Components;

namespace AdminConsole.Tests.Web;

public sealed class ScreensTests
{
    [Fact]
    public void Every_screen_core_names_is_a_page_of_the_console_and_in_the_menu()
    {
        var routes = typeof(Screens).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>()).Select(r => r.Template).ToHashSet();

        var screens = Enum.GetValues<ConsoleScreen>();

        Assert.All(screens, s => Assert.Contains(s.Route(), routes));
        Assert.Equal(screens, Screens.Menu.Select(m => m.Screen).Order());
    }
}
