using FollowUpBot.Progress;

namespace FollowUpBot.Tests.Progress;

/// <summary>
/// Round 13 of issue 14: the kinds batch 15 shares with earlier batches (or that are plainly general), each both ways, on
/// made-up statements (the measured public statements are in tests/fixtures/replies/public-batch-*.json). Read with the
/// rules alone, so the learned fallback cannot hide a rule that does not fire.
/// </summary>
public sealed class ThirteenthRoundReplyTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static ParsedReply Rules(string text) =>
        ReplyParser.Parse(text, new ReplyContext(Today, [1, 2, 3], DefaultItem: 1), null, ReplyLearnedPolicy.Chosen);

    [Theory]
    [InlineData("I'll port it whenever the other libraries have been updated.")]
    [InlineData("We will ship the plugin as soon as the upstream fix has been released.")]
    [InlineData("Will tag the version once all three translations are finished.")]
    public void ADoneWordInsideAConditionIsNoCompletion(string text)
    {
        Assert.NotEqual(ReplyStatus.CompletionRequested, Rules(text).Status);
    }

    [Theory]
    [InlineData("Both libraries have been updated.")]
    [InlineData("The upstream fix has been released and the plugin is shipped.")]
    public void ADoneWordOutsideAConditionIsACompletion(string text)
    {
        Assert.Equal(ReplyStatus.CompletionRequested, Rules(text).Status);
    }

    [Theory]
    [InlineData("Pausing until the end of April.")]
    [InlineData("Taking a break until January, then back to the translation.")]
    public void APauseUntilATimeIsAnExtensionWithoutADateAndAsked(string text)
    {
        var read = Rules(text);

        Assert.Equal(ReplyStatus.Extension, read.Status);
        Assert.Null(read.NewDue);
        Assert.True(read.Confidence < ReplyParser.ConfirmBelow, $"confidence {read.Confidence}");
    }

    [Theory]
    [InlineData("Pausing until the supplier confirms the parts.")]
    [InlineData("Pausing until the end of April, though when we resume is unclear.")]
    public void APauseUntilAConditionOrOfUnknownEndIsNoExtension(string text)
    {
        Assert.NotEqual(ReplyStatus.Extension, Rules(text).Status);
    }

    [Theory]
    [InlineData("Still on it, just give me a couple weeks and I'll be back.")]
    [InlineData("Give us two more days, the report needs another pass.")]
    public void AskingForAStatedTimeIsAnExtension(string text)
    {
        Assert.Equal(ReplyStatus.Extension, Rules(text).Status);
    }

    [Theory]
    [InlineData("Please give me a week's notice before the inspection.")]
    [InlineData("Give us two days' warning and we will clear the hall.")]
    public void APeriodOfNoticeIsNoExtension(string text)
    {
        Assert.NotEqual(ReplyStatus.Extension, Rules(text).Status);
    }

    [Theory]
    [InlineData("Plan to release before August 10")]
    [InlineData("Thanks for the report. Intend to open source the tool next month.")]
    [InlineData("已将该村道路硬化项目纳入2027年全县农村公路提档升级改造项目计划。")]
    public void APlanWithoutASubjectOrAFarPlanIsNotStarted(string text)
    {
        Assert.Equal(ReplyStatus.NotStarted, Rules(text).Status);
    }

    [Theory]
    [InlineData("The plan to release on Friday worked and the release is out.")]
    [InlineData("已将破损路面全部修复，纳入日常养护。")]
    public void APlanThatHappenedOrWorkPutIntoUpkeepIsNotAPlan(string text)
    {
        Assert.Equal(ReplyStatus.CompletionRequested, Rules(text).Status);
    }

    [Theory]
    [InlineData("A decision from the county engineer is still awaited.")]
    [InlineData("We have not yet received delivery of the replacement pumps.")]
    [InlineData("The boards have not yet arrived from the fab.")]
    [InlineData("配件还没到货，到货后马上安装。")]
    public void AnAwaitedAnswerOrDeliveryIsBlocked(string text)
    {
        Assert.Equal(ReplyStatus.Blocked, Rules(text).Status);
    }

    [Theory]
    [InlineData("The long-awaited footbridge opened to the public on Monday.")]
    [InlineData("Delivery of the seats has been received and they are fitted.")]
    public void AnAwaitedThingThatCameIsNoBlock(string text)
    {
        Assert.NotEqual(ReplyStatus.Blocked, Rules(text).Status);
    }

    [Fact]
    public void AStopThatTheSenderPicksUpAgainNowIsProgress()
    {
        Assert.Equal(ReplyStatus.InProgress, Rules("去年因为家里的事暂时搁置了这个项目，现在我会抽空继续更新。").Status);
    }

    [Fact]
    public void AStopWithOnlyALaterPromiseStaysBlocked()
    {
        Assert.Equal(ReplyStatus.Blocked, Rules("项目暂时搁置了，以后有空再更新。").Status);
    }

    [Theory]
    [InlineData("不好意思拖了这么久，目前正在排版。")]
    [InlineData("Sorry for the delay, the roof works are under way.")]
    public void AnApologyForLatenessIsAsked(string text)
    {
        var read = Rules(text);

        Assert.Equal(ReplyStatus.InProgress, read.Status);
        Assert.True(read.Confidence < ReplyParser.ConfirmBelow, $"confidence {read.Confidence}");
    }

    [Fact]
    public void AnApologyWithoutLatenessIsStored()
    {
        var read = Rules("不好意思打扰了，目前正在排版。");

        Assert.Equal(ReplyStatus.InProgress, read.Status);
        Assert.True(read.Confidence >= ReplyParser.ConfirmBelow, $"confidence {read.Confidence}");
    }

    [Fact]
    public void AnExtensionWithItsDateIsStoredDespiteAnApology()
    {
        var read = Rules("Sorry for the delay: please extend the deadline to 2026-12-20.");

        Assert.Equal(ReplyStatus.Extension, read.Status);
        Assert.True(read.Confidence >= ReplyParser.ConfirmBelow, $"confidence {read.Confidence}");
    }
}
