using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Rollout;

namespace CreatorPlatform.Core.Verification;

/// <summary>The linkage check: creators, the Cognito group and the sub linkage agree with each other.</summary>
public sealed class ConsistencySection(ConsistencyReport consistency, Schema.PlatformSchema schema, Troubleshooting.Troubleshooter troubleshooter) : IVerificationSection
{
    public string Name => "Group and linkage";
    public ConsoleScreen Link => ConsoleScreen.Creators;

    public async Task<IReadOnlyList<VerificationLine>> CheckAsync(CancellationToken ct)
    {
        ConsistencyResult result;
        try
        {
            result = await consistency.RunAsync(ct);
        }
        catch (Amazon.DynamoDBv2.Model.ResourceNotFoundException)
        {
            return [new(Name, Name, CheckState.Red, [$"{schema.Creators.Name} does not exist, so there are no creators to check."], ConsoleScreen.Tables)
                { Trouble = troubleshooter.TableMissing(schema.Creators.Name) }];
        }
        var title = $"{result.Creators} creators, {result.Members} group members";
        return result.Clean
            ? [new(Name, title, CheckState.Green, ["Every creator is linked by sub to an enabled user in the group, and every member has a creator."], Link)]
            : [new(Name, title, CheckState.Red, result.Findings.Select(f => f.Message).ToList(), Link)];
    }
}
