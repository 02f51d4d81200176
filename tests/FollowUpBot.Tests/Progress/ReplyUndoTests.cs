using FollowUpBot.Ledger;
using FollowUpBot.Progress;

namespace FollowUpBot.Tests.Progress;

/// <summary>Which report a free-text undo takes back, and what it gives the department back.</summary>
public sealed class ReplyUndoTests
{
    private const string Megan = "aad-megan";
    private const string Organiser = "aad-organiser";
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private int _minute;

    private ProgressRecord Record(string by, ProgressKind kind, ProgressStatus? status = null, int? percent = null, string department = "市委宣传部") => new()
    {
        MeetingId = "m1",
        ItemId = "i1",
        Kind = kind,
        Department = department,
        By = new Person(by, by),
        At = Start.AddMinutes(_minute++),
        Status = status,
        Percent = percent,
        ConversationId = "a:chat",
        ActivityId = Guid.NewGuid().ToString(),
    };

    private static Task<UndoTarget?> FindAsync(IEnumerable<ProgressRecord> oldestFirst, string sender = Megan, string department = "市委宣传部") =>
        ReplyUndo.FindAsync(oldestFirst.Reverse().ToAsyncEnumerable(), sender, department);

    [Fact]
    public async Task TheSendersLastReportGoesBackToTheStateBeforeIt()
    {
        var first = Record(Megan, ProgressKind.Progress, ProgressStatus.InProgress, 60);
        var last = Record(Megan, ProgressKind.Progress, ProgressStatus.Blocked);

        var target = await FindAsync([first, last]);

        Assert.NotNull(target);
        Assert.Same(last, target.Undone);
        Assert.Equal(ProgressStatus.InProgress, target.Status);
        Assert.Equal(60, target.Percent);
    }

    [Fact]
    public async Task AFirstReportGoesBackToNotStarted()
    {
        var target = await FindAsync([Record(Megan, ProgressKind.CompletionRequest, ProgressStatus.CompletionRequested)]);

        Assert.NotNull(target);
        Assert.Equal(ProgressStatus.NotStarted, target.Status);
        Assert.Null(target.Percent);
    }

    [Fact]
    public async Task OtherPeoplesAndOtherDepartmentsReportsAreNotTheSenders()
    {
        var mine = Record(Megan, ProgressKind.Progress, ProgressStatus.InProgress, 20);
        var theirs = Record("aad-colleague", ProgressKind.Progress, ProgressStatus.Blocked);
        var otherDepartment = Record(Megan, ProgressKind.Progress, ProgressStatus.Blocked, department: "市融媒体中心");

        var target = await FindAsync([mine, theirs, otherDepartment]);

        Assert.NotNull(target);
        Assert.Same(mine, target.Undone);
        Assert.Equal(ProgressStatus.NotStarted, target.Status);
    }

    [Fact]
    public async Task AnOrganisersDecisionIsNotTheSendersButSetsTheStateBefore()
    {
        var requested = Record(Megan, ProgressKind.CompletionRequest, ProgressStatus.CompletionRequested);
        var rejected = Record(Organiser, ProgressKind.CompletionRejection);
        var report = Record(Megan, ProgressKind.Progress, ProgressStatus.Blocked);

        var target = await FindAsync([requested, rejected, report]);

        Assert.NotNull(target);
        Assert.Same(report, target.Undone);
        Assert.Equal(ProgressStatus.InProgress, target.Status);
    }

    [Fact]
    public async Task NothingOfTheSendersIsNothingToUndo()
    {
        Assert.Null(await FindAsync([Record("aad-colleague", ProgressKind.Progress, ProgressStatus.Blocked)]));
        Assert.Null(await FindAsync([]));
    }

    [Fact]
    public async Task UndoingTwicePutsTheReportBack()
    {
        var report = Record(Megan, ProgressKind.Progress, ProgressStatus.Blocked);
        var undo = Record(Megan, ProgressKind.Progress, ProgressStatus.NotStarted);

        var target = await FindAsync([report, undo]);

        Assert.NotNull(target);
        Assert.Equal(ProgressStatus.Blocked, target.Status);
    }
}
