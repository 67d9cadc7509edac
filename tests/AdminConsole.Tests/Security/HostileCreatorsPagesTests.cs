using AdminConsole.Components.Pages.Creators;
using AdminConsole.Security;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core.Access;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Walk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdminConsole.Tests.Security;

/// <summary>
/// The creators screens over a platform whose creators, users and products an attacker wrote (<see cref="HostileWorld"/>):
/// markup stays text, and direction overrides and line breaks are shown visibly, each value isolated from its line.
/// </summary>
[Collection(JobsCollection.Name)]
public sealed class HostileCreatorsPagesTests(JobsFixture jobs) : MudTestContext
{
    private HostileWorld world = null!;

    protected override async Task InitializeAsync()
    {
        world = await HostileWorld.CreateAsync(jobs);
        Services.AddSingleton(world.Get<CreatorOverview>());
        Services.AddSingleton(world.Get<LinkageService>());
        Services.AddSingleton(world.Get<CreatorScreen>());
        Services.AddSingleton(world.Get<CreatorsGroupService>());
        Services.AddSingleton(world.Get<PlatformWalk>());
        Services.AddSingleton(world.Get<PlatformFactsStore>());
        Services.AddSingleton(world.Get<JobRunner>());
        Services.AddSingleton(world.Get<TimeProvider>());
        Services.AddSingleton(new ConsoleRoles(new AccessOptions()));
        ComponentFactories.AddStub<AccessPanel>();
        ComponentFactories.AddStub<CreatorRollbackPanel>();
        AsAdmin();
    }

    /// <summary>
    /// No element of the data's, no direction control and no line break of its own anywhere in the text, and each value
    /// shown, visibly, as a whole isolated value of its own (a <c>bdi</c>).
    /// </summary>
    private static void AssertShownAsText<T>(IRenderedComponent<T> page, IEnumerable<string> values) where T : Microsoft.AspNetCore.Components.IComponent
    {
        HostileText.AssertNoInjectedElement(page.FindAll("*"));
        HostileText.AssertShownVisibly(string.Concat(page.Nodes.Select(n => n.TextContent)));
        var isolated = page.FindAll("bdi.data-text").Select(b => b.TextContent).ToHashSet();
        foreach (var value in values) Assert.Contains(Shown(value), isolated);
    }

    private static string Shown(string value) => CreatorPlatform.Core.Security.UntrustedText.Visible(value);

    [Fact]
    public void The_creators_list_shows_hostile_slugs_names_and_usernames_as_text_each_isolated()
    {
        var list = Render<CreatorsList>();
        list.WaitForAssertion(() => Assert.Equal(HostileText.All.Length + 1, list.FindAll("[data-testid='creators'] tbody tr").Count));

        AssertShownAsText(list, HostileText.All);
        var slugs = list.FindAll("[data-testid='creators'] tbody tr td:first-child a bdi").Select(b => b.TextContent).ToList();
        Assert.Contains("abc⟨U+202E⟩gnp.exe", slugs);
        Assert.Contains("nl␊" + HostileText.FakeLine, slugs);
    }

    [Fact]
    public void A_hostile_creators_page_shows_its_profile_linkage_and_products_as_text()
    {
        foreach (var creator in world.Creators.Take(HostileText.All.Length - 1))
        {
            var page = Render<CreatorPage>(p => p.Add(c => c.Slug, creator.Slug));
            page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid='products'] tbody tr")));

            AssertShownAsText(page, [creator.Slug, creator.DisplayName, creator.UserId!]);
            Assert.Contains(page.FindAll("[data-testid='products'] td bdi"), b => b.TextContent == Shown(creator.Slug));
        }
    }

    [Fact]
    public void The_group_panel_shows_hostile_e_mails_slugs_and_its_description_as_text()
    {
        var panel = Render<GroupPanel>();
        panel.WaitForAssertion(() => Assert.Equal(HostileText.All.Length, panel.FindAll("[data-testid='members'] tbody tr").Count));

        AssertShownAsText(panel, [.. HostileText.All.Select(s => s + "@example.com"), .. HostileText.All]);
        AssertShownAsText(panel, [HostileText.SvgOnload + HostileText.LineBreak + HostileText.Isolate]);
    }

    [Fact]
    public async Task A_creator_the_prerender_read_is_shown_as_it_was_handed_over_without_reading_it_again_and_as_text()
    {
        var creator = world.Creators[1];
        var read = await world.Get<CreatorScreen>().ReadAsync(creator.Slug, default);
        // Not what the table holds: a page that read the creator again would show the stored name instead.
        var handedName = HostileText.ImgOnerror + " as the prerender read it";
        PrerenderState.Persist("creator-details", read with { Creator = read.Creator with { DisplayName = handedName } });

        var page = Render<CreatorPage>(p => p.Add(c => c.Slug, creator.Slug));

        page.WaitForAssertion(() => Assert.Equal(Shown(handedName), page.Find("h1 bdi").TextContent));
        AssertShownAsText(page, [creator.Slug, handedName]);
        Assert.DoesNotContain(page.FindAll("h1 bdi"), b => b.TextContent == Shown(creator.DisplayName));
    }

    [Fact]
    public void Linking_a_creator_to_a_hostile_user_name_asks_and_reports_it_as_text_in_the_dialog_and_the_snackbar()
    {
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var snackbars = Render<MudBlazor.MudSnackbarProvider>();
        var typed = HostileText.ImgOnerror + HostileText.BidiOverride + HostileText.LineBreak;
        var page = Render<CreatorPage>(p => p.Add(c => c.Slug, world.Creators[3].Slug));
        page.WaitForAssertion(() => page.Find("input[data-testid='link-user']"));

        page.Find("input[data-testid='link-user']").Input(typed);
        page.Find("button[data-testid='link']").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid='confirm-yes']"));
        var asked = string.Concat(dialogs.Nodes.Select(n => n.TextContent));
        HostileText.AssertNoInjectedElement(dialogs.FindAll("*"));
        HostileText.AssertShownVisibly(asked);
        Assert.Contains($"Link {Shown(world.Creators[3].Slug)} to {Shown(typed)}?", asked);
        dialogs.Find("[data-testid='confirm-yes']").Click();

        snackbars.WaitForAssertion(() => Assert.NotEmpty(snackbars.FindAll(".mud-snackbar")));
        HostileText.AssertNoInjectedElement(snackbars.FindAll("*"));
        var told = string.Concat(snackbars.Nodes.Select(n => n.TextContent));
        HostileText.AssertShownVisibly(told);
        Assert.Contains(Shown(typed), told);
    }

    [Fact]
    public async Task The_consistency_panel_names_a_hostile_duplicate_slug_as_text()
    {
        var walk = world.Get<JobRunner>().Start(PlatformWalk.JobKind, PlatformWalk.Title, world.Get<PlatformWalk>().RunAsync);
        await walk.Completion;
        Assert.Equal(JobState.Succeeded, walk.State);

        var panel = Render<ConsistencyPanel>();
        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll("[data-testid='consistency-findings']")));

        AssertShownAsText(panel, [HostileText.Isolate]);
        Assert.Contains(panel.FindAll("[data-testid='consistency-findings'] a"), a => a.TextContent == Shown(HostileText.Isolate));
    }

    [Fact]
    public async Task The_access_table_shows_hostile_slugs_and_e_mails_from_the_real_check_as_text()
    {
        var report = await world.Get<AccessCheckService>().CheckAsync(CancellationToken.None);

        var table = Render<AccessTable>(p => p.Add(c => c.Report, report));

        AssertShownAsText(table, HostileText.All);
        Assert.Equal(HostileText.All.Length + 1, table.FindAll("[data-testid='access-row']").Count);
    }
}
