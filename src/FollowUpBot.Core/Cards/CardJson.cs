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

    public static byte[] ToUtf8(AdaptiveCard card) => JsonSerializer.SerializeToUtf8Bytes(card, CardJsonContext.Default.AdaptiveCard);

    public static string ToJson(AdaptiveCard card) => Encoding.UTF8.GetString(ToUtf8(card));

    public static JsonElement ToElement(AdaptiveCard card) => JsonSerializer.SerializeToElement(card, CardJsonContext.Default.AdaptiveCard);

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
