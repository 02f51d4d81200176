using FollowUpBot.Progress;

namespace FollowUpBot.Tests.Progress;

/// <summary>
/// Round 10 of issue 14: the kinds batch 13 shares with earlier batches (or that are plainly general), each both ways, on
/// made-up statements (the measured public statements are in tests/fixtures/replies/public-batch-*.json). Read with the
/// rules alone, so the learned fallback cannot hide a rule that does not fire.
/// </summary>
public sealed class TenthRoundReplyTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static ParsedReply Rules(string text) =>
        ReplyParser.Parse(text, new ReplyContext(Today, [1, 2, 3], DefaultItem: 1), null, ReplyLearnedPolicy.Chosen);

    [Theory]
    [InlineData("Because of my exams, development will be on pause until March 2027.")]
    [InlineData("最近工作太忙，这段时间暂停更新，预计在4月10日之后恢复更新。")]
    [InlineData("预计9月份左右继续开发，到时候再完善各个功能。")]
    [InlineData("六月份我会恢复更新，目前还在准备新内容。")]
    public void APauseWithTheTimeWorkResumesIsAnExtensionWithoutADueDateAndAsked(string text)
    {
        var read = Rules(text);

        Assert.Equal(ReplyStatus.Extension, read.Status);
        Assert.Null(read.NewDue);
        Assert.True(read.Confidence < ReplyParser.ConfirmBelow, $"confidence {read.Confidence}");
    }

    [Theory]
    [InlineData("The project will remain paused until I can find a sustainable way to fund it.")]
    [InlineData("The project is paused until 2027. When it will be resumed is not known.")]
    [InlineData("因资金问题，工程暂停。")]
    public void APauseUntilAConditionOrWithNoKnownEndIsStillBlocked(string text)
    {
        Assert.Equal(ReplyStatus.Blocked, Rules(text).Status);
    }

    [Theory]
    [InlineData("该候车亭因用地问题至今无法改建。现我公司再次与相关部门沟通，争取尽快改建。")]
    [InlineData("The permit is still not able to be issued; we are talking with the county.")]
    public void ABlockThatLastsToNowIsNotOvercomeByTalks(string text)
    {
        Assert.Equal(ReplyStatus.Blocked, Rules(text).Status);
    }

    [Theory]
    [InlineData("部分路段正在分批修复,剩余路段因资金问题将列入今后的维修计划逐步改造。")]
    [InlineData("装修工程尚未完工,暂时不能开放。")]
    [InlineData("招商和装修工作未完成,暂时不能开业。下一步将持续跟进建设进度。")]
    public void AHoldOnlyOnTheRestOrAnOpeningThatWaitsForTheWorkIsProgress(string text)
    {
        Assert.Equal(ReplyStatus.InProgress, Rules(text).Status);
    }

    [Theory]
    [InlineData("因消防验收意见未落实,暂时不能开放。")]
    [InlineData("因改造资金问题,剩余路段无法施工。")]
    public void ANotOpeningOrAHoldOnItsOwnStaysBlocked(string text)
    {
        Assert.Equal(ReplyStatus.Blocked, Rules(text).Status);
    }

    [Theory]
    [InlineData("项目用地报批材料已报送省自然资源厅,市局将积极与省厅协调对接,争取早日获批。")]
    [InlineData("我局已上报上级相关部门请求给予帮助解决立项,目前工作在推进中。")]
    [InlineData("目前正在进行管网改造,需等到全部工程竣工,才能接入主管网供水。")]
    public void ASubmissionAwaitingAHigherBodyOrAWaitForOtherWorkIsBlockedAndAsked(string text)
    {
        var read = Rules(text);

        Assert.Equal(ReplyStatus.Blocked, read.Status);
        Assert.True(read.Confidence < ReplyParser.ConfirmBelow, $"confidence {read.Confidence}");
    }

    [Theory]
    [InlineData("项目已获省发改委批复,正在开展施工招标。", "inProgress")]
    [InlineData("主管网改造已竣工,已接入供水。", "completionRequested")]
    public void AnApprovalReceivedOrTheOtherWorkDoneIsNotAWait(string text, string expected)
    {
        Assert.Equal(expected, Rules(text).Status?.ToContractName());
    }

    [Theory]
    [InlineData("这个中转站将会在年底前动工,明年上半年就能投入使用。")]
    [InlineData("Onsite construction currently has an estimated start date of March 3.")]
    [InlineData("The rusted culvert will be replaced because it causes flooding.")]
    [InlineData("Gonna start working on it either tonight or tomorrow.")]
    [InlineData("I plan to publish a bugfix release this Friday.")]
    [InlineData("No, I haven't yet. Will try to have a look in a week or two.")]
    [InlineData("They do make sense, but I couldn't find time to review them.")]
    public void APlannedStartOrNoTimeFoundIsNotStarted(string text)
    {
        Assert.Equal(ReplyStatus.NotStarted, Rules(text).Status);
    }

    [Theory]
    [InlineData("该项目已于上月动工,目前正在进行基础施工。", "inProgress")]
    [InlineData("The rusted culvert has been replaced.", "completionRequested")]
    [InlineData("I have started working on it and the first part is in review.", "inProgress")]
    [InlineData("I couldn't run the tests because the build server is broken.", "blocked")]
    public void WorkBegunOrHeldUpIsNotAPlannedStart(string text, string expected)
    {
        Assert.Equal(expected, Rules(text).Status?.ToContractName());
    }

    [Theory]
    [InlineData("We were hoping to have the new surface installed by May, but crews are waiting for equipment to arrive.")]
    [InlineData("Work was scheduled to start in June, but the permit review has caused delays.")]
    public void AHopeOrAPastScheduleIsNeitherDoneNorAPlan(string text)
    {
        Assert.Equal(ReplyStatus.Blocked, Rules(text).Status);
    }

    [Theory]
    [InlineData("The new surface was installed in May.", "completionRequested")]
    [InlineData("Work is scheduled to start in June.", "notStarted")]
    public void AFactOrAPlanAheadStillReads(string text, string expected)
    {
        Assert.Equal(expected, Rules(text).Status?.ToContractName());
    }

    [Theory]
    [InlineData("Nothing visible has been merged yet, so I'm inclined to punt the September release.")]
    [InlineData("The store review got stuck; this should ship by Monday, so update release date.")]
    [InlineData("Realistically the remaining items might have to wait until Spring 2027.")]
    [InlineData("The RC comes out on Monday and the release on Wednesday. That is the updated timeline.")]
    [InlineData("We missed the 22 Aug date, so please extend date. We will try for the end of next week.")]
    [InlineData("Extending due to a cancelled release today. New proposed date is 11th January.")]
    public void AReleaseOrDateMovedWithoutTheWordExtensionIsAnExtension(string text)
    {
        Assert.Equal(ReplyStatus.Extension, Rules(text).Status);
    }

    [Theory]
    [InlineData("It will be part of the next release.")]
    [InlineData("Please check the release date on the website.")]
    [InlineData("We will wait until the review is done.")]
    public void AReleaseOrAWaitWithoutANewDateIsNoExtension(string text)
    {
        Assert.NotEqual(ReplyStatus.Extension, Rules(text).Status);
    }

    [Theory]
    [InlineData("抱歉，上周因为工作原因没来得及，本周会更新。")]
    [InlineData("Progress in February has been slower than usual. We hope to get most of it in by around mid-March.")]
    public void AnAdmittedDelayWithANewTargetIsAnAskedExtension(string text)
    {
        var read = Rules(text);

        Assert.Equal(ReplyStatus.Extension, read.Status);
        Assert.True(read.Confidence < ReplyParser.ConfirmBelow, $"confidence {read.Confidence}");
    }

    [Theory]
    [InlineData("本周会更新。")]
    [InlineData("Progress in February has been steady. We hope to get most of it in by around mid-March.")]
    public void ATargetWithoutAnAdmittedDelayIsNoExtension(string text)
    {
        Assert.NotEqual(ReplyStatus.Extension, Rules(text).Status);
    }

    [Theory]
    [InlineData("sorry for a little late update of week 5")]
    [InlineData("Sorry that this is late, last week was busy with exams.")]
    [InlineData("just updated it sorry for delay")]
    public void WorkHandedInLateIsDone(string text)
    {
        Assert.Equal(ReplyStatus.CompletionRequested, Rules(text).Status);
    }

    [Fact]
    public void LateWithANewTargetIsStillAnExtension()
    {
        Assert.Equal(ReplyStatus.Extension, Rules("Sorry this is late, I'll finish it by Friday.").Status);
    }

    [Theory]
    [InlineData("4个村接通市政水,超额完成市级既定3个村的建设任务。")]
    [InlineData("市博物馆新馆按原计划如期试开馆。")]
    [InlineData("好的，这个功能在下个版本已经加上了")]
    [InlineData("You can already use the fix in the current master branch.")]
    [InlineData("已经在 v3.2.1 版本中解决")]
    [InlineData("报道刊发后,相关部门及时跟进,目前已将电梯修复。")]
    [InlineData("已重构")]
    [InlineData("目前,627件提案已经全部办复。其中,已列入计划解决的46件。")]
    [InlineData("The commit has been merged. If you continue seeing any problems, please let us know.")]
    [InlineData("I am upgrading the server today. UPDATE: Work is complete and the server is back online.")]
    public void DoneSaidOtherwiseIsACompletion(string text)
    {
        Assert.Equal(ReplyStatus.CompletionRequested, Rules(text).Status);
    }

    [Theory]
    [InlineData("十五项工程中有7项已完成或超额完成目标任务,其余8项正在推进。", "inProgress")]
    [InlineData("新馆计划于5月1日开馆。", null)]
    [InlineData("将在 v3.2.1 版本中解决", null)]
    [InlineData("相关部门将尽快将电梯修复。", null)]
    [InlineData("底层还在重构", "inProgress")]
    [InlineData("该项目已列入明年建设计划。", "notStarted")]
    [InlineData("We continue working on it.", "inProgress")]
    [InlineData("Work is complete. UPDATE: we found another fault and are working on it.", "inProgress")]
    public void APartDoneAPlanOrANewerUpdateIsNotACompletion(string text, string? expected)
    {
        var read = Rules(text);

        Assert.NotEqual(ReplyStatus.CompletionRequested, read.Status);
        if (expected is not null)
        {
            Assert.Equal(expected, read.Status?.ToContractName());
        }
    }

    [Theory]
    [InlineData("该负责人表示,接下来将继续办理该项目相关手续,待手续完善后再行施工。")]
    [InlineData("不好说，都是业余时间在搞。")]
    [InlineData("还在重写底层")]
    [InlineData("The council voted in favor of the bid packages. Work is expected to begin by the end of March.")]
    [InlineData("There was a brief pause in May; I am now resuming work on the next topics.")]
    [InlineData("截至目前,已排查整改问题10余处,更换破损地砖80余块。下一步将建立常态化巡查机制。")]
    [InlineData("截至目前,城管部门已完成12条街路的维修与养护。")]
    [InlineData("暗管已经铺设完毕,入户管道正在铺设,通水时间预计在8月份。")]
    public void WorkGoingOnSaidOtherwiseIsProgress(string text)
    {
        Assert.Equal(ReplyStatus.InProgress, Rules(text).Status);
    }

    [Theory]
    [InlineData("截至目前,12条街路的维修已全部完成。", "completionRequested")]
    [InlineData("暗管已经铺设完毕,现已通水。", "completionRequested")]
    [InlineData("The bid packages have not yet been approved.", "blocked")]
    public void AWholeCountDoneOrAnApprovalStillAwaitedIsNotProgress(string text, string expected)
    {
        Assert.Equal(expected, Rules(text).Status?.ToContractName());
    }

    [Fact]
    public void ADifficultyToldBeforeAPlanIsAsked()
    {
        var read = Rules("基于市财政困难的现状,经市政府研究,计划明年安排资金进行改造。");

        Assert.True(read.Confidence < ReplyParser.ConfirmBelow, $"{read.Status} {read.Confidence}");
    }

    [Fact]
    public void ADifficultyWithNoPlanIsAStoredBlock()
    {
        var read = Rules("因财政困难,改造工作无法推进。");

        Assert.Equal(ReplyStatus.Blocked, read.Status);
        Assert.True(read.Confidence >= ReplyParser.ConfirmBelow, $"confidence {read.Confidence}");
    }

    [Theory]
    [InlineData("17章翻译完成", 1)]
    [InlineData("这个功能还没实现。用 #3 这个来跟踪这个问题", 1)]
    [InlineData("第2项 翻译完成", 2)]
    [InlineData("#3 已完成", 3)]
    public void AChapterOrATrackingIssueIsNotAnItem(string text, int item)
    {
        var read = Rules(text);

        Assert.Equal(item, read.Item);
        Assert.False(read.Ambiguous);
    }
}
