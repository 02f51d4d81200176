using FollowUpBot.Localization;

namespace FollowUpBot.Tests.Localization;

public sealed class TextsTests
{
    [Fact]
    public void EveryTextExistsInBothLanguages()
    {
        var english = Texts.Keys(UiLocale.EnUS).Order(StringComparer.Ordinal).ToArray();
        var chinese = Texts.Keys(UiLocale.ZhCN).Order(StringComparer.Ordinal).ToArray();

        Assert.NotEmpty(english);
        Assert.Equal(english, chinese);
    }

    [Fact]
    public void ChineseTextsAreActuallyChinese()
    {
        Assert.All(Texts.Keys(UiLocale.ZhCN), key =>
            Assert.Contains(Texts.Get(UiLocale.ZhCN, key), c => c is >= '\u4e00' and <= '\u9fff'));
    }

    [Theory]
    [InlineData("zh-CN", "zh-CN")]
    [InlineData("zh-TW", "zh-CN")]
    [InlineData("zh", "zh-CN")]
    [InlineData("en-US", "en-US")]
    [InlineData("fr-FR", "en-US")]
    [InlineData(null, "en-US")]
    [InlineData("", "en-US")]
    public void TheActivityLocalePicksTheLanguage(string? tag, string expected)
    {
        Assert.Equal(expected, UiLocales.FromTag(tag).Tag());
    }
}
