using FollowUpBot.Directives;

namespace FollowUpBot.Tests.Directives;

public sealed class DeadlineParserTests
{
    private static readonly DeadlineParser Parser = new(WorkingCalendar.Default);

    private static Deadline? Find(string clause, DateOnly meeting) =>
        Parser.Find(clause, 0, clause.Length, meeting)?.Deadline;

    [Theory]
    [InlineData("各单位要于2026年3月31日前报送材料", "2026-03-02", "2026年3月31日前", "2026-03-31")]
    [InlineData("市司法局要做好审查，3月底前完成", "2026-03-02", "3月底前", "2026-03-31")]
    [InlineData("市司法局要做好审查，3月底前完成", "2026-11-26", "3月底前", "2027-03-31")]
    [InlineData("6月18日(星期四)上午下班前将检查情况报市政府办公室", "2026-06-01", "6月18日(星期四)上午下班前", "2026-06-18")]
    [InlineData("各区政府要在年底前完成排查整治", "2026-02-26", "年底前", "2026-12-31")]
    [InlineData("各单位要于2026年底前完成清理工作", "2026-02-26", "2026年底前", "2026-12-31")]
    [InlineData("市商务局要在国庆节前完成市场检查", "2026-03-02", "国庆节前", "2026-10-01")]
    [InlineData("本周内报送方案", "2026-03-04", "本周内", "2026-03-06")]
    [InlineData("Helen will publish the FAQ by mid-April.", "2026-03-02", "by mid-April", "2026-04-15")]
    [InlineData("Marcus to fix the build by EOD.", "2026-03-02", "by EOD", "2026-03-02")]
    [InlineData("Public Works to publish a revised schedule by 31 March.", "2026-03-02", "by 31 March", "2026-03-31")]
    [InlineData("City Manager to present the plan by June 16, 2026.", "2026-05-05", "by June 16, 2026", "2026-06-16")]
    public void AbsoluteDeadlinesKeepTheirWordingAndResolveToADate(string clause, string meeting, string text, string due)
    {
        var deadline = Find(clause, DateOnly.Parse(meeting, System.Globalization.CultureInfo.InvariantCulture));

        Assert.NotNull(deadline);
        Assert.Equal(text, deadline.Text);
        Assert.Equal(DeadlineKind.Absolute, deadline.Kind);
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), deadline.Due);
    }

    [Fact]
    public void WorkingDaysSkipPublicHolidaysAndCountMakeUpDays()
    {
        // Meeting on Wed 2026-09-30: 10-01..07 are National Day holidays, Sat 10-10 is a make-up working day (调休),
        // so the five working days are 10-08, 10-09, 10-10, 10-12 and 10-13.
        var deadline = Find("市财政局要在5个工作日内拨付资金", new DateOnly(2026, 9, 30));

        Assert.Equal("5个工作日内", deadline?.Text);
        Assert.Equal(DeadlineKind.Relative, deadline?.Kind);
        Assert.Equal(new DateOnly(2026, 10, 13), deadline?.Due);
    }

    [Theory]
    [InlineData("市政府办公室要一周内分解任务", "一周内", "2026-03-09")]
    [InlineData("各单位须于收到通知后3个工作日内报送名单", "收到通知后3个工作日内", "2026-03-05")]
    [InlineData("Staff will prepare a request for proposals within two weeks.", "within two weeks", "2026-03-16")]
    public void RelativeDeadlinesCountFromTheMeetingDate(string clause, string text, string due)
    {
        var deadline = Find(clause, new DateOnly(2026, 3, 2));

        Assert.Equal(text, deadline?.Text);
        Assert.Equal(DeadlineKind.Relative, deadline?.Kind);
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), deadline?.Due);
    }

    [Theory]
    [InlineData("各区政府要每月10日前报送改造进度", "每月10日前", "FREQ=MONTHLY;BYMONTHDAY=10", "2026-03-10")]
    [InlineData("每周五向市政府报送课后服务开展情况", "每周五", "FREQ=WEEKLY;BYDAY=FR", "2026-03-06")]
    [InlineData("每季度末前通报检查结果", "每季度末前", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1", "2026-03-31")]
    [InlineData("Finance will report progress every month.", "every month", "FREQ=MONTHLY", null)]
    [InlineData("The Logistics Cluster will share the map every Monday.", "every Monday", "FREQ=WEEKLY;BYDAY=MO", "2026-03-02")]
    [InlineData("要建立台账，每两周向市住建局报送一次进展", "每两周", "FREQ=WEEKLY;INTERVAL=2", null)]
    public void RecurringDeadlinesBecomeRecurrenceRules(string clause, string text, string rule, string? due)
    {
        var deadline = Find(clause, new DateOnly(2026, 3, 2));

        Assert.Equal(text, deadline?.Text);
        Assert.Equal(DeadlineKind.Recurring, deadline?.Kind);
        Assert.Equal(rule, deadline?.Recurrence);
        Assert.Equal(due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), deadline?.Due);
    }

    [Theory]
    [InlineData("各级各部门要常态化开展隐患排查整治", "常态化")]
    [InlineData("市公安局要长期坚持护学岗制度", "长期")]
    public void StandingDutiesHaveNoDueDate(string clause, string text)
    {
        var deadline = Find(clause, new DateOnly(2026, 3, 2));

        Assert.Equal(text, deadline?.Text);
        Assert.Equal(DeadlineKind.Standing, deadline?.Kind);
        Assert.Null(deadline?.Due);
    }

    [Theory]
    [InlineData("要立足于早，抓紧制定方案")]
    [InlineData("长期以来，这项工作取得了明显成效")]
    [InlineData("2026年3月5日上午，市长主持召开常务会议")]
    [InlineData("Staff will do this soon.")]
    public void VagueUrgencyAndEventDatesAreNotDeadlines(string clause)
    {
        Assert.Null(Find(clause, new DateOnly(2026, 3, 2)));
    }
}
