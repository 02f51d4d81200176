namespace FollowUpBot.Localization;

/// <summary>The two languages of every user-facing string. DESIGN.md: <c>zh-*</c> → zh-CN, anything else → en-US.</summary>
internal enum UiLocale
{
    EnUS,
    ZhCN,
}

internal static class UiLocales
{
    public static UiLocale FromTag(string? languageTag) =>
        languageTag is not null && (languageTag.Equals("zh", StringComparison.OrdinalIgnoreCase)
            || languageTag.StartsWith("zh-", StringComparison.OrdinalIgnoreCase)
            || languageTag.StartsWith("zh_", StringComparison.OrdinalIgnoreCase))
            ? UiLocale.ZhCN
            : UiLocale.EnUS;

    public static string Tag(this UiLocale locale) => locale == UiLocale.ZhCN ? "zh-CN" : "en-US";

    /// <summary>The two-letter ISO 639-1 code, as an Adaptive Card's <c>lang</c> wants it.</summary>
    public static string Language(this UiLocale locale) => locale == UiLocale.ZhCN ? "zh" : "en";
}
