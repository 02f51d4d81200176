using System.Globalization;
using System.Text.RegularExpressions;
using Cronos;

namespace FollowUpBot.Bulletins;

/// <summary>What an organiser's <c>通报</c> / <c>bulletin</c> asks for: a meeting (by name or id) and the period's first day.</summary>
internal sealed record BulletinRequest(string? Meeting, DateOnly? Since, string? BadPeriod);

/// <summary>The bulletin command and its scheduled slots.</summary>
internal static partial class BulletinCommands
{
    private static readonly string[] Words = ["督办通报", "通报", "bulletin", "/bulletin"];

    /// <summary>
    /// True for <c>通报</c> / <c>督办通报</c> / <c>bulletin</c>, alone or followed (after a space or colon) by a
    /// meeting name and/or the period's first day (<c>2026-12-01</c>, <c>2026年12月1日以来</c>, <c>since 2026-12-01</c>).
    /// A Chinese word may run straight into the meeting name (通报第四季度推进会) only when <paramref name="loose"/>
    /// (an organiser); otherwise such a text is someone's progress reply and is not taken.
    /// </summary>
    public static bool TryParse(string text, bool loose, out BulletinRequest request)
    {
        ArgumentNullException.ThrowIfNull(text);
        request = new BulletinRequest(null, null, null);
        var trimmed = text.Trim().TrimEnd('?', '？', '!', '！', '.', '。');
        foreach (var word in Words)
        {
            if (!trimmed.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var rest = trimmed[word.Length..];
            var separated = rest.Length == 0 || char.IsWhiteSpace(rest[0]) || rest[0] is ':' or '：';
            if (!separated && (char.IsAsciiLetter(word[^1]) || !loose))
            {
                continue;
            }

            rest = rest.TrimStart(' ', ':', '：', '\u3000');
            request = Read(rest);
            return true;
        }

        return false;
    }

    /// <summary>
    /// The latest slot of <paramref name="cron"/> in <paramref name="zone"/> within (now − window, now], or null.
    /// A slot older than the window (the app was down) is skipped rather than sent late.
    /// </summary>
    public static DateTimeOffset? LatestSlot(CronExpression cron, TimeZoneInfo zone, DateTimeOffset now, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(cron);
        ArgumentNullException.ThrowIfNull(zone);
        DateTime? latest = null;
        foreach (var occurrence in cron.GetOccurrences((now - window).UtcDateTime, now.UtcDateTime, zone, fromInclusive: false, toInclusive: true))
        {
            latest = occurrence;
        }

        return latest is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
    }

    /// <summary>A slot's key in marker names: its UTC time to the minute.</summary>
    public static string SlotKey(DateTimeOffset slot) => slot.UtcDateTime.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture);

    /// <summary>Five fields, or six with seconds (as the reminders read cron); empty → no schedule.</summary>
    public static bool TryParseCron(string? text, out CronExpression? cron)
    {
        cron = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var format = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        return CronExpression.TryParse(text, format, out cron);
    }

    private static BulletinRequest Read(string rest)
    {
        var match = Period().Match(rest);
        if (!match.Success)
        {
            return new BulletinRequest(Name(rest), null, null);
        }

        var name = Name(rest.Remove(match.Index, match.Length));
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new BulletinRequest(name, new DateOnly(year, month, day), null)
            : new BulletinRequest(name, null, match.Value.Trim());
    }

    private static string? Name(string text)
    {
        var name = text.Trim().Trim('"', '“', '”', '《', '》', '「', '」').Trim();
        return name.Length == 0 ? null : name;
    }

    [GeneratedRegex(@"(?:since\s+|from\s+|自|从)?(?<y>\d{4})\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})\s*日?\s*(?:以来|起|至今)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Period();
}
