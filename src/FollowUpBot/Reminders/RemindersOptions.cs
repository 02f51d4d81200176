using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using Microsoft.Extensions.Options;

namespace FollowUpBot.Reminders;

/// <summary>
/// Reminder defaults and pacing (configuration section <c>Reminders</c>; DESIGN.md names the keys), validated at
/// start. The one place the default policy is written: the scheduler, the sender and the review card read it here.
/// </summary>
internal sealed class RemindersOptions
{
    public const string Section = "Reminders";

    /// <summary>Recurring nudge (Cronos; five fields, or six with seconds), in each recipient's time zone; empty turns it off.</summary>
    public string? Cron { get; set; } = "0 9 * * 1";

    /// <summary>Working days before the due date that the first due-date reminder goes out; 0 turns it off.</summary>
    public int DaysBeforeDue { get; set; } = 3;

    /// <summary>Overdue working days after which the organiser is told; 0 turns escalation off.</summary>
    public int EscalateAfterDays { get; set; } = 3;

    /// <summary>Local hours in which nothing is sent (HH:mm-HH:mm); empty means none.</summary>
    public string? QuietHours { get; set; } = "20:00-08:00";

    /// <summary>How often the scheduler leader looks for due slots.</summary>
    public TimeSpan Tick { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Sends per second per tenant, all instances together (shared through <c>locks/senders/</c>), aiming under Teams' 50.</summary>
    public int GlobalPerSecond { get; set; } = 30;

    /// <summary>How often a sending instance renews its registration and recounts the senders it shares the budget with.</summary>
    public TimeSpan SenderHeartbeat { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The scheduler's blob lease on <c>locks/scheduler</c> (Azure allows 15-60 s).</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How far back a slot missed while no instance ran is still sent (once).</summary>
    public TimeSpan CatchUpWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Digests one instance sends at the same time.</summary>
    public int SendConcurrency { get; set; } = 32;

    /// <summary>How long a queue message taken by an instance stays hidden from the others (Azure queue).</summary>
    public TimeSpan QueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts after which a send Teams keeps refusing for a reason other than throttling or a transport fault is reported to the organiser as failed.</summary>
    public int MaxSendAttempts { get; set; } = 8;

    /// <summary>Off: this instance neither schedules nor sends reminders.</summary>
    public bool Enabled { get; set; } = true;

    public ReminderDefaults Defaults(string timeZone) => new(Cron ?? string.Empty, DaysBeforeDue, EscalateAfterDays, QuietHours, timeZone);

    /// <summary>The default policy as the review card shows it.</summary>
    public ReminderPolicy Policy() => new() { Cron = Cron, DaysBeforeDue = DaysBeforeDue, EscalateAfterDays = EscalateAfterDays, QuietHours = QuietHours };
}

internal sealed class RemindersOptionsValidation : IValidateOptions<RemindersOptions>
{
    public ValidateOptionsResult Validate(string? name, RemindersOptions options)
    {
        var failures = new List<string>();
        // The same check (and the same words) as the review card gives an organiser.
        foreach (var problem in ReminderPolicyRules.Check(options.Cron, options.DaysBeforeDue, options.EscalateAfterDays, options.QuietHours))
        {
            failures.Add($"{RemindersOptions.Section}:{problem.Field}: {problem.Describe(UiLocale.EnUS)}");
        }

        Check(failures, options.Tick >= TimeSpan.FromSeconds(1) && options.Tick <= TimeSpan.FromHours(1), $"Reminders:Tick must be between 00:00:01 and 01:00:00; got {options.Tick}.");
        Check(failures, options.GlobalPerSecond is >= 1 and <= 50, $"Reminders:GlobalPerSecond must be between 1 and 50 (Teams allows 50 per app per tenant); got {options.GlobalPerSecond}.");
        Check(failures, options.SenderHeartbeat >= TimeSpan.FromSeconds(1) && options.SenderHeartbeat <= TimeSpan.FromMinutes(1), $"Reminders:SenderHeartbeat must be between 00:00:01 and 00:01:00; got {options.SenderHeartbeat}.");
        Check(failures, options.LeaseDuration >= TimeSpan.FromSeconds(15) && options.LeaseDuration <= TimeSpan.FromSeconds(60), $"Reminders:LeaseDuration must be between 00:00:15 and 00:01:00 (Azure's blob lease limits); got {options.LeaseDuration}.");
        Check(failures, options.CatchUpWindow >= TimeSpan.FromHours(1) && options.CatchUpWindow <= TimeSpan.FromDays(31), $"Reminders:CatchUpWindow must be between 01:00:00 and 31.00:00:00; got {options.CatchUpWindow}.");
        Check(failures, options.SendConcurrency is >= 1 and <= 64, $"Reminders:SendConcurrency must be between 1 and 64; got {options.SendConcurrency}.");
        Check(failures, options.QueueVisibilityTimeout >= TimeSpan.FromSeconds(30) && options.QueueVisibilityTimeout <= TimeSpan.FromDays(7), $"Reminders:QueueVisibilityTimeout must be between 00:00:30 and 7.00:00:00; got {options.QueueVisibilityTimeout}.");
        Check(failures, options.MaxSendAttempts is >= 1 and <= 100, $"Reminders:MaxSendAttempts must be between 1 and 100; got {options.MaxSendAttempts}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, bool ok, string message)
    {
        if (!ok)
        {
            failures.Add(message);
        }
    }
}
