using System.Globalization;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;

namespace FollowUpBot.Reminders;

/// <summary>A field of a reminder policy, named as its configuration key (<c>Reminders:{Field}</c>).</summary>
internal enum ReminderPolicyField
{
    Cron,
    DaysBeforeDue,
    EscalateAfterDays,
    QuietHours,
}

/// <summary>One thing wrong with a typed policy: the field, what was typed, and the text that explains it.</summary>
internal sealed record ReminderPolicyProblem(ReminderPolicyField Field, string Typed, string TextKey)
{
    /// <summary>The explanation in the reader's language (the day fields name themselves with the review card's labels).</summary>
    public string Describe(UiLocale locale) => Field switch
    {
        ReminderPolicyField.DaysBeforeDue => Texts.Format(locale, TextKey, Texts.Get(locale, "review.policyBefore"), Typed, ReminderPolicyRules.MaxDays),
        ReminderPolicyField.EscalateAfterDays => Texts.Format(locale, TextKey, Texts.Get(locale, "review.policyEscalate"), Typed, ReminderPolicyRules.MaxDays),
        _ => Texts.Format(locale, TextKey, Typed),
    };
}

/// <summary>
/// The one check of a reminder policy, for the <c>Reminders:*</c> defaults at start and for what an organiser types
/// on the review card: a cron of five fields (or six with seconds), quiet hours as HH:mm-HH:mm or empty, and day
/// counts from 0 to <see cref="MaxDays"/>. Nothing wrong is ever replaced by a default silently.
/// </summary>
internal static class ReminderPolicyRules
{
    public const int MaxDays = 60;

    /// <summary>
    /// Reads a policy as typed on the review card (empty cron or day count: the default applies; empty quiet hours:
    /// none). Returns the policy, or the problems when anything is wrong.
    /// </summary>
    public static (ReminderPolicy? Policy, IReadOnlyList<ReminderPolicyProblem> Problems) Read(string? cron, string? daysBeforeDue, string? escalateAfterDays, string? quietHours)
    {
        var problems = new List<ReminderPolicyProblem>();
        cron = cron?.Trim();
        quietHours = quietHours?.Trim();
        CheckCron(cron, problems);
        var before = ReadDays(ReminderPolicyField.DaysBeforeDue, daysBeforeDue, problems);
        var escalate = ReadDays(ReminderPolicyField.EscalateAfterDays, escalateAfterDays, problems);
        CheckQuietHours(quietHours, problems);
        return problems.Count > 0
            ? (null, problems)
            : (new ReminderPolicy { Cron = string.IsNullOrEmpty(cron) ? null : cron, DaysBeforeDue = before, EscalateAfterDays = escalate, QuietHours = quietHours }, problems);
    }

    /// <summary>Checks configured defaults (the options' validation at start).</summary>
    public static IReadOnlyList<ReminderPolicyProblem> Check(string? cron, int daysBeforeDue, int escalateAfterDays, string? quietHours)
    {
        var problems = new List<ReminderPolicyProblem>();
        CheckCron(cron, problems);
        ReadDays(ReminderPolicyField.DaysBeforeDue, daysBeforeDue.ToString(CultureInfo.InvariantCulture), problems);
        ReadDays(ReminderPolicyField.EscalateAfterDays, escalateAfterDays.ToString(CultureInfo.InvariantCulture), problems);
        CheckQuietHours(quietHours, problems);
        return problems;
    }

    /// <summary>What an organiser reads when a policy is refused: a heading and one line per problem.</summary>
    public static string Describe(IEnumerable<ReminderPolicyProblem> problems, UiLocale locale) =>
        Texts.Get(locale, "review.policyRefused") + "\n\n" + string.Join("\n\n", problems.Select(p => "• " + p.Describe(locale)));

    private static void CheckCron(string? cron, List<ReminderPolicyProblem> problems)
    {
        if (!ResolvedPolicy.TryParseCron(cron, out _))
        {
            problems.Add(new ReminderPolicyProblem(ReminderPolicyField.Cron, cron ?? string.Empty, "review.policyCronInvalid"));
        }
    }

    private static void CheckQuietHours(string? quietHours, List<ReminderPolicyProblem> problems)
    {
        if (!QuietHours.TryParse(quietHours, out _))
        {
            problems.Add(new ReminderPolicyProblem(ReminderPolicyField.QuietHours, quietHours ?? string.Empty, "review.policyQuietInvalid"));
        }
    }

    private static int? ReadDays(ReminderPolicyField field, string? typed, List<ReminderPolicyProblem> problems)
    {
        typed = typed?.Trim();
        if (string.IsNullOrEmpty(typed))
        {
            return null;
        }

        if (int.TryParse(typed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) && days is >= 0 and <= MaxDays)
        {
            return days;
        }

        problems.Add(new ReminderPolicyProblem(field, typed, "review.policyDaysInvalid"));
        return null;
    }
}
