using System.Text.Json;
using System.Text.Json.Serialization;

namespace CreatorPlatform.Core;

/// <summary>
/// The screen where an admin acts on a check, a report line or a trouble. Core names the screen; the console maps it
/// to its route and its name, so that no page route or menu wording lives in Core.
/// </summary>
[JsonConverter(typeof(ConsoleScreenJson))]
public enum ConsoleScreen { Overview, Tables, Migration, Creators, Analytics, Verification, Audit }

/// <summary>Stored as its name; reports stored before the enum existed held the route ("/tables"), read as that screen.</summary>
internal sealed class ConsoleScreenJson : JsonConverter<ConsoleScreen>
{
    public override ConsoleScreen Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number ? (ConsoleScreen)reader.GetInt32()
        : Enum.TryParse<ConsoleScreen>(reader.GetString()?.Trim('/'), ignoreCase: true, out var screen) ? screen
        : ConsoleScreen.Overview;

    public override void Write(Utf8JsonWriter writer, ConsoleScreen value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
