namespace FollowUpBot.Progress;

/// <summary>
/// What a free-text progress reply says. <see cref="Item"/> is null when the reply names no item the
/// sender may report on, or names several; then <see cref="Ambiguous"/> is true and the bot asks.
/// </summary>
/// <param name="Item">The item number the reply is about.</param>
/// <param name="Status">What the reply asks for; null when no status words were found (or for an undo).</param>
/// <param name="Percent">Progress as a percentage 0–100 when the reply gives one.</param>
/// <param name="NewDue">The requested new due date of an extension.</param>
/// <param name="NewDueText">That date as written in the reply.</param>
/// <param name="Note">The substantive text of the reply: the item marker and leading status words trimmed off.</param>
internal sealed record ParsedReply(
    int? Item,
    ReplyStatus? Status,
    int? Percent,
    DateOnly? NewDue,
    string? NewDueText,
    string? Note)
{
    /// <summary>The item marker as written ("第二项", "#3", "（2）"), when the reply has one.</summary>
    public string? ItemText { get; init; }

    /// <summary>Where <see cref="Item"/> came from.</summary>
    public ReplyItemSource ItemSource { get; init; }

    /// <summary>True when the item could not be decided: several numbers, a number the sender may not report on, or none and no default.</summary>
    public bool Ambiguous { get; init; }

    /// <summary>Every item number the reply names, in order, including refused ones: what a question card offers.</summary>
    public IReadOnlyList<int> MentionedItems { get; init; } = [];

    /// <summary>The reply asks to take back the sender's last report ("撤销", "undo").</summary>
    public bool Undo { get; init; }

    /// <summary>The words that decided the status, item and dates, for "why was this read so".</summary>
    public IReadOnlyList<ReplyEvidence> Evidence { get; init; } = [];

    /// <summary>
    /// How sure the parser is of <see cref="Status"/>, 0–1: 0 when it found no status, about 0.9 for a status
    /// word that stands alone or a request with its date, lower when cues disagree or only a weak cue (a
    /// forecast, a delay, a percentage) decided. Below <see cref="ReplyParser.ConfirmBelow"/> the bot asks the
    /// sender to confirm with the status picker instead of storing the report.
    /// </summary>
    public double Confidence { get; init; }

    /// <summary>The words, as written, that decided the status (<c>"cues"</c> in <c>parse-reply --format json</c>).</summary>
    public IReadOnlyList<string> Cues { get; init; } = [];

    /// <summary>What nothing was read from (the parser failed): no status, no item (so the sender chooses), the whole text as the note.</summary>
    public static ParsedReply Unread(string text) => new(null, null, null, null, null, text.Trim()) { Ambiguous = true };
}

internal enum ReplyItemSource
{
    /// <summary>No item: see <see cref="ParsedReply.Ambiguous"/>.</summary>
    None,

    /// <summary>The reply names the item.</summary>
    Marker,

    /// <summary>The caller's default item (the reminder the reply answers).</summary>
    Default,

    /// <summary>The sender's only open item.</summary>
    OnlyOpenItem,
}

/// <summary>One piece of text that counted, and what it counted as.</summary>
internal sealed record ReplyEvidence(string Text, string Meaning);
