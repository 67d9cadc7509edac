namespace CreatorPlatform.Core.Tests.Infrastructure;

/// <summary>
/// Lets the first DynamoDB request that <paramref name="holds"/> (given its X-Amz-Target and body) reach the emulator and
/// land, then holds its answer back for <paramref name="delay"/>, as over a slow network. <see cref="Landed"/> completes
/// once it has landed, so a test can cancel or pause while the caller still waits for the answer.
/// </summary>
public sealed class LandedSlowAnswer(Func<string, string, bool> holds, TimeSpan delay) : DelegatingHandler
{
    public TaskCompletionSource Landed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.First() : "";
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(ct);
        var held = holds(target, body);
        var response = await base.SendAsync(request, ct);
        if (!held || !Landed.TrySetResult()) return response;
        await Task.Delay(delay, ct);
        return response;
    }
}
