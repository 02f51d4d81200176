using System.Text.RegularExpressions;

namespace FollowUpBot.Progress;

/// <summary>
/// Round 14 of issue 14: the kinds batch 16 shares with earlier batches, or that are plainly general, read the way the
/// written conventions settle them (docs/evaluation/reply-conventions.md; tests in FourteenthRoundReplyTests).
/// </summary>
internal static partial class ReplyCues
{
    /// <summary>
    /// Whether the reply says after a wait that the work is going again (资金未到位…目前已复工, "waiting on parts … resumed"): the
    /// conventions' "a stop the statement says is over is in progress", applied to waits as IsOvercome applies it to blocks.
    /// </summary>
    public static bool IsOverAfter(string folded, Cue cue) => RestartedPattern().Match(folded, cue.End) is { Success: true } || PickedUpAgain(folded, cue);

    // The restart words of Resumed() without its start words (才开始, 已开始): "待材料到货后才开始施工" is a wait, not one that is over.
    [GeneratedRegex(@"(?<![未没不])(?:复工|恢复施工|重新开工)|已恢复|(?<!\b(?:be|been|being|not)\s)\bresumed\b|\brestarted\b|\bback\s+on\s+track\b|\b(?:moving|going|under\s?way)\s+again\b|\bunblocked\b", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex RestartedPattern();

    // A release that waits for a paper's acceptance or a review ("will be made public upon acceptance of the paper", "after the
    // manuscript is accepted", "the manuscript is under peer review", 论文录用后开源, 论文还在审稿中): blocked by the conventions'
    // table (an outside gate named as what the release waits for). Claimed before the neutral "once … is accepted" (a done
    // word inside a condition), which would otherwise hide the gate. Not the acceptance as a fact ("the paper has been accepted"),
    // nor a release's own publication ("not sure when it will be published").
    [GeneratedRegex(
        """
        \b(?:until|before|after|once|when|upon|as\s+soon\s+as)\s+(?:the\s+|our\s+|this\s+|my\s+|its\s+)?(?:related\s+)?(?:paper|manuscript|article|submission|work)\s+(?:is|gets|has\s+been|are)\s+(?:officially\s+|finally\s+)?(?:accepted|published)\b
        |\b(?:until|before|after|once|when|upon)\s+it\s+(?:is|gets|has\s+been)\s+accepted\b
        |\b(?:upon|after|before|until)\s+(?:the\s+)?(?:paper(?:'s|’s)?\s+)?acceptance\b
        |\b(?:paper|manuscript|article|submission|work)\s+is\s+(?:still\s+|currently\s+|now\s+)?(?:under|in)\s+(?:peer[\s-])?review\b
        |(?:论文|文章|稿件|工作)(?:被|正式)?(?:录用|接收|接受|中稿|发表)(?:之?后|以后)|(?:论文|文章|稿件)(?:目前|现在)?(?:正在|还在|仍在)(?:审稿|审核|评审|投稿)
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex AwaitsAcceptancePattern();

    // A website's ICP filing still pending (域名备案中, 目前正在备案中, 备案还没通过): another body's approval the owner waits for,
    // blocked. Not the filing passed (备案已通过), the site restored while the filing goes on (正在备案，已经恢复), or filing
    // as a closing formality (已完成备案).
    [GeneratedRegex(
        """
        (?:(?:正在|在|还在)备案|备案(?:中|还没(?:有)?(?:通过|下来)|尚未通过|未通过|审核中))(?![^。！？!?\n]*?(?:已经?恢复|已(?:经)?(?:通过|上线|可以访问)))
        """,
        RegexOptions.CultureInvariant,
        TimeoutMs)]
    private static partial Regex FilingPendingPattern();

    // Deferred to the next release, version or sprint ("delaying until next release", "let's postpone to the next release",
    // 推迟到下个版本): not started by the conventions' table (planned, nothing done, nobody else holds it). Claimed before
    // the extension words it contains. Not rolled into the next issue of a series, which is a weekly update put off.
    [GeneratedRegex(
        """
        \b(?:delay(?:ing|ed)?|defer(?:ring|red)?|postpon(?:e|ed|ing)|punt(?:ing|ed)?|push(?:ing|ed)?|mov(?:e|ed|ing))\s+(?:it\s+|this\s+|that\s+)?(?:back\s+)?(?:until|to|till|for)\s+(?:after\s+)?(?:the\s+)?next\s+(?:release|version|milestone|sprint|major|minor)\b
        |(?:推迟|延后|推|放|留)(?:到|至)下(?:一)?个?(?:版本|迭代|里程碑)
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex DeferredToNextReleasePattern();

    // Busy with no time given (忙于学业, 工作很忙, 最近比较忙，暂时没时间弄这个, "I just don't have time right now", "life is pretty
    // hectic right now"): not started by the conventions' table (busy, will update some time). Read as a start still to come,
    // so work the reply claims (正在…, "still working on it") outweighs it. Not busy with a time anywhere in the reply (最近忙…
    // 最近几周, "busy … but I can start again in 5 days", "last week was busy"): that is an extension, a late hand-in or a
    // forecast, read by the rules that know them; nor busy doing the work (正忙着维修).
    [GeneratedRegex(
        """
        (?<!(?:\d|今天|明天|后天|本周|这周|下周|上周|周末|这两天|几天|几周|月底|年底|假期|国庆|春节|很快|马上|尽快|之前|以后|之后|\b(?:today|tomorrow|tonight|weeks?|weekends?|days?|months?|until|soon|asap|january|february|march|april|june|july|august|september|october|november|december)\b).*)
        (?:忙于|忙着(?:私人|个人|其他|其它|别的|工作|学业|找工作|毕设|考试|搬家)|(?:工作|学业|最近|近期|比较|有点|有些|太|很|非常|实在|真的|特别)忙|繁忙|没(?:有)?(?:时间|空)(?:弄|搞|做|更新|维护|处理|写|看)?|抽不出(?:时间|空)
        |\b(?:don't|do\s+not|didn't|did\s+not|haven't|have\s+not)\s+(?:really\s+)?(?:have|had)\s+(?:the\s+|much\s+|any\s+|enough\s+)?time\b|\bno\s+time\s+(?:right\s+now|at\s+the\s+moment|now|lately|these\s+days)\b
        |\b(?:(?:i'm|i\s+am|we're|we\s+are|been|was)\s+(?:really\s+|very\s+|quite\s+|pretty\s+|so\s+|super\s+)?busy|(?:pretty|very|really|quite|so)\s+hectic)\b)
        (?!.*(?:\d|今天|明天|后天|本周|这周|下周|上周|周末|这两天|几天|几周|月底|年底|假期|国庆|春节|很快|马上|尽快|之前|以后|之后|\b(?:today|tomorrow|tonight|weeks?|weekends?|days?|months?|until|soon|asap|january|february|march|april|june|july|august|september|october|november|december)\b))
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace | RegexOptions.Singleline,
        TimeoutMs)]
    private static partial Regex BusyPattern();

    // No plan to go on for now (短时间内都不会再更新了, 目前没有和当季新番同步更新的打算): not started, like 暂无计划. Not "没有按计划" (a
    // delay against the plan). A plan not yet made, read as a start still to come, so a cause told with it (由于尚未确定…) does
    // not make it a block.
    [GeneratedRegex(
        """
        (?:短时间内|短期内|近期|暂时|目前)(?:都|也)?不会(?:再)?(?:更新|维护|开发|继续)|(?:目前|暂时|暂)?没有(?:[^，。,.!?！？按照\n]{1,16}?的)?(?:开发|更新|实施|建设|维护)?(?:打算|计划)(?![内中完进执落])
        """,
        RegexOptions.CultureInvariant,
        TimeoutMs)]
    private static partial Regex NoPlanForNowPattern();

    // A deadline moved by hours, or a release date pushed back with the release named between ("The deadline … is now
    // extended by 48 hours", "Pushes back the v1.24 release date"): an extension, like round 4's "pushed back by two weeks".
    [GeneratedRegex(
        """
        \b(?:is|are|was|were|been|be)\s+(?:now\s+)?(?:extended|postponed|pushed\s+back)\s+(?:by|for)\s+(?:\d+|a\s+few|a\s+couple(?:\s+of)?|several|another)\s+(?:more\s+)?hours?\b
        |\bpush(?:es|ed|ing)?\s+back\s+(?!on\b|against\b)(?:the\s+)?(?:[\w.'-]+\s+){0,4}(?:release|launch|delivery|due)\s+date\b
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex MovedByHoursPattern();
}
