using CreatorPlatform.Core.Rollout;
using CreatorPlatform.Core.Troubleshooting;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Verification;

/// <summary>Evidence in rows, as the guide's <c>--output table</c> shows it.</summary>
public sealed record EvidenceTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>
/// One line of the report: green when checked and right, red when checked and wrong, amber when it could not be
/// checked (unreachable, not permitted, not in the sandbox), with the evidence and the screen that fixes it.
/// </summary>
public sealed record VerificationLine(string Section, string Title, CheckState State, IReadOnlyList<string> Evidence, ConsoleScreen Link)
{
    public EvidenceTable? Table { get; init; }
    public Trouble? Trouble { get; init; }
}

public sealed record VerificationResult(IReadOnlyList<VerificationLine> Lines, DateTimeOffset StartedAt, TimeSpan Took)
{
    public bool HasRed => Lines.Any(l => l.State == CheckState.Red);
    public bool HasAmber => Lines.Any(l => l.State == CheckState.Amber);
    public CheckState Overall => HasRed ? CheckState.Red : HasAmber ? CheckState.Amber : CheckState.Green;
    /// <summary>The CLI's exit code: 1 when any line is red, and with <paramref name="strict"/> when any is amber.</summary>
    public int ExitCode(bool strict) => HasRed || (strict && HasAmber) ? 1 : 0;
}

/// <summary>A part of the guide's Verification section (or a check another issue adds), in the report's order.</summary>
public interface IVerificationSection
{
    string Name { get; }
    ConsoleScreen Link { get; }
    /// <summary>Checks that scan a whole table need longer than the default.</summary>
    bool Scans => false;
    Task<IReadOnlyList<VerificationLine>> CheckAsync(CancellationToken ct);
}

/// <summary>
/// The guide's Verification section as one report: every section runs at once, each under its own timeout, so one
/// unreachable service turns its own lines amber and never holds up the rest.
/// </summary>
public sealed class VerificationReportService(IEnumerable<IVerificationSection> sections, Troubleshooter troubleshooter, IOptions<PlatformOptions> options,
    TimeProvider time, VerificationReportStore store)
{
    /// <summary>A report scans every product: it runs only on request, as an admin's job, and is stored for the page to show.</summary>
    public const string JobKind = "verification";

    public IReadOnlyList<IVerificationSection> Sections { get; } = sections.ToList();

    /// <summary>The newest stored report (one GetItem); null before the first run.</summary>
    public Task<StoredVerification?> LatestAsync(CancellationToken ct) => store.LatestAsync(ct);

    /// <summary>Runs the whole report as a job and stores it as the newest.</summary>
    public async Task<VerificationResult> RunJobAsync(Jobs.JobContext job)
    {
        job.Info($"Running {Sections.Count} sections at once, each under its own timeout...");
        var result = await RunAsync(job.CancellationToken);
        await store.SaveAsync(new StoredVerification(job.RunId, job.Actor.Name, result), CancellationToken.None);
        var (green, amber, red) = (Count(CheckState.Green), Count(CheckState.Amber), Count(CheckState.Red));
        job.Set("green", green);
        job.Set("amber", amber);
        job.Set("red", red);
        var summary = $"{result.Lines.Count} lines in {result.Took.TotalSeconds:N1} s: {green} green, {amber} amber, {red} red.";
        if (result.HasRed) job.Warning(summary);
        else job.Success($"✓ {summary}");
        return result;
        int Count(CheckState state) => result.Lines.Count(l => l.State == state);
    }

    /// <summary>Stores a report run outside a job (the CLI's <c>verify</c>); false when the console's table cannot take it.</summary>
    public async Task<bool> TryStoreAsync(VerificationResult result, string runId, string startedBy)
    {
        try
        {
            await store.SaveAsync(new StoredVerification(runId, startedBy, result), CancellationToken.None);
            return true;
        }
        catch (Amazon.DynamoDBv2.AmazonDynamoDBException)
        {
            return false;
        }
    }

    public async Task<VerificationResult> RunAsync(CancellationToken ct = default)
    {
        var started = time.GetUtcNow();
        var lines = await Task.WhenAll(Sections.Select(s => RunSectionAsync(s, ct)));
        return new VerificationResult(lines.SelectMany(l => l).ToList(), started, time.GetUtcNow() - started);
    }

    public async Task<IReadOnlyList<VerificationLine>> RunSectionAsync(IVerificationSection section, CancellationToken ct)
    {
        var v = options.Value.Verification;
        var timeout = TimeSpan.FromSeconds(section.Scans ? v.ScanTimeoutSeconds : v.CheckTimeoutSeconds);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            // WaitAsync too: a call that ignores its token must not hold the report.
            return await section.CheckAsync(limit.Token).WaitAsync(timeout, time, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is OperationCanceledException or TimeoutException)
        {
            return [new(section.Name, section.Name, CheckState.Amber, [$"Could not be checked: no answer within {timeout.TotalSeconds:N0} seconds."], section.Link)];
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            var trouble = troubleshooter.Explain(e);
            var state = trouble.Kind is TroubleKind.TableMissing or TroubleKind.StackMissing ? CheckState.Red : CheckState.Amber;
            return [new(section.Name, section.Name, state, [state == CheckState.Amber ? $"Could not be checked: {trouble.Explanation}" : trouble.Explanation], section.Link)
                { Trouble = trouble }];
        }
    }
}
