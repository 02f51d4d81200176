using FollowUpBot.Bulletins;
using Microsoft.Extensions.Options;

namespace FollowUpBot.Bulletins;

/// <summary>Progress bulletins (configuration section <c>Bulletin</c>).</summary>
internal sealed class BulletinOptions
{
    public const string Section = "Bulletin";

    /// <summary>
    /// When the bulletin of every published meeting goes to its organisers (Cronos; five fields, or six with
    /// seconds), in the meeting's time zone; empty (the default) issues none on a schedule.
    /// </summary>
    public string? Cron { get; set; }

    /// <summary>How often the scheduler's leader looks for due slots.</summary>
    public TimeSpan Tick { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The <c>locks/bulletins</c> lease (15-60 s, as Azure allows).</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A slot missed by longer than this (the app was down) is skipped rather than sent late.</summary>
    public TimeSpan CatchUpWindow { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long the link in a bulletin sent to departments (or on a schedule) works; the chat preview's link uses Summaries:LinkLifetime.</summary>
    public TimeSpan SentLinkLifetime { get; set; } = TimeSpan.FromDays(7);
}

internal sealed class BulletinOptionsValidation : IValidateOptions<BulletinOptions>
{
    public ValidateOptionsResult Validate(string? name, BulletinOptions options)
    {
        var failures = new List<string>();
        if (!BulletinCommands.TryParseCron(options.Cron, out _))
        {
            failures.Add($"Bulletin:Cron '{options.Cron}' is not a cron expression (five fields, e.g. '0 16 * * 5' for Fridays 16:00, or six with seconds).");
        }

        if (options.Tick < TimeSpan.FromSeconds(1) || options.Tick > TimeSpan.FromHours(1))
        {
            failures.Add($"Bulletin:Tick must be between 00:00:01 and 01:00:00; got {options.Tick}.");
        }

        if (options.LeaseDuration < TimeSpan.FromSeconds(15) || options.LeaseDuration > TimeSpan.FromSeconds(60))
        {
            failures.Add($"Bulletin:LeaseDuration must be between 00:00:15 and 00:01:00; got {options.LeaseDuration}.");
        }

        if (options.CatchUpWindow < options.Tick || options.CatchUpWindow > TimeSpan.FromDays(7))
        {
            failures.Add($"Bulletin:CatchUpWindow must be at least Bulletin:Tick and at most 7 days; got {options.CatchUpWindow}.");
        }

        if (options.SentLinkLifetime < TimeSpan.FromMinutes(1) || options.SentLinkLifetime > TimeSpan.FromDays(31))
        {
            failures.Add($"Bulletin:SentLinkLifetime must be between 00:01:00 and 31.00:00:00; got {options.SentLinkLifetime}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
