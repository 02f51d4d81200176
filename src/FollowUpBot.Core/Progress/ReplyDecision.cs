namespace FollowUpBot.Progress;

/// <summary>What the bot does with a department contact's free-text reply (see <see cref="ReplyDecision.Decide"/>).</summary>
internal enum ReplyStep
{
    /// <summary>Nothing in the text reads as a report (no status, item, percentage or date, and only a word or two): routing goes on to help.</summary>
    NotAReply,

    /// <summary>The sender has no open item to report on.</summary>
    NoOpenItems,

    /// <summary>One item, and the parser is sure of the status: store the report (and offer undo).</summary>
    Record,

    /// <summary>One item, but no status or a confidence below <see cref="ReplyParser.ConfirmBelow"/>: show the status picker and store nothing yet.</summary>
    Confirm,

    /// <summary>No item or several fit: the "which item?" card first; then <see cref="Record"/>, <see cref="Confirm"/> or <see cref="Undo"/> for the chosen one.</summary>
    AskWhichItem,

    /// <summary>The sender takes back their own last report on the item ("撤销", "undo").</summary>
    Undo,
}

/// <summary>
/// The decision on a free-text reply, before any storage is touched: which item(s) it is about and whether the bot stores it,
/// asks the sender to confirm the status, asks which item, or undoes. <see cref="Items"/> holds the one item of
/// <see cref="ReplyStep.Record"/>, <see cref="ReplyStep.Confirm"/> and <see cref="ReplyStep.Undo"/>, or the choices of
/// <see cref="ReplyStep.AskWhichItem"/>; <see cref="Unsure"/> and <see cref="IsUndo"/> say what follows the choice.
/// </summary>
internal sealed record ReplyDecision(ReplyStep Step, IReadOnlyList<OpenItem> Items, bool Unsure = false, bool IsUndo = false)
{
    /// <summary>
    /// A reply with no status, item marker, percentage, date or cue is taken for a report (and answered with the picker)
    /// only from this many letters or digits on: "ok" or "谢谢" fall through to help, "收到，马上落实" gets the picker.
    /// </summary>
    public const int MinLettersWithoutStatus = 6;

    /// <param name="parsed">The parser's reading, made with the sender's open item numbers and the default item.</param>
    /// <param name="text">The text as sent.</param>
    /// <param name="open">The sender's open items (every department they are a contact of).</param>
    /// <param name="defaultItem">The item the bot last asked this conversation about, when still recent (see <c>LastAskedItems</c>).</param>
    public static ReplyDecision Decide(ParsedReply parsed, string text, IReadOnlyList<OpenItem> open, OpenItem? defaultItem = null)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(open);
        if (!parsed.Undo && !LooksLikeReport(parsed, text ?? string.Empty))
        {
            return new ReplyDecision(ReplyStep.NotAReply, []);
        }

        if (open.Count == 0)
        {
            return new ReplyDecision(ReplyStep.NoOpenItems, []);
        }

        var candidates = Candidates(parsed, open, defaultItem);
        if (parsed.Undo)
        {
            return candidates.Count == 1
                ? new ReplyDecision(ReplyStep.Undo, candidates, IsUndo: true)
                : new ReplyDecision(ReplyStep.AskWhichItem, candidates.Count > 1 ? candidates : open, IsUndo: true);
        }

        var unsure = IsUnsure(parsed);
        if (candidates.Count == 1)
        {
            return new ReplyDecision(unsure ? ReplyStep.Confirm : ReplyStep.Record, candidates, unsure);
        }

        return new ReplyDecision(ReplyStep.AskWhichItem, candidates.Count > 1 ? candidates : open, unsure);
    }

    /// <summary>Whether the sender must confirm the status: none was found, or the parser's confidence is below <see cref="ReplyParser.ConfirmBelow"/>.</summary>
    public static bool IsUnsure(ParsedReply parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return (parsed.Status is null && parsed.Percent is null) || parsed.Confidence < ReplyParser.ConfirmBelow;
    }

    private static bool LooksLikeReport(ParsedReply parsed, string text) =>
        parsed.Status is not null || parsed.Percent is not null || parsed.ItemText is not null || parsed.NewDue is not null
        || parsed.Cues.Count > 0 || text.Count(char.IsLetterOrDigit) >= MinLettersWithoutStatus;

    /// <summary>
    /// The open items the reply's number stands for (several meetings may each have an item with that number). A number
    /// that came from the default item means that very item, not every item with its number.
    /// </summary>
    private static List<OpenItem> Candidates(ParsedReply parsed, IReadOnlyList<OpenItem> open, OpenItem? defaultItem)
    {
        if (parsed.Item is not { } number || parsed.Ambiguous)
        {
            return [];
        }

        if (parsed.ItemSource == ReplyItemSource.Default && defaultItem is not null)
        {
            var same = open.Where(o => o.MeetingId == defaultItem.MeetingId && o.ItemId == defaultItem.ItemId && o.Department == defaultItem.Department).ToList();
            if (same.Count == 1)
            {
                return same;
            }
        }

        return [.. open.Where(o => o.Number == number)];
    }
}
