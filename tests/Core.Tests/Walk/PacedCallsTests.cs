using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Walk;
using Microsoft.Extensions.Time.Testing;

namespace CreatorPlatform.Core.Tests.Walk;

public sealed class PacedCallsTests
{
    [Fact]
    public async Task A_throttled_read_halves_both_paces_waits_and_is_tried_again_until_it_answers()
    {
        var time = new FakeTimeProvider();
        var heard = new List<string>();
        var paced = new PacedCalls(new WalkOptions { CognitoRequestsPerSecond = 20, DynamoDbRequestsPerSecond = 100 }, time, heard.Add);
        var attempts = 0;

        var read = paced.PatientlyAsync(() => ++attempts == 1
            ? throw new AwsServiceException("TooManyRequestsException", "Rate exceeded", System.Net.HttpStatusCode.BadRequest)
            : Task.FromResult("answer"), default);
        var doneBeforeWait = read.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(2));
        var answer = await read.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(doneBeforeWait);
        Assert.Equal(("answer", 2), (answer, attempts));
        Assert.Equal((10.0, 50.0), (paced.Cognito.PerSecond, paced.DynamoDb.PerSecond));
        Assert.Equal("Throttled (Rate exceeded): slowing down to 10.0 Cognito and 50.0 DynamoDB requests a second.", Assert.Single(heard));
    }

    [Fact]
    public async Task A_read_that_fails_otherwise_is_not_retried()
    {
        var paced = new PacedCalls(new WalkOptions(), new FakeTimeProvider(), _ => { });
        var attempts = 0;

        var failure =
            await Assert.ThrowsAsync<InvalidOperationException>(() => paced.PatientlyAsync<string>(() => { attempts++; throw new InvalidOperationException("broken"); }, default));

        Assert.Equal(("broken", 1), (failure.Message, attempts));
    }
}
