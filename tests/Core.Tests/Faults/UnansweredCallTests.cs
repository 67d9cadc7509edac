using Amazon.DynamoDBv2;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Aws.Cognito;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Rollout;
using CreatorPlatform.Core.Tests.Infrastructure;
using CreatorPlatform.Core.Troubleshooting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CreatorPlatform.Core.Tests.Faults;

/// <summary>
/// DynamoDB accepts the console's connections and never answers (the fault proxy's stall, in front of DynamoDB Local
/// through <c>Platform:Sandbox:DynamoDbClientEndpoint</c>): what an admin reads is where, how long and what to do.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class UnansweredCallTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task A_job_whose_start_gets_no_answer_ends_failed_saying_where_how_long_and_what_to_do_without_the_sdks_words()
    {
        await using var proxy = FaultProxy.Start(emulators.DynamoDbPort);
        await using var services = Through(proxy);
        proxy.Stall();
        var ran = false;

        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync("stall-test", _ =>
        {
            ran = true;
            return Task.CompletedTask;
        });

        Assert.Equal(JobState.Failed, run.State);
        Assert.False(ran);
        var text = run.Text();
        Assert.Contains($"DynamoDB at http://127.0.0.1:{proxy.Port} did not answer within 1 s, on any of the SDK's attempts", text);
        Assert.Contains("so the job did not run: nothing was changed. Check that DynamoDB Local runs and that "
            + $"Platform:Sandbox:DynamoDbClientEndpoint (http://127.0.0.1:{proxy.Port}) leads to it, then try again.", text);
        Assert.DoesNotContain("canceled", text, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(proxy.Forwarded);
    }

    [Fact]
    public async Task A_call_that_timed_out_is_explained_as_no_answer_in_time_not_as_a_cancellation()
    {
        await using var proxy = FaultProxy.Start(emulators.DynamoDbPort);
        await using var services = Through(proxy);
        proxy.Stall();
        var error = await Record.ExceptionAsync(() => services.GetRequiredService<IAmazonDynamoDB>().ListTablesAsync());

        var trouble = services.GetRequiredService<Troubleshooter>().Explain(error!, "ListTables");

        Assert.Equal(TroubleKind.Unreachable, trouble.Kind);
        Assert.Contains("none came in time (an AWS call waits 1 s per attempt", trouble.Explanation);
        Assert.DoesNotContain("canceled", trouble.Explanation, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The console's own signed clients (Cognito, CloudFormation, Lambda, CloudWatch) wait for each attempt as long as a
    /// DynamoDB call does, and retry one that got no answer; without that, HttpClient's own 100 s ran for the whole call.
    /// </summary>
    [Fact]
    public async Task A_cognito_call_that_gets_no_answer_waits_the_request_timeout_per_attempt_and_is_said_as_no_answer_in_time()
    {
        await using var proxy = FaultProxy.Start(emulators.CognitoPort);
        var logs = new LogRecorder();
        await using var services = emulators.Services(s =>
        {
            s["Platform:Sandbox:CognitoClientEndpoint"] = $"http://127.0.0.1:{proxy.Port}";
            s["Platform:Aws:RequestTimeoutSeconds"] = "1";
        }, s => s.AddSingleton<ILoggerProvider>(logs));
        var attempts = 0;
        proxy.Received += _ => Interlocked.Increment(ref attempts);
        proxy.Stall();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = await Record.ExceptionAsync(() => services.GetRequiredService<ICognitoClient>().ListGroupsAsync(new() { UserPoolId = "us-east-1_stalled" }));
        clock.Stop();

        Assert.Equal(NoAnswerKind.TimedOut, AwsErrors.NoAnswerIn(error)?.Kind);
        Assert.Equal(AwsRetry.MaxAttempts, attempts);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(AwsRetry.MaxAttempts), TimeSpan.FromSeconds(60));
        // Each retry is one line that names where the call went, without a stack trace; Polly's own lines are not there.
        var retries = logs.Lines.Where(l => l.Category == typeof(AwsRetry).FullName).ToList();
        Assert.True(retries.Count == AwsRetry.MaxAttempts - 1, string.Join("\n", logs.Lines.Select(l => $"{l.Level} {l.Category}: {l.Message}")));
        Assert.All(retries, l => Assert.StartsWith($"AWS call to 127.0.0.1:{proxy.Port} failed (TimeoutRejectedException", l.Message));
        Assert.All(retries, l => Assert.Null(l.Exception));
        Assert.DoesNotContain(logs.Lines, l => l.Category.StartsWith("Polly", StringComparison.Ordinal));
        var trouble = services.GetRequiredService<Troubleshooter>().Explain(error!, "cognito-idp:ListGroups");
        Assert.Equal(TroubleKind.Unreachable, trouble.Kind);
        Assert.Contains("none came in time (an AWS call waits 1 s per attempt", trouble.Explanation);
    }

    [Fact]
    public async Task Overview_steps_whose_service_stalls_say_how_long_they_waited_and_the_others_are_checked()
    {
        await using var proxy = FaultProxy.Start(emulators.CognitoPort);
        await using var services = emulators.Services(s =>
        {
            s["Platform:Sandbox:CognitoClientEndpoint"] = $"http://127.0.0.1:{proxy.Port}";
            s["Platform:UserPoolId"] = "local_stalled"; // its calls never reach cognito-local: any id does
            // Longer than the checklist's own 10 s, so that the stalled steps are cut by the checklist, and every step that
            // gets answers (DynamoDB's) has its whole 10 s however busy the machine is. The stalled calls end with the proxy.
            s["Platform:Aws:RequestTimeoutSeconds"] = "30";
        });
        proxy.Stall();
        var checklist = new RolloutChecklist(services.GetServices<IRolloutCheck>());

        var results = (await checklist.RunAsync()).ToDictionary(r => r.Step);

        Assert.All(new[] { "8.1", "8.2", "8.3" }, step => Assert.Equal((CheckState.Amber, "Could not be checked: no answer within 10 s. Refresh checks again.", true),
            (results[step].State, results[step].Detail, results[step].NotChecked)));
        // DynamoDB answers: the tables step is checked, red before the schema.
        Assert.Equal(CheckState.Red, results["4"].State);
    }

    private ServiceProvider Through(FaultProxy proxy) => emulators.Services(s =>
    {
        s["Platform:Sandbox:DynamoDbClientEndpoint"] = $"http://127.0.0.1:{proxy.Port}";
        s["Platform:Aws:RequestTimeoutSeconds"] = "1";
    });
}
