namespace FollowUpBot.Progress;

internal static partial class ReplyParser
{
    /// <summary>The confidence of a reading in a reply that apologises for lateness: below <see cref="ConfirmBelow"/>, so the bot asks.</summary>
    public const double SorryAndLateConfidence = 0.65;

    /// <summary>
    /// A reply that apologises and admits lateness (不好意思拖了这么久，目前正在排版; "Sorry for the delay, …") is asked about,
    /// whatever the rules read, unless it names the new due date of an extension: the same words read as an extension, a late
    /// hand-in or a delay inside a progress report (round 13; by leave-one-batch-out over batches 1-15, 3 fewer wrong statuses
    /// stored without asking for 7 more right readings asked).
    /// </summary>
    private static Decision AskWhenSorryAndLate(Decision decision, string folded, DateMention? extensionDate)
    {
        if (decision.Status is null || decision.Confidence < ConfirmBelow || extensionDate is not null
            || !ReplyCues.ApologisesForLateness(folded))
        {
            return decision;
        }

        return decision with { Confidence = SorryAndLateConfidence };
    }
}
