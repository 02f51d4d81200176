using FollowUpBot.Progress;

namespace FollowUpBot.Tests.Progress;

/// <summary>
/// Round 11 of issue 14: the kinds batch 14 shares with earlier batches (or that are plainly general), each both ways, on
/// made-up statements (the measured public statements are in tests/fixtures/replies/public-batch-*.json). Read with the
/// rules alone, so the learned fallback cannot hide a rule that does not fire.
/// </summary>
public sealed class EleventhRoundReplyTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static ParsedReply Rules(string text) =>
        ReplyParser.Parse(text, new ReplyContext(Today, [1, 2, 3], DefaultItem: 1), null, ReplyLearnedPolicy.Chosen);

    [Theory]
    [InlineData("The vendor has delayed the driver release for this board until mid March 2027.")]
    [InlineData("Resurfacing of the car park is being delayed until spring.")]
    [InlineData("We are postponing the 2.1 launch one week to fix a crash.")]
    public void ADelayWithTheTimeItMovesToIsAnExtension(string text)
    {
        Assert.Equal(ReplyStatus.Extension, Rules(text).Status);
    }

    [Theory]
    [InlineData("The vendor delayed the driver release; we cannot test until it arrives.")]
    [InlineData("We are waiting on the supplier and cannot continue until the parts arrive.")]
    public void ADelayOrWaitWithoutATimeIsNoExtension(string text)
    {
        Assert.NotEqual(ReplyStatus.Extension, Rules(text).Status);
    }

    [Theory]
    [InlineData("不好意思，这次更新肯定会鸽，争取月底前弄完。")]
    [InlineData("最近太忙了，先鸽一个月左右吧。")]
    public void PuttingOffAPromisedUpdateIsAnExtensionAndAsked(string text)
    {
        var read = Rules(text);

        Assert.Equal(ReplyStatus.Extension, read.Status);
        Assert.True(read.Confidence < ReplyParser.ConfirmBelow, $"confidence {read.Confidence}");
    }

    [Fact]
    public void APigeonIsNoDelay()
    {
        Assert.NotEqual(ReplyStatus.Extension, Rules("广场上的鸽子笼已经拆除完毕。").Status);
    }

    [Theory]
    [InlineData("好建议，下个版本会加上这个选项。")]
    [InlineData("已经加入下个版本的计划中，谢谢反馈")]
    [InlineData("目前有计划进行实现，具体时间还没定。")]
    [InlineData("Thanks, dark mode will be added in the next release.")]
    public void AFeatureSetForANextVersionIsNotStarted(string text)
    {
        Assert.Equal(ReplyStatus.NotStarted, Rules(text).Status);
    }

    [Theory]
    [InlineData("这个选项在下个版本已经加上了。")]
    [InlineData("下个版本推送修复，目前正在测试中。")]
    [InlineData("A fix has been pushed to `dev` and will be included in the next release.")]
    public void AFeatureAlreadyInTheNextVersionIsNotAPlan(string text)
    {
        Assert.NotEqual(ReplyStatus.NotStarted, Rules(text).Status);
    }

    [Theory]
    [InlineData("因为出差停止了一段时间，如今已恢复，每周五更新。")]
    [InlineData("假期结束，今天恢复审核。")]
    [InlineData("Most screens work; the settings page is currently being completed.")]
    public void WorkResumedOrBeingCompletedIsInProgress(string text)
    {
        Assert.Equal(ReplyStatus.InProgress, Rules(text).Status);
    }

    [Theory]
    [InlineData("道路塌方处已修复，已恢复通行。")]
    [InlineData("The settings page is completed.")]
    public void AServiceBackInUseOrAFinishedPartIsStillDone(string text)
    {
        Assert.Equal(ReplyStatus.CompletionRequested, Rules(text).Status);
    }

    [Theory]
    [InlineData("经过两个月施工，该段人行道于2026年10月18日竣工。")]
    [InlineData("接到反映后，不到三天，小区内损坏的路灯就全部修好。")]
    public void DoneToldAsAPastDateOrEverythingMendedIsACompletion(string text)
    {
        Assert.Equal(ReplyStatus.CompletionRequested, Rules(text).Status);
    }

    [Theory]
    [InlineData("该段人行道计划于2027年5月底竣工。")]
    [InlineData("损坏的路灯还没全部修好，正在更换线路。")]
    [InlineData("已要求施工单位抓紧，希望在本周内全部修好。")]
    public void APlannedDateOrANegationIsNoCompletion(string text)
    {
        Assert.NotEqual(ReplyStatus.CompletionRequested, Rules(text).Status);
    }

    [Theory]
    [InlineData("Dependency blockers cleared, moved this issue from Blocked to In Progress.")]
    [InlineData("Removing the blocker label, the upstream fix is being reviewed.")]
    public void ABlockerClearedIsNoBlock(string text)
    {
        Assert.NotEqual(ReplyStatus.Blocked, Rules(text).Status);
    }

    [Fact]
    public void ABlockerStillThereIsABlock()
    {
        Assert.Equal(ReplyStatus.Blocked, Rules("Still blocked: the upstream fix has not landed.").Status);
    }

    [Theory]
    [InlineData("Done with the translation up to chapter 6. Remains to translate chapters 7 and 8.")]
    [InlineData("Finished the backend part; remains to be tested on staging.")]
    public void DoneWithAPartAndTheRestRemainingIsInProgress(string text)
    {
        Assert.Equal(ReplyStatus.InProgress, Rules(text).Status);
    }

    [Fact]
    public void DoneWithNothingRemainingIsDone()
    {
        Assert.Equal(ReplyStatus.CompletionRequested, Rules("Done with the translation of all chapters.").Status);
    }
}
