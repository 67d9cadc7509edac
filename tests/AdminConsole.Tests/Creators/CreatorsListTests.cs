using AdminConsole.Components.Pages.Creators;
using AdminConsole.Security;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core.Creators;
using Microsoft.Extensions.DependencyInjection;

namespace AdminConsole.Tests.Creators;

/// <summary>The creators list before CreatorsTable exists, and the first page handed over from the prerender.</summary>
public sealed class CreatorsListTests : MudTestContext
{
    private readonly List<string> operations = [];

    public CreatorsListTests()
    {
        Services.AddCoreWithoutTables(operations);
        Services.AddSingleton(new ConsoleRoles(new AccessOptions()));
        AsAdmin();
    }

    [Fact]
    public void Without_creators_table_the_list_names_it_and_offers_the_tables_screen()
    {
        var list = Render<CreatorsList>();

        list.WaitForAssertion(() => Assert.Equal("CreatorsTable", list.Find("[data-testid='table-missing']").GetAttribute("data-table")));
        Assert.Equal("/tables", list.Find("[data-testid='table-missing-link']").GetAttribute("href"));
        Assert.Empty(list.FindAll("[data-testid='creators']"));
    }

    [Fact]
    public void The_first_page_the_prerender_read_is_shown_by_the_live_page_without_reading_it_again()
    {
        var creator = Creator.New("read-once", "Read Once", DateTimeOffset.UnixEpoch, userId: "sub-1");
        var user = new CognitoUser("read-once-user", "sub-1", "read@example.com", true, "CONFIRMED");
        PrerenderState.Persist("creators-first-page",
            new CreatorListPage([new CreatorRow(creator, new CreatorLinkage(creator, LinkageState.Linked, user, true, "Linked.", null))], "cursor-2", true));

        var list = Render<CreatorsList>();

        list.WaitForAssertion(() => Assert.Contains("read-once-user", list.Find("[data-testid='creator-read-once']").TextContent));
        Assert.False(list.Find("[data-testid='next']").HasAttribute("disabled"));
        // The tables here answer every read with "no such table": a read would have shown the alert instead of the row.
        Assert.Empty(operations);
        Assert.Empty(list.FindAll("[data-testid='table-missing']"));
    }
}
