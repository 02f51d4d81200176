using System.Text.RegularExpressions;

namespace FollowUpBot.Progress;

/// <summary>
/// Round 13 of issue 14: the kinds batch 15 shares with earlier batches, or that are plainly general, as patterns of their
/// own (tests in ThirteenthRoundReplyTests, docs/evaluation/replies.md).
/// </summary>
internal static partial class ReplyCues
{
    /// <summary>
    /// Whether a reply apologises and admits lateness (抱歉…拖了, "sorry … delayed"): whatever else it reads as, its status is
    /// asked (ReplyParser.AskWhenSorryAndLate), since the same words also read as an extension or a late hand-in (round 13).
    /// </summary>
    public static bool ApologisesForLateness(string folded) => Apology().IsMatch(folded) && Lateness().IsMatch(folded);

    /// <summary>Whether a stop is followed by the sender picking the work up again now (搁置了…现在我会抽空更新它; round 13).</summary>
    private static bool PickedUpAgain(string folded, Cue cue) => PickedUpAgainPattern().Match(folded, cue.End) is { Success: true };

    private static bool IsPausedUntil(string folded, Cue cue) =>
        PausedUntilPattern().Match(folded, cue.Start, cue.Length) is { Success: true } m && m.Index == cue.Start && m.Length == cue.Length;

    // A done word inside a condition with a longer subject than NeutralPattern allows: "I'll update whenever enough other mods
    // have been updated", "as soon as the upstream fix has been released" (round 2's kind: "once done" is not done). Not
    // "until … are complete", which ForecastPattern reads as a forecast.
    [GeneratedRegex(
        """
        \b(?:whenever|as\s+soon\s+as|once|when|after)\s+(?:[\w.'-]+\s+){1,5}(?:has|have|is|are|gets?|get)\s+(?:been\s+)?(?:updated|released|fixed|merged|done|finished|completed?|published|accepted|approved|resolved)\b
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex ConditionalDonePattern();

    // A pause with the time work resumes, said with the verb ("Pausing until the end of April", "taking a break until
    // January"): round 10's kind ("on pause until October"), an extension without a due date, asked (IsResumption).
    [GeneratedRegex(
        """
        \b(?:pausing|pause|taking\s+a\s+(?:short\s+)?(?:break|pause|hiatus)|on\s+(?:a\s+)?break)\s+(?:(?:this|it|work|development|updates?)\s+)?until\s+(?:(?:early|mid|late|the\s+end\s+of|end\s+of|the\s+start\s+of)\s+|mid-)?(?:january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|fall|winter|next\s+(?:week|month|year|quarter|semester)|\d{4})\b(?![^\n]*?\b(?:not\s+known|unknown|unclear|uncertain|indefinitely)\b)
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex PausedUntilPattern();

    // Asking for a stated time ("just give me a couple weeks", "give us two more days"): round 4's kind ("give me a few more
    // days"). Not a period of notice ("give me a week's notice", "give us two days' warning").
    [GeneratedRegex(
        """
        \b(?:give|grant|allow)\s+(?:me|us)\s+(?:just\s+)?(?:a\s+couple(?:\s+of)?|a|one|two|three|\d+|a\s+day\s+or\s+two)\s+(?:more\s+)?(?:days?|weeks?)\b(?!['’]|\s+(?:notice|warning|heads))
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex GiveMeTimePattern();

    // A plan said without a subject ("Plan to release before August 10", "Planning to publish it next week"; round 10's kind
    // "I plan to publish"), and a project put into a plan with a long name between (已将该校区厕所建设项目纳入2022年全市…项目计划;
    // round 1's kind 已列入…计划, which allows 16 characters).
    [GeneratedRegex(
        """
        (?:^|[.!?;:]\s*|\n\s*)(?:plan(?:ning)?|intend(?:ing)?|aiming)\s+to\s+(?:release|publish|ship|upload|open[\s-]?source|tag|cut|start|begin)\b
        |已(?:经)?(?:将|把)[^,。;]{1,30}?(?:列入|纳入)[^,。;]{0,30}?(?:计划|规划|项目库)(?![外中的])
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex PlannedWithoutSubjectPattern();

    // Waiting on an answer or a delivery (round 9's "had not yet received materials", round 2's "no response"): "A reply was
    // awaited from …", "is still awaited", "have not yet received delivery of the seats", 尚未到货, 还没发货.
    [GeneratedRegex(
        """
        \b(?:is|was|are|were|remains?|being)\s+(?:still\s+)?awaited\b|\b(?:reply|response|answer|decision|quote|confirmation)\s+(?:still\s+)?awaited\b
        |\b(?:haven't|hasn't|hadn't|have\s+not|has\s+not|had\s+not|not)\s+(?:yet\s+)?(?:received|taken|had|got|gotten)\s+(?:the\s+|any\s+)?deliver(?:y|ies)\b
        |\b(?:parts?|components?|materials?|equipment|delivery|order|shipment|seats?|boards?)\s+(?:has\s+not|have\s+not|had\s+not|hasn't|haven't|hadn't)\s+(?:yet\s+)?(?:arrived|been\s+delivered)\b
        |(?:尚未|还未|还没有?|仍未|未|没有)(?:到货|发货|收到货)
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex AwaitedPattern();

    // After a stop, the sender says the work is picked up again now (现在我会抽空更新它, 如今又开始翻译了): round 9 and 11's kind
    // (a stop the reply says is over is progress), read as progress and as the end of the stop (IsOvercome). Not a later
    // promise (以后有空再更新).
    [GeneratedRegex(
        """
        (?:现在|如今|目前|最近)(?:我|我们)?(?:又|会|已经?|重新|开始|继续){1,2}(?:抽空|抽时间|开始|继续|恢复|重新)[^,。;]{0,4}?(?:更新|开发|维护|翻译|写|做|推进)
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex PickedUpAgainPattern();
}
