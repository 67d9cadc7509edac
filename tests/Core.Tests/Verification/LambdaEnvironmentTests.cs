using System.Web;
using Amazon.DynamoDBv2;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Rollout;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Aws;
using CreatorPlatform.Core.Tests.Infrastructure;
using CreatorPlatform.Core.Troubleshooting;
using CreatorPlatform.Core.Verification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Tests.Verification;

/// <summary>Lambda and CloudFormation answer from AWS's documented responses; the tables they name live in DynamoDB Local.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class LambdaEnvironmentTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task Functions_are_discovered_from_the_backend_stack_and_green_when_each_variable_names_a_table()
    {
        await using var services = await TablesAsync();
        var variables = Variables(services);
        await using var cloudFormation = new LocalHttpServer(new CannedResponse(200, LambdaResponses.BackendStackResources));
        await using var lambda = new LocalHttpServer(Answer("any", variables), Answer("any", variables));

        var lines = await Section(services, cloudFormation, lambda).CheckAsync(default);

        Assert.Equal(["pinterest-affiliate-getProducts", "pinterest-affiliate-trackEvent"], lines.Select(l => l.Title).Order());
        Assert.All(lines, l => Assert.Equal(CheckState.Green, l.State));
        Assert.Contains($"CREATORS_TABLE_NAME = {variables["CREATORS_TABLE_NAME"]} (exists)", lines[0].Evidence);
        var asked = HttpUtility.ParseQueryString(Assert.Single(cloudFormation.Requests).Body);
        Assert.Equal(("ListStackResources", "PinterestAffiliateBackendStack"), (asked["Action"], asked["StackName"]));
        Assert.Equal(["/2015-03-31/functions/pinterest-affiliate-getProducts/configuration", "/2015-03-31/functions/pinterest-affiliate-trackEvent/configuration"],
            lambda.Requests.Select(r => r.Path).Order());
    }

    [Fact]
    public async Task Functions_on_every_page_of_a_stack_of_over_a_hundred_resources_are_checked()
    {
        await using var services = await TablesAsync();
        var variables = Variables(services);
        var others = Enumerable.Range(0, 215).Select(i => ($"Permission{i}", $"permission-{i}", "AWS::Lambda::Permission")).ToList();
        await using var cloudFormation = new LocalHttpServer(
            new CannedResponse(200, LambdaResponses.StackResourcePage(others.Take(100), "page-2")),
            new CannedResponse(200, LambdaResponses.StackResourcePage(others.Skip(100).Take(100), "page-3")),
            new CannedResponse(200, LambdaResponses.StackResourcePage([.. others.Skip(200), ("LateFunction", "late-function", "AWS::Lambda::Function")], null)));
        await using var lambda = new LocalHttpServer(Answer("late-function", variables));

        var line = Assert.Single(await Section(services, cloudFormation, lambda).CheckAsync(default));

        Assert.Equal(("late-function", CheckState.Green), (line.Title, line.State));
        Assert.Equal([null, "page-2", "page-3"], cloudFormation.Requests.Select(r => HttpUtility.ParseQueryString(r.Body)["NextToken"]));
    }

    [Fact]
    public async Task A_missing_variable_is_red_and_names_the_variable()
    {
        await using var services = await TablesAsync();
        var variables = Variables(services);
        variables.Remove("ANALYTICS_SUMMARIES_TABLE_NAME");
        await using var lambda = new LocalHttpServer(Answer("getProducts", variables));

        var line = Assert.Single(await Section(services, null, lambda, ["getProducts"]).CheckAsync(default));

        Assert.Equal(CheckState.Red, line.State);
        Assert.Contains("ANALYTICS_SUMMARIES_TABLE_NAME is not set.", line.Evidence);
        Assert.Contains("npx cdk deploy PinterestAffiliateBackendStack", line.Trouble!.NextAction);
    }

    [Fact]
    public async Task Without_a_profile_the_fix_line_has_no_profile_argument()
    {
        await using var services = await TablesAsync();
        var variables = Variables(services);
        variables.Remove("ANALYTICS_SUMMARIES_TABLE_NAME");
        await using var lambda = new LocalHttpServer(Answer("getProducts", variables));

        var line = Assert.Single(await Section(services, null, lambda, ["getProducts"], o => o.Profile = "").CheckAsync(default));

        Assert.EndsWith("npx cdk deploy PinterestAffiliateBackendStack.", line.Trouble!.NextAction);
        Assert.DoesNotContain("--profile", line.Trouble.NextAction);
    }

    [Fact]
    public async Task A_variable_naming_a_table_that_does_not_exist_is_red()
    {
        await using var services = await TablesAsync();
        var variables = Variables(services);
        variables["CREATORS_TABLE_NAME"] = "CreatorsTable-typo";
        await using var lambda = new LocalHttpServer(Answer("getProducts", variables));

        var line = Assert.Single(await Section(services, null, lambda, ["getProducts"]).CheckAsync(default));

        Assert.Equal(CheckState.Red, line.State);
        Assert.Contains("CREATORS_TABLE_NAME = CreatorsTable-typo, which does not exist.", line.Evidence);
        Assert.Contains($"ANALYTICS_EVENTS_TABLE_NAME = {variables["ANALYTICS_EVENTS_TABLE_NAME"]} (exists)", line.Evidence);
    }

    [Fact]
    public async Task An_unset_variable_the_code_reads_is_amber_when_its_fallback_is_the_configured_table_and_says_so()
    {
        await using var services = await TablesAsync();
        var variables = Variables(services);
        variables.Remove("ANALYTICS_EVENTS_TABLE");
        variables.Remove("ANALYTICS_SUMMARIES_TABLE");
        await using var lambda = new LocalHttpServer(Answer("trackPageView", variables));

        var line = Assert.Single(await Section(services, null, lambda, ["trackPageView"]).CheckAsync(default));

        Assert.Equal(CheckState.Amber, line.State);
        Assert.Contains(line.Evidence,
            e => e.StartsWith("ANALYTICS_EVENTS_TABLE is not set: the code falls back to AnalyticsEventsTable, which is the configured table", StringComparison.Ordinal));
        Assert.Contains(line.Evidence,
            e => e.StartsWith("ANALYTICS_SUMMARIES_TABLE is not set: the code falls back to AnalyticsSummariesTable, which is the configured table", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unset_variable_the_code_reads_is_red_when_its_fallback_is_not_the_configured_table()
    {
        await using var services = await TablesAsync();
        var variables = Variables(services);
        variables.Remove("ANALYTICS_SUMMARIES_TABLE");
        await using var lambda = new LocalHttpServer(Answer("getCreatorAnalytics", variables));

        var line = Assert.Single(await Section(services, null, lambda, ["getCreatorAnalytics"], o => o.Tables.AnalyticsSummaries = "prod-AnalyticsSummaries").CheckAsync(default));

        Assert.Equal(CheckState.Red, line.State);
        Assert.Contains("ANALYTICS_SUMMARIES_TABLE is not set: the code falls back to AnalyticsSummariesTable, but the table is prod-AnalyticsSummaries.", line.Evidence);
        Assert.Contains($"ANALYTICS_EVENTS_TABLE = {variables["ANALYTICS_EVENTS_TABLE"]} (exists)", line.Evidence);
        Assert.StartsWith("Set ANALYTICS_SUMMARIES_TABLE on the function", line.Trouble!.NextAction);
    }

    [Fact]
    public async Task The_variables_checked_come_from_settings()
    {
        await using var services = await TablesAsync();
        var variables = new Dictionary<string, string> { ["PRODUCTS_TABLE"] = services.GetRequiredService<PlatformSchema>().Products.Name };
        await using var lambda = new LocalHttpServer(Answer("getProducts", variables));

        var line = Assert.Single(await Section(services, null, lambda, ["getProducts"],
            o => o.LambdaVariables = [new() { Name = "PRODUCTS_TABLE", Table = "Products" }]).CheckAsync(default));

        Assert.Equal(CheckState.Green, line.State);
        Assert.Equal([$"PRODUCTS_TABLE = {variables["PRODUCTS_TABLE"]} (exists)"], line.Evidence);
    }

    [Fact]
    public async Task A_missing_backend_stack_is_red_with_how_to_deploy_it()
    {
        await using var services = await TablesAsync();
        await using var cloudFormation = new LocalHttpServer(new CannedResponse(400,
            CloudFormationResponses.Error("ValidationError", "Stack with id PinterestAffiliateBackendStack does not exist")));

        var line = Assert.Single(await Section(services, cloudFormation, null).CheckAsync(default));

        Assert.Equal(CheckState.Red, line.State);
        Assert.Equal(TroubleKind.StackMissing, line.Trouble!.Kind);
        Assert.Equal("npx cdk deploy PinterestAffiliateBackendStack --profile dev", line.Trouble.Command);
    }

    [Fact]
    public async Task A_function_the_console_may_not_read_is_amber_with_the_permission_to_add()
    {
        await using var services = await TablesAsync();
        await using var lambda = new LocalHttpServer(LambdaResponses.Error(403, "AccessDeniedException",
            "User: arn:aws:iam::123456789012:user/admin is not authorized to perform: lambda:GetFunctionConfiguration on resource: " +
                "arn:aws:lambda:us-east-1:123456789012:function:getProducts"));

        var line = Assert.Single(await Section(services, null, lambda, ["getProducts"]).CheckAsync(default));

        Assert.Equal(CheckState.Amber, line.State);
        Assert.Equal(TroubleKind.AccessDenied, line.Trouble!.Kind);
        Assert.Contains("lambda:GetFunctionConfiguration on arn:aws:lambda:us-east-1:123456789012:function:getProducts", line.Trouble.NextAction);
    }

    [Fact]
    public async Task In_the_sandbox_the_lambda_line_is_amber_and_says_why_rather_than_passing()
    {
        await using var services = emulators.Services();

        var line = Assert.Single(await services.GetServices<IVerificationSection>().OfType<LambdaEnvironmentSection>().Single().CheckAsync(default));

        Assert.Equal(CheckState.Amber, line.State);
        Assert.Contains("No Lambda runs in the sandbox", line.Evidence.Single());
    }

    private async Task<ServiceProvider> TablesAsync()
    {
        var services = emulators.Services();
        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(SchemaApplier.JobKind, services.GetRequiredService<SchemaApplier>().ApplyAsync);
        Assert.Equal(JobState.Succeeded, run.State);
        return services;
    }

    private static Dictionary<string, string> Variables(IServiceProvider services)
    {
        var schema = services.GetRequiredService<PlatformSchema>();
        return new()
        {
            ["PRODUCTS_TABLE_NAME"] = schema.Products.Name, ["CREATORS_TABLE_NAME"] = schema.Creators.Name,
            ["ANALYTICS_EVENTS_TABLE_NAME"] = schema.AnalyticsEvents.Name, ["ANALYTICS_SUMMARIES_TABLE_NAME"] = schema.AnalyticsSummaries.Name,
            ["ANALYTICS_EVENTS_TABLE"] = schema.AnalyticsEvents.Name, ["ANALYTICS_SUMMARIES_TABLE"] = schema.AnalyticsSummaries.Name,
        };
    }

    private static CannedResponse Answer(string name, IReadOnlyDictionary<string, string> variables) =>
        new(200, LambdaResponses.Configuration(name, variables), "application/json");

    /// <summary>The section as in AWS mode: Lambda and CloudFormation on local listeners, DynamoDB on the emulator.</summary>
    private static LambdaEnvironmentSection Section(IServiceProvider services, LocalHttpServer? cloudFormation, LocalHttpServer? lambda, List<string>? functions = null,
        Action<PlatformOptions>? configure = null)
    {
        var settings = new PlatformOptions { Mode = PlatformMode.Aws, Profile = "dev", LambdaFunctions = functions ?? [] };
        configure?.Invoke(settings);
        var options = Options.Create(settings);
        var aws = AwsTestClients.Context();
        var unused = new Uri("http://127.0.0.1:9/");
        return new LambdaEnvironmentSection(
            new Core.Aws.Lambda.LambdaClient(AwsTestClients.Http(lambda?.Uri ?? unused, "lambda"), aws),
            new Core.Aws.CloudFormation.CloudFormationClient(AwsTestClients.Http(cloudFormation?.Uri ?? unused, "cloudformation"), aws),
            services.GetRequiredService<IAmazonDynamoDB>(), aws, new Troubleshooter(options), options);
    }
}
