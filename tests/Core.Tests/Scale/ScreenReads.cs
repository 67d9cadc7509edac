using CreatorPlatform.Core.Access;
using CreatorPlatform.Core.Analytics;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Core.Rollout;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Verification;
using CreatorPlatform.Core.Walk;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Scale;

/// <summary>Each screen's reads as its page makes them when it opens; shared by the request-count tests and the scale benchmark.</summary>
public static class ScreenReads
{
    /// <summary>What each page reads when it opens, through the screen's Core entry points.</summary>
    public static readonly IReadOnlyDictionary<string, Func<IServiceProvider, Task>> All = new Dictionary<string, Func<IServiceProvider, Task>>
    {
        ["creators list"] = async s =>
        {
            await s.GetRequiredService<UserPoolLocator>().GetAsync(default);
            await s.GetRequiredService<CreatorOverview>().ListAsync(new CreatorListQuery(), default);
            await s.GetRequiredService<PlatformFactsStore>().LatestAsync(default);
        },
        ["creators search by e-mail"] = s => s.GetRequiredService<CreatorOverview>().ListAsync(new CreatorListQuery(Search: "creator-0000"), default),
        ["creators group tab"] = async s =>
        {
            var group = s.GetRequiredService<CreatorsGroupService>();
            await group.GetStateAsync(default);
            await group.ListMembersPageAsync(null, default);
        },
        ["onboarding"] = async s =>
        {
            await s.GetRequiredService<CognitoUsers>().FirstPageAsync(60, default);
            await s.GetRequiredService<OnboardingService>().ListOpenAsync(default);
        },
        ["one creator"] = async s =>
        {
            await s.GetRequiredService<CreatorScreen>().ReadAsync(ScaleSeed.Slug(7), default);
            await s.GetRequiredService<AccessCheckService>().CheckOneAsync(ScaleSeed.Slug(7), default);
        },
        ["overview"] = async s =>
        {
            await s.GetRequiredService<RolloutChecklist>().RunAsync(default);
            await s.GetRequiredService<PlatformFactsStore>().LatestAsync(default);
        },
        ["tables"] = async s =>
        {
            var screen = s.GetRequiredService<TablesScreen>();
            await screen.ReadAsync(null, default);
            await screen.ReadPitrAsync(default);
        },
        ["migration"] = s => s.GetRequiredService<MigrationScreen>().ReadAsync(default),
        ["analytics"] = async s =>
        {
            var screen = s.GetRequiredService<AnalyticsScreen>();
            await screen.ReadAsync(null, DateRange.LastDays(30, DateRange.Today(TimeProvider.System)), default);
            await screen.ReadHealthAsync(null, default);
        },
        ["verification"] = s => s.GetRequiredService<VerificationReportService>().LatestAsync(default),
        // A new report, every section but the migration's product scan (which grows with the products, not the creators):
        // the lines over every creator read the walk's stored facts.
        ["verification report run"] = s =>
        {
            var reports = s.GetRequiredService<VerificationReportService>();
            return Task.WhenAll(reports.Sections.Where(x => !x.Scans).Select(x => reports.RunSectionAsync(x, default)));
        },
        ["creators access panel"] = s => s.GetRequiredService<PlatformFactsStore>().LatestAsync(default),
    };
}
