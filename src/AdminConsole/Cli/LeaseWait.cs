using System.CommandLine;
using CreatorPlatform.Core.Jobs;
using Spectre.Console;

namespace AdminConsole.Cli;

/// <summary>
/// <c>--wait</c> / <c>--no-wait</c>, on every verb: before a job starts, wait with a countdown while another process
/// holds its kind's lease (the default in a terminal), or refuse at once (the default when piped, and with --no-wait).
/// A lease whose holder process is gone from this host needs no wait: the job takes it over.
/// </summary>
internal static class LeaseWait
{
    /// <summary>Long enough for a crashed holder's lease to run out many times over; a live job that runs longer is refused.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(15);

    public static readonly Option<bool> Wait =
        new("--wait") { Description = "Wait (with a countdown) while another process runs the same job; the default in a terminal.", Recursive = true };
    public static readonly Option<bool> NoWait = new("--no-wait") { Description = "Refuse at once while another process runs the same job.", Recursive = true };

    private static bool enabled;

    public static void Configure(ParseResult parse) =>
        enabled = !parse.GetValue(NoWait) && (parse.GetValue(Wait) || (!Console.IsInputRedirected && !Console.IsOutputRedirected));

    /// <summary>Before a run of <paramref name="kind"/>: waits while the lease it would hold is held elsewhere.</summary>
    public static async Task BeforeStartAsync(IServiceProvider services, string kind, CancellationToken ct)
    {
        var traits = services.GetRequiredService<JobRunner>().Traits(kind);
        if (!enabled || !traits.HoldsLease) return;
        var lease = services.GetRequiredService<JobLease>();
        var name = traits.Lease;
        try
        {
            if ((await lease.ReadAsync(name, ct))?.OwnerId is not { Length: > 0 } owner || owner == lease.WorkerId) return;
            await AnsiConsole.Status().StartAsync($"Waiting for the {name} lease...", async status =>
                await lease.WaitUntilFreeAsync(name, Limit, (held, left) => status.Status(TerminalText.Escape(
                    $"Waiting: {held.Name} is running, started by {held.Holder} on {held.Host}{(held.Process is { } p ? $" (process {p.Pid})" : "")}; "
                    + $"its lease ends in {Math.Max(0, left.TotalSeconds):0} s unless renewed. Ctrl-C stops waiting.")), ct));
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or Amazon.Runtime.AmazonClientException or HttpRequestException)
        {
            // No ops table yet (the schema job creates it), or DynamoDB unreachable: the job itself says what is wrong.
        }
    }
}
