using FollowUpBot.FollowUp;
using FollowUpBot.Ledger;
using FollowUpBot.Teams;

namespace FollowUpBot.Meetings;

internal static class OrganiserTurn
{
    public static bool IsOrganiser(this TurnContext turn, FollowUpOptions options) => options.IsOrganiser(turn.SenderAadObjectId);

    public static Person Sender(this TurnContext turn) =>
        new(turn.SenderAadObjectId ?? turn.Activity.From?.Id ?? "unknown", turn.SenderName ?? turn.Activity.From?.Name ?? string.Empty);

    /// <summary>"Today" where the organiser is: their client's time zone, else the configured default.</summary>
    public static DateOnly Today(this TurnContext turn, TimeProvider time, string fallbackZone)
    {
        var zone = turn.Activity.SenderTimeZone is { } tz && TimeZoneInfo.TryFindSystemTimeZoneById(tz, out var found)
            ? found
            : TimeZoneInfo.TryFindSystemTimeZoneById(fallbackZone, out var fallback) ? fallback : TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
    }
}
