using Amazon.DynamoDBv2;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Infrastructure;
using CreatorPlatform.Core.Tests.Migration;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Creators;

/// <summary>A new creator as the platform's createCreator writes one (creatorRepository.ts 74-118).</summary>
[Collection(EmulatorCollection.Name)]
public sealed class PlatformDefaultsTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task A_new_creator_is_stored_with_the_platforms_theme_notification_preferences_empty_social_links_and_active_status()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);

        var created = await world.CreatorAsync("fresh");
        var item = (await world.Get<IAmazonDynamoDB>().GetItemAsync(world.Get<PlatformSchema>().Creators.Name, new() { ["id"] = new() { S = created.Id } })).Item;

        var theme = item["theme"].M;
        Assert.Equal(("#3B82F6", "#10B981", "Inter"), (theme["primaryColor"].S, theme["accentColor"].S, theme["font"].S));
        Assert.Equal(["accountStatusChange", "milestones", "productApproval", "productRejection"], item["notificationPreferences"].M.Keys.Order());
        Assert.All(item["notificationPreferences"].M.Values, v => Assert.True(v.BOOL));
        Assert.Empty(item["socialLinks"].M);
        Assert.Equal("active", item["status"].S);
        Assert.Equal(NotificationPreferences.AllOn, (await world.SingleCreatorAsync("fresh")).NotificationPreferences);
    }

    [Fact]
    public async Task The_migrations_default_creator_keeps_the_original_scripts_theme()
    {
        await using var services = await MigrationWorld.CreateAsync(emulators, 2);

        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(MigrationJob.JobKind, services.GetRequiredService<MigrationJob>().RunAsync);

        Assert.Equal(JobState.Succeeded, run.State);
        var jess = Assert.Single(await services.GetRequiredService<CreatorStore>().FindBySlugAsync("jesskoufo", default));
        Assert.Equal(new CreatorTheme("#000000", "#FF6B6B", "Inter"), jess.Theme);
    }

    [Theory]
    [InlineData("#3B82F6", true)]
    [InlineData("#10b981", true)]
    [InlineData("#FFF", false)]
    [InlineData("3B82F6", false)]
    public void Only_six_digit_hex_colours_are_accepted(string colour, bool accepted)
    {
        var error = CreatorProfileRules.ColorError(colour);

        Assert.Equal(accepted, error is null);
    }
}
