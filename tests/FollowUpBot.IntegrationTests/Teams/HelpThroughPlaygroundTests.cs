using FollowUpBot.Testing;

namespace FollowUpBot.IntegrationTests.Teams;

/// <summary>The bot on a real socket, chatted with through the Microsoft 365 Agents Playground as Teams would.</summary>
[Trait("Category", "Integration")]
public sealed class HelpThroughPlaygroundTests
{
    [Fact]
    public async Task HelpSentThroughThePlaygroundArrivesAsAnAdaptiveCard()
    {
        using var bot = new BotApplication();
        var endpoint = bot.StartOnSocket();
        await using var playground = await AgentsPlayground.StartAsync(endpoint);

        await playground.SendAsync(playground.PersonalChatId, "help");

        var reply = await playground.WaitForBotMessageAsync(m => m.Cards.Any());
        var card = Assert.Single(reply.Cards);
        Assert.Equal("AdaptiveCard", card["type"]!.ToString());
        Assert.Equal("1.5", card["version"]!.ToString());
        Assert.Contains("FollowUpBot", card.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(playground.PersonalChatId, reply.ConversationId);
    }

    [Fact]
    public async Task TheConversationReferenceOfTheSenderIsStoredForProactiveMessages()
    {
        using var bot = new BotApplication();
        var endpoint = bot.StartOnSocket();
        await using var playground = await AgentsPlayground.StartAsync(endpoint);

        await playground.SendAsync(playground.PersonalChatId, "help");
        await playground.WaitForBotMessageAsync(m => m.Cards.Any());

        var aadObjectId = playground.Config["currentUser"]!["aadObjectId"]!.ToString();
        var stored = Path.Combine(bot.DataPath, "blobs", "conversations", FollowUpBot.Storage.BlobNames.Segment(playground.TenantId), FollowUpBot.Storage.BlobNames.Segment(aadObjectId) + ".json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(stored))!;
        Assert.Equal(1, json["schema"]!.GetValue<int>());
        Assert.Equal(playground.PersonalChatId, json["conversationId"]!.ToString());
        Assert.StartsWith($"http://localhost:{playground.Port}/_connector", json["serviceUrl"]!.ToString(), StringComparison.Ordinal);
    }
}
