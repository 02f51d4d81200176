using FollowUpBot.Progress;
using FollowUpBot.Writing;

namespace FollowUpBot.Tests.Progress;

/// <summary>
/// Round 9 of issue 14: the reply parser reads traditional Chinese through the extractor's map (one map, <see cref="ChineseScript"/>),
/// and the kinds batch 12 shares with earlier batches, each both ways (made-up examples; the measured public statements are in
/// tests/fixtures/replies/public-batch-*.json). Read with the rules alone where the rule is the point, so the learned fallback
/// cannot hide a rule that does not fire.
/// </summary>
public sealed class NinthRoundReplyTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static ParsedReply Parse(string text) => ReplyParser.Parse(text, new ReplyContext(Today, [1, 2, 3], DefaultItem: 1));

    private static ParsedReply Rules(string text) =>
        ReplyParser.Parse(text, new ReplyContext(Today, [1, 2, 3], DefaultItem: 1), null, ReplyLearnedPolicy.Chosen);

    [Theory]
    [InlineData("徵收維修竣工採購", "征收维修竣工采购")]
    [InlineData("處理完成,進行驗收,預計將於月底啟用並恢復開放", "处理完成,进行验收,预计将于月底启用并恢复开放")]
    [InlineData("申請審批尚未獲批,無法施工,暫停", "申请审批尚未获批,无法施工,暂停")]
    [InlineData("滲水已減少,涼亭瓦片鬆脫", "渗水已减少,凉亭瓦片松脱")]
    public void AReplyFoldsTraditionalCharactersWithTheExtractorsMap(string traditional, string simplified)
    {
        var folded = ReplyText.Fold(traditional);

        Assert.Equal(simplified, folded);
        Assert.Equal(traditional.Length, folded.Length);
        Assert.Equal(ChineseScript.ToSimplified(traditional), folded);
    }

    [Theory]
    [InlineData("征收尚未完成,暂停施工")]
    [InlineData("于是后来发现问题")]
    public void ASimplifiedReplyFoldsUnchanged(string simplified)
    {
        Assert.Equal(simplified, ReplyText.Fold(simplified));
        Assert.Same(simplified, ChineseScript.ToSimplified(simplified));
    }

    [Theory]
    [InlineData("徵地尚未完成，影響開工", "征地尚未完成，影响开工")]
    [InlineData("工程需要押後", "工程需要押后")]
    [InlineData("擋土牆重建日前完工", "挡土墙重建日前完工")]
    [InlineData("現時其單位滲漏問題已解決", "现时其单位渗漏问题已解决")]
    public void ATraditionalReplyReadsAsItsSimplifiedForm(string traditional, string simplified)
    {
        var read = Rules(traditional);
        var expected = Rules(simplified);

        Assert.NotNull(expected.Status);
        Assert.Equal(expected.Status, read.Status);
        Assert.Equal(expected.Confidence, read.Confidence);
    }

    [Theory]
    [InlineData("廠商自10月24日起無故不進場，雖三度通知仍未復工，因此終止合約")]
    [InlineData("施工单位撤场后至今尚未复工")]
    public void AResumptionThatDidNotHappenIsBlocked(string text)
    {
        Assert.Equal(ReplyStatus.Blocked, Rules(text).Status);
    }

    [Theory]
    [InlineData("因雨停工两周，现已复工，正在铺装")]
    [InlineData("停工整改后已恢复施工")]
    public void AResumptionThatHappenedIsStillProgress(string text)
    {
        Assert.Equal(ReplyStatus.InProgress, Rules(text).Status);
    }

    [Theory]
    [InlineData("总计35件的道路改善案已在年前全數完工")]
    [InlineData("获核定经费进行挡土墙重建，日前完工，有效稳定边坡")]
    [InlineData("上述小区全部恢复供热")]
    [InlineData("全文已经翻译完")]
    [InlineData("该问题已在 v2.16.0 修复：增加了超时控制，避免单次请求卡死导致整体进度停滞。")]
    public void DoneToldAsAPastEventIsACompletion(string text)
    {
        Assert.Equal(ReplyStatus.CompletionRequested, Rules(text).Status);
    }

    [Theory]
    [InlineData("第三章可在1月8日前完工")]
    [InlineData("预计12月15日前完成维修工作")]
    [InlineData("已在加紧施工，力争年底前完工")]
    [InlineData("已开始修复，正在施工")]
    public void AForecastOrWorkUnderWayIsNotACompletion(string text)
    {
        Assert.NotEqual(ReplyStatus.CompletionRequested, Rules(text).Status);
    }

    [Theory]
    [InlineData("由于两个承办商沟通出现问题，未能如期进行工程。现时其单位渗漏问题已解决。")]
    [InlineData("The contractor could not get access in May. The repair is now resolved.")]
    public void ADifficultyToldBeforeTheWorkWasDoneIsOver(string text)
    {
        Assert.Equal(ReplyStatus.CompletionRequested, Rules(text).Status);
    }

    [Theory]
    [InlineData("主体已完工。因资金不足，附属工程无法继续施工。")]
    [InlineData("目前不具备通车条件。下一步，待大桥施工完毕后再调整线路。")]
    [InlineData("The contractor could not get access. Once the repair is resolved we will reopen.")]
    public void ABlockAfterTheCompletionOrBeforeAConditionStaysABlock(string text)
    {
        Assert.Equal(ReplyStatus.Blocked, Rules(text).Status);
    }

    [Theory]
    [InlineData("另因承辦商受其他工程延誤，引致工程需要押後。")]
    [InlineData("原定在2022/23年度落成，但延至2023/24年度落成")]
    [InlineData("Updated the notes to share the planned release has been postponed")]
    [InlineData("I'm going to defer this, like the other translation updates.")]
    [InlineData("the public beta needs some more 4-5 days to release")]
    public void APostponementWithoutADateIsAnExtension(string text)
    {
        Assert.Equal(ReplyStatus.Extension, Rules(text).Status);
    }

    [Theory]
    [InlineData("押後開幕的吊車昨晚發表聲明，正在調查事故原因")]
    [InlineData("Some of the materials have been postponed or back-ordered, but installation is underway.")]
    [InlineData("we need some more testers before the release")]
    public void PostponedWordsAboutSomethingElseAreNotAnExtension(string text)
    {
        Assert.NotEqual(ReplyStatus.Extension, Rules(text).Status);
    }

    [Fact]
    public void AnApologyForTheDelayWithAWeekdayToFinishIsAnExtensionTheBotAsksAbout()
    {
        var reply = Rules("sorry for the delay. I was finishing other tasks. I hope to finish it on Tuesday.");

        Assert.Equal(ReplyStatus.Extension, reply.Status);
        Assert.True(reply.Confidence < ReplyParser.ConfirmBelow);
    }

    [Theory]
    [InlineData("We are sorry about the delays. It's available now.")]
    [InlineData("The fix is available now, sorry it took a while.")]
    public void AvailableNowIsACompletion(string text)
    {
        Assert.Equal(ReplyStatus.CompletionRequested, Rules(text).Status);
    }

    [Theory]
    [InlineData("It's not available now; the build is still failing.")]
    [InlineData("It will be available next week.")]
    public void AvailableLaterOrNotIsNotACompletion(string text)
    {
        Assert.NotEqual(ReplyStatus.CompletionRequested, Rules(text).Status);
    }

    [Theory]
    [InlineData("Much road repair done, about 90% of patch stock used.")]
    [InlineData("The parser is basically finished; the code generator is next.")]
    [InlineData("PR is getting reviewed one by one and merged")]
    [InlineData("在修缮进度方面，已完成74个单位的修缮工程。对于其余受影响单位，承建商现正积极安排跟进。")]
    [InlineData("甲停车场已经完成地面硬化，乙停车场已完成清理工作，下一步将进行地基处理。")]
    public void PartDoneOrWorkGoingOnIsInProgress(string text)
    {
        Assert.Equal(ReplyStatus.InProgress, Rules(text).Status);
    }

    [Theory]
    [InlineData("Road repair done.")]
    [InlineData("The parser is finished.")]
    [InlineData("PR got reviewed and merged")]
    [InlineData("已完成全部74个单位的修缮工程，业主已确认。")]
    public void TheWholeDoneIsStillACompletion(string text)
    {
        Assert.Equal(ReplyStatus.CompletionRequested, Rules(text).Status);
    }

    [Theory]
    [InlineData("I'm trying things when I have time, thus I'm unable to give any ETA.")]
    [InlineData("Not closing this as I'll have a new version of the guide soon.")]
    public void NoEtaOrNotClosingIsNeitherABlockNorACompletion(string text)
    {
        var status = Rules(text).Status;

        Assert.NotEqual(ReplyStatus.Blocked, status);
        Assert.NotEqual(ReplyStatus.CompletionRequested, status);
    }

    [Fact]
    public void UnableToFinishIsStillABlock()
    {
        Assert.Equal(ReplyStatus.Blocked, Rules("unable to finish because the API is down").Status);
    }

    [Theory]
    [InlineData("It will not be done for a couple of years until the next program in 2022.")]
    [InlineData("This won't be done until next year.")]
    public void NotDoneForYearsIsNotStarted(string text)
    {
        Assert.Equal(ReplyStatus.NotStarted, Rules(text).Status);
    }

    [Fact]
    public void DoneByADateIsNotNotStarted()
    {
        Assert.NotEqual(ReplyStatus.NotStarted, Rules("It will be done by Friday.").Status);
    }

    [Theory]
    [InlineData("the county had not yet received materials; the item was placed back on the agenda")]
    [InlineData("We have not received the permit from the county.")]
    public void MaterialsOrAPermitNotReceivedIsBlocked(string text)
    {
        Assert.Equal(ReplyStatus.Blocked, Parse(text).Status);
    }

    [Fact]
    public void MaterialsReceivedAreNotABlock()
    {
        Assert.NotEqual(ReplyStatus.Blocked, Rules("We received the materials yesterday and installation is underway.").Status);
    }

    [Theory]
    [InlineData("Not closing #56 as I'll have a new version of the guide soon.")]
    [InlineData("This fix solves #47 for now. It will be improved when I implement a dependency system with #79.")]
    [InlineData("I need to at least integrate #484 and one more branch I haven't pushed yet, and fix #492.")]
    public void AnIssueReferenceAfterAVerbIsNotAnItemNumber(string text)
    {
        var reply = Parse(text);

        Assert.Equal(1, reply.Item);
        Assert.False(reply.Ambiguous);
    }

    [Theory]
    [InlineData("#3 done", 3)]
    [InlineData("done, see item #2 for the rest", 2)]
    public void AnItemMarkerIsStillAnItem(string text, int item)
    {
        Assert.Equal(item, Parse(text).Item);
    }
}
