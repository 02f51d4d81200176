using System.Diagnostics;

using FollowUpBot.Progress;

namespace FollowUpBot.Tests.Progress;

public sealed class ReplyParserTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static ParsedReply Parse(string? text, IReadOnlyCollection<int>? openItems = null, int? defaultItem = null) =>
        ReplyParser.Parse(text, new ReplyContext(Today, openItems, defaultItem));

    [Theory]
    [InlineData("2 已完成 已印发实施方案", 2, "completionRequested", null, "已印发实施方案")]
    [InlineData("第3项 推进中 60% 已召开动员会", 3, "inProgress", 60, "已召开动员会")]
    [InlineData("#3 blocked: waiting for budget", 3, "blocked", null, "waiting for budget")]
    [InlineData("3 done", 3, "completionRequested", null, null)]
    [InlineData("item 4 in progress 30%", 4, "inProgress", 30, null)]
    [InlineData("3. 50%", 3, "inProgress", 50, null)]
    [InlineData("（2）已完成", 2, "completionRequested", null, null)]
    [InlineData("第二项已办结", 2, "completionRequested", null, null)]
    [InlineData("事项3：受阻，原因是预算尚未批复", 3, "blocked", null, "原因是预算尚未批复")]
    [InlineData("No. 5 on hold: the tender was cancelled", 5, "blocked", null, "the tender was cancelled")]
    public void TheShortFormsNameTheItemStatusAndNote(string text, int item, string status, int? percent, string? note)
    {
        var reply = Parse(text);

        Assert.Equal(item, reply.Item);
        Assert.Equal(ReplyItemSource.Marker, reply.ItemSource);
        Assert.False(reply.Ambiguous);
        Assert.Equal(status, reply.Status?.ToContractName());
        Assert.Equal(percent, reply.Percent);
        Assert.Equal(note, reply.Note);
    }

    [Theory]
    [InlineData("第二项 推进中", 2)]
    [InlineData("第十项 推进中", 10)]
    [InlineData("第十二项已办结", 12)]
    [InlineData("第二十三项 受阻", 23)]
    [InlineData("三、已完成", 3)]
    [InlineData("（五）正在推进", 5)]
    [InlineData("第4条：已完成", 4)]
    public void ChineseNumeralsAndListMarkersNameTheItem(string text, int item)
    {
        Assert.Equal(item, Parse(text).Item);
    }

    [Theory]
    [InlineData("6-Jul: contractor started site works", null)]
    [InlineData("6 July 2026 update: the survey is done", null)]
    [InlineData("12/Jun - permits issued", null)]
    [InlineData("6-May: permits issued", null)]
    [InlineData("3 may slip to next week, waiting on the vendor", null)]
    [InlineData("3 done", 3)]
    [InlineData("3 - in progress", 3)]
    public void ADayOfAMonthIsADateNotAnItem(string text, int? item)
    {
        Assert.Equal(item, Parse(text, defaultItem: null).Item);
    }

    [Theory]
    [InlineData("第3項 推進中 60% 已召開動員會", 3, "inProgress", 60)]
    [InlineData("第二項 因資金未到位，無法施工", 2, "blocked", null)]
    [InlineData("（4）已辦結", 4, "completionRequested", null)]
    [InlineData("5 尚未開始", 5, "notStarted", null)]
    public void TraditionalChineseRepliesReadLikeSimplifiedOnes(string text, int item, string status, int? percent)
    {
        var reply = Parse(text);

        Assert.Equal(item, reply.Item);
        Assert.Equal(status, reply.Status?.ToContractName());
        Assert.Equal(percent, reply.Percent);
    }

    [Fact]
    public void ATraditionalExtensionRequestCarriesItsDate()
    {
        var reply = Parse("第3項 特申請延期至12月20日", defaultItem: null);

        Assert.Equal(ReplyStatus.Extension, reply.Status);
        Assert.Equal(new DateOnly(2026, 12, 20), reply.NewDue);
        Assert.Equal("12月20日", reply.NewDueText);
    }

    [Theory]
    [InlineData("done", "completionRequested")]
    [InlineData("completed", "completionRequested")]
    [InlineData("finished", "completionRequested")]
    [InlineData("已完成", "completionRequested")]
    [InlineData("完成了", "completionRequested")]
    [InlineData("已办结", "completionRequested")]
    [InlineData("已落实", "completionRequested")]
    [InlineData("已完工", "completionRequested")]
    [InlineData("完成", "completionRequested")]
    [InlineData("第3项完成", "completionRequested")]
    [InlineData("3 ✅ 已完成", "completionRequested")]
    [InlineData("100%", "completionRequested")]
    [InlineData("in progress", "inProgress")]
    [InlineData("推进中", "inProgress")]
    [InlineData("正在施工", "inProgress")]
    [InlineData("进行中", "inProgress")]
    [InlineData("已启动", "inProgress")]
    [InlineData("已召开动员会", "inProgress")]
    [InlineData("50%", "inProgress")]
    [InlineData("过半", "inProgress")]
    [InlineData("blocked", "blocked")]
    [InlineData("stuck", "blocked")]
    [InlineData("waiting for the permit", "blocked")]
    [InlineData("受阻", "blocked")]
    [InlineData("无法开工", "blocked")]
    [InlineData("困难较大", "blocked")]
    [InlineData("暂停施工", "blocked")]
    [InlineData("卡在审批环节", "blocked")]
    [InlineData("因资金问题无法推进", "blocked")]
    [InlineData("not started", "notStarted")]
    [InlineData("尚未开始", "notStarted")]
    [InlineData("未启动", "notStarted")]
    [InlineData("申请延期", "extension")]
    [InlineData("extension requested", "extension")]
    public void StatusWordsMapToTheAgreedStatuses(string text, string status)
    {
        Assert.Equal(status, Parse(text, defaultItem: 1).Status?.ToContractName());
    }

    [Theory]
    [InlineData("已完工，正在进行项目审计", "completionRequested", null)]
    [InlineData("因用地组卷报征，无法大面积施工", "blocked", null)]
    [InlineData("预计9月底完工", "inProgress", null)]
    [InlineData("已完成主体工程的80%，正在进行装修", "inProgress", 80)]
    [InlineData("项目已竣工验收", "completionRequested", null)]
    [InlineData("due to the land approval we cannot start", "blocked", null)]
    [InlineData("完成了80%", "inProgress", 80)]
    [InlineData("主体已完成，预计年底前全部完工", "inProgress", null)]
    [InlineData("已完工，等待竣工验收", "completionRequested", null)]
    public void LongRepliesAreReadByMeaningNotByTheFirstWord(string text, string status, int? percent)
    {
        var reply = Parse(text, defaultItem: 1);

        Assert.Equal(status, reply.Status?.ToContractName());
        Assert.Equal(percent, reply.Percent);
        Assert.Null(reply.NewDue);
    }

    [Fact]
    public void AForecastIsNotAnExtension()
    {
        var reply = Parse("预计9月底完工", defaultItem: 1);

        Assert.Equal(ReplyStatus.InProgress, reply.Status);
        Assert.Null(reply.NewDue);
        Assert.Null(reply.NewDueText);
        Assert.Equal("预计9月底完工", reply.Note);
    }

    [Theory]
    [InlineData("特申请延期至10月20日", "2027-10-20", "10月20日")]
    [InlineData("申请延期至12月20日", "2026-12-20", "12月20日")]
    [InlineData("3 延期至2026-12-20", "2026-12-20", "2026-12-20")]
    [InlineData("申请延期至2027年3月31日，理由是设备需进口", "2027-03-31", "2027年3月31日")]
    [InlineData("需延期到明年9月底", "2027-09-30", "明年9月底")]
    [InlineData("申请推迟到年底", "2026-12-31", "年底")]
    [InlineData("申请延期到下周五", "2026-12-04", "下周五")]
    [InlineData("申请延期至2027年1月", "2027-01-31", "2027年1月")]
    [InlineData("requesting an extension to 20 December because the vendor slipped", "2026-12-20", "20 December")]
    [InlineData("please postpone to 12/20", "2026-12-20", "12/20")]
    [InlineData("delay to next Friday", "2026-12-04", "next Friday")]
    [InlineData("extend the deadline to the end of January", "2027-01-31", "the end of January")]
    [InlineData("new due date: Dec 20, 2026", "2026-12-20", "Dec 20, 2026")]
    public void AnExtensionCarriesTheNewDueDateInTheFuture(string text, string newDue, string newDueText)
    {
        var reply = Parse(text, defaultItem: 3);

        Assert.Equal(ReplyStatus.Extension, reply.Status);
        Assert.Equal(DateOnly.Parse(newDue, System.Globalization.CultureInfo.InvariantCulture), reply.NewDue);
        Assert.Equal(newDueText, reply.NewDueText);
    }

    [Fact]
    public void AnExtensionRequestWithoutADateIsStillAnExtension()
    {
        var reply = Parse("因供货延迟，特申请延期", defaultItem: 3);

        Assert.Equal(ReplyStatus.Extension, reply.Status);
        Assert.Null(reply.NewDue);
    }

    [Fact]
    public void APostponedDateWithoutAnExtensionWordIsNotAnExtension()
    {
        Assert.NotEqual(ReplyStatus.Extension, Parse("原定于本月召开的推进会已推迟", defaultItem: 3).Status);
    }

    [Fact]
    public void AnExtensionOutranksABlockAndABlockOutranksACompletion()
    {
        Assert.Equal(ReplyStatus.Extension, Parse("因资金未到位无法按期完成，特申请延期至12月31日", defaultItem: 1).Status);
        Assert.Equal(ReplyStatus.Blocked, Parse("主体已完成，但因用地问题无法进行附属工程施工", defaultItem: 1).Status);
    }

    [Theory]
    [InlineData("第一实验幼儿园主体已封顶")]
    [InlineData("35KV线路迁改正在推进")]
    [InlineData("2号楼已完工")]
    [InlineData("3个乡镇已完成")]
    [InlineData("3 个乡镇已完成")]
    [InlineData("5000万元已拨付")]
    [InlineData("2026年度任务已完成")]
    [InlineData("10月20日前完成")]
    [InlineData("第3季度进度60%")]
    [InlineData("3 villages connected so far")]
    [InlineData("12/20 is the new date we need")]
    [InlineData("3.5公里已完成铺设")]
    [InlineData("涉及事项3个，均在推进")]
    public void NumbersInsideNamesAndQuantitiesAreNotItemNumbers(string text)
    {
        var reply = Parse(text);

        Assert.Null(reply.Item);
        Assert.Empty(reply.MentionedItems);
        Assert.True(reply.Ambiguous);
    }

    [Theory]
    [InlineData("未完成", "inProgress")]
    [InlineData("尚未完成", "inProgress")]
    [InlineData("not done yet", "inProgress")]
    [InlineData("isn't finished", "inProgress")]
    [InlineData("没有受阻，进展顺利", "inProgress")]
    [InlineData("not blocked, on track", "inProgress")]
    [InlineData("克服了资金困难，正在施工", "inProgress")]
    [InlineData("困难群众帮扶正在推进", "inProgress")]
    [InlineData("已完成，无需延期", "completionRequested")]
    [InlineData("done, no extension needed", "completionRequested")]
    [InlineData("项目完成情况良好，正在推进", "inProgress")]
    [InlineData("尚未开工", "notStarted")]
    [InlineData("not yet started", "notStarted")]
    public void NegationDoesNotFlipToDoneOrBlocked(string text, string status)
    {
        Assert.Equal(status, Parse(text, defaultItem: 1).Status?.ToContractName());
    }

    [Fact]
    public void TwoDifferentItemNumbersMakeTheReplyAmbiguousEvenWithADefault()
    {
        var reply = Parse("第2项和第3项均已完成", defaultItem: 2);

        Assert.Null(reply.Item);
        Assert.True(reply.Ambiguous);
        Assert.Equal([2, 3], reply.MentionedItems);
        Assert.Equal("第2项和第3项均已完成", reply.Note);
    }

    [Theory]
    [InlineData("items 2 and 3 done")]
    [InlineData("第2、3项已完成")]
    [InlineData("1、已完成；2、正在推进")]
    public void ListsOfItemsAreAmbiguous(string text)
    {
        var reply = Parse(text);

        Assert.Null(reply.Item);
        Assert.True(reply.Ambiguous);
        Assert.True(reply.MentionedItems.Count >= 2);
    }

    [Fact]
    public void TheSameItemNamedTwiceIsOneItem()
    {
        var reply = Parse("第3项 已完成，第3项的验收资料已报送");

        Assert.Equal(3, reply.Item);
        Assert.False(reply.Ambiguous);
    }

    [Fact]
    public void WithoutANumberTheRemindersItemIsUsed()
    {
        var reply = Parse("已完成，请审核", openItems: [2, 5], defaultItem: 5);

        Assert.Equal(5, reply.Item);
        Assert.Equal(ReplyItemSource.Default, reply.ItemSource);
        Assert.False(reply.Ambiguous);
    }

    [Fact]
    public void WithoutANumberTheOnlyOpenItemIsUsed()
    {
        var reply = Parse("正在推进中", openItems: [4]);

        Assert.Equal(4, reply.Item);
        Assert.Equal(ReplyItemSource.OnlyOpenItem, reply.ItemSource);
    }

    [Fact]
    public void WithoutANumberOrADefaultTheReplyIsAmbiguous()
    {
        var reply = Parse("已完成", openItems: [1, 2]);

        Assert.Null(reply.Item);
        Assert.Equal(ReplyItemSource.None, reply.ItemSource);
        Assert.True(reply.Ambiguous);
        Assert.Equal(ReplyStatus.CompletionRequested, reply.Status);
    }

    [Fact]
    public void ANumberTheSenderMayNotReportOnIsRefusedNotGuessed()
    {
        var reply = Parse("9 已完成", openItems: [1, 2, 3], defaultItem: 2);

        Assert.Null(reply.Item);
        Assert.True(reply.Ambiguous);
        Assert.Equal([9], reply.MentionedItems);
    }

    [Theory]
    [InlineData("60%", 60)]
    [InlineData("60％", 60)]
    [InlineData("进度百分之六十", 60)]
    [InlineData("完成了六成", 60)]
    [InlineData("完成了80%", 80)]
    [InlineData("62.5% complete", 63)]
    [InlineData("超额完成120%", 100)]
    [InlineData("about 70 percent done", 70)]
    public void PercentagesAreReadAndClamped(string text, int percent)
    {
        Assert.Equal(percent, Parse(text, defaultItem: 1).Percent);
    }

    [Theory]
    [InlineData("过半")]
    [InlineData("同比增长15%，正在推进")]
    [InlineData("一成不变地推进")]
    public void SomeProgressHasNoPercentage(string text)
    {
        var reply = Parse(text, defaultItem: 1);

        Assert.Null(reply.Percent);
        Assert.Equal(ReplyStatus.InProgress, reply.Status);
    }

    [Theory]
    [InlineData("撤销", null)]
    [InlineData("撤销上一条", null)]
    [InlineData("undo", null)]
    [InlineData("undo 3", 3)]
    [InlineData("3 撤回", 3)]
    [InlineData("撤销第2项的汇报", 2)]
    public void UndoTakesBackTheLastReportAndCarriesNoStatus(string text, int? item)
    {
        var reply = Parse(text);

        Assert.True(reply.Undo);
        Assert.Null(reply.Status);
        Assert.Equal(item, reply.Item);
    }

    [Fact]
    public void RevokingASanctionIsNotAnUndo()
    {
        var reply = Parse("撤销其党内职务的处分决定已送达本人，该项工作已办结", defaultItem: 1);

        Assert.False(reply.Undo);
        Assert.Equal(ReplyStatus.CompletionRequested, reply.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t　")]
    public void EmptyRepliesDoNotThrowAndSayNothing(string? text)
    {
        var reply = Parse(text, defaultItem: 1);

        Assert.Null(reply.Status);
        Assert.Null(reply.Percent);
        Assert.Null(reply.Note);
        Assert.False(reply.Undo);
    }

    [Fact]
    public void AVeryLongReplyIsReadQuicklyAndKeptWholeInTheNote()
    {
        var sentence = "已于本月完成预计预计前期工作，正在等待已于已于省厅批复，第一实验幼儿园35KV线路2号楼3个乡镇，";
        var text = "第3项 " + string.Concat(Enumerable.Repeat(sentence, 20_000));

        var clock = Stopwatch.StartNew();
        var reply = Parse(text);
        clock.Stop();

        Assert.Equal(3, reply.Item);
        Assert.NotNull(reply.Status);
        Assert.Equal(text[4..].Length, reply.Note?.Length);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public void ALongReplyKeepsItsWholeSentenceAsTheNote()
    {
        Assert.Equal("已完成主体工程的80%，正在进行装修", Parse("已完成主体工程的80%，正在进行装修", defaultItem: 1).Note);
        Assert.Equal("因冬季低温无法摊铺沥青，特申请延期至明年4月", Parse("3 因冬季低温无法摊铺沥青，特申请延期至明年4月").Note);
    }

    [Fact]
    public void LeadingStatusWordsAndTheirDateAreTrimmedFromTheNote()
    {
        Assert.Equal("原因是设备供货延迟", Parse("3 特申请延期至10月20日，原因是设备供货延迟").Note);
        Assert.Equal("vendor slipped", Parse("5 extension to 2026-12-20: vendor slipped").Note);
    }

    [Fact]
    public void TheReplySaysWhichWordsDecidedIt()
    {
        var reply = Parse("第3项 已完成主体工程的80%，正在进行装修");

        Assert.Contains(reply.Evidence, e => e.Text == "第3项" && e.Meaning.Contains("item 3", StringComparison.Ordinal));
        Assert.Contains(reply.Evidence, e => e.Text == "正在" && e.Meaning == "in progress");
        Assert.Contains(reply.Evidence, e => e.Text == "80%");
    }
}
