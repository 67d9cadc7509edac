using AdminConsole.Components.Pages.Tables;
using AdminConsole.Tests.Infrastructure;

namespace AdminConsole.Tests.Tables;

public sealed class TableCardTests : MudTestContext
{
    public TableCardTests() => AsAdmin();

    [Fact]
    public void Each_index_shows_its_status_and_a_missing_one_shows_missing()
    {
        var card = Render<TableCard>(p => p.Add(c => c.Table, StatusBuilder.Products(creatorIdIndex: "CREATING", backfilling: true)));

        Assert.Equal("ACTIVE", card.Find("[data-testid='index-category-createdAt-index'] [data-status]").GetAttribute("data-status"));
        Assert.Equal("CREATING", card.Find("[data-testid='index-creatorId-index'] [data-status]").GetAttribute("data-status"));
        Assert.Contains("yes", card.Find("[data-testid='index-creatorId-index']").TextContent);
        Assert.Equal("MISSING", card.Find("[data-testid='index-status-index'] [data-status]").GetAttribute("data-status"));
    }

    [Fact]
    public void A_table_shows_its_counts_billing_mode_and_ttl()
    {
        var card = Render<TableCard>(p => p.Add(c => c.Table, StatusBuilder.Products()));

        Assert.Contains("300 items", card.Markup);
        Assert.Contains("131.8 KiB", card.Markup);
        Assert.Contains("PAY_PER_REQUEST", card.Markup);
        Assert.Contains("TTL DISABLED", card.Markup);
    }

    [Fact]
    public void A_table_of_one_item_says_one_item()
    {
        var card = Render<TableCard>(p => p.Add(c => c.Table, StatusBuilder.Products() with { ItemCount = 1 }));

        Assert.Contains("1 item ·", card.Markup);
        Assert.DoesNotContain("1 items", card.Markup);
    }

    [Fact]
    public void A_missing_table_says_missing_and_lists_no_counts()
    {
        var card = Render<TableCard>(p => p.Add(c => c.Table, StatusBuilder.Missing(StatusBuilder.Schema.Creators)));

        Assert.Contains("CreatorsTable", card.Markup);
        Assert.Equal("MISSING", card.Find("[data-status]").GetAttribute("data-status"));
        Assert.DoesNotContain("items", card.Markup);
    }
}
