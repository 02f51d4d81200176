using FollowUpBot.Directives;

namespace FollowUpBot.Tests.Directives;

public sealed class WorkingCalendarTests
{
    [Fact]
    public void TheShippedCalendarKnowsHolidaysAndMakeUpWorkingDays()
    {
        var calendar = WorkingCalendar.Default;

        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 10, 1)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 10, 10)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 10, 11)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 3, 2)));
    }

    [Fact]
    public void AddingWorkingDaysStepsOverAHolidayWeek()
    {
        // Friday 2026-09-18 + 3 working days: 9-20 (make-up Sunday), 9-21, 9-22.
        Assert.Equal(new DateOnly(2026, 9, 22), WorkingCalendar.Default.AddWorkingDays(new DateOnly(2026, 9, 18), 3));

        // Wednesday 2026-09-30 + 1 working day: the National Day holiday runs to 10-07, 10-08 is next.
        Assert.Equal(new DateOnly(2026, 10, 8), WorkingCalendar.Default.AddWorkingDays(new DateOnly(2026, 9, 30), 1));
    }

    [Fact]
    public void ACalendarFileReplacesTheShippedOne()
    {
        var calendar = WorkingCalendar.Parse("""{"holidays": ["2027-01-01"], "workdays": ["2027-01-02"]}""");

        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 1, 2)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 10, 1)));
    }

    [Fact]
    public void ABadCalendarFileIsAFormatError()
    {
        Assert.Throws<FormatException>(() => WorkingCalendar.Parse("""{"holidays": ["1 Oct"]}"""));
        Assert.Throws<FormatException>(() => WorkingCalendar.Parse("not json"));
    }
}
