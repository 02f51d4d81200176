using FollowUpBot.Bulletins;
using FollowUpBot.Cards;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Tests.Cards;
using FollowUpBot.Testing;

namespace FollowUpBot.Tests.Bulletins;

public sealed class BulletinCardTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Theory]
    [InlineData("zh-CN", true)]
    [InlineData("en-US", true)]
    [InlineData("zh-CN", false)]
    public void ThePreviewOfALargeMeetingIsAValidCardWithinTheSizeLimit(string lang, bool organiser)
    {
        var today = new DateOnly(2026, 12, 10);
        var meeting = SummaryFixture.Meeting() with
        {
            Items = [.. Enumerable.Range(1, 400).Select(n => new MeetingItem
            {
                Id = "i" + n,
                Number = n,
                Task = string.Concat(Enumerable.Repeat("认真落实会议精神并按期报送工作进展情况", 6)),
                Lead = ["市发展改革委", "市财政局"],
                Due = today.AddDays(-n),
            })],
        };
        var bulletin = BulletinRules.Build(meeting, today, UiLocales.FromTag(lang), Shanghai);

        var card = BulletinCard.Build(new BulletinCardView(bulletin, new Uri("https://bot.example.test/bulletins/m-q4/20261120-20261210.docx?exp=1&sig=x"), DateTimeOffset.UnixEpoch, organiser));
        var json = CardJson.ToJson(card);

        Assert.Empty(AdaptiveCardSchema.Errors(json));
        Assert.True(CardJson.Size(card) <= CardJson.MaxBytes, $"{CardJson.Size(card)} bytes");
        Assert.Contains(Texts.Format(UiLocales.FromTag(lang), "bulletin.more", 400 - 12), json, StringComparison.Ordinal);
        // The longest overdue first.
        var (oldest, next) = lang == "zh-CN" ? ("第400项", "第399项") : ("Item 400 ", "Item 399 ");
        Assert.InRange(json.IndexOf(oldest, StringComparison.Ordinal), 0, json.IndexOf(next, StringComparison.Ordinal));
        Assert.Equal(organiser, json.Contains(BulletinVerbs.Send, StringComparison.Ordinal));
        Assert.Equal(organiser, json.Contains(BulletinCard.RequirementsInput, StringComparison.Ordinal));
        Assert.Contains("Action.OpenUrl", json, StringComparison.Ordinal);
    }
}
