namespace CreatorPlatform.Core.Tests.Infrastructure;

/// <summary>
/// Lets the first DynamoDB request that <paramref name="holds"/> (given its X-Amz-Target and body) reach the emulator and
/// land, then holds its answer back until <see cref="Release"/>, as over a slow network. <see cref="Landed"/> completes
/// once it has landed, so a test can cancel or pause while the caller still waits for the answer, and release it after,
/// on any machine load. A test that never releases gets the answer after a minute.
/// </summary>
public sealed class LandedSlowAnswer(Func<string, string, bool> holds) : DelegatingHandler
{
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Landed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => released.TrySetResult();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.First() : "";
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(ct);
        var held = holds(target, body);
        var response = await base.SendAsync(request, ct);
        if (!held || !Landed.TrySetResult()) return response;
        await Task.WhenAny(released.Task, Task.Delay(TimeSpan.FromMinutes(1), ct));
        ct.ThrowIfCancellationRequested();
        return response;
    }
}
