using System.Globalization;
using FollowUpBot.Cards;
using FollowUpBot.Departments;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;

namespace FollowUpBot.Meetings;

/// <summary>Builds review cards with what they need from outside the meeting: the directory's departments and the default reminder policy.</summary>
internal sealed class ReviewCardFactory(DirectoryStore directory, IConfiguration configuration)
{
    public async Task<AdaptiveCard> BuildAsync(
        MeetingDocument meeting,
        UiLocale locale,
        int page = 0,
        ReviewMode mode = ReviewMode.List,
        string? argument = null,
        string? banner = null,
        bool warning = false,
        CancellationToken cancellationToken = default)
    {
        var departments = (await directory.GetAsync(cancellationToken).ConfigureAwait(false)).Departments.Select(d => d.Name).ToList();
        return ReviewCard.Build(new ReviewView(meeting, departments, locale, page, mode, argument, banner, warning, PolicyDefaults()));
    }

    public ReminderPolicy PolicyDefaults() => new()
    {
        Cron = configuration["Reminders:Cron"] ?? "0 9 * * 1",
        DaysBeforeDue = int.TryParse(configuration["Reminders:DaysBeforeDue"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var before) ? before : 3,
        EscalateAfterDays = int.TryParse(configuration["Reminders:EscalateAfterDays"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var escalate) ? escalate : 3,
        QuietHours = configuration["Reminders:QuietHours"] ?? "20:00-08:00",
    };
}
