using AdminConsole.Components.Pages.Creators;
using AdminConsole.Security;
using AdminConsole.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AdminConsole.Tests.Creators;

/// <summary>The creators list before CreatorsTable exists: the shared alert names it.</summary>
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
}
