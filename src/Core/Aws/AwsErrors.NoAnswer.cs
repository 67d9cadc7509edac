using System.Net.Sockets;
using Polly.Timeout;

namespace CreatorPlatform.Core.Aws;

/// <summary>How a call got no answer from the service it went to.</summary>
public enum NoAnswerKind
{
    /// <summary>None within the per-attempt timeout, on every attempt.</summary>
    TimedOut,
    /// <summary>Nothing listens at the address.</summary>
    Refused,
    /// <summary>The connection was closed or reset before the answer came.</summary>
    Closed,
}

/// <summary>A call that got no answer, and the exception that says so (the message an admin may see).</summary>
public sealed record NoAnswer(NoAnswerKind Kind, Exception Cause);

public static partial class AwsErrors
{
    /// <summary>
    /// Whether a call failed for want of an answer, and how: the one test of it for every reader (jobs, pages, the CLI,
    /// the troubleshooter), for the DynamoDB SDK's calls and the console's own signed clients alike. It looks through
    /// the whole chain of inner exceptions: the SDK and <see cref="HttpClient"/> wrap a timeout in a cancellation, and a
    /// refused connection in an <see cref="HttpRequestException"/>. Null when the service answered, even with an error.
    /// </summary>
    public static NoAnswer? NoAnswerIn(Exception? e)
    {
        var chain = new List<Exception>();
        for (; e is not null; e = e.InnerException) chain.Add(e);
        if (chain.FirstOrDefault(x => x is TimeoutException or TimeoutRejectedException) is { } timeout) return new(NoAnswerKind.TimedOut, timeout);
        if (chain.FirstOrDefault(x => x is SocketException { SocketErrorCode: SocketError.ConnectionRefused }) is { } refused)
            return new(NoAnswerKind.Refused, refused);
        return chain.FirstOrDefault(x => x is HttpRequestException or IOException or SocketException) is { } closed ? new(NoAnswerKind.Closed, closed) : null;
    }
}
