using System.Text.Json;
using System.Text.Json.Nodes;
using FollowUpBot.Teams;
using FollowUpBot.Testing;

namespace FollowUpBot.IntegrationTests.Teams;

/// <summary>Real Teams payloads (tests/fixtures/activities, written by Microsoft) parse into the typed records without loss.</summary>
public sealed class ActivityParsingTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.Fixture("activities"), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task EveryFixtureRoundTripsWithoutLosingAProperty(string fixture)
    {
        var original = await File.ReadAllTextAsync(RepoPaths.Fixture("activities/" + fixture));

        var activity = JsonSerializer.Deserialize(original, TeamsJson.Default.Activity)!;
        var written = JsonSerializer.Serialize(activity, TeamsJson.Default.Activity);

        Assert.False(string.IsNullOrEmpty(activity.Type));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(original), JsonNode.Parse(written)), $"{fixture} changed in a round trip:\n{written}");
    }

    [Fact]
    public async Task AnAdaptiveCardInvokeExposesItsTypedFields()
    {
        var activity = await ReadAsync("invoke-adaptiveCard-action-personal.teamsnet.json");

        Assert.Equal(ActivityTypes.Invoke, activity.Type);
        Assert.Equal("adaptiveCard/action", activity.Name);
        Assert.Equal("f:17b96347-e8b4-f340-10bc-eb52fc1a6ad4", activity.Id);
        Assert.Equal("https://smba.trafficmanager.net/amer/56653e9d-2158-46ee-90d7-675c39642038/", activity.ServiceUrl);
        Assert.Equal("56653e9d-2158-46ee-90d7-675c39642038", activity.TenantId);
        Assert.Equal("c5e99701-2a32-49c1-a660-4629ceeb8c61", activity.From!.AadObjectId);
        Assert.Equal("personal", activity.Conversation!.ConversationType);
        Assert.Equal("1767765488332", activity.ReplyToId);
        Assert.Equal("America/Los_Angeles", activity.SenderTimeZone);
        Assert.Equal(new DateTimeOffset(2026, 1, 7, 6, 4, 59, 890, TimeSpan.Zero), activity.Timestamp);
        Assert.Equal("test invokes", activity.Value!.Value.GetProperty("action").GetProperty("data").GetProperty("feedback").GetString());
    }

    [Fact]
    public async Task AChannelMessageExposesTeamChannelAndMention()
    {
        var activity = await ReadAsync("message-channel-thread-reply-with-bot-mention.teamsnet.json");

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("19:66P469zibfbsGI-_a0aN_toLTZpyzS6u7CT3TsXdgPw1@thread.tacv2", activity.ChannelData!.Team!.Id);
        Assert.Equal("19:6848757105754c8981c67612732d9aa7@thread.tacv2", activity.ChannelData.Channel!.Id);
        Assert.Equal("channel", activity.Conversation!.ConversationType);
        var mention = Assert.Single(activity.Entities!, e => e.Type == "mention");
        Assert.Equal("28:0b6fe6d1-fece-44f7-9a48-56465e2d5ab8", mention.Mentioned!.Id);
        Assert.Equal("reply to thread", TurnContext.StripBotMention(activity));
    }

    [Fact]
    public async Task OnlyTheBotsOwnMentionIsStripped()
    {
        var activity = await ReadAsync("message-channel-thread-reply-with-bot-mention.teamsnet.json");
        var otherUser = activity with
        {
            Text = "<at>ridotest</at> ask <at>Megan</at> about 3",
            Entities = [.. activity.Entities!, new Entity { Type = "mention", Text = "<at>Megan</at>", Mentioned = new ChannelAccount { Id = "29:megan" } }],
        };

        Assert.Equal("ask <at>Megan</at> about 3", TurnContext.StripBotMention(otherUser));
    }

    [Fact]
    public async Task AConversationUpdateListsTheMembersAdded()
    {
        var activity = await ReadAsync("conversationUpdate-membersAdded-bot-added-to-team.docs.json");

        Assert.Equal(ActivityTypes.ConversationUpdate, activity.Type);
        Assert.NotEmpty(activity.MembersAdded!);
        Assert.NotNull(activity.ChannelData!.Team!.Id);
    }

    private static async Task<Activity> ReadAsync(string fixture) =>
        JsonSerializer.Deserialize(await File.ReadAllTextAsync(RepoPaths.Fixture("activities/" + fixture)), TeamsJson.Default.Activity)!;
}
