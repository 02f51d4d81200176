using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace FollowUpBot.Cards;

/// <summary>Serialisation and the size rule of every card (DESIGN.md: at most 28,000 bytes of UTF-8 JSON).</summary>
internal static class CardJson
{
    public const int MaxBytes = 28_000;

    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    // Chinese text is written as UTF-8, not \uXXXX escapes: a card is JSON sent over HTTP, never inlined in HTML,
    // and escaping would triple the size of every Chinese character against the 28,000-byte budget.
    private static readonly CardJsonContext Context = new(new JsonSerializerOptions(CardJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static byte[] ToUtf8(AdaptiveCard card) => JsonSerializer.SerializeToUtf8Bytes(card, Context.AdaptiveCard);

    public static string ToJson(AdaptiveCard card) => Encoding.UTF8.GetString(ToUtf8(card));

    public static JsonElement ToElement(AdaptiveCard card) => JsonSerializer.SerializeToElement(card, Context.AdaptiveCard);

    /// <summary>Writes the card into a JSON being written (the writer's encoder applies: give it one that keeps UTF-8).</summary>
    public static void Write(Utf8JsonWriter writer, AdaptiveCard card) => JsonSerializer.Serialize(writer, card, Context.AdaptiveCard);

    public static int Size(AdaptiveCard card) => ToUtf8(card).Length;

    /// <summary>Action data: string pairs, the form every verb handler reads.</summary>
    public static JsonObject Data(params (string Key, string? Value)[] pairs)
    {
        var data = new JsonObject();
        foreach (var (key, value) in pairs)
        {
            if (value is not null)
            {
                data[key] = value;
            }
        }

        return data;
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AdaptiveCard))]
internal sealed partial class CardJsonContext : JsonSerializerContext;
