using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Migration;

[Collection(EmulatorCollection.Name)]
public sealed class MigrationRetryTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task A_scan_page_that_keeps_being_throttled_is_sent_the_policys_attempts_once_not_again_on_top()
    {
        var scans = new ThrottleScans();
        await using var services = await MigrationWorld.CreateAsync(emulators, 10, s =>
        {
            s["Platform:Migration:Segments"] = "1";
            scans.Table = s["Platform:Tables:Products"]!;
        }, scans);
        scans.On = true;

        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(MigrationJob.JobKind, services.GetRequiredService<MigrationJob>().RunAsync);

        Assert.Equal(JobState.Failed, run.State);
        Assert.Equal(AwsRetry.MaxAttempts, scans.Count);
    }

    /// <summary>Answers every Scan of the products table with DynamoDB's throttling error, once <see cref="On"/>.</summary>
    private sealed class ThrottleScans : DelegatingHandler
    {
        public string Table = "";
        public volatile bool On;
        public int Count;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var target = request.Headers.TryGetValues("X-Amz-Target", out var t) ? t.FirstOrDefault() : null;
            if (!On || target != "DynamoDB_20120810.Scan" || request.Content is null || !(await request.Content.ReadAsStringAsync(ct)).Contains($"\"{Table}\""))
                return await base.SendAsync(request, ct);
            Interlocked.Increment(ref Count);
            return new HttpResponseMessage(System.Net.HttpStatusCode.BadRequest)
            {
                Content = new StringContent("""{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException","message":"Rate exceeded"}""",
                    System.Text.Encoding.UTF8, "application/x-amz-json-1.0"),
            };
        }
    }
}
