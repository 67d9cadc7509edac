using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Schema;

/// <summary>A second apply, on an emulator whose indexes are ACTIVE at once (the waits are <see cref="SchemaApplierTests"/>'s).</summary>
[Collection(SchemaEmulatorCollection.Name)]
public sealed class SchemaReapplyTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task Applying_again_when_nothing_is_missing_changes_nothing()
    {
        await using var services = emulators.Services();
        var applier = services.GetRequiredService<SchemaApplier>();
        var runner = services.GetRequiredService<JobRunner>();
        var first = await runner.RunToEndAsync(SchemaApplier.JobKind, applier.ApplyAsync);

        var second = await runner.RunToEndAsync(SchemaApplier.JobKind, applier.ApplyAsync);

        Assert.Equal(JobState.Succeeded, first.State);
        Assert.True(first.Counter("changes") >= 5, first.Text());
        Assert.Equal(JobState.Succeeded, second.State);
        Assert.Equal(0, second.Counter("changes"));
        Assert.DoesNotContain(second.Log, l => l.Message.StartsWith("Adding", StringComparison.Ordinal) || l.Message.StartsWith("Creating", StringComparison.Ordinal));
    }
}
