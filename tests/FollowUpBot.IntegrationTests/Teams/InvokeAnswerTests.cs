using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FollowUpBot.Cards;
using FollowUpBot.Teams;

namespace FollowUpBot.IntegrationTests.Teams;

/// <summary>The bytes of an invoke answer: a card is written straight into them, the same JSON the card alone makes.</summary>
public sealed class InvokeAnswerTests
{
    private static readonly AdaptiveCard Card = new()
    {
        Body = [new TextBlock("第1项：推进重点工作 \"已召开\" <b>") { Weight = "bolder" }, new Container([new TextBlock("联络员")])],
        Lang = "zh-CN",
    };

    [Fact]
    public void ACardAnswerHoldsTheCardAsItsValueWrittenOnceInUtf8()
    {
        var bytes = MessagesEndpoint.AnswerBytes(InvokeResponse.Card(Card)).ToArray();

        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("{\"statusCode\":200,\"type\":\"application/vnd.microsoft.card.adaptive\",\"value\":{", text, StringComparison.Ordinal);
        Assert.Contains("第1项：推进重点工作", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", text, StringComparison.Ordinal);
        var value = JsonNode.Parse(bytes)!["value"]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(CardJson.ToUtf8(Card)), value));
    }

    [Fact]
    public void MessageErrorAndEmptyAnswersKeepTheirShape()
    {
        var message = JsonNode.Parse(MessagesEndpoint.AnswerBytes(InvokeResponse.Message("已保存")).Span)!;
        Assert.Equal(200, message["statusCode"]!.GetValue<int>());
        Assert.Equal(InvokeResponse.MessageType, message["type"]!.GetValue<string>());
        Assert.Equal("已保存", message["value"]!.GetValue<string>());

        var error = JsonNode.Parse(MessagesEndpoint.AnswerBytes(InvokeResponse.Error(400, "BadRequest", "no verb")).Span)!;
        Assert.Equal(400, error["statusCode"]!.GetValue<int>());
        Assert.Equal("BadRequest", error["value"]!["code"]!.GetValue<string>());
        Assert.Equal("no verb", error["value"]!["message"]!.GetValue<string>());

        var empty = Encoding.UTF8.GetString(MessagesEndpoint.AnswerBytes(new InvokeResponse(200, null, null)).Span);
        Assert.Equal("{\"statusCode\":200}", empty);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(empty).RootElement.ValueKind);
    }
}
