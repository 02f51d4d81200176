using FollowUpBot.Progress;

namespace FollowUpBot.Tests.Progress;

/// <summary>
/// Round 14 of issue 14: the kinds batch 16 shares with earlier batches (or that are plainly general), read the way the
/// written conventions (docs/evaluation/reply-conventions.md) settle them, each both ways, on made-up statements (the
/// measured public statements are in tests/fixtures/replies/public-batch-*.json). Read with the rules alone, so the learned
/// fallback cannot hide a rule that does not fire.
/// </summary>
public sealed class FourteenthRoundReplyTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static ParsedReply Rules(string text) =>
        ReplyParser.Parse(text, new ReplyContext(Today, [1, 2, 3], DefaultItem: 1), null, ReplyLearnedPolicy.Chosen);

    [Theory]
    [InlineData("We will open-source the training code once the paper is accepted.")]
    [InlineData("The code will be released upon acceptance.")]
    [InlineData("Our manuscript is still under review; the models follow after that.")]
    [InlineData("论文录用后会公开全部代码。")]
    [InlineData("论文还在审稿中，代码暂不公开。")]
    // Read as in progress until round 14 (ReplyKindsTests); the conventions name a review as an outside gate.
    [InlineData("The submission is still under review.")]
    public void AReleaseThatWaitsForAPapersAcceptanceIsBlocked(string text)
    {
        Assert.Equal(ReplyStatus.Blocked, Rules(text).Status);
    }

    [Theory]
    [InlineData("The paper has been accepted and the code is released.")]
    [InlineData("A 2.0 update is in the works. I am not sure when it will be published.")]
    public void AnAcceptanceReportedOrAReleasesOwnPublicationIsNoBlock(string text)
    {
        Assert.NotEqual(ReplyStatus.Blocked, Rules(text).Status);
    }

    [Theory]
    [InlineData("官网域名正在备案中，暂时用临时地址访问。")]
    [InlineData("文档站备案还没通过，先用 IP 访问。")]
    public void AWebsiteFilingStillPendingIsBlocked(string text)
    {
        Assert.Equal(ReplyStatus.Blocked, Rules(text).Status);
    }

    [Theory]
    [InlineData("备案已通过，网站已恢复访问。")]
    [InlineData("镜像站还在备案，服务已经恢复。")]
    public void AWebsiteFilingPassedOrASiteRestoredIsNoBlock(string text)
    {
        Assert.NotEqual(ReplyStatus.Blocked, Rules(text).Status);
    }

    [Theory]
    [InlineData("Let's push this to the next release.")]
    [InlineData("Deferring it until the next sprint.")]
    [InlineData("推迟到下个版本再做。")]
    // Read as an extension in round 10 (TenthRoundReplyTests); the conventions' table reads a deferral to the next release as not started.
    [InlineData("If possible, let's postpone to the next release so we have more time.")]
    public void WorkDeferredToTheNextReleaseIsNotStarted(string text)
    {
        Assert.Equal(ReplyStatus.NotStarted, Rules(text).Status);
    }

    [Theory]
    [InlineData("Fixed in master; it will be part of the next release.")]
    [InlineData("This week's notes are rolled into the next release, out on Monday.")]
    public void AFixShippingInTheNextReleaseOrAnIssueRolledOnIsNotDeferredWork(string text)
    {
        Assert.NotEqual(ReplyStatus.NotStarted, Rules(text).Status);
    }

    [Theory]
    [InlineData("最近工作太忙，暂时没时间弄这个。")]
    [InlineData("忙于学业")]
    [InlineData("I just don't have time right now.")]
    [InlineData("Life is pretty hectic right now, sorry.")]
    public void BusyWithNoTimeGivenIsNotStartedAndNotStoredAsDone(string text)
    {
        Assert.Equal(ReplyStatus.NotStarted, Rules(text).Status);
    }

    [Theory]
    [InlineData("Busy week, but I can pick it up again in 3 days.")]
    [InlineData("工程人员正忙着抢修管道。")]
    [InlineData("Sorry, I was busy last week; here is the finished report.")]
    public void BusyWithATimeOrBusyDoingTheWorkIsNotReadAsNotStarted(string text)
    {
        Assert.NotEqual(ReplyStatus.NotStarted, Rules(text).Status);
    }

    [Theory]
    [InlineData("短时间内都不会再更新了。")]
    [InlineData("目前没有和新版本同步更新的打算。")]
    public void NoPlanToGoOnForNowIsNotStarted(string text)
    {
        Assert.Equal(ReplyStatus.NotStarted, Rules(text).Status);
    }

    [Fact]
    public void SlowerThanPlannedWhileWorkGoesOnIsNoAbsentPlan()
    {
        Assert.Equal(ReplyStatus.InProgress, Rules("进度没有计划中那么快，但仍在施工。").Status);
    }

    [Theory]
    [InlineData("The deadline of the lab is now extended by 48 hours.")]
    [InlineData("Pushes back the v2.3 release date")]
    [InlineData("这周继续加班，再鸽一次")]
    public void ADeadlineMovedByHoursOrAReleaseDatePushedBackOrAnUpdatePutOffAgainIsAnExtension(string text)
    {
        Assert.Equal(ReplyStatus.Extension, Rules(text).Status);
    }

    [Theory]
    [InlineData("The lab takes 48 hours to run.")]
    [InlineData("We pushed back on the reviewer's request about the release date.")]
    [InlineData("鸽子又飞回来了")]
    public void HoursOfWorkPushingBackOnARequestOrAPigeonIsNoExtension(string text)
    {
        Assert.NotEqual(ReplyStatus.Extension, Rules(text).Status);
    }

    [Fact]
    public void AWaitTheReplySaysIsOverIsProgress()
    {
        Assert.Equal(ReplyStatus.InProgress, Rules("因资金未到位，工程一度停滞，资金到位后目前已复工。").Status);
    }

    [Theory]
    [InlineData("资金未到位，待资金到位后才开始施工。")]
    [InlineData("Still waiting on the replacement parts.")]
    public void AWaitStillOnOrAStartAfterTheWaitIsBlocked(string text)
    {
        Assert.Equal(ReplyStatus.Blocked, Rules(text).Status);
    }
}
