using FollowUpBot.Cards;
using FollowUpBot.Help;
using FollowUpBot.Localization;

namespace FollowUpBot.Tests.Cards;

public sealed class CardSchemaTests
{
    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public void TheHelpCardIsAValidAdaptiveCardWithinTheSizeLimit(string locale)
    {
        var card = HelpCard.Build(UiLocales.FromTag(locale));
        var json = CardJson.ToJson(card);

        Assert.Empty(AdaptiveCardSchema.Errors(json));
        Assert.True(CardJson.Size(card) <= CardJson.MaxBytes);
        Assert.Contains("\"version\":\"1.5\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSchemaCheckCatchesAnInvalidCard()
    {
        // A card the schema must refuse: a TextBlock without its required text and an unknown property.
        const string Broken = """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","colour":"red"}]}""";

        Assert.NotEmpty(AdaptiveCardSchema.Errors(Broken));
    }

    [Fact]
    public void ExecuteActionsCarryTheirVerbInTheDataAndAFallbackForOlderClients()
    {
        var button = HelpCard.Button("Go", "do.it");
        var card = new AdaptiveCard { Body = [new TextBlock("x")], Actions = [button] };
        var json = CardJson.ToJson(card);

        Assert.Empty(AdaptiveCardSchema.Errors(json));
        Assert.Contains("\"verb\":\"do.it\"", json, StringComparison.Ordinal);
        Assert.Contains("\"fallback\":{\"type\":\"Action.Submit\"", json, StringComparison.Ordinal);
    }
}
