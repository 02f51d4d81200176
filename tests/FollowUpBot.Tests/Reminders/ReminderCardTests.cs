using FollowUpBot.Cards;
using FollowUpBot.Checklists;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Reminders;
using FollowUpBot.Tests.Cards;

namespace FollowUpBot.Tests.Reminders;

public sealed class ReminderCardTests
{
    private static readonly DateOnly Today = new(2026, 10, 9);

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public void ASixtyItemDigestIsSchemaValidStaysUnderTheLimitAndSaysHowManyMore(string tag)
    {
        var locale = UiLocales.FromTag(tag);
        var meeting = ReminderTimelineTests.Scenario();
        var lines = Enumerable.Range(0, 60)
            .Select(n => meeting.Items[n % meeting.Items.Count] with { Id = $"x{n}", Number = n + 1, Task = meeting.Items[n % meeting.Items.Count].Task + new string('办', 60) })
            .Select(item => new DigestLine(meeting, item, "市委组织部"))
            .ToList();

        var card = ReminderCard.BuildDigest(new DigestView(ReminderKind.Due, "2026-10-09-due", locale, Today, lines));
        var json = CardJson.ToJson(card);
        var text = Strings(json);

        Assert.Empty(AdaptiveCardSchema.Errors(json));
        Assert.InRange(CardJson.Size(card), 10_000, CardJson.MaxBytes);
        var shown = card.Body.Count(e => e is Container);
        Assert.InRange(shown, 2, 59);
        Assert.Contains(Texts.Format(locale, "reminder.more", 60 - shown), text, StringComparison.Ordinal);
        Assert.Contains(ChecklistVerbs.Report, text, StringComparison.Ordinal);
        Assert.Contains(ReminderCard.SlotElementId("2026-10-09-due"), text, StringComparison.Ordinal);
    }

    [Fact]
    public void ADigestLinksBackToTheChecklistOfEachMeetingAndDepartment()
    {
        var meeting = ReminderTimelineTests.Scenario();
        var lines = new[] { new DigestLine(meeting, meeting.FindItem("i2")!, "市委宣传部"), new DigestLine(meeting, meeting.FindItem("i6")!, "市委宣传部") };

        var card = ReminderCard.BuildDigest(new DigestView(ReminderKind.Cron, "2026-10-08-cron-0800", UiLocale.ZhCN, Today, lines));

        var action = Assert.IsType<ActionExecute>(Assert.Single(card.Actions!));
        Assert.Equal(ChecklistVerbs.Refresh, action.Verb);
        Assert.Equal("市委宣传部", action.Data!["department"]!.GetValue<string>());
        Assert.Empty(AdaptiveCardSchema.Errors(CardJson.ToJson(card)));
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public void AnEscalationListsOverdueItemsTheirSilenceAndWhoCouldNotBeReached(string tag)
    {
        var locale = UiLocales.FromTag(tag);
        var meeting = ReminderTimelineTests.Scenario();
        var items = Enumerable.Range(0, 60).Select(n => new EscalatedLine(meeting, meeting.Items[n % meeting.Items.Count] with { Number = n + 1 }, 3 + n, 10 + n, n % 2 == 0)).ToList();
        var unreachable = new[] { new UnreachableLine(meeting.Title, 3, "市委宣传部", new UnreachableContact { AadObjectId = "aad-1", Name = "Megan Bowen", Reason = "BlockedByUser", At = new DateTimeOffset(2026, 10, 8, 2, 0, 0, TimeSpan.Zero) }) };

        var card = ReminderCard.BuildEscalation(new EscalationView(ReminderKind.Escalation, "2026-10-08-escalation", locale, items, unreachable, ["全市上下"]));
        var json = CardJson.ToJson(card);
        var text = Strings(json);

        Assert.Empty(AdaptiveCardSchema.Errors(json));
        Assert.True(CardJson.Size(card) <= CardJson.MaxBytes, $"{CardJson.Size(card)} bytes");
        Assert.Contains("Megan Bowen", text, StringComparison.Ordinal);
        Assert.Contains(ReminderCard.ReasonText(locale, "BlockedByUser"), text, StringComparison.Ordinal);
        Assert.Contains("全市上下", text, StringComparison.Ordinal);
        Assert.Contains(Texts.Format(locale, "reminder.escalation.silent", 10), text, StringComparison.Ordinal);
        Assert.Contains(Texts.Format(locale, "reminder.escalation.neverReported", 11), text, StringComparison.Ordinal);
    }

    /// <summary>Every string value of the card, one per line (the JSON itself escapes non-ASCII text).</summary>
    private static string Strings(string json) =>
        string.Join("\n", System.Text.Json.Nodes.JsonNode.Parse(json)!.DescendantStrings());
}

internal static class JsonNodeStrings
{
    public static IEnumerable<string> DescendantStrings(this System.Text.Json.Nodes.JsonNode node) => node switch
    {
        System.Text.Json.Nodes.JsonObject o => o.SelectMany(p => p.Value is null ? [] : p.Value.DescendantStrings()),
        System.Text.Json.Nodes.JsonArray a => a.SelectMany(v => v is null ? [] : v.DescendantStrings()),
        System.Text.Json.Nodes.JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
