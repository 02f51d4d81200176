using System.Globalization;
using FollowUpBot.Departments;
using FollowUpBot.Directives;
using FollowUpBot.Ledger;
using FollowUpBot.Reminders;
using FollowUpBot.Testing;
using FollowUpBot.Tests.Checklists;
using Microsoft.Extensions.Time.Testing;

namespace FollowUpBot.Tests.Reminders;

/// <summary>
/// Three weeks of the seed meeting (21 Sep - 11 Oct 2026: the Mid-Autumn and National Day holidays and the
/// 10 Oct make-up Saturday), the scheduler ticking every five minutes on a FakeTimeProvider, one contact in
/// London and the rest in Shanghai, default policy (Monday 09:00, 3 working days, escalation after 3, quiet
/// 20:00-08:00), a day and a half with no scheduler running, and one department reporting done.
/// </summary>
public sealed class ReminderTimelineTests
{
    /// <summary>The policy these tests plan with (the shipped defaults of DESIGN.md, in Asia/Shanghai).</summary>
    private static readonly ReminderDefaults Defaults = new("0 9 * * 1", 3, 3, "20:00-08:00", "Asia/Shanghai");

    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public void ThreeWeeksOfTheSeedMeetingSendExactlyTheExpectedDigests()
    {
        var meeting = Scenario();
        var directory = DepartmentDirectory.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "seeds", "departments.json")));
        var names = directory.Departments.SelectMany(d => d.Contacts).ToDictionary(c => c.AadObjectId, c => c.Name!.Split(' ')[0]);
        names["org"] = "Organiser";
        var time = new FakeTimeProvider(Local(2026, 9, 21, 0, 0));
        var end = Local(2026, 10, 12, 0, 0);
        var downFrom = Local(2026, 9, 28, 7, 0);
        var downUntil = Local(2026, 9, 29, 12, 0);
        var pattiDone = Local(2026, 10, 8, 10, 0);
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        var sends = new List<string>();

        while (time.GetUtcNow() < end)
        {
            var now = time.GetUtcNow();
            if (now >= pattiDone && meeting.FindItem("i13")!.FindDepartment("市纪委监委")!.Status != ProgressStatus.CompletionRequested)
            {
                meeting = ReportDone(meeting, "i13", "市纪委监委", now);
            }

            if (now < downFrom || now >= downUntil)
            {
                var inputs = new ReminderInputs
                {
                    Meetings = [meeting],
                    Directory = directory,
                    Defaults = Defaults,
                    Calendar = WorkingCalendar.Default,
                    RecipientTimeZones = new Dictionary<string, string> { ["00000000-0000-0000-0000-0000000000022"] = "Europe/London" },
                    IsHandled = claimed.Contains,
                };
                foreach (var digest in ReminderPlanner.Plan(inputs, now))
                {
                    Assert.True(claimed.Add(digest.MarkerName), $"{digest.MarkerName} planned twice");
                    var items = string.Join(",", digest.Items.Select(i => meeting.FindItem(i.ItemId)!.Number));
                    sends.Add(string.Create(CultureInfo.InvariantCulture, $"{TimeZoneInfo.ConvertTime(now, Shanghai):MM-dd HH:mm} {names[digest.RecipientAadId]} {digest.SlotKey} [{items}]"));
                }
            }

            time.Advance(TimeSpan.FromMinutes(5));
        }

        string[] isaiah = ["3,4,5,7,8,9,10,11,15"];
        string[] expected =
        [
            // #2 is due Thu 24 Sep: three working days before is Mon 21 Sep, at the end of the quiet hours.
            "09-21 08:00 Megan 2026-09-21-due [2,6]",
            // The Monday 09:00 nudge; Adele's 09:00 is London's (16:00 in Shanghai).
            "09-21 09:00 Megan 2026-09-21-cron-0900 [2,6]",
            $"09-21 09:00 Isaiah 2026-09-21-cron-0900 [{isaiah[0]}]",
            "09-21 09:00 Patti 2026-09-21-cron-0900 [13]",
            "09-21 09:00 Lynne 2026-09-21-cron-0900 [12]",
            "09-21 16:00 Adele 2026-09-21-cron-0900 [6]",
            // #2's due day; #13 (due Wed 30 Sep) is three working days away across the Mid-Autumn holiday.
            "09-24 08:00 Megan 2026-09-24-due [2,6]",
            "09-24 08:00 Patti 2026-09-24-due [13]",
            // No scheduler from Mon 07:00 to Tue 12:00: Monday's nudge is caught up once, and of Megan's two
            // missed overdue days only the latest (the digests of a tick come in the order their slots fell due).
            "09-29 12:00 Megan 2026-09-28-cron-0900 [2,6]",
            $"09-29 12:00 Isaiah 2026-09-28-cron-0900 [{isaiah[0]}]",
            "09-29 12:00 Patti 2026-09-28-cron-0900 [13]",
            "09-29 12:00 Lynne 2026-09-28-cron-0900 [12]",
            "09-29 12:00 Adele 2026-09-28-cron-0900 [6]",
            "09-29 12:00 Megan 2026-09-29-due [2,6]",
            // #6 is due Fri 9 Oct: three working days before skips the National Day week (Tue 29 Sep), London time.
            "09-29 15:00 Adele 2026-09-29-due [6]",
            "09-30 08:00 Megan 2026-09-30-due [2,6]",
            "09-30 08:00 Patti 2026-09-30-due [13]",
            // Mon 5 Oct is a holiday: its nudge moves to Thu 8 Oct 08:00; #2 has stood overdue three working
            // days (28, 29, 30 Sep), so the organiser hears of it; #12 (due Mon 12 Oct) counts the make-up Saturday.
            "10-08 08:00 Megan 2026-10-08-cron-0800 [2,6]",
            "10-08 08:00 Megan 2026-10-08-due [2,6]",
            $"10-08 08:00 Isaiah 2026-10-08-cron-0800 [{isaiah[0]}]",
            "10-08 08:00 Patti 2026-10-08-cron-0800 [13]",
            "10-08 08:00 Patti 2026-10-08-due [13]",
            "10-08 08:00 Lynne 2026-10-08-cron-0800 [12]",
            "10-08 08:00 Lynne 2026-10-08-due [12]",
            "10-08 08:00 Organiser 2026-10-08-escalation [2]",
            "10-08 15:00 Adele 2026-10-08-cron-0800 [6]",
            // Patti reported #13 done at 10:00 on 8 Oct: nothing more for her.
            "10-09 08:00 Megan 2026-10-09-due [2,6]",
            "10-09 15:00 Adele 2026-10-09-due [6]",
            // Sat 10 Oct is a make-up working day: overdue reminders go out; Sunday has none.
            "10-10 08:00 Megan 2026-10-10-due [2,6]",
            "10-10 15:00 Adele 2026-10-10-due [6]",
        ];
        Assert.Equal(expected, sends);
    }

    /// <summary>The seed meeting as its organiser would publish it: due dates on four items, the rest standing.</summary>
    internal static MeetingDocument Scenario()
    {
        var seed = ChecklistCardTests.SeedMeeting();
        var dues = new Dictionary<string, DateOnly>
        {
            ["i2"] = new(2026, 9, 24),
            ["i6"] = new(2026, 10, 9),
            ["i12"] = new(2026, 10, 12),
            ["i13"] = new(2026, 9, 30),
        };
        return seed with
        {
            TenantId = "tenant",
            PublishedAt = Local(2026, 9, 18, 10, 0),
            Items = [.. seed.Items.Select(i => i with { Due = dues.TryGetValue(i.Id, out var due) ? due : null })],
        };
    }

    internal static MeetingDocument ReportDone(MeetingDocument meeting, string itemId, string department, DateTimeOffset at)
    {
        var record = new ProgressRecord
        {
            MeetingId = meeting.Id,
            ItemId = itemId,
            Kind = ProgressKind.CompletionRequest,
            Department = department,
            By = new Person("someone", "Someone"),
            At = at,
            ConversationId = "a:1",
            ActivityId = at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        };
        return MeetingProjection.Apply(meeting, $"{at.UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}-{record.ActivityId}", record);
    }

    internal static DateTimeOffset Local(int year, int month, int day, int hour, int minute) =>
        new(new DateTime(year, month, day, hour, minute, 0), TimeSpan.FromHours(8));
}
