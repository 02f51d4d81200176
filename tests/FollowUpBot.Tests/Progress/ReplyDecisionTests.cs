using FollowUpBot.Ledger;
using FollowUpBot.Progress;

namespace FollowUpBot.Tests.Progress;

/// <summary>What the bot does with a free-text reply, decided before storage is touched: store, confirm with the picker, ask which item, undo, or leave it to help.</summary>
public sealed class ReplyDecisionTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static OpenItem Open(string meetingId, int number, string department = "市委宣传部") =>
        new(new OpenItemEntry { MeetingId = meetingId, ItemId = $"{meetingId}-i{number}", Number = number, Task = $"task {number}" }, department);

    private static (ReplyDecision Decision, ParsedReply Parsed) Decide(string text, IReadOnlyList<OpenItem> open, OpenItem? defaultItem = null)
    {
        var numbers = open.Where(o => o.Number is not null).Select(o => o.Number!.Value).Distinct().ToList();
        var parsed = ReplyParser.Parse(text, new ReplyContext(Today, numbers, defaultItem?.Number));
        return (ReplyDecision.Decide(parsed, text, open, defaultItem), parsed);
    }

    [Theory]
    [InlineData("3 已完成")]
    [InlineData("#3 60% 方案已报审")]
    [InlineData("3 申请延期至2027-03-31，等待上级审批")]
    [InlineData("item 3 blocked: waiting for the budget approval")]
    public void ASureReplyOnOneItemIsStored(string text)
    {
        var open = new[] { Open("m1", 2), Open("m1", 3) };

        var (decision, parsed) = Decide(text, open);

        Assert.True(parsed.Confidence >= ReplyParser.ConfirmBelow, $"confidence {parsed.Confidence}");
        Assert.Equal(ReplyStep.Record, decision.Step);
        Assert.Equal("m1-i3", Assert.Single(decision.Items).ItemId);
        Assert.False(decision.Unsure);
    }

    [Theory]
    [InlineData("3 不好意思拖了几天，争取下周三前弄完")]
    [InlineData("3 收到，马上落实")]
    [InlineData("#3 sorry this is late, I will finish it by Friday")]
    public void AnUnsureReplyOnOneItemAsksToConfirm(string text)
    {
        var open = new[] { Open("m1", 2), Open("m1", 3) };

        var (decision, parsed) = Decide(text, open);

        Assert.True(parsed.Status is null || parsed.Confidence < ReplyParser.ConfirmBelow, $"{parsed.Status} at {parsed.Confidence}");
        Assert.Equal(ReplyStep.Confirm, decision.Step);
        Assert.Equal("m1-i3", Assert.Single(decision.Items).ItemId);
        Assert.True(decision.Unsure);
    }

    [Fact]
    public void AnUnsureReplyWithoutAnItemAsksWhichItemFirstThenConfirms()
    {
        var open = new[] { Open("m1", 2), Open("m1", 3), Open("m2", 1) };

        var (decision, _) = Decide("不好意思拖了几天，争取下周三前弄完", open);

        Assert.Equal(ReplyStep.AskWhichItem, decision.Step);
        Assert.Equal(3, decision.Items.Count);
        Assert.True(decision.Unsure);
    }

    [Fact]
    public void AnItemNumberTwoMeetingsShareIsAskedAboutBetweenThoseTwo()
    {
        var open = new[] { Open("m1", 3), Open("m2", 3), Open("m2", 4) };

        var (decision, _) = Decide("3 已完成", open);

        Assert.Equal(ReplyStep.AskWhichItem, decision.Step);
        Assert.Equal(["m1-i3", "m2-i3"], decision.Items.Select(i => i.ItemId));
        Assert.False(decision.Unsure);
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("谢谢")]
    [InlineData("hello")]
    public void AWordOrTwoWithoutAnyReportIsNotAReply(string text)
    {
        var (decision, _) = Decide(text, [Open("m1", 3)]);

        Assert.Equal(ReplyStep.NotAReply, decision.Step);
    }

    [Fact]
    public void AReplyFromSomeoneWithNoOpenItemsIsToldSo()
    {
        var (decision, _) = Decide("3 已完成", []);

        Assert.Equal(ReplyStep.NoOpenItems, decision.Step);
    }

    [Fact]
    public void AReplyNamingNoItemDefaultsToTheItemLastAskedAbout()
    {
        var open = new[] { Open("m1", 2), Open("m1", 3), Open("m2", 3) };

        var (decision, parsed) = Decide("已完成，材料已报送", open, defaultItem: open[2]);

        Assert.Equal(ReplyItemSource.Default, parsed.ItemSource);
        Assert.Equal(ReplyStep.Record, decision.Step);
        Assert.Same(open[2], Assert.Single(decision.Items));
    }

    [Fact]
    public void AnItemNamedInTheTextWinsOverTheDefault()
    {
        var open = new[] { Open("m1", 2), Open("m1", 3) };

        var (decision, _) = Decide("2 已完成", open, defaultItem: open[1]);

        Assert.Equal("m1-i2", Assert.Single(decision.Items).ItemId);
    }

    [Theory]
    [InlineData("3 撤销")]
    [InlineData("3 撤回")]
    [InlineData("3 undo")]
    public void UndoWithAnItemUndoesThatItem(string text)
    {
        var (decision, _) = Decide(text, [Open("m1", 2), Open("m1", 3)]);

        Assert.Equal(ReplyStep.Undo, decision.Step);
        Assert.Equal("m1-i3", Assert.Single(decision.Items).ItemId);
    }

    [Fact]
    public void UndoWithoutAnItemAsksWhichAndTheChoiceUndoes()
    {
        var (decision, _) = Decide("撤销", [Open("m1", 2), Open("m1", 3)]);

        Assert.Equal(ReplyStep.AskWhichItem, decision.Step);
        Assert.True(decision.IsUndo);
        Assert.Equal(2, decision.Items.Count);
    }

    [Fact]
    public void UndoRightAfterAReminderAboutOneItemUndoesThatItem()
    {
        var open = new[] { Open("m1", 2), Open("m1", 3) };

        var (decision, _) = Decide("撤销", open, defaultItem: open[0]);

        Assert.Equal(ReplyStep.Undo, decision.Step);
        Assert.Same(open[0], Assert.Single(decision.Items));
    }
}
