using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Jobs;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Migration;

/// <summary>Step 1: the default creator, found through slug-index and created only when absent (trap 1).</summary>
public sealed class DefaultCreator(CreatorStore creators, IOptions<PlatformOptions> options, TimeProvider time)
{
    public DefaultCreatorOptions Settings => options.Value.DefaultCreator;

    /// <summary>The default creator, and whether this call created it (the journal records that, so that undo removes only its own).</summary>
    public async Task<(Creator Creator, bool Created)> EnsureAsync(JobContext job, CancellationToken ct)
    {
        job.Info("Step 1: Creating default creator account...");
        var found = await FindAsync(ct);
        if (found is not null)
        {
            job.Success($"✓ Default creator already exists with ID: {found.Id}");
            return (found, false);
        }
        Creator creator;
        try
        {
            creator = await creators.CreateAsync(Creator.New(Settings.Slug, Settings.DisplayName, time.GetUtcNow()) with { Theme = CreatorTheme.MigrationScript }, ct);
        }
        catch (SlugTakenException)
        {
            // Another run reserved the slug between our look-up and our write: theirs is the creator.
            creator = await FindAsync(ct) ?? throw new JobFailedException(
                $"The slug '{Settings.Slug}' is reserved in the ops table but no creator has it yet; run the migration again in a moment.");
            job.Success($"✓ Default creator already exists with ID: {creator.Id}");
            return (creator, false);
        }
        job.Success($"✓ Created default creator with ID: {creator.Id}");
        job.Info($"  - Slug: {creator.Slug}");
        job.Info($"  - Display Name: {creator.DisplayName}");
        job.Add("creatorsCreated");
        return (creator, true);
    }

    /// <summary>The creator with the default slug, null when none; stops red when several share it, since picking one would hide the damage.</summary>
    public async Task<Creator?> FindAsync(CancellationToken ct)
    {
        var matches = await creators.FindBySlugAsync(Settings.Slug, ct);
        if (matches.Count > 1)
            throw new JobFailedException($"{matches.Count} creators share the slug '{Settings.Slug}' ({string.Join(", ", matches.Select(c => c.Id))}). "
                + "Remove the duplicates, keeping the one the products point to, then run the migration again.");
        return matches.SingleOrDefault();
    }
}
