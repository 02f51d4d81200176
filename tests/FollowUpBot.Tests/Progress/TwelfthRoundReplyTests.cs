using System.Text.Json;

using FollowUpBot.Progress;
using FollowUpBot.Testing;

namespace FollowUpBot.Tests.Progress;

/// <summary>
/// Round 12 of issue 14: general ways of saying each status, from the catalogue docs/evaluation/status-forms.md (written from
/// knowledge of how officials, engineers and volunteers report progress, not from a batch's misses), each both ways, on the
/// catalogue's made-up statements. Read with the rules alone, so the learned fallback cannot hide a rule that does not fire.
/// </summary>
public sealed class TwelfthRoundReplyTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static ParsedReply Rules(string text) =>
        ReplyParser.Parse(text, new ReplyContext(Today, [1, 2, 3], DefaultItem: 1), null, ReplyLearnedPolicy.Chosen);

    [Theory]
    [InlineData("群众反映的问题已整改到位。")]
    [InlineData("损坏的井盖已更换。")]
    [InlineData("缺失的台账已补齐。")]
    [InlineData("报告已经交了。")]
    [InlineData("文件已经发给你了，请查收。")]
    [InlineData("项目已顺利收官。")]
    [InlineData("本案已辦理完竣。")]
    [InlineData("路灯修好了。")]
    [InlineData("坏掉的路灯现在已经亮了。")]
    public void ChineseWaysOfSayingDoneAreACompletion(string text)
    {
        Assert.Equal(ReplyStatus.CompletionRequested, Rules(text).Status);
    }

    [Theory]
    [InlineData("路灯快修好了，还差一点。")]
    [InlineData("路灯还没修好，正在换线。")]
    [InlineData("井盖计划下周更换。")]
    [InlineData("材料已报送至省发改委审批。")]
    [InlineData("路灯修好了吗？")]
    public void AChineseDoneWordNotYetTrueIsNoSureCompletion(string text)
    {
        var read = Rules(text);
        Assert.False(
            read.Status == ReplyStatus.CompletionRequested && read.Confidence >= ReplyParser.ConfirmBelow,
            $"{read.Status} {read.Confidence}");
    }

    [Theory]
    [InlineData("This is good to go.")]
    [InlineData("Ticked off last week.")]
    [InlineData("You can cross this one off.")]
    [InlineData("Repairs were carried out on 12 November.")]
    [InlineData("Actioned.")]
    [InlineData("The fix went out in v2.3.")]
    [InlineData("The blocked drain has been cleared.")]
    [InlineData("The graffiti has been removed.")]
    [InlineData("That's been taken care of.")]
    [InlineData("Ready to close.")]
    [InlineData("The new pump is up and running.")]
    [InlineData("Got it over the line on Friday.")]
    public void EnglishWaysOfSayingDoneAreACompletion(string text)
    {
        Assert.Equal(ReplyStatus.CompletionRequested, Rules(text).Status);
    }

    [Theory]
    [InlineData("Not actioned yet.")]
    [InlineData("The graffiti has not been removed yet.")]
    [InlineData("We can't close this yet, two defects remain.")]
    [InlineData("Is this done?")]
    public void AnEnglishDoneWordNegatedOrAskedIsNoSureCompletion(string text)
    {
        var read = Rules(text);
        Assert.False(
            read.Status == ReplyStatus.CompletionRequested && read.Confidence >= ReplyParser.ConfirmBelow,
            $"{read.Status} {read.Confidence}");
    }

    [Theory]
    [InlineData("快好了，还差一点。")]
    [InlineData("还差最后一段没铺。")]
    [InlineData("材料在陆续到场，施工已展开。")]
    [InlineData("差不多了，这两天收个尾。")]
    [InlineData("上次说已完成有误，实际还在施工。")]
    [InlineData("上游项目延期了，我们这边不受影响，正常施工。")]
    [InlineData("不需要延期，本月内可以完成。")]
    [InlineData("Crews are on site this week.")]
    [InlineData("Still chipping away at it.")]
    [InlineData("Getting there.")]
    [InlineData("Moving along nicely.")]
    [InlineData("It's in QA.")]
    [InlineData("Tender is out, bids close on 5 December.")]
    [InlineData("Two left to go.")]
    [InlineData("PR is up, waiting for CI.")]
    [InlineData("Works underway; waiting for the paint to dry before the second coat.")]
    [InlineData("Not blocked, just slow going.")]
    [InlineData("Was blocked last week, now moving again.")]
    [InlineData("Done? Not quite, a few snags left.")]
    public void WorkGoingOnSaidWithoutAProgressWordIsInProgress(string text)
    {
        Assert.Equal(ReplyStatus.InProgress, Rules(text).Status);
    }

    [Theory]
    [InlineData("还差资金300万元，无法开工。")]
    [InlineData("Still waiting on the county; nothing left to do on our side until they approve.")]
    [InlineData("Waiting for the landowner to sign before we can start.")]
    [InlineData("Was blocked last week and still is.")]
    public void AProgressLookalikeWithoutWorkGoingOnIsNotInProgress(string text)
    {
        Assert.NotEqual(ReplyStatus.InProgress, Rules(text).Status);
    }

    [Theory]
    [InlineData("这个还没动。")]
    [InlineData("还没来得及看。")]
    [InlineData("工程尚未展開。")]
    [InlineData("本案將於明年1月施作。")]
    [InlineData("项目尚在谋划，还没有立项。")]
    [InlineData("施工单位已确定，待开工。")]
    [InlineData("Planned for Q2 next year.")]
    [InlineData("Haven't gotten to it yet.")]
    [InlineData("Not picked up yet.")]
    [InlineData("Nobody has been assigned to this yet.")]
    [InlineData("On my to-do list.")]
    [InlineData("Pencilled in for January.")]
    [InlineData("It's queued behind the other two.")]
    public void WaysOfSayingNotStartedAreNotStarted(string text)
    {
        Assert.Equal(ReplyStatus.NotStarted, Rules(text).Status);
    }

    [Theory]
    [InlineData("路面已经动工，正在铺设。")]
    [InlineData("Works are scheduled for completion in March; the contractor is on site.")]
    [InlineData("Picked up last week, about half done.")]
    public void AStartWordAboutWorkAlreadyGoingIsNotNotStarted(string text)
    {
        Assert.NotEqual(ReplyStatus.NotStarted, Rules(text).Status);
    }

    [Theory]
    [InlineData("用地手续还没办下来，没法动工。")]
    [InlineData("与产权单位协调不下来。")]
    [InlineData("产权单位不同意施工。")]
    [InlineData("没钱，动不了。")]
    [InlineData("物业拒绝配合，入户难。")]
    [InlineData("本案因經費不足，窒礙難行。")]
    [InlineData("找了几次都没人管。")]
    [InlineData("There's no budget for it this year.")]
    [InlineData("The landowner refused access.")]
    [InlineData("Work has stopped because of a boundary dispute.")]
    [InlineData("The tenant won't sign the agreement.")]
    [InlineData("The supplier still hasn't delivered the panels.")]
    [InlineData("It's tied up in legal.")]
    [InlineData("We ran out of money.")]
    [InlineData("Parts are on backorder.")]
    [InlineData("Gated on the security review.")]
    public void WaysOfSayingBlockedAreBlocked(string text)
    {
        Assert.Equal(ReplyStatus.Blocked, Rules(text).Status);
    }

    [Theory]
    [InlineData("大家对方案提出了不同意见，已修改完善，正在施工。")]
    [InlineData("Work has stopped for the day and resumes tomorrow morning; about 70% done.")]
    [InlineData("The supplier delivered the panels; installation is underway.")]
    public void ABlockLookalikeWhileWorkGoesOnIsNotBlocked(string text)
    {
        Assert.NotEqual(ReplyStatus.Blocked, Rules(text).Status);
    }

    [Theory]
    [InlineData("验收改期到12月8日。", "2026-12-08")]
    [InlineData("The deadline moves to 31 March.", "2027-03-31")]
    [InlineData("Target date revised to 31 March 2027.", "2027-03-31")]
    [InlineData("Rescheduled for 10 January.", "2027-01-10")]
    [InlineData("ETA is now 15 January.", "2027-01-15")]
    [InlineData("Give me until Monday 30 November.", "2026-11-30")]
    [InlineData("Won't make Friday, can we say 8 December?", "2026-12-08")]
    public void ANewDateSaidAnyWayIsAnExtensionWithThatDate(string text, string due)
    {
        var read = Rules(text);

        Assert.Equal(ReplyStatus.Extension, read.Status);
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), read.NewDue);
    }

    [Theory]
    [InlineData("Bumped to next sprint.")]
    [InlineData("Could we have a bit more time? End of January.")]
    public void AMoveWithoutADateIsAnExtension(string text)
    {
        Assert.Equal(ReplyStatus.Extension, Rules(text).Status);
    }

    [Theory]
    [InlineData("群众反映的问题已整改到位，现场已恢复原貌。")]
    [InlineData("The team moves to the new office on 10 December; the repairs are finished.")]
    [InlineData("Rescheduled the site meeting for Monday; works are 60% done.")]
    [InlineData("We expect to finish by the end of the month.")]
    public void AWordLikeAMoveThatMovesNoDueDateIsNoExtension(string text)
    {
        Assert.NotEqual(ReplyStatus.Extension, Rules(text).Status);
    }

    [Theory]
    [InlineData("这个已经完成了吗？")]
    [InlineData("是不是需要申请延期？")]
    [InlineData("Is this done?")]
    public void AStatusNamedInAQuestionIsAsked(string text)
    {
        var read = Rules(text);
        Assert.True(read.Confidence < ReplyParser.ConfirmBelow, $"{read.Status} {read.Confidence}");
    }

    [Theory]
    [InlineData("Can we extend to 15 December?")]
    [InlineData("能否宽限几天，12月5日前交？")]
    public void ARequestPutAsAQuestionIsStillARequest(string text)
    {
        var read = Rules(text);

        Assert.Equal(ReplyStatus.Extension, read.Status);
        Assert.True(read.Confidence >= ReplyParser.ConfirmBelow, $"confidence {read.Confidence}");
    }
    /// <summary>
    /// The whole catalogue (tests/fixtures/replies/status-forms.json, 328 made-up statements, half Chinese) read by the rules alone:
    /// 67.1% as found in round 12, 96.6% after it; held at 96%, with at most one status stored wrong without asking (a submitted
    /// application read as a step). Its statements were written for the forms, so this holds the rules to them; it is no
    /// measure of real replies (the public batches are).
    /// </summary>
    [Fact]
    public void TheStatusFormsCatalogueIsReadByTheRules()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepoPaths.Fixture(Path.Combine("replies", "status-forms.json"))));
        var rows = document.RootElement.GetProperty("replies").EnumerateArray().ToList();
        var right = 0;
        var confidentWrong = new List<string>();
        foreach (var row in rows)
        {
            var text = row.GetProperty("text").GetString()!;
            var expected = row.GetProperty("status").GetString();
            var read = Rules(text);
            var status = read.Status?.ToContractName();
            if (status == expected)
            {
                right++;
            }
            else if (status is not null && read.Confidence >= ReplyParser.ConfirmBelow)
            {
                confidentWrong.Add($"{expected ?? "none"} -> {status} {read.Confidence}: {text}");
            }
        }

        Assert.True(right >= 0.96 * rows.Count, $"{right}/{rows.Count} read right");
        Assert.True(confidentWrong.Count <= 1, string.Join("\n", confidentWrong));
    }
}
