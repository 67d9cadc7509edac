using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Polly;

namespace CreatorPlatform.Core.Aws;

/// <summary>
/// The AWS JSON 1.1 protocol: POST / with <c>X-Amz-Target: {targetPrefix}.{operation}</c>. Signing is the HttpClient's
/// handler's job (<see cref="Signing.AwsSigningHandler"/>); the endpoint is its BaseAddress.
/// </summary>
public sealed class AwsJsonClient(HttpClient http, string targetPrefix, string iamPrefix, string? profile, ResiliencePipeline? retry = null)
{
    public const string MediaType = "application/x-amz-json-1.1";

    internal static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = true,
        Converters = { new AwsTimestampConverter() },
    };

    public async Task<TResponse> SendAsync<TRequest, TResponse>(string operation, TRequest request, CancellationToken ct)
    {
        var endpoint = http.BaseAddress ?? throw new InvalidOperationException(
            $"No endpoint for {iamPrefix}: the HttpClient needs a BaseAddress (register it with AddAwsHttpClients).");
        var body = JsonSerializer.SerializeToUtf8Bytes(request, Json);
        var call = new AwsCall(iamPrefix, operation, profile);
        return await (retry ?? AwsRetry.Default).ExecuteAsync(async token =>
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
            message.Content.Headers.ContentType = new MediaTypeHeaderValue(MediaType);
            message.Headers.TryAddWithoutValidation("X-Amz-Target", $"{targetPrefix}.{operation}");
            using var response = await http.SendAsync(message, token);
            var text = await response.Content.ReadAsStringAsync(token);
            if (!response.IsSuccessStatusCode)
                throw AwsErrors.FromJson(call, response.StatusCode, Header(response, "x-amzn-ErrorType"), text);
            return JsonSerializer.Deserialize<TResponse>(string.IsNullOrWhiteSpace(text) ? "{}" : text, Json)
                ?? throw new AwsServiceException("EmptyResponse", $"{call.Action} answered with null.", response.StatusCode);
        }, ct);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}

/// <summary>JSON 1.1 sends timestamps as epoch seconds; cognito-local sometimes sends ISO strings. Both read as UTC.</summary>
internal sealed class AwsTimestampConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(reader.GetDouble() * 1000)).UtcDateTime
            : DateTime.Parse(reader.GetString()!, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(new DateTimeOffset(value.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0);
}
