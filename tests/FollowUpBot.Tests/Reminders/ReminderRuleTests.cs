using FollowUpBot.Departments;
using FollowUpBot.Directives;
using FollowUpBot.Ledger;
using FollowUpBot.Reminders;

namespace FollowUpBot.Tests.Reminders;

/// <summary>One test per policy rule of the decision, on a small meeting in Asia/Shanghai (2026 calendar).</summary>
public sealed class ReminderRuleTests
{
    /// <summary>The policy these tests plan with (the shipped defaults of DESIGN.md, in Asia/Shanghai).</summary>
    private static readonly ReminderDefaults Defaults = new("0 9 * * 1", 3, 3, "20:00-08:00", "Asia/Shanghai");

    private static readonly DepartmentDirectory Directory = new(
    [
        new Department("规划局", null, [new Contact("a", "A")], null),
        new Department("财政局", null, [new Contact("b", "B")], null),
        new Department("无人局", null, [], null),
    ]);

    [Fact]
    public void CronIsEvaluatedInEachRecipientsOwnTimeZone()
    {
        var meeting = Meeting(Item("i1", lead: ["规划局"], support: ["财政局"])) with { PublishedAt = Local(2026, 10, 30, 9, 0) };
        var zones = new Dictionary<string, string> { ["b"] = "Europe/London" };

        // Monday 09:00 in Shanghai is 01:00Z; 09:00 in London (BST) is 08:00Z.
        var atShanghaiNine = Plan(meeting, Utc(2026, 11, 2, 1, 0), zones);
        var atLondonNine = Plan(meeting, Utc(2026, 11, 2, 9, 0), zones, handled: atShanghaiNine);

        Assert.Equal(["a 2026-11-02-cron-0900"], Keys(atShanghaiNine));
        Assert.Equal(["b 2026-11-02-cron-0900"], Keys(atLondonNine));
    }

    [Fact]
    public void AReminderInQuietHoursMovesToTheirEnd()
    {
        var meeting = Meeting(Item("i1", lead: ["规划局"])) with { Reminders = new ReminderPolicy { Cron = "30 21 * * 2", QuietHours = "20:00-08:00" }, PublishedAt = Local(2026, 11, 2, 9, 0) };

        // Tuesday 21:30 local falls in the quiet hours: nothing at 21:30, the nudge goes at Wednesday 08:00.
        Assert.Empty(Plan(meeting, Local(2026, 11, 3, 21, 45)));
        var next = Plan(meeting, Local(2026, 11, 4, 8, 0));

        Assert.Equal(["a 2026-11-04-cron-0800"], Keys(next));
        Assert.Equal(Local(2026, 11, 4, 8, 0), next[0].At);
    }

    [Fact]
    public void AReminderOnANonWorkingDayMovesToTheNextWorkingDay()
    {
        // Saturday 3 Oct 2026 is in the National Day holiday; Sunday 4 Oct too; work resumes on Thursday 8 Oct.
        var meeting = Meeting(Item("i1", lead: ["规划局"], due: new DateOnly(2026, 10, 3))) with { Reminders = new ReminderPolicy { Cron = "", DaysBeforeDue = 0 } };

        Assert.Empty(Plan(meeting, Local(2026, 10, 7, 23, 0)));
        Assert.Equal(["a 2026-10-08-due"], Keys(Plan(meeting, Local(2026, 10, 8, 8, 0))));
    }

    [Fact]
    public void DueRemindersGoNWorkingDaysBeforeOnTheDueDayAndEachOverdueWorkingDay()
    {
        // Due Wednesday 18 Nov; 2 working days before is Monday 16 Nov.
        var meeting = Meeting(Item("i1", lead: ["规划局"], due: new DateOnly(2026, 11, 18))) with { Reminders = new ReminderPolicy { Cron = "", DaysBeforeDue = 2, EscalateAfterDays = 0 } };
        var sent = new List<ReminderDigest>();
        for (var day = new DateOnly(2026, 11, 12); day <= new DateOnly(2026, 11, 24); day = day.AddDays(1))
        {
            sent.AddRange(Plan(meeting, Local(day.Year, day.Month, day.Day, 12, 0), handled: sent));
        }

        Assert.Equal(
            ["a 2026-11-16-due", "a 2026-11-18-due", "a 2026-11-19-due", "a 2026-11-20-due", "a 2026-11-23-due", "a 2026-11-24-due"],
            Keys(sent));
    }

    [Fact]
    public void AMakeUpWorkingDayCountsAsAWorkingDay()
    {
        // Due Monday 12 Oct 2026: three working days before counts Saturday 10 Oct (调休), so it is Thursday 8 Oct.
        var meeting = Meeting(Item("i1", lead: ["规划局"], due: new DateOnly(2026, 10, 12))) with { Reminders = new ReminderPolicy { Cron = "" } };

        Assert.Equal(["a 2026-10-08-due"], Keys(Plan(meeting, Local(2026, 10, 8, 9, 0))));
        Assert.Equal(new DateOnly(2026, 10, 8), ReminderTime.SubtractWorkingDays(WorkingCalendar.Default, new DateOnly(2026, 10, 12), 3));
    }

    [Fact]
    public void AnOverdueItemEscalatesToTheOrganiserAfterThreeOverdueWorkingDays()
    {
        // Due Friday 13 Nov; overdue working days 16, 17, 18 Nov; the organiser hears on Thursday 19 Nov, once.
        var meeting = Meeting(Item("i1", lead: ["规划局"], due: new DateOnly(2026, 11, 13))) with { Reminders = new ReminderPolicy { Cron = "" } };
        var sent = new List<ReminderDigest>();
        for (var day = new DateOnly(2026, 11, 13); day <= new DateOnly(2026, 11, 27); day = day.AddDays(1))
        {
            sent.AddRange(Plan(meeting, Local(day.Year, day.Month, day.Day, 9, 0), handled: sent));
        }

        var escalation = Assert.Single(sent, d => d.RecipientAadId == "org");
        Assert.Equal("2026-11-19-escalation", escalation.SlotKey);
        Assert.Equal(ReminderKind.Escalation, escalation.Kind);
        Assert.Equal([new DigestItem("m1", "i1", null)], escalation.Items);
    }

    [Fact]
    public void ClosedItemsAndItemsADepartmentReportedDoneAreNotReminded()
    {
        var closed = Item("i1", lead: ["规划局"]) with { Departments = [new DepartmentProgress { Department = "规划局", Status = ProgressStatus.Closed }] };
        var done = Item("i2", lead: ["规划局", "财政局"]) is var i
            ? i with { Departments = [new DepartmentProgress { Department = "规划局", Status = ProgressStatus.CompletionRequested }, new DepartmentProgress { Department = "财政局" }] }
            : throw new InvalidOperationException();
        var meeting = Meeting(closed, done) with { PublishedAt = Local(2026, 10, 30, 9, 0) };

        var digests = Plan(meeting, Local(2026, 11, 2, 9, 0));

        Assert.Equal(["b 2026-11-02-cron-0900"], Keys(digests));
        Assert.Equal([new DigestItem("m1", "i2", "财政局")], digests[0].Items);
    }

    [Fact]
    public void OneDigestPerRecipientListsAllTheirOpenItemsAcrossMeetingsIncludingSupportedOnes()
    {
        var first = Meeting(Item("i1", lead: ["规划局"]), Item("i2", lead: ["财政局"], support: ["规划局"]));
        var second = Meeting(Item("i1", lead: ["规划局"])) with { Id = "m2" };

        var digests = ReminderPlanner.Plan(Inputs([first, second]), Local(2026, 11, 2, 9, 0));

        var toA = Assert.Single(digests, d => d.RecipientAadId == "a");
        Assert.Equal([new DigestItem("m1", "i1", "规划局"), new DigestItem("m1", "i2", "规划局"), new DigestItem("m2", "i1", "规划局")], toA.Items);
        Assert.Equal(["m1", "m2"], toA.MeetingIds);
    }

    [Fact]
    public void AfterADowntimeOnlyTheLatestMissedSlotOfEachKindIsPlanned()
    {
        var meeting = Meeting(Item("i1", lead: ["规划局"], due: new DateOnly(2026, 11, 10))) with { Reminders = new ReminderPolicy { Cron = "0 9 * * *" } };

        // Nothing ran from Wednesday 11 Nov to Friday 13 Nov 10:00: two days of nudges and overdue reminders were missed.
        var digests = Plan(meeting, Local(2026, 11, 13, 10, 0));

        Assert.Equal(["a 2026-11-13-due", "a 2026-11-13-cron-0900"], Keys(digests));
        Assert.Empty(Plan(meeting, Local(2026, 11, 13, 10, 1), handled: digests));
    }

    [Fact]
    public void NothingIsCaughtUpFromBeforeTheMeetingWasPublished()
    {
        var meeting = Meeting(Item("i1", lead: ["规划局"], due: new DateOnly(2026, 11, 2))) with { PublishedAt = Local(2026, 11, 4, 15, 0) };

        Assert.Empty(Plan(meeting, Local(2026, 11, 4, 16, 0)));
        Assert.Equal(["a 2026-11-05-due"], Keys(Plan(meeting, Local(2026, 11, 5, 8, 0))));
    }

    [Fact]
    public void AnUnreachableContactIsToldToTheOrganiserAtTheNextFullHour()
    {
        var item = Item("i1", lead: ["规划局"]) with
        {
            Departments = [new DepartmentProgress { Department = "规划局", Unreachable = [new UnreachableContact { AadObjectId = "a", Name = "A", Reason = "BlockedByUser", At = Local(2026, 11, 3, 10, 20) }] }],
        };
        var meeting = Meeting(item) with { Reminders = new ReminderPolicy { Cron = "" } };

        Assert.Empty(Plan(meeting, Local(2026, 11, 3, 10, 59)));
        var told = Assert.Single(Plan(meeting, Local(2026, 11, 3, 11, 0)));
        Assert.Equal(("org", ReminderKind.Unreachable, "2026-11-03-unreachable-1100"), (told.RecipientAadId, told.Kind, told.SlotKey));
    }

    [Fact]
    public void AMeetingsOwnPolicyOverridesTheDefaults()
    {
        var meeting = Meeting(Item("i1", lead: ["规划局"])) with { Reminders = new ReminderPolicy { Cron = "0 14 * * 3" }, PublishedAt = Local(2026, 10, 30, 9, 0) };

        Assert.Empty(Plan(meeting, Local(2026, 11, 2, 9, 30)));
        Assert.Equal(["a 2026-11-04-cron-1400"], Keys(Plan(meeting, Local(2026, 11, 4, 14, 0))));
    }

    [Theory]
    [InlineData("20:00-08:00", "21:00", true)]
    [InlineData("20:00-08:00", "07:59", true)]
    [InlineData("20:00-08:00", "08:00", false)]
    [InlineData("12:00-13:30", "12:45", true)]
    [InlineData("", "03:00", false)]
    public void QuietHoursSpanMidnightOrNot(string quiet, string time, bool inside)
    {
        Assert.Equal(inside, QuietHours.Parse(quiet).Contains(TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static List<ReminderDigest> Plan(MeetingDocument meeting, DateTimeOffset now, IReadOnlyDictionary<string, string>? zones = null, IEnumerable<ReminderDigest>? handled = null)
    {
        var done = (handled ?? []).Select(d => d.MarkerName).ToHashSet(StringComparer.Ordinal);
        return [.. ReminderPlanner.Plan(Inputs([meeting], zones) with { IsHandled = done.Contains }, now)];
    }

    private static ReminderInputs Inputs(IReadOnlyList<MeetingDocument> meetings, IReadOnlyDictionary<string, string>? zones = null) => new()
    {
        Meetings = meetings,
        Directory = Directory,
        Defaults = Defaults,
        Calendar = WorkingCalendar.Default,
        RecipientTimeZones = zones ?? new Dictionary<string, string>(),
    };

    private static List<string> Keys(IEnumerable<ReminderDigest> digests) => [.. digests.Select(d => $"{d.RecipientAadId} {d.SlotKey}")];

    private static MeetingDocument Meeting(params MeetingItem[] items) => MeetingProjection.Normalize(new MeetingDocument
    {
        Id = "m1",
        TenantId = "t1",
        Title = "专题会议",
        State = MeetingState.Published,
        TimeZone = "Asia/Shanghai",
        Organiser = new Person("org", "Organiser"),
        PublishedAt = Local(2026, 9, 1, 9, 0),
        Items = items,
    });

    private static MeetingItem Item(string id, string[] lead, string[]? support = null, DateOnly? due = null) => new()
    {
        Id = id,
        Number = int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture),
        Task = "任务 " + id,
        Lead = lead,
        Support = support ?? [],
        Due = due,
    };

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute) => ReminderTimelineTests.Local(year, month, day, hour, minute);

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
