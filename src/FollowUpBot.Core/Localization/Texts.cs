using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace FollowUpBot.Localization;

/// <summary>
/// User-facing strings in zh-CN and en-US, from the embedded files <c>Localization/texts.*.json</c>
/// (one flat object of key → text per language; the tests check that both have the same keys).
/// Composite placeholders ({0}) are formatted with the invariant culture.
/// </summary>
internal static class Texts
{
    private static readonly FrozenDictionary<string, string> English = Load("en-US");
    private static readonly FrozenDictionary<string, string> Chinese = Load("zh-CN");

    public static IReadOnlyCollection<string> Keys(UiLocale locale) => Table(locale).Keys;

    public static string Get(UiLocale locale, string key) =>
        Table(locale).TryGetValue(key, out var text)
            ? text
            : throw new KeyNotFoundException($"No {locale.Tag()} text for '{key}'.");

    public static string Format(UiLocale locale, string key, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, Get(locale, key), args);

    private static FrozenDictionary<string, string> Table(UiLocale locale) => locale == UiLocale.ZhCN ? Chinese : English;

    private static FrozenDictionary<string, string> Load(string tag)
    {
        var name = $"FollowUpBot.Localization.texts.{tag}.json";
        using var stream = typeof(Texts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Missing embedded resource {name}.");
        var map = JsonSerializer.Deserialize(stream, LocalizationJsonContext.Default.DictionaryStringString)
            ?? throw new InvalidOperationException($"{name} is empty.");
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class LocalizationJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
