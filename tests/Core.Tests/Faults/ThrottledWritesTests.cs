using Amazon.DynamoDBv2;
using Amazon.Runtime;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Sandbox;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Infrastructure;
using CreatorPlatform.Core.Tests.Migration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CreatorPlatform.Core.Tests.Faults;

/// <summary>Throttling as the service answers it, through the network, to the console's own DynamoDB client.</summary>
[Collection(ThrottlingEmulatorCollection.Name)]
public sealed class ThrottledWritesTests(EmulatorFixture emulators)
{
    [Theory]
    [InlineData("com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException")]
    [InlineData("com.amazonaws.dynamodb.v20120810#ThrottlingException")]
    [InlineData("com.amazonaws.dynamodb.v20120810#RequestLimitExceeded")]
    [InlineData("Throttling")]
    [InlineData("TooManyRequestsException")]
    public async Task A_throttling_answer_the_sdk_gave_up_on_is_one_the_backfill_sends_again(string errorType)
    {
        await using var proxy = FaultProxy.Start(emulators.DynamoDbPort);
        await using var services = emulators.Services(s => s["Platform:Sandbox:DynamoDbPort"] = proxy.Port.ToString());
        proxy.Schedule = (_, _) => Fault.Throttle(errorType);

        var failure = await Record.ExceptionAsync(() => services.GetRequiredService<IAmazonDynamoDB>()
            .UpdateItemAsync(ProductUpdate.Request("products", "p-1", "creator-1", "2026-12-01T00:00:00.000Z")));

        Assert.Empty(proxy.Forwarded);
        Assert.True(Throttling.IsRetryable(failure!), $"{failure?.GetType().Name} {(failure as AmazonServiceException)?.ErrorCode}");
        Assert.True(Throttling.IsThrottling(failure!), $"{failure?.GetType().Name} {(failure as AmazonServiceException)?.ErrorCode}");
    }

    [Fact]
    public async Task A_write_throttled_past_the_sdks_retries_costs_one_log_line_without_a_stack_trace_and_lands_in_the_next_round()
    {
        await using var proxy = FaultProxy.Start(emulators.DynamoDbPort);
        var logs = new LogRecorder();
        await using var services = emulators.Services(s =>
        {
            s["Platform:Sandbox:DynamoDbPort"] = proxy.Port.ToString();
            s["Platform:Migration:WriteMode"] = "Single";
        }, s => s.AddSingleton<ILoggerProvider>(logs));
        var schema = await services.GetRequiredService<JobRunner>().RunToEndAsync(SchemaApplier.JobKind, services.GetRequiredService<SchemaApplier>().ApplyAsync);
        Assert.Equal(JobState.Succeeded, schema.State);
        var products = LegacyProducts.Generate(20, 7).ToList();
        await MigrationWorld.SeedAsync(services, products);
        var target = products[0]["id"].S;
        var throttled = 0;
        proxy.Schedule = (_, r) => r.Operation == "UpdateItem" && r.Body.Contains($"\"{target}\"", StringComparison.Ordinal)
            && Interlocked.Increment(ref throttled) <= AwsRetry.MaxAttempts ? Fault.Throttle() : Fault.None;

        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(MigrationJob.JobKind, services.GetRequiredService<MigrationJob>().RunAsync);

        Assert.True(run.State == JobState.Succeeded, run.Text());
        Assert.Equal(20, run.Counter("updated"));
        Assert.Equal(AwsRetry.MaxAttempts + 1, Volatile.Read(ref throttled));
        var line = Assert.Single(logs.Lines, l => l.Message.Contains(target, StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains("throttled (ProvisionedThroughputExceededException); round 2 of 3", line.Message);
        Assert.All(logs.Lines, l => Assert.Null(l.Exception));
        Assert.DoesNotContain(logs.Lines, l => l.Message.Contains("   at ", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", run.Text());
    }
}
