using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Troubleshooting;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Tests.Troubleshooting;

/// <summary>The rollout's two ProductsTable indexes against AWS: CloudFormation adds one per table per stack update.</summary>
public sealed class IndexesInOneDeployTests
{
    private static readonly PlatformOptions Aws = new() { Mode = PlatformMode.Aws, Profile = "dev", Region = "eu-west-1" };

    [Fact]
    public void Both_indexes_missing_against_aws_say_cloudformation_adds_one_per_update_and_give_the_two_step_deploy_with_its_wait()
    {
        var (spec, indexes) = Products(Aws, creatorIdExists: false, statusExists: false);

        var trouble = new Troubleshooter(Options.Create(Aws)).IndexesInOneDeploy(spec, indexes);

        Assert.NotNull(trouble);
        Assert.Equal(TroubleKind.IndexesInOneDeploy, trouble.Kind);
        Assert.Equal("creatorId-index and status-index cannot be added in one deploy", trouble.Title);
        Assert.Contains("CloudFormation adds one global secondary index per table per stack update", trouble.Explanation);
        Assert.Equal(ConsoleScreen.Tables, trouble.Link);
        var steps = trouble.Command!.Split('\n');
        Assert.Equal("1. In infrastructure/lib/storage-stack.ts add only creatorId-index to ProductsTable, then: npx cdk deploy PinterestAffiliateStorageStack --profile dev",
            steps[0]);
        Assert.StartsWith("   Wait until creatorId-index is ACTIVE", steps[1]);
        Assert.Contains("aws dynamodb describe-table --table-name ProductsTable --profile dev", steps[1]);
        Assert.Equal("2. In infrastructure/lib/storage-stack.ts add only status-index to ProductsTable, then: npx cdk deploy PinterestAffiliateStorageStack --profile dev",
            steps[2]);
    }

    [Fact]
    public void One_index_missing_is_an_ordinary_deploy_and_no_trouble()
    {
        var (spec, indexes) = Products(Aws, creatorIdExists: true, statusExists: false);

        var trouble = new Troubleshooter(Options.Create(Aws)).IndexesInOneDeploy(spec, indexes);

        Assert.Null(trouble);
    }

    [Fact]
    public void In_the_sandbox_the_console_adds_the_indexes_itself_and_there_is_no_trouble()
    {
        var sandbox = new PlatformOptions { Mode = PlatformMode.Sandbox };
        var (spec, indexes) = Products(sandbox, creatorIdExists: false, statusExists: false);

        var trouble = new Troubleshooter(Options.Create(sandbox)).IndexesInOneDeploy(spec, indexes);

        Assert.Null(trouble);
    }

    private static (TableSpec, IReadOnlyList<IndexStatus>) Products(PlatformOptions options, bool creatorIdExists, bool statusExists)
    {
        var spec = new PlatformSchema(Options.Create(options)).Products;
        var exists = new Dictionary<string, bool> { [PlatformSchema.CreatorIdIndex] = creatorIdExists, [PlatformSchema.StatusIndex] = statusExists };
        return (spec, spec.Indexes.Select(i => new IndexStatus(i.Name, exists.GetValueOrDefault(i.Name, true), "ACTIVE", false, 0, i.AddedByRollout)).ToList());
    }
}
