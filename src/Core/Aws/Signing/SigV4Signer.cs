using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using Amazon.Util;

namespace CreatorPlatform.Core.Aws.Signing;

/// <summary>
/// SigV4 for an <see cref="HttpRequestMessage"/>. Canonicalization, hashing and the signature itself are AWSSDK.Core's
/// own (<see cref="AWS4Signer"/>'s helpers, reached by deriving from it); this class only hands them the message's parts.
/// Signed headers: host, x-amz-date, every other x-amz-* header (target, security token) and content-type.
/// </summary>
public sealed class SigV4Signer : AWS4Signer
{
    public const string AuthorizationHeader = "Authorization";
    public const string DateHeader = "X-Amz-Date";
    public const string SecurityTokenHeader = "X-Amz-Security-Token";

    public static async Task<AWS4SigningResult> SignAsync(HttpRequestMessage request, ImmutableCredentials credentials, string region,
        string service, DateTime signedAt, CancellationToken ct)
    {
        var uri = request.RequestUri is { IsAbsoluteUri: true } absolute ? absolute
            : throw new ArgumentException("Only a request with an absolute URI can be signed.", nameof(request));

        // A retried message is signed again: drop what the previous attempt added.
        request.Headers.Remove(AuthorizationHeader);
        request.Headers.Remove(DateHeader);
        request.Headers.Remove(SecurityTokenHeader);
        if (credentials.UseToken) request.Headers.TryAddWithoutValidation(SecurityTokenHeader, credentials.Token);

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (request.Headers.Host is { } host) headers["host"] = host;
        foreach (var (name, values) in request.Headers)
            if (name.StartsWith("x-amz-", StringComparison.OrdinalIgnoreCase)) headers[name] = string.Join(",", values);
        if (request.Content?.Headers.ContentType is { } contentType) headers["content-type"] = contentType.ToString();
        InitializeHeaders(headers, uri, signedAt);
        request.Headers.TryAddWithoutValidation(DateHeader, headers[DateHeader]);

        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(ct);
        var sortedHeaders = SortAndPruneHeaders(headers);
        var canonicalRequest = CanonicalizeRequest(new Uri(uri.GetLeftPart(UriPartial.Authority)), Uri.UnescapeDataString(uri.AbsolutePath),
            request.Method.Method, sortedHeaders, CanonicalizeQueryParameters(QueryParameters(uri)), AWSSDKUtils.ToHex(ComputeHash(body), true),
            null, true);
        var result = ComputeSignature(credentials, region, signedAt, service, CanonicalizeHeaderNames(sortedHeaders), canonicalRequest);
        request.Headers.TryAddWithoutValidation(AuthorizationHeader, result.ForAuthorizationHeader);
        return result;
    }

    /// <summary>Decoded, because the SDK's canonicalization encodes them itself.</summary>
    private static IEnumerable<KeyValuePair<string, string>> QueryParameters(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(kv => KeyValuePair.Create(Uri.UnescapeDataString(kv[0]), kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : ""));
}
