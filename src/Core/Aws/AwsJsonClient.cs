using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CreatorPlatform.Core.Aws;

/// <summary>
/// The AWS JSON 1.1 protocol: POST / with <c>X-Amz-Target: {targetPrefix}.{operation}</c>. Signing and retries are the
/// HttpClient's handlers' job (<see cref="AwsClientsServiceCollectionExtensions"/>); the endpoint is its BaseAddress.
/// </summary>
public sealed class AwsJsonClient(HttpClient http, string targetPrefix, string iamPrefix, string? profile)
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
        using var message = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(request, Json)) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(MediaType);
        message.Headers.TryAddWithoutValidation("X-Amz-Target", $"{targetPrefix}.{operation}");
        return await ExchangeAsync<TResponse>(http, message, new AwsCall(iamPrefix, operation, profile), ct);
    }

    /// <summary>Sends a JSON-protocol request (JSON 1.1 or REST-JSON) and reads its answer, or its error as the typed exception.</summary>
    internal static async Task<TResponse> ExchangeAsync<TResponse>(HttpClient http, HttpRequestMessage message, AwsCall call, CancellationToken ct)
    {
        using var response = await http.SendAsync(message, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw AwsErrors.FromJson(call, response.StatusCode, ErrorType(response), text);
        return JsonSerializer.Deserialize<TResponse>(string.IsNullOrWhiteSpace(text) ? "{}" : text, Json)
            ?? throw new AwsServiceException("EmptyResponse", $"{call.Action} answered with null.", response.StatusCode);
    }

    internal static string? ErrorType(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.FirstOrDefault() : null;
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
