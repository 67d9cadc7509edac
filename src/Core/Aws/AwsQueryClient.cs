using System.Xml.Linq;

namespace CreatorPlatform.Core.Aws;

/// <summary>
/// The AWS query protocol (form-encoded POST with Action and Version, XML answers), shared by CloudFormation and
/// CloudWatch. The HttpClient carries the endpoint, the retry policy and the SigV4 handler; a missing BaseAddress means the service is
/// not available here (the sandbox has no emulator for it) and <paramref name="unavailable"/> says so.
/// </summary>
public sealed class AwsQueryClient(HttpClient http, string apiVersion, string iamPrefix, string? profile, string unavailable)
{
    public async Task<T> SendAsync<T>(string action, IEnumerable<(string Name, string? Value)> parameters, Func<XElement, T> read, CancellationToken ct)
    {
        var endpoint = http.BaseAddress ?? throw new ServiceUnavailableHereException(iamPrefix, unavailable);
        var form = new List<KeyValuePair<string, string>> { new("Action", action), new("Version", apiVersion) };
        form.AddRange(parameters.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Name, p.Value!)));
        var call = new AwsCall(iamPrefix, action, profile);
        using var message = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new FormUrlEncodedContent(form) };
        using var response = await http.SendAsync(message, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw AwsErrors.FromXml(call, response.StatusCode, text);
        return read(XDocument.Parse(text).Root
            ?? throw new AwsServiceException("EmptyResponse", $"{call.Action} answered with no XML.", response.StatusCode));
    }
}

/// <summary>The service has no endpoint here (CloudFormation, Lambda and CloudWatch in the sandbox).</summary>
public sealed class ServiceUnavailableHereException(string service, string message) : InvalidOperationException(message)
{
    public string Service { get; } = service;
}
