using Amazon.DynamoDBv2;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Rollout;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Troubleshooting;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Verification;

/// <summary>"Verify Creator Record": the default creator, found through slug-index as the platform finds it (trap 6).</summary>
public sealed class DefaultCreatorSection(CreatorStore creators, PlatformSchema schema, Troubleshooter troubleshooter, IOptions<PlatformOptions> options)
    : IVerificationSection
{
    public string Name => "Default creator";
    public ConsoleScreen Link => ConsoleScreen.Creators;

    public async Task<IReadOnlyList<VerificationLine>> CheckAsync(CancellationToken ct)
    {
        var slug = options.Value.DefaultCreator.Slug;
        var title = $"Creator '{slug}' via {PlatformSchema.SlugIndex}";
        IReadOnlyList<Creator> found;
        try
        {
            found = await creators.FindBySlugAsync(slug, ct);
        }
        catch (Amazon.DynamoDBv2.Model.ResourceNotFoundException)
        {
            return [new(Name, title, CheckState.Red, [$"{schema.Creators.Name} does not exist."], ConsoleScreen.Tables) { Trouble =
                troubleshooter.TableMissing(schema.Creators.Name) }];
        }
        catch (AmazonDynamoDBException e) when (e.Message.Contains("index", StringComparison.OrdinalIgnoreCase))
        {
            return [new(Name, title, CheckState.Red, [$"{schema.Creators.Name} has no {PlatformSchema.SlugIndex}: {e.Message}"], ConsoleScreen.Tables)];
        }
        return found.Count switch
        {
            0 => [new(Name, title, CheckState.Red, [$"No creator has the slug '{slug}'. The migration creates it."], ConsoleScreen.Migration)],
            1 => [new(Name, title, CheckState.Green, [Describe(found[0])], Link)],
            _ => [new(Name, title, CheckState.Red,
                [$"{found.Count} creators share the slug '{slug}' (the original script's trap 1); keep one and remove the others.", .. found.Select(Describe)], Link)],
        };
    }

    private static string Describe(Creator c) =>
        $"id {c.Id} · {c.DisplayName} · {c.Status} · userId {c.UserId ?? "(not linked)"} · created {c.CreatedAt:yyyy-MM-dd HH:mm} UTC";
}
