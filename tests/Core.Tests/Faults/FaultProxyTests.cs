using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using CreatorPlatform.Core.Tests.Infrastructure;

namespace CreatorPlatform.Core.Tests.Faults;

/// <summary>The proxy's faults reach the SDK as the network's own: what production code must be ready to catch.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class FaultProxyTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task A_stalled_request_ends_in_the_sdks_own_timeout_and_is_never_forwarded()
    {
        await using var proxy = FaultProxy.Start(emulators.DynamoDbPort);
        using var client = Client(proxy, TimeSpan.FromSeconds(1));
        proxy.Stall();

        var failure = await Record.ExceptionAsync(() => client.ListTablesAsync(new ListTablesRequest()));

        Assert.IsType<TimeoutException>(failure);
        Assert.Empty(proxy.Forwarded);
    }

    [Fact]
    public async Task A_held_request_is_forwarded_on_resume_while_its_client_still_waits()
    {
        await using var proxy = FaultProxy.Start(emulators.DynamoDbPort);
        using var client = Client(proxy, TimeSpan.FromSeconds(30));
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        proxy.Received += _ => received.TrySetResult();
        proxy.Stall();

        var call = client.ListTablesAsync(new ListTablesRequest());
        await received.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var forwardedWhileStalled = proxy.Forwarded.Count;
        proxy.Resume();
        await call.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(0, forwardedWhileStalled);
        Assert.Equal("ListTables", Assert.Single(proxy.Forwarded).Operation);
    }

    [Fact]
    public async Task A_reset_connection_reaches_the_sdk_as_an_io_failure()
    {
        await using var proxy = FaultProxy.Start(emulators.DynamoDbPort);
        using var client = Client(proxy, TimeSpan.FromSeconds(5));
        proxy.Schedule = (_, _) => Fault.Reset;

        var failure = await Record.ExceptionAsync(() => client.ListTablesAsync(new ListTablesRequest()));

        Assert.NotNull(failure);
        Assert.True(Chain(failure).Any(e => e is IOException or HttpRequestException), failure.ToString());
        Assert.Empty(proxy.Forwarded);
    }

    [Fact]
    public async Task A_refused_connection_reaches_the_sdk_as_a_socket_failure_and_accepting_again_heals_it()
    {
        await using var proxy = FaultProxy.Start(emulators.DynamoDbPort);
        using var client = Client(proxy, TimeSpan.FromSeconds(60));
        proxy.Refuse();

        var failure = await Record.ExceptionAsync(() => client.ListTablesAsync(new ListTablesRequest()));
        proxy.Accept();
        var healed = await client.ListTablesAsync(new ListTablesRequest());

        Assert.Contains(Chain(failure!), e => e is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused });
        Assert.NotNull(healed.TableNames);
    }

    [Fact]
    public async Task Throttling_answers_on_a_schedule_are_retried_by_the_sdk_until_one_is_forwarded()
    {
        await using var proxy = FaultProxy.Start(emulators.DynamoDbPort);
        using var client = Client(proxy, TimeSpan.FromSeconds(60), retries: 4);
        proxy.Schedule = (n, _) => n <= 2 ? Fault.Throttle() : Fault.None;

        await client.ListTablesAsync(new ListTablesRequest());
        proxy.Schedule = (_, _) => Fault.Throttle();
        var failure = await Record.ExceptionAsync(() => client.ListTablesAsync(new ListTablesRequest()));

        Assert.Single(proxy.Forwarded);
        Assert.Equal("ProvisionedThroughputExceededException", Assert.IsAssignableFrom<AmazonDynamoDBException>(failure).ErrorCode);
    }

    [Fact]
    public async Task Latency_delays_the_answer_by_at_least_the_scheduled_time()
    {
        await using var proxy = FaultProxy.Start(emulators.DynamoDbPort);
        using var client = Client(proxy, TimeSpan.FromSeconds(10));
        proxy.Schedule = (_, _) => Fault.Delay(TimeSpan.FromMilliseconds(300));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await client.ListTablesAsync(new ListTablesRequest());

        Assert.True(watch.ElapsedMilliseconds >= 300, $"{watch.ElapsedMilliseconds} ms");
    }

    private static AmazonDynamoDBClient Client(FaultProxy proxy, TimeSpan timeout, int retries = 0) =>
        new(new BasicAWSCredentials("sandbox", "sandbox"), new AmazonDynamoDBConfig
        {
            ServiceURL = $"http://127.0.0.1:{proxy.Port}", Timeout = timeout, MaxErrorRetry = retries,
            RetryMode = RequestRetryMode.Standard, AuthenticationRegion = "us-east-1",
        });

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException) yield return x;
    }
}
