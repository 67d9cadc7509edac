using AdminConsole.Components.Pages.Creators;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core;
using CreatorPlatform.Core.Access;
using CreatorPlatform.Core.Creators;

namespace AdminConsole.Tests.Creators;

public sealed class AccessTableTests : MudTestContext
{
    private static readonly CreatorAccessOptions Access = new();
    private static readonly CreatorsGroupOptions Frontend = new();

    private static CreatorAccess Row(Creator creator, IReadOnlyList<string> groups, string? creatorId, bool poolHasAttribute)
    {
        var token = new TokenClaims("sub-1", creator.Slug, groups, $"{creator.Slug}@example.com", creatorId, ClaimsSource.SignIn);
        var decision = PlatformAccessRules.Decide(token, Access, Frontend, [creator.Id]);
        var problems = PlatformAccessRules.Problems(creator, decision, poolHasAttribute);
        var (reason, fix) = problems.Count == 0 ? ("", "") : PlatformAccessRules.Explain(problems[0], creator, Access, Frontend, decision);
        return new(creator, creator.Slug, token, decision, problems, reason, fix);
    }

    private static AccessReport Report(bool poolHasAttribute, params CreatorAccess[] rows) =>
        new(new PoolAccessState("pool-1", Access.CreatorIdClaim, poolHasAttribute, []), rows, DateTimeOffset.UtcNow);

    [Fact]
    public void A_creator_in_the_guides_group_only_shows_cannot_work_with_the_platforms_refusal_and_the_fix()
    {
        var jess = Creator.New("jesskoufo", "Jess Koufo", DateTimeOffset.UtcNow, "sub-1");

        var table = Render<AccessTable>(p => p.Add(c => c.Report, Report(false, Row(jess, ["Creators"], null, false))));

        var row = table.Find("[data-testid='access-row'][data-slug='jesskoufo']");
        Assert.Equal("cannot work", row.QuerySelector("[data-testid='access-verdict']")!.TextContent.Trim());
        Assert.Contains("Creator role required", row.TextContent);
        Assert.Contains("Give creators access", row.TextContent);
        Assert.Contains("cognito:groups \"Creators\"", row.TextContent);
        Assert.Contains("role viewer", row.TextContent);
        Assert.NotNull(table.Find("[data-testid='pool-attribute-missing']"));
    }

    [Fact]
    public void A_creator_with_both_groups_and_its_id_shows_can_work_and_its_claims()
    {
        var jess = Creator.New("jesskoufo", "Jess Koufo", DateTimeOffset.UtcNow, "sub-1");

        var table = Render<AccessTable>(p => p.Add(c => c.Report, Report(true, Row(jess, ["creator", "Creators"], jess.Id, true))));

        var row = table.Find("[data-testid='access-row']");
        Assert.Equal("can work", row.QuerySelector("[data-testid='access-verdict']")!.TextContent.Trim());
        Assert.Contains($"custom:creatorId {jess.Id}", row.TextContent);
        Assert.Contains("role creator", row.TextContent);
        Assert.Empty(table.FindAll("[data-testid='pool-attribute-missing']"));
    }

    [Fact]
    public void On_a_creators_page_only_its_own_line_is_shown()
    {
        var jess = Creator.New("jesskoufo", "Jess", DateTimeOffset.UtcNow, "sub-1");
        var maria = Creator.New("maria", "Maria", DateTimeOffset.UtcNow, "sub-2");
        var report = Report(true, Row(jess, ["creator", "Creators"], jess.Id, true), Row(maria, [], null, true));

        var table = Render<AccessTable>(p => p.Add(c => c.Report, report).Add(c => c.Slug, "maria"));

        var row = Assert.Single(table.FindAll("[data-testid='access-row']"));
        Assert.Equal("maria", row.GetAttribute("data-slug"));
    }
}
