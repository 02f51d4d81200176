using System.Text.Json;

using FollowUpBot.Cards;
using FollowUpBot.Checklists;
using FollowUpBot.Localization;
using FollowUpBot.Progress;
using FollowUpBot.Tests.Cards;
using FollowUpBot.Tests.Checklists;

namespace FollowUpBot.Tests.Progress;

public sealed class StatusPickerCardTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static (AdaptiveCard Card, JsonElement Json, StatusPickerView View) Picker(string text, string locale = "zh-CN")
    {
        var meeting = ChecklistCardTests.SeedMeeting();
        var item = meeting.Items.First(i => i.Lead.Count > 0);
        var reply = ReplyParser.Parse(text, new ReplyContext(Today, null, item.Number));
        var view = new StatusPickerView(meeting, item, item.Lead[0], reply, text, UiLocales.FromTag(locale));
        var card = StatusPickerCard.Build(view);
        return (card, CardJson.ToElement(card), view);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public void ThePickerIsAValidCardWithinTheSizeLimit(string locale)
    {
        var (card, _, _) = Picker("sorry this is late, I will finish it by Friday", locale);

        Assert.Empty(AdaptiveCardSchema.Errors(CardJson.ToJson(card)));
        Assert.True(CardJson.Size(card) <= CardJson.MaxBytes);
    }

    [Fact]
    public void AVeryLongReplyStillFitsTheSizeLimit()
    {
        var (card, _, _) = Picker(string.Concat(Enumerable.Repeat("因资金未到位，施工进度滞后，预计月底完成。", 400)));

        Assert.Empty(AdaptiveCardSchema.Errors(CardJson.ToJson(card)));
        Assert.True(CardJson.Size(card) <= CardJson.MaxBytes, $"{CardJson.Size(card)} bytes");
    }

    [Fact]
    public void TheBestGuessComesFirstHighlightedAndEveryStatusIsOneTap()
    {
        var (_, json, view) = Picker("不好意思拖了几天，争取下周三前弄完");
        var actions = json.GetProperty("actions").EnumerateArray().ToList();

        Assert.Equal(ReplyStatus.Extension, view.Reply.Status);
        Assert.Equal(["申请延期", "未开始", "推进中", "受阻", "申请办结"], actions.Select(a => a.GetProperty("title").GetString()));
        Assert.Equal("positive", actions[0].GetProperty("style").GetString());
        Assert.All(actions.Skip(1), a => Assert.False(a.TryGetProperty("style", out _)));
        Assert.All(actions, a => Assert.Equal("Action.Execute", a.GetProperty("type").GetString()));
    }

    [Fact]
    public void EachButtonSubmitsTheDataACardReportCarries()
    {
        var (_, json, view) = Picker("主体已完工，就差验收了吧");
        var item = view.Item;
        var confirm = json.GetProperty("actions")[0];
        var data = confirm.GetProperty("data");

        Assert.Equal(ChecklistVerbs.Report, confirm.GetProperty("verb").GetString());
        Assert.Equal(ChecklistVerbs.Report, data.GetProperty("verb").GetString());
        Assert.Equal(view.Meeting.Id, data.GetProperty("meetingId").GetString());
        Assert.Equal(item.Id, data.GetProperty("itemId").GetString());
        Assert.Equal(view.Department, data.GetProperty("department").GetString());
        Assert.Equal(ChecklistCard.VersionOf(item), data.GetProperty("v").GetString());
        Assert.Equal(StatusPickerCard.WireValue(view.Reply.Status!.Value), data.GetProperty(ChecklistVerbs.StatusInput(item.Id)).GetString());

        // The fallback for clients without Universal Actions submits the same data.
        Assert.Equal(data.GetRawText(), confirm.GetProperty("fallback").GetProperty("data").GetRawText());
    }

    [Fact]
    public void TheFormIsPrefilledWithWhatWasUnderstood()
    {
        var (_, json, view) = Picker("抱歉，进度滞后了，目前完成约60%，争取12月20日前完成");
        var inputs = json.GetProperty("body").EnumerateArray().Where(e => e.TryGetProperty("id", out _)).ToDictionary(e => e.GetProperty("id").GetString()!);
        var id = view.Item.Id;

        Assert.Equal(60, inputs[ChecklistVerbs.PercentInput(id)].GetProperty("value").GetDouble());
        Assert.Equal(view.Text, inputs[ChecklistVerbs.NoteInput(id)].GetProperty("value").GetString());
        Assert.Equal("Input.Date", inputs[StatusPickerCard.DueInput(id)].GetProperty("type").GetString());
        var facts = json.GetProperty("body").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "FactSet").GetProperty("facts");
        Assert.Contains(facts.EnumerateArray(), f => f.GetProperty("value").GetString() == "60%");
    }

    [Fact]
    public void AReplyWithNoStatusPreselectsNothing()
    {
        var (_, json, view) = Picker("好的，收到了，谢谢", "en-US");
        var actions = json.GetProperty("actions").EnumerateArray().ToList();

        Assert.Null(view.Reply.Status);
        Assert.Equal(["Not started", "In progress", "Blocked", "Request completion", "Request extension"], actions.Select(a => a.GetProperty("title").GetString()));
        Assert.All(actions, a => Assert.False(a.TryGetProperty("style", out _)));
    }
}
