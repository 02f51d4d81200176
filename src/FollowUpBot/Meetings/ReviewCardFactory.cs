using FollowUpBot.Cards;
using FollowUpBot.Departments;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Reminders;
using Microsoft.Extensions.Options;

namespace FollowUpBot.Meetings;

/// <summary>Builds review cards with what they need from outside the meeting: the directory's departments and the default reminder policy.</summary>
internal sealed class ReviewCardFactory(DirectoryStore directory, IOptions<RemindersOptions> reminders)
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

    public ReminderPolicy PolicyDefaults() => reminders.Value.Policy();
}
