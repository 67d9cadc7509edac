using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;

namespace CreatorPlatform.Core.Migration;

/// <summary>
/// The one line a backfill write's retry round costs in the log: what was retried, why (the error code, or the
/// exception's type and message) and when. Never the exception itself: a retry is expected, and its stack trace would
/// bury the progress an operator is following.
/// </summary>
internal static class RetryLog
{
    public static void Round(ILogger logger, string what, Exception e, int round, int rounds, TimeSpan delay) =>
        logger.LogWarning("{What} was {Reason}; round {Round} of {Rounds} in {Delay} ms",
            what, Reason(e), round, rounds, (int)delay.TotalMilliseconds);

    private static string Reason(Exception e) => e switch
    {
        TransactionCanceledException t =>
            $"cancelled ({string.Join(", ", (t.CancellationReasons ?? []).Select(r => r.Code).Where(c => c is not (null or "" or "None")).Distinct())})",
        AmazonServiceException s when Throttling.IsThrottling(s) => $"throttled ({s.ErrorCode ?? $"HTTP {(int)s.StatusCode}"})",
        AmazonServiceException s => $"refused ({s.ErrorCode ?? $"HTTP {(int)s.StatusCode}"}: {s.Message})",
        _ => $"not answered ({e.GetType().Name}: {e.Message})",
    };
}
