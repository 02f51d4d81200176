using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

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

    /// <summary>
    /// Marks a body element that many cards share as it is (a checklist item block kept while its item is unchanged): from
    /// its second card on, it is written once and its bytes reused by every card that holds it. The element must never
    /// change afterwards.
    /// </summary>
    public static T Reused<T>(T element)
        where T : CardElement
    {
        ArgumentNullException.ThrowIfNull(element);
        Written.TryAdd(element, new WrittenElement());
        return element;
    }

    /// <summary>
    /// The bytes of a <see cref="Reused"/> element that was already written into a card; false for any other element,
    /// and for a reused one's first card. The block of the item a report just changed is in one card only (the next report
    /// changes it again), so it is written straight into that card instead of into bytes kept for nobody.
    /// </summary>
    internal static bool TryGetWritten(CardElement element, out byte[] bytes)
    {
        if (!Written.TryGetValue(element, out var written) || Interlocked.Increment(ref written.Uses) == 1)
        {
            bytes = [];
            return false;
        }

        // Two cards writing it at once both get the same bytes; either may keep them.
        bytes = written.Bytes ??= JsonSerializer.SerializeToUtf8Bytes(element, Context.CardElement);
        return true;
    }

    private static readonly ConditionalWeakTable<CardElement, WrittenElement> Written = [];

    private sealed class WrittenElement
    {
        public int Uses;
        public byte[]? Bytes;
    }

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
[JsonSerializable(typeof(CardElement))]
internal sealed partial class CardJsonContext : JsonSerializerContext;

/// <summary>
/// Writes a card's body element by element, as the serializer would, except that an element marked
/// <see cref="CardJson.Reused"/> is written from the bytes kept for it. Cards are only ever written, never read.
/// </summary>
internal sealed class CardBodyConverter : JsonConverter<IReadOnlyList<CardElement>>
{
    public override IReadOnlyList<CardElement> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Cards are written, never read.");

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<CardElement> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        var element = (JsonTypeInfo<CardElement>)options.GetTypeInfo(typeof(CardElement));
        writer.WriteStartArray();
        foreach (var item in value)
        {
            if (CardJson.TryGetWritten(item, out var bytes))
            {
                writer.WriteRawValue(bytes, skipInputValidation: true);
            }
            else
            {
                JsonSerializer.Serialize(writer, item, element);
            }
        }

        writer.WriteEndArray();
    }
}
