using Amazon.DynamoDBv2;
using CreatorPlatform.Core.Audit;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Infrastructure;
using CreatorPlatform.Core.Tests.Migration;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Creators;

/// <summary>The platform's self-signup writes creators with no slug reservation; the console must still never share a slug.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class SlugAcrossWritersTests(EmulatorFixture emulators)
{
    private static CreatorProfile Profile(string slug) => CreatorProfile.Blank with { Slug = slug, DisplayName = "Console Creator" };

    [Fact]
    public async Task A_slug_that_exists_only_in_slug_index_is_refused_and_nothing_is_written()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var platform = await world.RawCreatorAsync("selfsignup", userId: "sub-of-someone");

        var refused = await Assert.ThrowsAsync<OnboardingException>(() =>
            world.Get<OnboardingService>().StartAsync(Profile("selfsignup"), OnboardingUser.NewUser("consoleuser", "console@example.com"), default));
        var check = await world.Get<SlugAvailability>().CheckAsync("selfsignup", default);

        Assert.Equal(OnboardingStep.Creator, refused.RefusedAt);
        Assert.Equal("'selfsignup' is taken by another creator.", refused.Message);
        Assert.Empty(await world.Get<OnboardingService>().ListOpenAsync(default));
        Assert.Null(await world.Get<CognitoUsers>().FindAsync("consoleuser", default));
        Assert.Equal(platform.Id, (await world.SingleCreatorAsync("selfsignup")).Id);
        Assert.Null(await world.Get<CreatorStore>().ReservedByAsync("selfsignup", default));
        Assert.False(check.Available);
    }

    [Fact]
    public async Task A_creator_the_platform_makes_during_our_write_is_reported_and_ours_is_removed_again()
    {
        var handler = new AfterTransaction("slug#racing");
        await using var world = await CreatorsWorld.CreateAsync(emulators, overrides: MigrationWorld.Through(handler));
        var platform = Creator.New("racing", "Platform Signup", DateTimeOffset.UtcNow, userId: "sub-of-signup");
        handler.Then = () => world.Get<IAmazonDynamoDB>().PutItemAsync(world.Get<PlatformSchema>().Creators.Name, CreatorMapper.ToItem(platform));

        var result = await world.Get<OnboardingService>().StartAsync(Profile("racing"), OnboardingUser.NewUser("raceuser", "race@example.com"), default);

        Assert.Equal(OnboardingStep.Creator, result.FailedAt);
        Assert.Contains("was created with the slug 'racing' at the same time, outside the console", result.LastError);
        Assert.Contains($"The console's creator {result.CreatorId} was removed again", result.LastError);
        Assert.Equal(platform.Id, (await world.SingleCreatorAsync("racing")).Id);
        Assert.Null(await world.Get<CreatorStore>().FindByIdAsync(result.CreatorId, default));
        Assert.Null(await world.Get<CreatorStore>().ReservedByAsync("racing", default));
        var log = await world.Get<AuditReader>().ReadAsync(new AuditFilter(), null, 20, default);
        Assert.Contains(log.Entries, e => e.Action == AuditActions.CreatorCreateUndone && e.Target.Contains(result.CreatorId));
    }

    [Fact]
    public async Task Existing_slugs_the_platform_allows_but_our_rules_refuse_are_linkable_and_not_flagged()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        foreach (var slug in new[] { "jo", "admin" })
        {
            await world.RawCreatorAsync(slug);
            await world.UserAsync($"{slug}user");
            await world.AddToGroupAsync($"{slug}user");
        }

        var linked = await Task.WhenAll(new[] { "jo", "admin" }.Select(s => world.Get<LinkageService>().LinkAsync(s, $"{s}user", default)));
        var report = await world.Get<ConsistencyReport>().RunAsync(default);
        var details = await world.Get<CreatorOverview>().GetAsync("jo", default);

        Assert.Equal(["jo", "admin"], linked.Select(l => l.Creator.Slug));
        Assert.True(report.Clean, string.Join("\n", report.Findings.Select(f => f.Message)));
        Assert.Equal("jo", details.Creator.Slug);
    }

    /// <summary>Runs <see cref="Then"/> once, right after the first successful transaction that names <paramref name="marker"/>.</summary>
    private sealed class AfterTransaction(string marker) : DelegatingHandler
    {
        private int done;
        public Func<Task>? Then { get; set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var target = request.Headers.TryGetValues("X-Amz-Target", out var t) ? t.FirstOrDefault() : null;
            var body = target == "DynamoDB_20120810.TransactWriteItems" && request.Content is not null ? await request.Content.ReadAsStringAsync(ct) : "";
            var response = await base.SendAsync(request, ct);
            if (response.IsSuccessStatusCode && body.Contains(marker) && Then is not null && Interlocked.Exchange(ref done, 1) == 0) await Then();
            return response;
        }
    }
}
