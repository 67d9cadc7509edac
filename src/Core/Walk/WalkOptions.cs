namespace CreatorPlatform.Core.Walk;

/// <summary>
/// <c>Platform:Walk</c>: how fast the platform walk may call each service. Cognito's request-rate quotas are per
/// category and shared by every pool of the account in the region (the platform's own sign-ins and reads included), so
/// the default stays far below the documented default of 120 requests per second for user reads.
/// </summary>
public sealed class WalkOptions
{
    public const string Section = "Platform:Walk";

    public double CognitoRequestsPerSecond { get; set; } = 20;
    public double DynamoDbRequestsPerSecond { get; set; } = 100;
    /// <summary>Creators walked at once; the rates above bound the requests, this bounds what is in flight.</summary>
    public int Parallelism { get; set; } = 4;
    /// <summary>The web app reruns the walk this often (claimed in the ops table, so one replica runs it); zero: only on request.</summary>
    public TimeSpan Schedule { get; set; } = TimeSpan.FromHours(6);
}

/// <summary>
/// A pace of so many requests a second: each caller takes its requests' share of time, and waits for its turn. A
/// throttled caller halves the pace (never below a request every two seconds), so a walk that meets throttling slows down.
/// </summary>
public sealed class Pace(double perSecond, TimeProvider time)
{
    private const double Slowest = 0.5;
    private readonly Lock gate = new();
    private DateTimeOffset next = DateTimeOffset.MinValue;

    public double PerSecond { get; private set; } = Math.Max(perSecond, Slowest);

    public async Task TakeAsync(int requests, CancellationToken ct)
    {
        TimeSpan wait;
        lock (gate)
        {
            var now = time.GetUtcNow();
            var start = next > now ? next : now;
            next = start + TimeSpan.FromSeconds(requests / PerSecond);
            wait = start - now;
        }
        if (wait > TimeSpan.Zero) await Task.Delay(wait, time, ct);
    }

    public void SlowDown()
    {
        lock (gate) PerSecond = Math.Max(PerSecond / 2, Slowest);
    }
}
