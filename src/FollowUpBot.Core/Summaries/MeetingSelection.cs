using FollowUpBot.Ledger;

namespace FollowUpBot.Summaries;

/// <summary>Which meeting(s) an organiser's <c>summary</c> or <c>export</c> is about.</summary>
internal sealed record MeetingSelection
{
    /// <summary>The one meeting meant, if it is clear.</summary>
    public MeetingDocument? Meeting { get; init; }

    /// <summary>The meetings to choose from when it is not (empty when nothing matched).</summary>
    public IReadOnlyList<MeetingDocument> Candidates { get; init; } = [];

    /// <summary>The organiser asked for every meeting (<c>summary all</c>).</summary>
    public bool All { get; init; }
}

/// <summary>The organiser commands of summaries and exports, and how their argument picks a meeting.</summary>
internal static class SummaryCommands
{
    private static readonly string[] SummaryWords = ["summary", "/summary", "汇总", "进展", "进展汇总", "督办汇总"];
    private static readonly string[] ExportWords = ["export", "/export", "导出", "导出台账", "台账", "督办台账"];
    private static readonly string[] AllWords = ["all", "全部", "所有"];

    /// <summary>True for <c>summary</c> / <c>汇总</c> / <c>进展</c>, alone or followed by a meeting name or <c>all</c>.</summary>
    public static bool TryParseSummary(string text, out string? argument) => TryParse(text, SummaryWords, out argument);

    /// <summary>True for <c>export</c> / <c>导出</c> / <c>台账</c>, alone or followed by a meeting name.</summary>
    public static bool TryParseExport(string text, out string? argument) => TryParse(text, ExportWords, out argument);

    /// <summary>
    /// No argument: the most recently published meeting (a chooser when none is published). <c>all</c>:
    /// every meeting. Otherwise the meeting with that id, else those whose title contains the words.
    /// </summary>
    public static MeetingSelection Select(IReadOnlyList<MeetingDocument> meetings, string? argument)
    {
        ArgumentNullException.ThrowIfNull(meetings);
        var ordered = meetings.OrderByDescending(m => m.PublishedAt ?? m.CreatedAt).ThenBy(m => m.Id, StringComparer.Ordinal).ToList();
        if (string.IsNullOrWhiteSpace(argument))
        {
            var published = ordered.FirstOrDefault(m => m.State == MeetingState.Published);
            return published is not null
                ? new MeetingSelection { Meeting = published }
                : ordered.Count == 1 ? new MeetingSelection { Meeting = ordered[0] } : new MeetingSelection { Candidates = ordered };
        }

        var wanted = argument.Trim().Trim('"', '“', '”', '《', '》', '「', '」');
        if (AllWords.Contains(wanted, StringComparer.OrdinalIgnoreCase))
        {
            return new MeetingSelection { All = true, Candidates = ordered };
        }

        if (ordered.FirstOrDefault(m => m.Id == wanted) is { } byId)
        {
            return new MeetingSelection { Meeting = byId };
        }

        var matches = ordered.Where(m => m.Title.Contains(wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        var exact = matches.Where(m => string.Equals(m.Title.Trim(), wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        return exact.Count == 1 ? new MeetingSelection { Meeting = exact[0] }
            : matches.Count == 1 ? new MeetingSelection { Meeting = matches[0] }
            : new MeetingSelection { Candidates = matches };
    }

    private static bool TryParse(string text, string[] words, out string? argument)
    {
        argument = null;
        var trimmed = text.Trim().TrimEnd('?', '？', '!', '！', '.', '。');
        foreach (var word in words.OrderByDescending(w => w.Length))
        {
            if (!trimmed.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var rest = trimmed[word.Length..];
            // An English word must end at a space; a Chinese one may run into the name (汇总全部, 导出第四季度推进会).
            if (rest.Length > 0 && char.IsAsciiLetter(word[^1]) && !char.IsWhiteSpace(rest[0]))
            {
                continue;
            }

            rest = rest.TrimStart(' ', ':', '：', '\u3000');
            argument = rest.Length == 0 ? null : rest;
            return true;
        }

        return false;
    }
}
