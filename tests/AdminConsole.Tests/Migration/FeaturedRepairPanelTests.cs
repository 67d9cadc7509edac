using AdminConsole.Components.Pages.Migration;
using AdminConsole.Security;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core.Migration;

namespace AdminConsole.Tests.Migration;

public sealed class FeaturedRepairPanelTests : MudTestContext
{
    private static VerificationReport Report(long booleans) => new("jesskoufo", 1, 10, 10, new Dictionary<string, ProblemCount>(),
        new Dictionary<string, long> { ["\"false\""] = 10 - booleans, ["true (boolean)"] = booleans },
        booleans == 0 ? null : new ProblemCount(booleans, ["p1"]));

    [Fact]
    public void An_admin_sees_the_repair_when_the_verification_counts_booleans_and_a_click_starts_it()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("admin");
        auth.SetPolicies(Policies.Admin);
        var started = new List<bool>();

        var view = Render<FeaturedRepairPanel>(p => p.Add(c => c.Report, Report(3)).Add(c => c.OnRepair, dry => started.Add(dry)));
        view.Find("[data-testid='repair-featured-dry-run']").Click();
        view.Find("[data-testid='repair-featured']").Click();

        Assert.Contains("3 products store featured as a boolean", view.Find("[data-testid='featured-booleans']").TextContent);
        Assert.Equal([true, false], started);
    }

    [Fact]
    public void A_viewer_sees_the_warning_but_no_button()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("viewer");
        auth.SetPolicies(Policies.Viewer);

        var view = Render<FeaturedRepairPanel>(p => p.Add(c => c.Report, Report(3)));

        Assert.NotEmpty(view.FindAll("[data-testid='featured-booleans']"));
        Assert.Empty(view.FindAll("[data-testid='repair-featured']"));
        Assert.Empty(view.FindAll("[data-testid='repair-featured-dry-run']"));
    }

    [Fact]
    public void Nothing_is_shown_when_no_product_stores_a_boolean()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("admin");
        auth.SetPolicies(Policies.Admin);

        var view = Render<FeaturedRepairPanel>(p => p.Add(c => c.Report, Report(0)));

        Assert.Empty(view.FindAll("[data-testid='featured-booleans']"));
        Assert.Empty(view.FindAll("[data-testid='repair-featured']"));
    }
}
