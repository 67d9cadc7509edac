using System.Net;
using System.Text;
using AdminConsole.Components.Pages.Migration;
using AdminConsole.Security;
using AdminConsole.Tests.Infrastructure;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using CreatorPlatform.Core;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Core.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AdminConsole.Tests.Migration;

/// <summary>The migration page follows a run of this process from the run's own events, and reads nothing from DynamoDB while it runs.</summary>
[Collection(JobsCollection.Name)]
public sealed class MigrationPageTests : MudTestContext
{
    private readonly List<string> operations = [];
    private readonly JobsFixture jobs;
    private JobRunner runner = null!;

    public MigrationPageTests(JobsFixture jobs)
    {
        this.jobs = jobs;
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDTESTONLY");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "test-only-secret");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Platform:Mode"] = "Aws" }).Build();
        Services.AddLogging();
        Services.AddSingleton<ICurrentActor>(new FixedActor(new Actor("Ada Admin", "oid-ada", AdminRole.Admin, "tests")));
        Services.AddCore(configuration);
        Services.AddSingleton<IAmazonDynamoDB>(sp =>
        {
            var config = sp.GetRequiredService<AwsContext>().DynamoDbConfig();
            config.HttpClientFactory = new Factory(new NoTables(operations));
            return new AmazonDynamoDBClient(sp.GetRequiredService<AwsContext>().Credentials, config);
        });
        var auth = AddAuthorization();
        auth.SetAuthorized("Ada Admin");
        auth.SetPolicies(Policies.Admin, Policies.Viewer);
    }

    /// <summary>Core's own runner, auditing to DynamoDB Local, as the app's: jobs start as alice, an admin.</summary>
    protected override async Task InitializeAsync()
    {
        runner = (await jobs.CoreAsync()).GetRequiredService<JobRunner>();
        Services.AddSingleton(runner);
    }

    private IReadOnlyList<string> Operations { get { lock (operations) return operations.ToList(); } }

    [Fact]
    public async Task A_running_migration_redraws_from_its_counters_without_reading_the_ops_table()
    {
        var go = new TaskCompletionSource();
        var started = new TaskCompletionSource<JobContext>();
        var run = runner.Start(MigrationJob.JobKind, "Migration", async job =>
        {
            started.SetResult(job);
            await go.Task;
        });
        var job = await started.Task;
        var page = Render<MigrationPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid='migration-progress']")));
        await Task.Delay(200);
        lock (operations) operations.Clear();

        job.Set("scanned", 40);
        page.WaitForAssertion(() => Assert.Contains("40", page.Find("[data-testid='scanned']").TextContent));
        await Task.Delay(300);
        job.Add("scanned", 60);
        page.WaitForAssertion(() => Assert.Contains("100", page.Find("[data-testid='scanned']").TextContent));
        await Task.Delay(1_500);
        var whileRunning = Operations;
        go.SetResult();
        await run.Completion;

        Assert.Empty(whileRunning);
        page.WaitForAssertion(() => Assert.NotEmpty(Operations));
    }

    /// <summary>DynamoDB as it answers when the console's table does not exist yet.</summary>
    private sealed class NoTables(List<string> operations) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var target = request.Headers.TryGetValues("X-Amz-Target", out var t) ? t.First() : "?";
            lock (operations) operations.Add(target[(target.IndexOf('.') + 1)..]);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadRequest)
            {
                Content = new StringContent("""{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}""",
                    Encoding.UTF8, "application/x-amz-json-1.0"),
            });
        }
    }

    private sealed class Factory(HttpMessageHandler handler) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);
        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;
    }
}
