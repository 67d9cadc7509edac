using AdminConsole.Components.Pages.Analytics;
using AdminConsole.Security;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core.Analytics;
using CreatorPlatform.Sandbox;
using CreatorPlatform.Sandbox.Traffic;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AdminConsole.Tests.Analytics;

/// <summary>Reconcile's range on the Analytics page: it covers every day Generate writes, whatever range the charts show.</summary>
public sealed class ReconcileRangeTests : MudTestContext
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    public ReconcileRangeTests()
    {
        Services.AddCoreWithoutTables([], mode: "Sandbox",
            more: new Dictionary<string, string?> { ["Platform:Sandbox:CognitoPort"] = SandboxEmulators.FreePort().ToString() });
        Services.AddSandbox();
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(Today.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero)));
        Services.AddSingleton(new ConsoleRoles(new AccessOptions()));
        AsAdmin();
    }

    [Theory]
    [InlineData("")]
    [InlineData("?range=7d")]
    [InlineData("?range=30d")]
    [InlineData("?range=month")]
    public void Whatever_preset_the_charts_show_reconcile_covers_every_day_that_generate_writes(string query)
    {
        var generated = DateRange.LastDays(new TrafficRequest().Days, Today);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/analytics{query}");

        var (from, to, caption) = ReconcileRangeOf(Render<AnalyticsPage>());

        Assert.True(from <= generated.From, $"reconcile starts {from}, Generate writes from {generated.From}");
        Assert.Equal(Today, to);
        Assert.Contains("the last 90 days", caption);
    }

    [Fact]
    public void A_range_the_admin_chose_is_reconciled_as_chosen()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/analytics?range=custom&from=2026-10-01&to=2026-10-15");

        var (from, to, caption) = ReconcileRangeOf(Render<AnalyticsPage>());

        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 15)), (from, to));
        Assert.DoesNotContain("the last", caption);
    }

    private static (DateOnly From, DateOnly To, string Caption) ReconcileRangeOf(IRenderedComponent<AnalyticsPage> page)
    {
        var caption = page.WaitForElement("[data-testid='reconcile-range']");
        return (DateOnly.Parse(caption.GetAttribute("data-from")!), DateOnly.Parse(caption.GetAttribute("data-to")!), caption.TextContent);
    }
}
