using CreatorPlatform.Core.Creators;

namespace CreatorPlatform.Core.Access;

/// <summary>Why the access check could not run, in words for the screen: before the migration there is nothing to check.</summary>
public static class AccessErrors
{
    public static string Describe(Exception e) => e switch
    {
        Amazon.DynamoDBv2.Model.ResourceNotFoundException or Schema.TableMissingException =>
            "There is no CreatorsTable yet: apply the schema and run the migration (it creates the default creator), then check access.",
        UserPoolNotFoundException => e.Message,
        _ => $"Access could not be checked: {e.Message}",
    };
}
