using System.Text.RegularExpressions;

namespace FollowUpBot.Progress;

internal enum CueKind
{
    /// <summary>Words that look like a cue but are not one: 没有受阻, 克服困难, 困难群众, 无障碍, "no blockers".</summary>
    Neutral,

    /// <summary>未完成, 尚未完成, "not done yet": the item is not done, so it is still in progress.</summary>
    NegatedCompletion,

    NotStarted,

    /// <summary>申请延期, "requesting an extension": an extension request even without a date.</summary>
    ExtensionRequest,

    /// <summary>延期至, 推迟到, "postpone to": an extension only when a date follows.</summary>
    ExtensionTo,

    Blocked,

    /// <summary>预计…完工, "will be completed": a forecast, neither a completion nor a new due date.</summary>
    Forecast,

    /// <summary>计划下月开工, "we start on Monday": the work itself has not begun.</summary>
    PlannedStart,

    Completion,

    /// <summary>等待, 滞后, "waiting for": blocked unless the item is reported done (等待验收).</summary>
    Waiting,

    /// <summary>滞后, 推进缓慢, "delayed", "behind schedule": blocked only when nothing says the work goes on.</summary>
    Lagging,

    InProgress,
}

/// <summary>A status word found in a reply.</summary>
internal sealed record Cue(CueKind Kind, int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>
/// The status vocabulary, Chinese and English. Kinds claim text in the order of <see cref="CueKind"/>,
/// so a negated or neutral phrase (尚未完成, 没有受阻) takes its words before the plain cue inside it
/// (完成, 受阻) can count.
/// </summary>
internal static partial class ReplyCues
{
    private const int TimeoutMs = 1000;

    private static readonly (CueKind Kind, Func<Regex> Pattern)[] Lexicon =
    [
        (CueKind.Blocked, AwaitsAcceptancePattern),
        (CueKind.PlannedStart, DeferredToNextReleasePattern),
        (CueKind.Neutral, NeutralPattern),
        (CueKind.Neutral, ConditionalDonePattern),
        (CueKind.NegatedCompletion, NegatedCompletionPattern),
        (CueKind.NotStarted, NotStartedPattern),
        (CueKind.ExtensionRequest, ExtensionRequestPattern),
        (CueKind.ExtensionRequest, MovedReleasePattern),
        (CueKind.ExtensionRequest, ResumptionPattern),
        (CueKind.ExtensionRequest, DelayedUntilPattern),
        (CueKind.ExtensionRequest, PutOffPattern),
        (CueKind.ExtensionRequest, PausedUntilPattern),
        (CueKind.ExtensionRequest, GiveMeTimePattern),
        (CueKind.ExtensionRequest, MovedByHoursPattern),
        (CueKind.ExtensionTo, ExtensionToPattern),
        (CueKind.Blocked, BlockedPattern),
        (CueKind.Blocked, FilingPendingPattern),
        (CueKind.Forecast, ForecastPattern),
        (CueKind.PlannedStart, PlannedStartPattern),
        (CueKind.PlannedStart, SeasonAheadPattern),
        (CueKind.PlannedStart, NextVersionPattern),
        (CueKind.PlannedStart, PlannedMorePattern),
        (CueKind.PlannedStart, PlannedWithoutSubjectPattern),
        (CueKind.PlannedStart, NoPlanForNowPattern),
        (CueKind.PlannedStart, BusyPattern),
        (CueKind.InProgress, ResumedOrUnderWayPattern),
        (CueKind.Completion, CompletionPattern),
        (CueKind.Completion, DatedCompletionPattern),
        (CueKind.Completion, CompletionMorePattern),
        (CueKind.Waiting, WaitingPattern),
        (CueKind.Waiting, AwaitedPattern),
        (CueKind.Lagging, LaggingPattern),
        (CueKind.InProgress, InProgressPattern),
        (CueKind.InProgress, InProgressMorePattern),
        (CueKind.InProgress, PickedUpAgainPattern),
    ];

    /// <remarks>A cold pattern's first scan includes compiling it, so a timeout reads the reply once more (<see cref="ReplyParser.OnceMoreOnTimeout"/>).</remarks>
    public static List<Cue> Find(string folded) => ReplyParser.OnceMoreOnTimeout(() => FindOnce(folded));

    private static List<Cue> FindOnce(string folded)
    {
        var claimed = new List<Cue>();
        foreach (var (kind, pattern) in Lexicon)
        {
            foreach (Match m in pattern().Matches(folded))
            {
                if (m.Length > 0 && !claimed.Exists(c => c.Start < m.Index + m.Length && m.Index < c.End))
                {
                    claimed.Add(new Cue(kind, m.Index, m.Length));
                }
            }
        }

        claimed.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return claimed;
    }

    /// <summary>
    /// Whether a completion word names a part of the work ("已完成主体工程…", "completed the design")
    /// rather than the whole item ("已完成。", "done").
    /// </summary>
    public static bool IsPartial(string folded, Cue cue)
    {
        var i = cue.End;
        if (i < folded.Length && folded[i] == '了')
        {
            i++;
        }

        // 超额完成…3个村的建设任务: a target exceeded is the whole task, whatever the count after it (round 10).
        if (i >= folded.Length || folded.AsSpan(cue.Start, cue.Length).StartsWith("超额", StringComparison.Ordinal))
        {
            return false;
        }

        if (ReplyText.IsCjk(folded[i]))
        {
            return !WholeTask().IsMatch(folded, i);
        }

        return PartialObject().IsMatch(folded, i);
    }

    /// <summary>
    /// Whether a completion word certainly names only a part of the item: a count of the parts done
    /// ("已办结246件", "已完成整改16个", "其中有17项已完成"), a share ("2/3 complete", "most … is complete"),
    /// a remainder still open anywhere in the reply (其余, 剩余, "the rest"), or a preparatory step
    /// (已完成地质勘探, 可研报告已编制完成, "design complete"). Such a completion is progress, never a request to close.
    /// </summary>
    public static bool IsPart(string folded, Cue cue)
    {
        var (from, to) = Clause(folded, cue.Start, cue.End);
        if (StepWords().IsMatch(folded[from..to]))
        {
            return true;
        }

        var text = folded.AsSpan(cue.Start, cue.Length);
        if (text.Contains("全部", StringComparison.Ordinal) || text.Contains("全面", StringComparison.Ordinal))
        {
            return false;
        }

        // 超额完成…3个村的建设任务: the count after a target exceeded is the target's, not a part of the work (round 10).
        var before = folded[from..cue.Start];
        return (CountAfter().IsMatch(folded, cue.End) && !text.StartsWith("超额", StringComparison.Ordinal))
            || CountBefore().IsMatch(before)
            || ShareBefore().IsMatch(before)
            || Remainder().IsMatch(folded);
    }

    /// <summary>
    /// Whether a blocked cue only explains a delay the work is getting over: a difficulty in a sentence of
    /// causes (因/由于/受…影响, "due to") in a reply that also reports work going on or a new forecast ("受…资金落实困难等多种因素影响，进度较为缓慢，已完成约70%"), or a stop the reply says is
    /// over (停工…才开始铺装, 已复工, "resumed").
    /// </summary>
    public static bool IsOvercome(string folded, Cue cue, bool workGoesOn)
    {
        if (Resumed().Match(folded, cue.End) is { Success: true })
        {
            return true;
        }

        if (PickedUpAgain(folded, cue))
        {
            return true;
        }

        // 至今无法改建, "still can't": the block lasts to now, whatever is being done about it (round 10).
        if (StillNow().IsMatch(folded.AsSpan(Math.Max(0, cue.Start - 6), Math.Min(6, cue.Start))))
        {
            return false;
        }

        // A block that holds up only the rest while the work goes on (剩余破损道路因…资金问题，会…逐步进行) is progress (round 10).
        if (workGoesOn && RestOfWork().IsMatch(folded, Clause(folded, cue.Start, cue.End).From))
        {
            return true;
        }

        if (!workGoesOn || !SoftBlock().IsMatch(folded.AsSpan(cue.Start, cue.Length)))
        {
            return false;
        }

        // A difficulty the reply says is being taken up (反映了问题，争取尽快解决) while the work goes on is not a block either.
        var (from, to) = Sentence(folded, cue.Start, cue.End);
        return Cause().IsMatch(folded[from..to]) || BeingSolved().IsMatch(folded[from..to]);
    }

    /// <summary>
    /// Whether a cue is the condition of something else, not a fact (待…施工完毕, 等…完成后, "once it is fixed", "if merged"):
    /// its sentence puts 待/等/一旦/如果 or "once"/"when"/"if"/"after"/"until" before it.
    /// </summary>
    public static bool IsCondition(string folded, Cue cue)
    {
        var (from, _) = Sentence(folded, cue.Start, cue.End);
        return Condition().IsMatch(folded[from..cue.Start]);
    }

    [GeneratedRegex(@"待|等到?|一旦|如果|若|假如|\b(?:once|when|if|after|until|unless)\b", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Condition();

    [GeneratedRegex(@"\G\s*(?:剩余|其余|剩下|还剩|the\s+rest\b|the\s+remaining\b)", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex RestOfWork();

    [GeneratedRegex(@"(?:至今|迄今|仍然?|依然|一直)还?$|\bstill\s+$", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex StillNow();

    /// <summary>
    /// Whether an extension cue is a pause with the time work resumes ("on pause until October", 暂停更新，预计6月25日之后恢复更新,
    /// 预计8月份左右继续开发; round 10): an extension without a new due date (the resumption is not one), asked, since a pause
    /// also reads as a block.
    /// </summary>
    public static bool IsResumption(string folded, Cue cue) => (ResumptionPattern().Match(folded, cue.Start, cue.Length) is { Success: true } m && m.Index == cue.Start && m.Length == cue.Length)
        || IsPausedUntil(folded, cue);

    /// <summary>
    /// Whether a blocked cue is a difficulty told before a plan (基于财政困难…计划明年安排资金进行改造): the reply reads as a block and
    /// as a plan not yet started, so the bot asks (round 10).
    /// </summary>
    public static bool IsBeforePlan(string folded, Cue cue, List<Cue> cues) =>
        SoftBlock().IsMatch(folded.AsSpan(cue.Start, cue.Length)) && cues.Exists(c => c.Kind == CueKind.PlannedStart && c.Start >= cue.End);

    /// <summary>
    /// Where the last "UPDATE:" / "更新：" of a reply starts, after its opening: what follows it is the newer state
    /// ("I am working on … UPDATE: Work is complete"; round 10). -1 when there is none.
    /// </summary>
    public static int LastUpdate(string folded)
    {
        var last = -1;
        foreach (Match m in UpdateMarker().Matches(folded))
        {
            last = m.Index > 0 ? m.Index : last;
        }

        return last;
    }

    [GeneratedRegex(@"\b(?:update|edit)\s*(?:\d{1,2}/\d{1,2}\s*)?:|更新\s*:", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex UpdateMarker();

    [GeneratedRegex(@"(?:争取|尽快|正在|积极|协调|努力)[^,。;]{0,6}?(?:解决|破解|化解)|\b(?:working\s+(?:to|on)\s+(?:resolve|fix|solve)|being\s+(?:resolved|addressed))\b", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex BeingSolved();

    /// <summary>Whether the sentence of a cue gives a cause (因, 由于, 受…影响, "because", "due to").</summary>
    public static bool HasCause(string folded, Cue cue)
    {
        var (from, to) = Sentence(folded, cue.Start, cue.End);
        return Cause().IsMatch(folded[from..to]);
    }

    /// <summary>
    /// Whether a planned start is only a promise to act at once (收到，马上落实, "will action this right away"): the
    /// reply acknowledges the item and says nothing of work done, so the bot asks rather than store "not started".
    /// </summary>
    public static bool IsPromise(string folded, Cue cue) => Promise().IsMatch(folded.AsSpan(cue.Start, cue.Length));

    [GeneratedRegex(@"^(?:马上|立即|立刻|即刻|随即|尽快)|\b(?:right\s+away|straight\s+away|asap|immediately|at\s+once)\b", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Promise();

    /// <summary>
    /// Whether a reply only acknowledges (好的，收到了，谢谢 / "ok thanks, noted"): it says nothing of the work, so the
    /// learned fallback is not asked to guess a status for it.
    /// </summary>
    public static bool IsAcknowledgment(string folded) => Acknowledgment().IsMatch(folded);

    [GeneratedRegex(
        @"^[\s\p{P}\p{S}]*(?:(?:好的?|嗯+|收到了?|已收到|知道了?|明白了?|了解了?|清楚了?|谢谢(?:提醒|您|你)?|感谢|辛苦了?|ok(?:ay)?|thanks?(?:\s+you)?|thx|noted|got\s+it|understood|will\s+do|roger|sure)[\s\p{P}\p{S}]*)+$",
        RegexOptions.CultureInvariant,
        TimeoutMs)]
    private static partial Regex Acknowledgment();

    /// <summary>
    /// Whether the reply hedges (可能/大概/也许/估计, "maybe", "probably", "I think"): an extension read from a hedged
    /// reply (可能得晚一些，大概十月底吧) is a guess at a new due date, so the bot asks before storing it.
    /// 尽可能 (as far as possible) and 不可能 (cannot) are not hedges.
    /// </summary>
    public static bool Hedges(string folded) => Hedge().IsMatch(folded);

    [GeneratedRegex(
        @"(?<![尽盡不])可能|大概|也许|也許|或许|或許|估计|估計|说不定|說不定|\b(?:maybe|probably|perhaps|possibly|might|hopefully|i\s+(?:think|guess|suppose))\b",
        RegexOptions.CultureInvariant,
        TimeoutMs)]
    private static partial Regex Hedge();

    /// <summary>Words that say the work is pushed to speed up (加快, 抓紧, 督促), which means it goes on.</summary>
    public static bool PushesOn(string folded) => SpeedUp().IsMatch(folded);

    /// <summary>
    /// A late reply that apologises or admits the miss and names a new target ("Sorry this is late, I'll
    /// catch up by Friday", "not able to deliver M1 on time … complete by the end of February", 抱歉…延误…
    /// 争取月底前完成): an extension request, though it never says 延期. Returns the apology or admission.
    /// </summary>
    public static Match? LateWithTarget(string folded)
    {
        var apology = Apology().Match(folded);
        if (!apology.Success || !Lateness().IsMatch(folded) || !Target().IsMatch(folded))
        {
            return null;
        }

        return apology;
    }

    /// <summary>
    /// Work handed in late, with no new target (round 8): "This is a late submission", "Sorry to hand this in late",
    /// "Apology for the delay. Please review the PR.", 抱歉交晚了, 不好意思拖了几天，已提交请查收. The lateness is over: the
    /// work is delivered (a completion), not held up. Returns the phrase that says so.
    /// </summary>
    public static Match? LateHandIn(string folded)
    {
        if (Target().IsMatch(folded))
        {
            return null;
        }

        var late = HandedInLate().Match(folded);
        if (late.Success)
        {
            return late;
        }

        var handIn = HandIn().Match(folded);
        return handIn.Success && ApologisesForLateness(folded) ? handIn : null;
    }

    [GeneratedRegex(
        """
        \blate\s+(?:submission|acceptance|delivery|upload|update)\b|\bsorry\s+(?:that\s+)?(?:this|it)\s*(?:is|was|'s)\s+(?:a\s+(?:bit|little)\s+)?late\b|\bdelay\s+in\s+(?:submission|submitting|uploading|delivering)\b
        |\b(?:hand|turn)(?:ed|ing)?\s+(?:this|it|these|them|my\s+\w+)\s+in\s+late\b|\bsubmitted\s+(?:this\s+|it\s+)?late\b
        |晚交|迟交|补交了|交晚了|交得晚|提交晚了|迟到的(?:提交|作业|报告)
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex HandedInLate();

    [GeneratedRegex(
        """
        \bplease\s+(?:review|check|have\s+a\s+look|take\s+a\s+look)\b|\b(?:committing|uploading|submitting)\s+(?:it\s+|this\s+|them\s+)?now\b
        |\bhere\s+(?:it\s+)?is\b|\bnow\s+(?:submitted|uploaded|attached)\b
        |请查收|请审阅|请审核|请评审|已(?:经)?提交|已(?:经)?上传|已(?:经)?发送|发给你了|发过去了
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex HandIn();

    /// <summary>
    /// The shares of a target a reply reports (为目标任务的94%, 占年度计划的97.2%, 完成率100%, "85% of the annual target"):
    /// a report of several targets is done only when every share reaches 100%.
    /// </summary>
    public static List<double> TargetShares(string folded)
    {
        var shares = new List<double>();
        foreach (Match m in TargetShare().Matches(folded))
        {
            if (double.TryParse(m.Groups["p"].ValueSpan, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var share))
            {
                shares.Add(share);
            }
        }

        return shares;
    }

    [GeneratedRegex(
        """
        (?:为|占|达到?|完成了?)[^,。;%\d]{0,12}?(?:目标|计划|任务|年度)[^,。;%]{0,12}?的?\s*(?<p>\d+(?:\.\d+)?)\s*%
        |(?:完成|办结|整改|销号|办复)率(?:达到?|为|是)?\s*(?<p>\d+(?:\.\d+)?)\s*%
        |(?<p>\d+(?:\.\d+)?)\s*%\s+of\s+(?:the\s+|its\s+|our\s+|their\s+)?(?:annual\s+|yearly\s+|overall\s+)?(?:target|goal|plan)
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture,
        TimeoutMs)]
    private static partial Regex TargetShare();

    // A clause ends at punctuation, and in Chinese at a space too ("2 已完成 已印发实施方案": the label is a clause of its own).
    private static (int From, int To) Clause(string folded, int start, int end)
    {
        var from = start;
        while (from > 0 && !ReplyText.IsSentenceBreak(folded[from - 1]) && folded[from - 1] is not (',' or '、') && !CjkSpace(folded, from - 1))
        {
            from--;
        }

        var to = end;
        while (to < folded.Length && !ReplyText.IsSentenceBreak(folded[to]) && folded[to] != ',' && !CjkSpace(folded, to))
        {
            to++;
        }

        return (from, to);
    }

    private static bool CjkSpace(string folded, int i) =>
        char.IsWhiteSpace(folded[i]) && ((i > 0 && ReplyText.IsCjk(folded[i - 1])) || (i + 1 < folded.Length && ReplyText.IsCjk(folded[i + 1])));

    private static (int From, int To) Sentence(string folded, int start, int end)
    {
        var from = start;
        while (from > 0 && !IsFullStop(folded[from - 1]))
        {
            from--;
        }

        var to = end;
        while (to < folded.Length && !IsFullStop(folded[to]))
        {
            to++;
        }

        return (from, to);
    }

    private static bool IsFullStop(char c) => c is '。' or '!' or '?' or '\n' or '\r' or ';';

    [GeneratedRegex(@"\G了?(?:(?!全部|所有|全)[^,。;\d]){0,8}\d+(?:\.\d+)?\s*(?:项|个|件|条|所|家|处|座|宗|批|户|套|栋|公里|千米|亩|场|台|盏|名|万元|亿元|元)", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex CountAfter();

    [GeneratedRegex(@"(?:中|其中|^|,)有?\d+(?:\.\d+)?\s*[项个件条所家处座宗批户套栋][^,。;\d]{0,4}$", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex CountBefore();

    [GeneratedRegex(@"\b(?:most|much|some|half|part|majority|\d+\s*/\s*\d+|\d+\s+(?:out\s+)?of\s+(?:the\s+)?\d+|two[\s-]thirds?|three[\s-]quarters?)\b", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex ShareBefore();

    [GeneratedRegex(@"(?:其余|剩余|下余|还剩)(?:的)?(?:\d|部分|[^,。;]{0,8}?(?:正在|仍|尚|未|在建|推进|施工中)|[^。;]{0,24}?(?:现正|正在|正积极|仍在))|尚有\d|还有\d|未完成\d|\bthe\s+rest\s+(?:is|are|of|still|in|under)\b|\bexcept\s+(?:for\s+)?(?:a|an|the|some|one|two|few|\d)\b|除[^,。;]{1,30}?(?:外|以外)|\bremaining\s+\w+\s+(?:is|are)\s+(?:still|in|being|under)\b|\b(?:before|prior\s+to)\s+(?:\w+ing\s+)?the\s+remaining\b|\bremains?\s+to\s+(?:be\s+)?(?:edit|do|fix|finish|complet|writ|review|test|translat|port|migrat|updat)\w*\b", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Remainder();

    [GeneratedRegex(@"前期|勘探|勘察|地勘|设计|招标|招投标|开标|可研|可行性|论证|立项|方案|测量|选址|报批|预算|图纸|清表|征地|拆迁|手续|准备工作|申报|资料|复核|挂网|采购|审批|规划|批复|审定|土石方|桩基|基础工程|一期|\bdesign\b|\bsurvey\b|\btender|\bplanning\s+application\b", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex StepWords();

    [GeneratedRegex(@"(?<![未没不])(?:复工|恢复施工|重新开工)|才开始|已开始|开始进行|已恢复|(?<!\b(?:be|been|being|not)\s)\bresumed\b|\brestarted\b|\bback\s+on\s+track\b|\b(?:moving|going|under\s?way)\s+again\b|\bunblocked\b", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Resumed();

    [GeneratedRegex(@"(?<!暂时?)无法|(?<!暂时?)难以|未能|(?<!暂时?)不能|受阻|困难|阻力|障碍|瓶颈|制约|掣肘|遇到|面临|存在|cannot|can't|can\s+not|unable|not\s+able|could\s+not|couldn't|won't\s+be\s+able", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex SoftBlock();

    [GeneratedRegex(@"因|由于|受[^,。;]{0,30}?影响|导致|\bbecause\b|\bdue\s+to\b|\bowing\s+to\b", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Cause();

    [GeneratedRegex(@"加快|抓紧|抢抓|加紧|赶工|督促|\bspeed\s+up\b|\bcatch\s+up\b", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex SpeedUp();

    [GeneratedRegex(
        """
        \b(?:sorry|apolog\w*|appoligi\w*|my\s+bad|my\s+mistake|my\s+fault|unfortunately)\b|抱歉|歉意|不好意思|对不起
        |\b(?:didn't|did\s+not|couldn't|could\s+not|wasn't\s+able|was\s+not\s+able|not\s+(?:being\s+)?able)\s+(?:to\s+)?(?:manage|deliver|make|finish|get)\b|\bgot\s+late\b
        |\b(?:has|have|had)\s+been\s+slower\s+than\s+(?:usual|expected|anticipated|planned)\b
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex Apology();

    [GeneratedRegex(
        """
        \blate\b|\blater\s+than\b|\bslower\s+(?:pace\s+)?than\s+(?:anticipated|expected|planned|usual)\b|\bdelay\w*|\bbehind\b|\bmissed\b|\bon\s+time\b|\bslipp\w*|\boverdue\b|\bdidn't\s+manage\b
        |延误|滞后|逾期|延迟|拖延|拖了|晚了|没能按期|未能按期|未按期|耽误|没来得及|来不及
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex Lateness();

    [GeneratedRegex(
        """
        \b(?:by|before|until|till)\s+(?:the\s+)?(?:end\s+of\s+)?(?:this\s+|next\s+)?(?:\w+\s+)?(?:mid-?\s?|early\s+|late\s+)?(?:week|month|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|tomorrow|tonight|spring|summer|autumn|fall|winter|\d)
        |\b(?:next|this|early\s+next|later\s+this)\s+(?:week|month|weekend|sprint|quarter)\b|\b(?:finish|complete|submit|deliver|send|push|wrap)\w*\s+(?:\w+\s+){0,3}on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b(?:during|in|within)\s+the\s+next\s+(?:\d+|few|couple|two|three)
        |(?:争取|力争|预计|计划|确保|尽快|本周|这周|下周|明天|后天|月底|周[一二三四五六日天])[^,。;]{0,16}?(?:完成|完工|办结|交付|上线|弄完|搞完|做完|干完|更新|补上|补更|提交)
        |\b(?:will|'ll|shall|going\s+to)\b[^.;!?\n]{0,40}?\b(?:today|tonight|tomorrow|this\s+(?:week|weekend|evening|afternoon))\b
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex Target();

    /// <summary>
    /// Whether an in-progress cue says work is still going on (正在, 推进中, "under construction") rather
    /// than that a step was taken (已召开, 已印发, "launched"): only the first outweighs a reported completion.
    /// </summary>
    public static bool IsOngoing(string folded, Cue cue) => !StepPattern().IsMatch(folded.AsSpan(cue.Start, cue.Length));

    /// <summary>Whether the clause of an in-progress cue is about what follows completion (审计, 验收, "audit").</summary>
    public static bool IsAfterCompletion(string folded, Cue cue)
    {
        var end = cue.End;
        while (end < folded.Length && !ReplyText.IsSentenceBreak(folded[end]) && folded[end] != ',' && end - cue.End < 30)
        {
            end++;
        }

        return AfterCompletionPattern().Match(folded, cue.Start, end - cue.Start).Success;
    }

    [GeneratedRegex(
        """
        (?:没有|没|未|无|不存在|未遇到|没有遇到|暂无|并无|不|克服了?|解决了?|协调解决了?|已解决|排除了?)(?:任何|明显|较大|大的|什么)?(?:困难|障碍|阻碍|受阻|卡点|堵点|瓶颈|阻力)
        |困难(?:群众|家庭|学生|职工|户|人员|人群|老人|儿童|群体|残疾人|党员|企业|帮扶|救助|补助|村)
        |(?:破解|化解|攻克|打通|克服|解决|排除)了?[^,。;]{0,8}?(?:困难|瓶颈|难题|障碍|堵点|卡点|阻力)
        |(?:无需|无须|不需要?|不必|不用|不再|未)(?:申请)?(?:延期|延长|推迟|顺延)
        |\bno\s+(?:need\s+(?:for|to)\s+)?(?:an?\s+)?(?:extension|extend|postpone)\b|\bwithout\s+(?:an?\s+)?extension\b
        |\bno\s+(?:longer\s+)?(?:blocked|blockers?|obstacles?|impediments?|delays?|issues|problems|hold-?ups?)\b
        |\bnot\s+(?:blocked|stuck|delayed|on\s+hold)\b|\bunblocked\b|\bnothing\s+(?:is\s+)?blocking\b
        |\bwithout\s+(?:any\s+)?(?:delays?|issues|problems|obstacles)\b|\bno\s+longer\s+(?:stuck|waiting|on\s+hold)\b
        |\b(?:resolved|cleared|removed|overcame|overcome)\s+(?:the\s+|all\s+|this\s+|these\s+)?(?:blockers?|obstacles?|bottlenecks?|difficult(?:y|ies)|impediments?)\b
        |\b(?:blockers?|obstacles?|impediments?)\s+(?:(?:have|has|were|was|are|is)\s+(?:been\s+|now\s+)?)?(?:cleared|removed|resolved|lifted|gone)\b|\bremov(?:e|es|ed|ing)\s+(?:the\s+)?blocker\b|\bfrom\s+blocked\s+to\b
        |\b(?:keep(?:ing)?|let(?:ting)?|left|leaving|kept)\s+(?:you|you\s+all|everyone|people|users|folks|guys)\s+(?:waiting|wait)\b|\bwaiting\s+for\s+so\s+long\b
        |\b(?:done|did|do|doing|tried)\s+(?:my|our|his|her|their)\s+best\b
        |(?:避免|防止|以免|免得)[^,。;]{0,20}(?:停滞|卡死|中断|延误|受阻|停工)
        |\b(?:unable|not\s+able)\s+to\s+(?:give|provide|offer|commit\s+to|share)\s+(?:you\s+)?(?:an?\s+|any\s+)?(?:eta|estimate|timeline|date|timeframe)\b|\bnot\s+closing\b
        |(?:一直|从来|并|并没有|从未)?(?:未|没有|没)(?:停工|停止施工|中断|停滞)
        |(?<=(?:未完成|未完工|未竣工|没有完成|没完成)[^。;]{0,12})(?:暂时?|故暂?|所以暂?|因此暂?|还)?(?:不能|未能|无法)(?:正式)?(?:开业|开放|使用|投用|投入使用|通车|营业|入住|运营)
        |\bif\s+(?:you|it|this|that|they|we|anyone|the\s+\w+)\s+(?:continue|keep|still)\w*\b
        |\b(?:was|were|had\s+been)\s+(?:originally\s+)?(?:scheduled|slated|set|planned|expected|due)\s+to\s+(?:start|begin|commence)\b[^.;!?\n]{0,60}?,?\s*but\b
        |(?:已)?(?:列入|纳入)(?:计划|规划)(?:解决|实施|办理)?的
        |\b(?:once|when|after)\s+(?:(?:it|this|that|all\s+\w+|\w+)\s+)?(?:is|are|gets?|got|has\s+been|have\s+been)\s+(?:done|merged|fixed|finished|complete|completed|released)\b|\b(?:once|when)\s+(?:done|finished|complete|ready)\b
        |\bblocked\s+(?:drains?|gull(?:y|ies)|pipes?|sewers?|culverts?|gutters?|toilets?)\b|\bwaiting\s+(?:for|on)\s+(?:the\s+)?(?:ci|checks|build|pipeline)\b|\bwaiting\s+(?:for|on)\s+(?:the\s+)?(?:paint|concrete|render|plaster|glue|mortar)\s+to\s+(?:dry|cure|set|harden)\b
        |\b(?:can't|cannot|can\s+not)\s+close\s+(?:this|it)\s+(?:yet|off)\b|(?:不|未|没有?)受(?:到)?(?:任何|太大|大的)?影响
        |\b(?:late|early|mid)[\s-]+(?:\d{4}|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|spring|summer|autumn|fall|winter|next\s+(?:week|month|year)|this\s+(?:week|month|year))\b
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex NeutralPattern();

    [GeneratedRegex(
        """
        (?<!(?:拆迁|征迁|征地|征收|搬迁)(?:工作)?(?:尚|还|仍|并|暂)?)(?:尚未|还未|还没有?|仍未|并未|暂未|并没有?|尚没有|远未|未|没有?)(?:全部|完全|全面|按期|按时|如期|最终|彻底)?(?:完成|完工|竣工|办结|落实|建成|结束|结案|整改到位|整改完毕|验收)
        |有待(?:完成|落实)|基本(?:整改到位|落实到位|完工|建成|到位|实现|结束|完毕)
        |(?:尚未|还未|仍未|未|没有?)(?:能)?(?:修复|维修|安装|施工|整改|处理|清理|拆除|建设|铺设|改造)(?:完毕|完成|到位|好)
        |(?:未能|未|没有?|没能)通过[^,。;]{0,4}?验收|验收不合格|\bfailed\s+(?:the\s+)?(?:final\s+)?inspection\b|\bsubstantial(?:ly)?[\s-]+complet\w*
        |(?:尚未|还未|仍未|未|没有?)能?(?:全面|全部|完全|彻底|正常)(?:运行|投用|使用|开放|实施|修复|解决|恢复)
        |\bnot\s+(?:yet\s+)?(?:been\s+)?(?:fully\s+|quite\s+|entirely\s+)?(?:done|completed?|finished|closed)\b
        |\b(?:isn't|wasn't|hasn't|haven't|aren't|weren't)\s+(?:yet\s+)?(?:been\s+)?(?:fully\s+)?(?:done|completed?|finished)\b
        |\bincomplete\b|\bunfinished\b|\bnot\s+quite\b(?!\s+(?:sure|certain|started|begun|yet\s+started))|\byet\s+to\s+be\s+(?:completed|finished|done)\b|\b(?:basically|mostly|largely|almost|nearly)\s+(?:done|finished|complete(?:d)?)\b
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex NegatedCompletionPattern();

    [GeneratedRegex(
        """
        (?<!迟迟)(?:尚未|还未|还没有?|没有|暂未|仍未|并未|未|没)(?:正式)?(?:开始|启动|开工|动工|开展|展开|实施|着手|进场|推进|招标|立项)
        |零进展
        |\bnot\s+(?:yet\s+)?(?:been\s+)?(?:started|begun|commenced|initiated|kicked\s+off|launched|start)\b
        |\b(?:hasn't|haven't|has\s+not|have\s+not|didn't|did\s+not|isn't|is\s+not)\s+(?:yet\s+)?(?:been\s+)?(?:start(?:ed)?|begin|begun|commenced?|initiated|launched)\b
        |\byet\s+to\s+(?:start|begin|commence|be\s+started)\b
        |\b(?:no\s+work|no\s+action|nothing)\s+(?:has\s+|have\s+)?(?:been\s+)?(?:started|begun|taken|done)\b
        |\bno\s+(?:\w+\s+){0,2}(?:work|action|construction|repairs?|progress|effort)\s+(?:has|have)\s+(?:yet\s+)?(?:been\s+)?(?:started|begun|commenced|made|taken)\b
        |\b(?:cannot|can't|can\s+not|won't|will\s+not|couldn't|could\s+not)\s+(?:be\s+)?(?:begin|start|commence|begun|started|get\s+(?:started|going))\s+(?:\w+\s+){0,2}until\b
        |(?:要|得|需|需要)?等到?[^,。;]{1,10}?(?:后|以后|之后)(?:才|再)(?:能|可以?)?(?:开工|动工|启动|开始|实施)
        |\bdeprioriti[sz](?:ed|ing)\b|\b(?:in|to|on|linger\s+in)\s+the\s+backlog\b|\bnot\s+(?:a\s+)?priority\b|\bnot\s+(?:planned|scheduled)\b
        |\bnot\s+(?:this|in\s+this|the\s+current)\s+(?:quarter|sprint|month|release|cycle|year)\b|\bbefore\s+(?:doing|starting)\s+any\s+work\b
        |\bneed\s+to\s+(?:start|begin)\b|(?:暂未|尚未|未)(?:列入|纳入)(?:计划|规划)
        |(?:没|没有|暂时没|抽不出)(?:时间|空)|\b(?:haven't|hasn't|have\s+not|has\s+not|don't\s+have|do\s+not\s+have)\s+(?:had\s+)?(?:the\s+|any\s+)?(?:time|resources|capacity|bandwidth)\b
        |\b(?:haven't|hasn't|have\s+not|has\s+not)\s+(?:yet\s+)?(?:submitted|sent|written|opened|filed|created|touched)\b|\bassign\s+(?:this|it)\s+to\s+me\b
        |(?:暂时?|目前|尚|还)?没有(?:明确的?)?[^,。;]{0,6}?(?:计划|安排|排期)|(?:暂无|尚无)(?:明确的?)?(?:(?!资金|经费|款项)[^,。;]){0,6}(?:计划|安排|排期)|(?:未|尚未|还未|暂未)(?:确定|明确)(?:具体的?)?(?:开工|施工|启动|实施|建设)(?:时间|日期)
        |\bno\s+(?:firm\s+)?start\s+date\b|\bstart\s+date\s+(?:is\s+|remains\s+)?(?:still\s+)?(?:tbd|to\s+be\s+(?:determined|confirmed)|not\s+(?:yet\s+)?set)\b|谋划|\bicebox\b|\bback\s*burner\b|\b(?:add|do|handle|fix|look\s+at)\s+(?:it|this|that)\s+later\b
        |\bwon't\s+(?:get\s+|be\s+)?\w+\s+until\s+after\b|\b(?:will\s+not|won't)\s+be\s+(?:done|completed|finished|started)\s+(?:for\s+(?:a\s+|another\s+)?(?:couple|few|several|many|\d+|two|three)|until\s+(?:next|the\s+next|\d{4}))\b
        |\b(?:won't|will\s+not|can't|cannot|not)\s+(?:be\s+able\s+to\s+)?(?:work\s+on|start|begin|get\s+to|look\s+at|touch)\s+(?:this|it|that)\s+(?:just\s+)?yet\b
        |\b(?:didn't|did\s+not|don't|do\s+not|haven't|have\s+not)\s+(?:really\s+)?(?:have|had)\s+(?:much|any|enough|the)?\s*(?:spare\s+|free\s+)?time\b
        |\b(?:couldn't|could\s+not|can't|cannot|haven't|have\s+not|didn't|did\s+not)\s+(?:yet\s+)?(?:find|found|make|made)\s+(?:the\s+|any\s+|enough\s+)?time\b|\b(?:haven't|hasn't|have\s+not|has\s+not)\s+yet\s*[.!;]
        |(?:还|都|尚|仍)(?:没|没有|未)动(?=[。,;!\s]|$)|(?:还|都|尚|一直)(?:没|没有|未)来得及|(?:尚|仍|还|正)在(?:谋划|酝酿)|待(?:开工|动工|进场|启动|实施)(?=[。,;!\s]|$)
        |\bnot\s+(?:yet\s+)?(?:been\s+)?(?:picked\s+up|actioned|assigned)\b|\b(?:hasn't|haven't|has\s+not|have\s+not)\s+(?:yet\s+)?been\s+(?:picked\s+up|actioned|assigned)\b
        |\b(?:nobody|no\s+one|no-one)\s+(?:has\s+been\s+|is\s+)?assigned\b|\b(?:haven't|hasn't|have\s+not|has\s+not)\s+(?:yet\s+)?got(?:ten)?\s+(?:round\s+|around\s+)?to\b
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex NotStartedPattern();

    [GeneratedRegex(
        """
        (?:申请|请求|恳请|拟申请|特申请|特此申请|需要|需|请予|建议)(?:将)?(?:本项|该项|此项)?(?:工作|任务|事项|项目|工程|工期)?(?:的)?(?:办结|完成)?(?:期限|时限|时间|日期)?(?:予以)?(?:延期|延长|顺延|推迟|延后|宽限)
        |延期申请|申请延时
        |\bextension\b
        |\b(?:request(?:ing|ed|s)?|ask(?:ing|ed)?\s+for|apply(?:ing)?\s+for|seek(?:ing)?|needs?|would\s+like)\s+(?:an?\s+|the\s+|some\s+|more\s+)?(?:\w+\s+)?(?:postponement|more\s+time|additional\s+time|new\s+(?:due\s+)?date)\b
        |\b(?:please\s+)?extend\s+(?:the\s+)?(?:deadline|due\s+date|end\s+date|date)\b|\b(?:could|can|may)\s+(?:we|i)\s+(?:have|get)\s+(?:a\s+(?:bit|little)\s+|some\s+)?more\s+time\b
        |较原计划(?:有所)?(?:延长|推迟|延后|滞后)|工期(?:也)?(?:延长|顺延|推迟|延期|延后)
        |(?<!(?:比|较)[^,。;]{0,8})(?:延|延后|延後|延迟|延遲|推迟|推遲|顺延|順延|往后推|往後推)(?:一|两|兩|二|三|几|幾|\d+)(?:个|個)?(?:礼拜|禮拜|星期|周|週|天|日|月)
        |(?<!比)原(?:定|计划|計劃)于?\d[^,。;]{0,24}?(?:推迟|推遲|延期|推后|延后|向后)|向后推迟|往后(?:推|延)|调整(?:时间)?节点|(?:完成|办结)时限(?:调整|顺延)
        |\b(?:roll(?:ed)?\s*over|carr(?:y|ied|ying)\s+over|roll(?:ed|s)?|fold(?:ed|s)?|deferred|postponed|pushed|moved|tabled)\s+(?:\w+\s+)?(?:to|into|until|till)\s+(?:the\s+)?next\s+(?:\w+\s+)?(?:meeting|session|release|sprint|version|milestone|cycle|iteration|agenda)\b
        |\b(?:\w+\s+){0,3}(?:by|around|on|before|for)\s+(?:\w+\s+){0,2}(?:is|are|was|seems)\s+no\s+longer\s+(?:viable|possible|feasible|realistic|doable|achievable)\b
        |\b(?:still\s+)?need\s+(?:some\s+|a\s+bit\s+(?:of\s+)?|a\s+little\s+)?(?:more\s+)?time\s+to\s+(?:finish|complete|wrap|get\s+(?:it|this)\s+done)\b
        |把[^,。;]{1,20}?(?:时间|日期|期限|时限|节点)(?:往后|向后)?(?:延后|推迟|顺延|延迟|推后)|(?:还|仍|我)?需要?(?:一些|一点|点|些|多一点|更多)时间(?:才能|来|去)?(?:完成|弄完|做完|写完|寫完|搞完|处理完)
        |\banother\s+(?:\d+(?:\s*-\s*\d+)?|few|couple(?:\s+of)?|one|two|three)\s+(?:days?|weeks?)\b
        |\b(?:pushed|moved|postponed|delayed|slipped)\s+(?:back\s+)?(?:to|until|into)\s+(?:the\s+)?(?:next\s+)?(?:spring|summer|autumn|fall|winter|early|late|mid|next\s+(?:week|month|year|quarter|sprint))\b
        |\brevised\s+(?:\w+\s+)?(?:date|deadline|schedule|timeline)\b|\b(?:updated|changed|revised)\s+the\s+(?:\w+\s+){0,3}(?:date|deadline)\b|\bnow\s+targeting\b
        |\bskip(?:ping|ped)\s+the\s+\w+\s+(?:today|this\s+week)\b
        |会有所(?:延迟|推迟|延后)|(?:将|会)(?:适当)?(?:延迟|推迟|延后)(?:处理|完成|发布|交付|上线)
        |\bdelayed\s+(?:a|an|one|two|three|a\s+few|a\s+couple(?:\s+of)?|several|another|\d+)\s+(?:more\s+)?(?:days?|weeks?|months?)\b
        |\bdelay\s+(?:the|our|this)\s+(?:release|launch|rollout|delivery|opening|handover)\b
        |\bpostpone\s+the\s+(?:deadline|due\s+date|launch|release|delivery|submission)\b|\b(?:got|was|been|is|are|were)\s+pushed\s+back\b
        |\b(?:change|move|shift)\s+the\s+(?:\w+\s+)?date\s+to\s+be\b|\bpushing\s+(?:this|it)\s+to\s+(?:sprint|the\s+next|next)\b|\b(?:deadline|due\s+date)\s+(?:was\s+|has\s+been\s+)?extended\b
        |\b(?:need|needs|needed|will\s+need|require|requires)\s+(?:a\s+)?(?:few|couple(?:\s+of)?|several|another|\d+(?:\s*-\s*\d+)?|one|two|three)\s+(?:more\s+)?(?:days?|weeks?|months?)\b
        |\b(?:delay(?:ing|ed)?|push(?:ing|ed)?|postpon(?:e|ed|ing)|slip(?:ped|ping)?|mov(?:e|ed|ing))\s+(?:\w+\s+){0,4}(?:out\s+|back\s+)?(?:by|for)\s+(?:an?|another|(?:a\s+|another\s+)?(?:few|couple(?:\s+of)?|several|\d+(?:\s*(?:or|-)\s*\d+)?|one|two|three))\s+(?:more\s+)?(?:days?|weeks?|months?)\b
        |\bpush(?:ing|ed)?\s+(?:\w+\s+){0,4}(?:release|deadline|due\s+date|date|milestone|timeline|launch|delivery|schedule)s?\s+(?:back|out)\b
        |\bpush(?:ing|ed)?\s+(?:\w+\s+){0,3}(?:release|launch|delivery)\s+(?:a|one|two|\d+)\s+(?:days?|weeks?|months?)\b
        |\b(?:deadline|due\s+date|timeline|milestone|release|schedule|completion|launch|delivery)\b[^.;!?\n]{0,30}?\b(?:has\s+been\s+|have\s+been\s+|was\s+|is\s+)?(?:moved|pushed|set|slipped)\s+back\b
        |\b(?:not|n't)\s+(?:be\s+able\s+to\s+)?(?:deliver|finish|complete|make)\b[^.;!?\n]{0,40}?\b(?:on\s+time|in\s+time|within\s+the\s+(?:\w+\s+)?(?:timeframe|deadline|time)|by\s+the\s+deadline)\b
        |\b(?:new|revised|updated)\s+(?:deadline|due\s+date|target\s+date|completion\s+date|end\s+date|delivery\s+date)\b
        |\b(?:unable|not\s+able)\s+to\s+(?:deliver|finish|complete|make|submit)\b[^.;!?\n]{0,40}?\b(?:on\s+time|in\s+time|before|by)\b
        |\b(?:chang|mov|shift|push)(?:e|es|ed|ing|s)?\b[^.;!?\n]{0,50}?\bfrom\s+(?:(?:the|this|next|\d{1,2}(?:st|nd|rd|th)?)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|tomorrow|\d{1,2}(?:st|nd|rd|th)?|\d{4}-\d{2}-\d{2})\b[^.;!?\n]{0,24}?\bto\b
        |\b(?:give|grant|allow)\s+(?:me|us|them|him|her)\s+(?:some|a\s+(?:bit|little)\s+(?:of\s+)?(?:more\s+)?|a\s+few\s+(?:more\s+)?|more|extra|another)\s*(?:time|days?|weeks?)\b
        |(?:完成|办结|交付|竣工|截止|上线|提交)(?:时间|日期|时限|期限|节点)(?:由|从)[^,。;]{1,15}?(?:调整|变更|改|推迟|延)(?:为|至|到)
        |(?:再|多)给(?:我|我们|我們)?(?:一些|一点|几天|幾天|点|些|一周|两天)时间|宽限(?:几天|幾天|一下|一些|些)|(?:稍晚|晚)(?:一点|一些|几天|幾天|两天|點)
        |\bpush(?:es|ed|ing)?\s+(?:\w+\s+){0,2}(?:back|out)\s+(?:by\s+)?(?:a|an|one|two|three|a\s+few|a\s+couple(?:\s+of)?|several|\d+)\s+(?:more\s+)?(?:days?|weeks?|months?)\b
        |\b(?:was|were|been|is|are|be|being)\s+(?:extended|postponed|deferred|pushed\s+back)\s+(?:by|for)\s+(?:a|an|one|two|three|a\s+few|a\s+couple(?:\s+of)?|several|another|\d+)\s+(?:more\s+)?(?:days?|weeks?|months?)\b
        |\b(?:days?|weeks?|\w+\s+(?:days?|weeks?))\s+(?:after|past|beyond)\s+the\s+(?:\w+\s+)?(?:deadline|due\s+date)\b
        |(?:需要?|须|要|将|会|被|已|决定|宣布|只能|唯有|得)押后|(?:延|推迟|推后|延后|顺延)(?:到|至)\d{4}\s*/\s*\d{2,4}\s*年度
        |\b(?:release|launch|rollout|deadline|due\s+date|delivery|opening|handover|meeting|it|this)\s+(?:has|have|had)\s+been\s+(?:postponed|deferred)\b
        |\b(?:going\s+to|will|'ll|gonna|have\s+to|had\s+to)\s+(?:have\s+to\s+)?(?:defer|postpone)\s+(?:this|it|that)\b
        |\bneeds?\s+(?:some\s+)?more\s+\d+(?:\s*-\s*\d+)?\s+days?\b
        |延缓(?:启动|实施|建设|开工|施工|推进|执行|办理)|(?:推迟|推后|延后|顺延|往后推|推|延)(?:到|至)(?:下周|下个?礼拜|下个?星期|下个?月|明年|下半年|年后|节后|春节后)(?!\s*[\d一二三四五六七八九十底末初中上下])
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex ExtensionRequestPattern();

    // A release or date moved in chat (round 10): "update release date", "that is the updated timeline", "postpone to the next
    // release", "punt the September release", "might have to wait until Spring". A pattern of its own: the extension pattern is
    // already the largest, and under load its first match can run out of regex time while it is compiled.
    [GeneratedRegex(
        """
        \b(?:update|change|revise)[ds]?\s+(?:the\s+)?(?:release|due|target|delivery|launch|completion)\s+date\b|\b(?:updated|revised|new)\s+(?:timeline|timeframe)\b|\bupdated\s+schedule\b
        |\b(?:postpon(?:e|es|ed|ing)|defer(?:s|red|ring)?|punt(?:s|ed|ing)?|bump(?:s|ed|ing)?)\s+(?:(?:it|this|that|the\s+\w+)\s+)?(?:to|into|until|till)\s+(?:the\s+)?next\s+(?:\w+\s+)?(?:release|version|sprint|milestone|cycle|iteration|meeting)\b|\bpunt(?:s|ing|ed)?\s+(?:on\s+)?(?:the\s+)?(?:\w+\s+)?(?:release|launch|deadline|milestone)\b
        |\b(?:might|may|will|would|'ll)\s+(?:have|need)\s+to\s+wait\s+(?:until|till)\s+(?:early\s+|mid-?|late\s+|next\s+)?(?:spring|summer|autumn|fall|winter|january|february|march|april|may|june|july|august|september|october|november|december|\d{4}|year|month|week)\b
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex MovedReleasePattern();

    // Round 11: a delay with the time it moves to ("delayed the firmware update on this device until mid Jan 2017",
    // "postponing the release one day"), and 鸽 (to put off a promised update: 这次肯定会鸽, 鸽一个月左右) — extensions,
    // without a due date unless one is written; not a pigeon (鸽子).
    [GeneratedRegex(
        """
        \b(?:delay(?:ed|ing|s)?|postpon(?:e|ed|es|ing)|defer(?:red|ring|s)?)\s+(?:[\w.'-]+\s+){0,6}(?:until|till)(?=\s+(?:(?:early|mid|late|the\s+end\s+of|end\s+of)[\s-]+)?(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|spring|summer|autumn|fall|winter|\d{4}|next\s+(?:week|month|year|quarter))\b)
        |\bpostpon(?:e|ed|es|ing)\s+(?:[\w.'-]+\s+){0,3}(?:by\s+)?(?:a|one|two|three|\d+|a\s+few|a\s+couple(?:\s+of)?)\s+(?:more\s+)?(?:days?|weeks?|months?)\b
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex DelayedUntilPattern();

    // 鸽 (text is folded to simplified Chinese): slang, so the extension it reads is asked (IsPutOff).
    [GeneratedRegex(
        """
        (?:会|要|得|先|又|再|还|继续|可能|肯定|估计)会?鸽(?!子)|鸽(?:了|一下|一阵|一(?:个)?(?:月|周|星期|礼拜)|几天|两天|一段时间)
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex PutOffPattern();

    /// <summary>Whether an extension cue is 鸽, slang for putting off a promised update (round 11): read, but asked.</summary>
    public static bool IsPutOff(string folded, Cue cue) => PutOffPattern().Match(folded, cue.Start, cue.Length) is { Success: true } m && m.Index == cue.Start && m.Length == cue.Length;

    // Round 11: a feature set for a next version or planned without a start (下个版本将会加上, 已经加入下个版本的计划中, 目前有计划进行实现,
    // "will be added in the next release"): not started. Not one already in it (这个功能在下个版本已经加上 is done).
    [GeneratedRegex(
        """
        下一?个?版本(?:中|里)?(?:将会?|会|再|就)?(?:加上|加入|添加|增加|支持|安排|实现|考虑)|(?:加入|列入|放到|放进|纳入|排进|排入)了?到?下一?个?版本(?:的)?(?:计划|规划|开发)?
        |(?:目前|现在|已经?)?有计划(?:进行|去|来)?(?:实现|支持|添加|开发|适配)
        |\b(?:will|'ll|going\s+to|plan\s+to)\s+(?:be\s+)?(?:add(?:ed)?|implement(?:ed)?|support(?:ed)?)\s+(?:[\w'-]+\s+){0,4}in\s+(?:the\s+)?next\s+(?:release|version)\b
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex NextVersionPattern();

    // Round 11: work that resumed after a stop (停止了周记更新，如今已恢复; 今天恢复审核) or is "being completed": in progress, read before
    // the completion words inside it (已恢复, "completed"). A service back in use (已恢复通行) stays done.
    [GeneratedRegex(
        """
        (?:停止|暂停|停更|中断|停了)[^。;!?\n]{0,20}?(?:如今|现在|现|目前|今天)?,?(?:已经?)恢复(?:更新|开发|维护|审核|连载)?(?!正常|通行|通车|供水|供电|供热|供气|使用|照明|亮灯|开放)
        |(?:今天|明天|如今|现已|已经?)恢复(?:更新|开发|维护|审核|连载)
        |\b(?:currently\s+|now\s+)?being\s+(?:completed|finished)\b
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex ResumedOrUnderWayPattern();

    // Round 11: done told as a past date (工程于2017年12月24日竣工) or everything mended (不到两天…就全部修好). Not a plan or a hope
    // (计划于…竣工, 将于…完工, 希望在本周内全部修好) nor a negation.
    [GeneratedRegex(
        """
        (?<!计划|计劃|预计|預計|将|將|拟|擬|定|力争|争取|确保|有望|要|需|可望|预定|准备|準備)于\s*[\d〇一二三四五六七八九十]{2,4}\s*年[^,。;]{0,12}?(?:日|号|月底|月|底)\s*(?:顺利|正式|全面|全部|如期)?(?:竣工|完工|建成|完成)(?:验收)?(?=\s*[。,;!]|$)
        |(?<![没未不将])(?<!(?:希望|争取|力争|预计|计划|要|将|会|能|可以?)[^,。;]{0,10})(?:就|均|都|全部)(?:已经?)?(?:修好|修复好|装好|换好)了?(?=\s*[。,;!]|$)
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex DatedCompletionPattern();

    // A pause with the time work resumes (round 10): "on pause until October 2027", 暂停更新，预计在6月25日之后恢复更新,
    // 预计8月份左右继续开发, 五月份我会恢复更新. Not a pause until a condition ("until I can find …") or one whose end "is not known".
    [GeneratedRegex(
        """
        \b(?:on\s+(?:pause|hiatus)|paused|suspended)\s+until\s+(?:(?:early|mid|late|the\s+end\s+of|the\s+start\s+of)\s+|mid-)?(?:january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|fall|winter|next\s+(?:week|month|year|quarter|semester)|\d{4}|\d{1,2}/\d{1,2})\b(?:\s+\d{4}\b)?(?![^\n]*?\b(?:not\s+known|unknown|unclear|uncertain|indefinitely)\b)
        |(?:暂停|停更|停止更新|搁置)[^。;!?\n]{0,20}?(?:预计|计划|将|会|争取|大概)?(?:在|于)?(?:\d{1,2}\s*月(?:份|\s*\d{1,2}\s*[日号])?(?:中旬|下旬|上旬|初|底)?|[一二三四五六七八九十]{1,2}月份?|下个?月|下半年|明年|年后|节后|寒假|暑假|(?:一|两|二|三|几|\d+)(?:周|个?星期|个?礼拜|个月)|[^,。;]{0,6}?(?:考试|考完|中考|高考|期末|毕业|答辩|论文))(?:左右)?(?:之后|以后|后)?(?:我|我们)?(?:会|将|再|就){0,2}(?:恢复|继续|重新开始|再开始|开始)(?:更新|开发|维护|处理|写作|连载|翻译)
        |(?:预计|计划|打算|争取|大概|估计)(?:在|于)?(?:\d{1,2}\s*月(?:份|\s*\d{1,2}\s*[日号])?(?:中旬|下旬|上旬|初|底)?|[一二三四五六七八九十]{1,2}月份?|下个?月|下半年|明年|年后|节后|寒假|暑假|(?:一|两|二|三|几|\d+)(?:周|个?星期|个?礼拜|个月)|[^,。;]{0,6}?(?:考试|考完|中考|高考|期末|毕业|答辩|论文))(?:左右)?(?:之后|以后|后)?(?:我|我们)?(?:会|将|再|就){0,2}(?:恢复|继续|重新开始|再开始)(?:更新|开发|维护|处理|写作|连载|翻译)
        |(?:\d{1,2}\s*月份?|[一二三四五六七八九十]{1,2}月份?|下个?月|明年|(?:一|两|二|三|几|\d+)(?:周|个?星期|个?礼拜|个月)(?:之后|以后|后))(?:我|我们)(?:会|将|再|就){1,2}(?:恢复|继续|重新开始|再开始)(?:更新|开发|维护|处理|写作|连载|翻译)
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex ResumptionPattern();

    [GeneratedRegex(
        """
        (?:延期|延长|顺延|推迟|推延|延后|调整|放宽|改期|(?<![整修更])改)(?:办结|完成)?(?:期限|时限|时间|日期)?(?:至|到|为|于)|延至|推至|缓至
        |(?:期限|时限|完成时间|办结时间)(?:调整|变更|改)为
        |\b(?:extend(?:ed|ing)?|postpone(?:d)?|delay(?:ed)?|push(?:ed)?|move(?:d)?|defer(?:red)?|reschedule(?:d)?|shift(?:ed)?|slip(?:ped|s)?)\s+(?:(?:the\s+|our\s+)?(?:deadline|due\s+date|completion(?:\s+date)?|date|it|this|item\s+\d+|release|launch|delivery|milestone)\s+)?(?:back\s+|out\s+)?(?:to|until|till)\b(?!\s*`?(?:dev|develop|main|master|prod|production|staging|trunk)\b)
        |\bmov(?:e|es|ed|ing)\s+(?:the\s+)?(?:\w+\s+){0,2}(?:date|deadline)\b[^.;!?\n]{0,60}?\bfrom\b[^.;!?\n]{0,30}?\bto\b
        |\bnew\s+(?:due\s+|target\s+|completion\s+|proposed\s+)?(?:date|deadline)\b(?:\s+set)?(?:\s+for\s+(?:completion|delivery|the\s+\w+))?(?:\s+(?:of|is|to|:))?
        |\b(?:need|needs|require|requires|ask\s+for|asking\s+for)\s+(?:more\s+time\s+|time\s+)?(?:until|till)\b
        |\b(?:extend|postpone|defer|delay|push)(?:s|ed|ing)?\s+(?:the\s+|our\s+|my\s+|this\s+|its\s+|their\s+)?(?:\w+\s+){1,3}(?=(?:until|till)\b)
        |\b(?:deadline|due\s+date|target\s+date|end\s+date|completion\s+date)\s+(?:now\s+)?(?:has\s+been\s+|was\s+|is\s+)?(?:moves?|moved|revised|changed|amended|reset|updated)\s+to\b|(?:^(?:\#?\d+\s*[.:、)]?\s*)?|[.;:!]\s+)reschedul(?:e|ed|ing)\s+for\b|\b(?:works?|deadline|completion|delivery|handover|installation|repairs?|launch|release)\s+(?:has\s+been\s+|have\s+been\s+|was\s+|were\s+|is\s+|are\s+)?rescheduled\s+for\b
        |\beta\s+(?:is\s+)?now\b:?|\b(?:give|gimme)\s+(?:me|us)\s+(?:until|till)\b|\bcan\s+we\s+(?:say|make\s+it)\b
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex ExtensionToPattern();

    [GeneratedRegex(
        """
        暂(?:时)?(?:无法|不能|难以)|受阻|阻滞|阻工|(?:尚|仍|还|迟迟)?(?:未|没有?)(?:能)?(?:复工|恢复施工)|无法|难以|未能|暂停|停工|停滞|停摆|搁置|卡在|卡住|卡壳|暂缓|中止|中断|缓建|停建|推进不动|推不动|迟迟未
        |(?:暂|尚|还|目前|仍)?不具备[^,。;]{0,12}?条件|资金(?:链)?(?:问题|困难|紧张|短缺|不足|断裂)|资金压力(?:大|较大|很大)|缺口资金|缺额资金|(?:居民|群众|村民|业主|住户)[^,。;]{0,8}?(?:反对|不同意|阻挠|阻拦|阻碍)
        |不能(?:按期|如期|按时|正常|开工|施工|推进|实施|完成|进行|开展|落地|启动|到位|落实)
        |(?:遇到|面临)了?(?:一定|较大|很大|较多|诸多|重大)?的?(?:困难|阻力|障碍|问题|瓶颈)
        |存在(?:一定|较大|很大|较多|诸多|重大)?的?(?:困难|阻力|障碍)
        |困难|阻力|障碍|瓶颈|制约|掣肘|资金缺口|(?:没有|毫无|暂无|尚无|并无|无)(?:实质性|明显|任何|大的)?的?进展|进展不大
        |\bblocked\b|\bblockers?\b|\bstuck\b|\bon\s+hold\b|\bcannot\b|\bcan't\b|\bcan\s+not\b|\bunable\s+to\b|\bnot\s+able\s+to\b
        |\brefus(?:e|es|ed|ing)\s+to\b|\bobject(?:s|ed|ing)\s+to\b|\bopposed\s+to\b
        |\bheld\s+up\b|\bstalled\b|\bsuspended\b|\bhalted\b|\bpaused\b|\bimpeded\b|\bhindered\b|\bobstacles?\b|\bbottlenecks?\b
        |\bcould\s+not\b|\bcouldn't\b|\bwon't\s+be\s+able\b|\bfrozen\b|\bimpasse\b|\bno\s+progress\b|\bdeadlock(?:ed)?\b
        |(?:居民|住户|村民|企业|商户)[^,。;]{0,6}?(?:尚未|未|没有)(?:搬迁|腾退|签约)|(?:拆迁|征迁|征地|征收|搬迁)(?:工作)?(?:尚未|没有|未)(?:完成|完毕)|征迁问题|拆迁问题
        |\bon\s+pause\b|\bblocking\b|\bin\s+the\s+hands\s+of\b|\bfunding\s+(?:shortfall|gap|shortage|problems?|issues?)\b|\bno\s+(?:funding|funds|budget|money)\s+(?:is\s+|has\s+been\s+)?(?:available|allocated|left)\b
        |\b(?:is|are|remains?|'s)\s+(?:still\s+|currently\s+)?(?:broken|failing)\b
        |缺货|断货|缺料|\bout\s+of\s+stock\b|\bback-?ordered\b|找不(?:着|到)(?:合适的?)?(?:地方|场地|位置|地块|选址)|不让(?:弄|建|装|施工|进场|动工)
        |(?:暂|尚|目前|近期|暂时)(?:无|没有)[^,。;]{0,4}?条件|(?:无|没有|暂无|缺乏|缺少)[^,。;]{0,10}?(?:资金|经费)(?:来源|支持|保障|补助|投入|安排)
        |\b(?:cancel(?:l)?ed|called\s+off|scrapped|postponed)\b[^.;!?\n]{0,40}?\b(?:due\s+to|because\s+of|owing\s+to)\b[^.;!?\n]{0,40}?\bfail\w*
        |没法|没办法|动不了|(?:协调|谈|办|批)不下来|(?:还|仍|一直)?(?:没|未)(?:办|批)下来|不同意(?!见)|拒绝(?:配合|施工|签字|签约|搬迁|进场|入户|拆除)|拒不|不配合|窒碍难行
        |(?:没|没有)人(?:管|处理|负责|回复|理会)|无人(?:处理|负责|回复|理会)|经费(?:问题|困难|紧张|短缺|不足)
        |\bno\s+(?:budget|funding|funds|money)\s+(?:for|this|left|available)\b|\brefus(?:e|es|ed|ing)\s+(?:access|permission|consent|entry)\b|\b(?:work|works|construction|progress)\s+(?:has|have|had)\s+(?:stopped|halted|ceased)\b(?!\s+for\s+the\s+(?:day|night|weekend|holidays?))
        |\b(?:won't|will\s+not)\s+(?:sign|agree|approve|allow|grant|release|pay)\b|\bstill\s+(?:hasn't|haven't|has\s+not|have\s+not)\s+(?:delivered|sent|provided|supplied|signed|paid|responded|replied)\b
        |\btied\s+up\s+in\b|\bran\s+out\s+of\s+(?:money|funds|funding|budget|materials?|stock)\b|\bon\s+back-?order\b|\bgated\s+(?:on|by)\b
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex BlockedPattern();

    [GeneratedRegex(
        """
        (?<![按原])(?:预计|计划|力争|争取|有望|可望|将于|拟于|拟在|确保|预期|将在|预定|即将|可在|可于|能够在|能在|定于|准备在|打算|要在|需在|务必)[^,。;!?\n]{0,20}?(?:完成|完工|竣工|办结|建成|投用|投入使用|交付|通车|结束|落实到位|通水|试运行|投产|开通|上线|到货|开放|恢复|亮灯|开园|开馆|搞完|弄完|做完|干完)(?!后|之后|以后)
        |(?:通水|通车|通电|完工|竣工|交付|投用|开放|上线|开馆|开业)(?:时间|日期)(?:预计|计划|初定|暂定)(?:在|于|为)?
        |\b(?:hop(?:e|es|ed|ing)|plan(?:s|ned|ning)?|expect(?:s|ed|ing)?|aim(?:s|ed|ing)?|want(?:s|ed)?|intend(?:s|ed)?)\s+to\s+have\s+(?:[\w'-]+\s+){0,5}(?:installed|completed|finished|done|fixed|repaired|replaced|built|paved|opened|ready|in\s+place)\b
        |(?<!已于[^,。;]{0,15})(?<!提)(?<!(?:^|[^\d〇一二三四五六七八九十])日)(?:前|之前|以前)(?:全面|全部|基本)?(?:完成|完工|竣工|办结|建成|投用)
        |(?<!\b(?:appears|appear|seems|seem)\s)\b(?:will|shall|should|would|expect(?:ed|s)?\s+to|plan(?:ned|s)?\s+to|aim(?:ing|s)?\s+to|on\s+track\s+to|scheduled\s+to|due\s+to|going\s+to|set\s+to|hope\s+to|intend\s+to|likely\s+to|to|needs?\s+to|have\s+to|has\s+to|must|trying\s+to|working\s+to)\s+(?:be\s+)?(?:fully\s+)?(?:completed?|finished|finish|done|delivered|closed|handed\s+over|wrapped\s+up)\b
        |\b(?:expected|estimated|planned|target(?:ed)?|scheduled)\s+(?:completion|finish|handover)\b
        |\bcompletion\s+(?:is\s+)?(?:expected|estimated|planned|scheduled|targeted)\b
        |\b(?:is|are)\s+(?:scheduled|planned|due)\s+(?:for|in|by|next)\b|\bgo(?:es)?\s+live\b
        |\bthen\s+(?:we(?:'re|\s+are)\s+|it(?:'s|\s+is)\s+)?(?:done|complete|finished)\b|\buntil\s+(?:\w+\s+){0,4}(?:is|are|be)\s+(?:complete|done|finished)\b
        |\bget\s+(?:\w+\s+){0,3}(?:complete|completed|done|finished|shipped|fixed|merged|released)\b|\bshould\s+be\s+(?:complete|done|finished)\b
        |(?:就|即|便)(?:能|可|将)[^,。;]{0,8}?(?:开放|使用|通行|通车|恢复|完成|完工)|(?<![不未])(?:可以|能够?)(?:按期|如期|按时|顺利)?(?:完成|完工|竣工)(?![吗么])
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex ForecastPattern();

    [GeneratedRegex(
        """
        (?:将于|将会?在|计划|拟于|拟在|预计|(?<!正|正在|着手)准备|定于|下周|下月|明年|(?<!于)近期|力争|争取|尽早|尽快)[^,。;!?\n]{0,14}?(?:开工|动工|启动|开始|进场|开展|实施|进行(?:改造|修缮|整治|维修|建设))
        |\b(?:estimated|expected|anticipated|projected|planned|scheduled|target(?:ed)?|tentative)\s+(?:construction\s+)?start\s+date\b
        |\bwill\s+be\s+(?:replaced|repaired|repaved|resurfaced|rebuilt|reconstructed|installed|upgraded|demolished|relocated|reviewed)\b
        |\b(?:gonna|going\s+to|can|could|will|'ll|should)\s+start\s+(?:working\s+on|on|with)\b|\b(?:i|we)\s+plan\s+to\s+(?:publish|release|cut|tag|ship|make)\b
        |(?:已|已经|现已)?(?:列入|纳入)[^,。;]{0,16}?(?:建设计划|工作计划|投资计划|年度计划|计划|规划|项目库)(?!外)
        |再(?:处理|弄|做|搞|开始|着手|推进|安排|说)|(?:这周|本周|下周|明天|今天|马上|随后|过几天)\s*(?:就|再)?\s*开始
        |(?:近期|择期|下周|下月|近日)(?:进行|开展|组织|安排)?(?:修复|维修|施工|处理|整改|安装|开工)
        |(?<!于[^,。;]{0,10})(?<!已[^,。;]{0,4})(?:\d+月(?:份|初|底|中旬|上旬|下旬)?|明年|下半年|上半年|年内)(?:正式)?(?:开工|动工|启动建设|开始施工)
        |(?<![已即])将(?:于|在)?[^,。;]{0,20}?(?:进行|组织)?(?:重新)?(?:修补|修复|维修|排线|制定|改造|整治)(?!完毕|完成|到位|好了)
        |(?:会|将)在[^,。;]{0,10}?(?:后|之后)(?:尽快)?(?:处理|进行|开始|着手|更新)|(?:近期|稍后|回头|以后|后续|之后|有空)(?:会|将|再)(?:补充|更新|处理|添加|加上|完善)
        |\bwill\s+(?:seek|hold|issue|award|advertise)\b|\banticipat(?:es|ed|e)\s+(?:issuing|mobilizing|starting|beginning|awarding)\b
        |\b(?:i|we|they|he|she)(?:'ll|\s+will)\s+(?:\w+\s+){0,2}(?:add|make|do|release|write|send|prepare|roll\s+out|publish|run|tag|cut)\b|\bwill\s+attend\s+to\b
        |\b(?:will|should|would)\s+(?:begin|start|commence)\b|\bwill\s+be\s+(?:undertaken|carried\s+out|worked\s+on|attended\s+to)\b|\bplanning\s+to\b
        |\bon\s+(?:their|our|the|his|her)\s+(?:schedule|list|agenda|radar)\b
        |\b(?:plan(?:ned)?|intend|hope|going)\s+to\s+(?:work\s+on|start|begin|handle|get\s+to|look\s+at|tackle|pick\s+(?:it|this)\s+up)\b
        |\b(?:i|we)(?:'ll|\s+will)\s+(?:try\s+to\s+)?(?:get\s+to|look\s+at|work\s+on|handle|tackle|pick\s+(?:it|this)\s+up|start)\b
        |\b(?:added|moved|scheduled|planned|put)\s+(?:\w+\s+){0,3}(?:to|for|in|into)\s+(?:the\s+)?(?:next|upcoming|following)\s+(?:sprint|milestone|release|iteration|cycle|quarter)\b
        |\b(?:added|put|placed)\s+(?:\w+\s+){0,3}(?:on|to|onto|in|into)\s+(?:the\s+|their\s+|our\s+|its\s+)?(?:[\w'"-]+\s+){0,3}['"]?(?:schedule|to-?\s?do['"]?\s+list|work\s*list|work\s+plan|programme|program|backlog)\b
        |\bto\s+be\s+(?:presented|discussed|considered|reviewed|scheduled|taken\s+up)\s+(?:on|at|in|next)\b|\bto\s+(?:get|obtain|seek|request)\s+(?:quotes?|quotations?)\b
        |\b(?:we|will|shall|to|they|and)\s+(?:start|begin|commence|kick\s+off)\s+(?:on|next|in|from|after|this|work)\b
        |\b(?:starts?|begins?|commences?)\s+(?:on|next|in|from|after)\b
        |\b(?:expect(?:s|ed)?|plan(?:s|ned)?|hop(?:e|es|ing)|schedul(?:ed|es))\s+to\s+(?:\w+\s+){0,10}(?:start|begin|commence)\b
        |\b(?:slated|set|due|poised|expected)\s+to\s+(?:start|begin|commence|get\s+underway)\b
        |计划(?:在|于)[^。;]{1,24}?(?:后|之后|以后),?(?:再)?对[^,。;]{1,20}?进行[^,。;]{0,6}
        |(?:马上|立即|立刻|即刻|随即|尽快)(?:着手|安排|落实|整改|处理|办理|组织)|\b(?:will|'ll)\s+(?:\w+\s+){0,3}(?:right\s+away|straight\s+away|asap|immediately|at\s+once)\b
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex PlannedStartPattern();

    // Work set for a season ahead ("will spray this fall", 计划明年春季补植): a pattern of its own, because inside
    // PlannedStartPattern these alternatives made every reply's rules about 12% slower (docs/evaluation/replies.md, round 7).
    [GeneratedRegex(
        """
        \bwill\s+(?!(?:be\s+)?(?:completed?|finished|done|closed|delivered|ready|fixed|resolved|over|continued?|resumed?|remain(?:ed)?|kept|keep|operational|open(?:ed)?|reopen(?:ed)?|in\s+place|finish|complete)\b)(?:be\s+)?[a-z]+\s+(?:[\w'-]+\s+){0,4}(?:this|next|in\s+the|in|during\s+the)\s+(?:spring|summer|fall|autumn|winter)\b
        |(?:(?:将于?|將於?|计划于?|計劃於?|拟于?|擬於?|准备|準備|待|等到?)(?:今年|明年|来年|來年)?|明年|来年|來年)(?:春季|秋季|夏季|冬季|春天|秋天|开春后?|開春後?)(?:再|将|將|会|會)?(?:进行|進行|组织|組織|安排)?(?:施工|安装|安裝|种植|種植|补植|補植|栽植|修复|修復|维修|維修|铺设|鋪設|硬化|开工|開工|喷洒|噴灑|更换|更換)
        |(?:春季|秋季|夏季|冬季|春天|秋天|开春后?|開春後?)再(?:进行|進行|组织|組織|安排)?(?:施工|安装|安裝|种植|種植|补植|補植|栽植|修复|修復|维修|維修|铺设|鋪設|硬化|开工|開工|喷洒|噴灑|更换|更換)
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex SeasonAheadPattern();

    [GeneratedRegex(
        """
        (?:已经?|现已|业已|均已|已于[^,。;]{0,15}?|已在[^,。;]{0,10}?(?:前|底|初|内|月|日|年|季))(?:全部|全数|全面|顺利|圆满|如期|按期|按时|提前)?(?:办理完毕|整改完毕|整改到位|整改完成|落实到位|交付使用|投入使用|投入运行|通过验收|完成|完工|竣工|办结|办复|落实|建成|结案|完毕|完结|销号|交付|通车|投用|上线|验收|整改|处置|处理)
        |超额(?:完成|实现)|(?:全部|全数|全面|顺利|圆满|如期|按期|按时|提前)已?(?:完成|完工|竣工|办结|建成)|(?:(?<![\d〇一二三四五六七八九十])|(?<=[号號]))日前(?:已)?(?:顺利)?(?:完成|完工|竣工|办结|建成)
        |已经?(?:在|于)[^,。;]{0,15}?(?<!开始|正在|着手|进行|将)(?:修复|修正|解决)(?![中了])|已经?将[^,。;]{1,12}?(?:修复|修好|拆除|清理干净|清除|更换|移除|移走|整改到位)(?![中了])
        |(?:已经?|均已|现已)(?:(?!基本|初步|部分|大部)[^,。;\d]){0,6}(?:完毕|完成|办结)(?!\d|率)
        |(?:已经?|均已|现已)(?:全部|全面|均)[^,。;\d]{0,6}?到位
        |(?:(?<![\u3400-\u9FFF])|(?<=[项条]))(?:完成|完工|竣工|办结|完毕)(?![\u3400-\u9FFF])
        |已纳入(?:常态化|日常|长效)|(?:已|均已|顺利)通过了?[^,。;]{0,8}?(?:验收|认证|评审|审核|考核|评估|审查)
        |完成了|竣工验收|通过了?(?:竣工)?验收|验收合格|整改完毕|整改到位|办理完毕|落实到位|申请办结|申请销号|已经?办好
        |\b(?:done|completed|finished|accomplished|delivered|wrapped\s+up|signed\s+off|handed\s+over|fully\s+implemented|rectified|resolved|closed\s+out|closed)\b
        |\bcomplete\b|\brequest(?:ing)?\s+(?:closure|completion|sign-?off)\b|\b(?:is|are|went|now)\s+live\b
        |\bplease\s+close\b|\bclose\s+(?:this|it|the\s+item)\b|请予?(?:办结|销号)|申请关闭
        |\b(?:re)?opened\s+to\s+(?:the\s+public|traffic)\b|\bin\s+(?:service|operation)\b|\boperational\b
        |已(?:经)?[^,。;\d]{0,6}?(?:投入使用|投入运营|投入运行|投产|投用|通车|交付使用)|(?:已|已经|顺利|正式)(?:投产|生产|移交|交接|运营|营业|开园|上线|启用|开通)|(?:已|已经|顺利|正式|如期|按期)试?开馆|已经?(?:加上|加进去|加好)了?
        |\bjust\s+(?:updated|pushed|uploaded|published|added|released|submitted)\b|\bupdated\s+(?:it|this|that)\b|\b(?:can|could)\s+already\s+(?:use|try|test|install|download)\b
        |(?:已经?|均已|现已)[^,。;\d]{0,12}?(?:迁移|迁至|移至|搬至|改至)(?!工作)|\b(?:it|this|that)?\s*can\s+(?:now\s+)?be\s+closed\b|可以?(?:关闭|办结|销号)(?!吗)
        |(?:已|已经)恢复(?:通行|通车|供水|供电|供热|供暖|供气|使用|开放|(?!正常施工|施工|正常生产|生产|建设))|恢复(?:通行|通车|供水|供电|供热|供暖|供气|使用)(?!后)|(?<!不|无法|不能)可(?:放心)?通行
        |(?:修复|安装|恢复|清理|清运|拆除|处置|处理|配备|更换|维修|施工|铺设)(?:到位|完毕)
        |(?<!未|未能|没有|没|尚未|正在|逐步|有望|将|可望)得到(?:了)?(?:彻底|有效|妥善|圆满|根本|较好)?的?(?:解决|处理|整改|落实)
        |\b(?:appears|appear|seems|seem)\s+to\s+be\s+(?:complete|completed|done|finished)\b
        |已经?(?:全部)?(?:翻译|写|做|改|修|弄|搞|装|清理|整理|迁移)完(?![成毕工善整])|搞定了?|弄好了?|办好了|做完了|干完了|写完了?|寫完了?|搞完了|弄完了|(?:^|[\s,。!])(?:我|我们|我們)好了
        |(?:已经?|均已|现已)(?:新)?(?:更新|修改|修正|改好|修好|修复|清理|清扫|清运|粉刷|拆除|建成|重构|重写)(?![中了]?(?:中|工作))|(?:修复|解决|修改|修正|改)了(?:这个|该|此|你说的)?(?:问题|bug)
        |\b(?:stabili[sz]ed|superseded)\s+(?:by|in|via)\b|\bsquashed\b|\bwent\s+(?:smoothly|well|fine)\b|\b(?:is|are|has\s+been|have\s+been)\s+(?:now\s+)?updated\b|\bnow\s+(?:\w+\s+){0,3}updated\b
        |(?<![计預预将拟])(?:交付使用|投入使用|建成投用)|(?:已经?|此前已经?)(?:公布|发布|添加|增加|重新发送|解决)
        |\b(?:should|must)\s+be\s+(?:fixed|resolved|sorted|working)\s+now\b|\bsorted(?:\s+out)?\b|\b(?:we\s+)?can\s+merge\b
        |\b(?:update|release|version|fix|build|it)\s+is\s+(?:now\s+)?(?:available|out|up)\b|\b(?:it|this|that)(?:'s|\s+is)\s+(?:now\s+)?available\b|(?<!\bnot\s)\bavailable\s+now\b
        |(?<!\b(?:being|be|not|never|yet|until|unless|once|when|if)\s)(?<!n't\s)(?<!(?:n't|not)\s(?:yet\s)?been\s)\b(?:fixed|solved|resolved|addressed|merged|landed|shipped|released|deployed|published|implemented|erected|installed|emailed|repaired|replaced|corrected|restored|adjusted)\b
        |\b(?:pushed|merged|landed|deployed|committed)\s+(?:it\s+)?(?:to|into|in|on)\s+`?(?:dev|develop|main|master|prod|production|staging|trunk)\b
        |\b(?:i'm\s+|we're\s+|now\s+)?merging\b|\bclosing(?!\s+(?:date|time|ceremony|remarks|costs?|deadlines?))\b|\bin\s+place\b|\ball\s+set\b|\bworks\s+now\b
        |\b(?:just\s+)?created\s+(?:your|the|a|an)\b|\bprovided\s+to\b|(?<!\b(?:be|been|not)\s)\bapproved\s+(?:this|it|the\s+(?:pr|change|request)|by)\b|\breviewed\s+and\s+approved\b
        |\b(?:release|fix|patch|change|pr|it)\s+(?:made|shipped|released|deployed|published|landed|merged|cut)\b|\bpermit\s+(?:was\s+|has\s+been\s+)?granted\b
        |\b(?:all|everything|it|that|this)\s+works\b|\bworks\s+(?:fine|again|perfectly|great|properly)\b|\b(?:is|are|'s)\s+(?:now\s+)?working\s+(?:again|fine|properly|now)\b
        |(?:已经?|均已|现已|目前已)[^,。;\d]{0,12}?(?:清走|清除|清理干净|清运完|拆除完)|(?:已经?|均已|现已|目前已)(?:全部|全面)?(?:恢复)?正常(?:使用|运行|运转|供水|供电|通行|开放|照明)
        |恢复了?(?:往日的?|正常)(?!施工|生产|建设|推进|进度|秩序|开展|工作)|(?:重新)?恢复(?:了)?(?:光亮|照明|亮灯)|(?<![将拟])(?:作|做)了(?:相应的?)?(?:调整|修改|更换|处理)|(?<![将拟])印发了
        |(?:^|[\s,。!!])(?:已经?|都)?(?:改|修|换|装|清|弄|搞|处理)(?:好|完)?了(?=[!。!\s~]|$)
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex CompletionPattern();

    [GeneratedRegex(
        """
        等待|等候|待[^,。;]{0,12}?(?:批复|审批|审核|批准|核准|下达|下发|部署|同意|确认|审定|出台|明确|获批|交地|立项)
        |待[^,。;]{0,8}?(?:部门|单位|公司|政府|局|委|办|厅)|(?:关注|等待|等候|待)[^,。;]{0,6}?结果|(?:还在|正在|仍在|一直在|在)等(?!级|于|同)
        |(?:尚未|未|暂未|仍未|既未|迟迟未)予?(?:批复|获批|批准|审批|审核|核准|下达|拨付|同意)|资金(?:不|未|尚未)(?:到位|落实)|资金到位后|(?:未|没有)收到[^,。;]{0,6}?(?:反馈|回复|答复|批复)
        |\bwaiting\s+(?:for|on|to)\b|\bawaiting\b|\bpending\b|\black\s+of\b|\bshortage\s+of\b|\b(?:dependent|depends|depending)\s+on\b
        |\bno\s+(?:update|response|reply|answer|feedback)\s+(?:had\s+|has\s+)?(?:been\s+)?received\b|\b(?:had|has|have)\s+received\s+no\s+(?:response|reply|update|answer)\b|\b(?:did\s+not|didn't)\s+get\s+back\b
        |\bwill\s+learn\s+(?:from\s+(?:\w+\s+){1,3})?whether\b|\bwaiting\s+mode\b
        |(?:报批|审批|申报|请示|立项|材料)[^,。;]{0,8}?(?:已|现已)(?:报送|上报|呈报|提交)(?:至|到)?[^,。;]{0,10}?(?:省|国家|上级|部|厅|委)
        |(?:已|现已)(?:上报|报送|呈报|报请)(?:至|到)?(?:上级|省|国家)[^,。;]{0,20}?(?:审批|批复|批准|核准|立项|帮助|支持|协调)
        |需(?:要)?等(?:到|待)?[^。;]{1,24}?(?:才能|才可|方能|才会)
        |\bno\s+(?:feedback|response|reply|answer|update|word)\b[^.;!?\n]{0,40}?\b(?:to\s+date|yet|so\s+far|as\s+yet)\b|(?:尚|暂|仍|至今|迄今|目前)(?:无|没有|未有|未见)(?:任何)?(?:回复|答复|反馈|回音)
        |\b(?:haven't|hasn't|have\s+not|has\s+not|had\s+not|not)\s+(?:yet\s+)?(?:received|heard|gotten|got)\s+(?:any|a|an|back|anything|the\s+(?:materials?|documents?|plans?|quotes?|funds?|funding|approval|permit)|materials?|documents?|paperwork|plans|quotes|funds|funding|approval)\b|\bheard\s+nothing\b
        |\b(?:must|need|needs|has|have)\s+(?:still\s+|yet\s+)?(?:to\s+)?(?:vote\s+to\s+)?approve\b
        |待[^,。;]{0,10}?(?:购置|采购|到货|通电)(?:完毕|完成|到位)?
        |需[^,。;]{0,10}?(?:核准|审批|批准|批复)|需[^,。;]{0,14}?(?:部门|单位)[^,。;]{0,2}?(?:意见|同意|许可)|待[^,。;]{0,12}?(?:搬迁|拆迁|征迁|补偿|腾退)[^,。;]{0,4}?(?:后|完毕|到位|完成)|争取到资金后|(?:资金|经费)(?:筹措|争取)到位后
        |\bnot\s+a\s+(?:top\s+)?priority\s+for\s+(?:them|the\s+\w+)\b|\bwaiting\s+to\s+hear\b|\bneeds\s+to\s+have\s+(?:a|an|the)\s+\w+\s+review\b
        |\b(?:has|have|had)\s+not\s+(?:yet\s+)?been\s+(?:approved|signed|released|allocated|granted|issued|funded)\b
        |\bnot\s+(?:yet\s+)?(?:approved|funded|released|allocated)\b
        |待[^,。;]{0,10}?(?:资金|经费|款项|补助|筹资)[^,。;]{0,4}?(?:到位|下达|拨付|落实|筹集|筹措|完成)|(?:资金|经费|款项|自筹)[^,。;]{0,8}?(?:尚未|未|没有|还没有?|仍未)(?:完全)?(?:到位|下达|拨付|落实)
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex WaitingPattern();

    [GeneratedRegex(
        """
        (?:推进|进展|进度|施工)(?:较为|较|十分|非常|相对)?(?:缓慢|滞后)|延误|滞后|缓慢|影响了?(?:工程|项目|施工|整体)?进度|(?:因|由于|受)[^,。;]{1,20}?影响
        |\bdelayed\b|\bdelays?\b|\bbehind\s+schedule\b|\bslipp(?:ed|ing)\b|\blate\b
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex LaggingPattern();

    [GeneratedRegex(
        """
        推进中|进行中|实施中|施工中|建设中|办理中|开展中|筹备中|招标中|审批中|整改中|落实中|调研中|编制中|起草中|在建(?![议議])|在办
        |正在|正抓紧|正加紧|正积极|已启动|启动了|已开工|开工建设|已召开|召开了|已开展|开展了|已进场|已印发|印发了|已制定|制定了
        |已出台|已部署|已成立|已组建|已下达|已拨付|已签订|已签署|已形成|已经开始|已开始|开始实施|已着手
        |稳步推进|有序推进|加快推进|积极推进|持续推进|扎实推进|全力推进|全面推进|加紧推进|推进
        |(?:已|正式|现已|正)?(?:进入|转入|处于)[^,。;]{0,24}?阶段|(?<![真反公])正(?:在)?(?:办理|开展|推进|组织|实施|施工|建设|编制|进行|处于|着手|全力|有序|加快|按照|按)
        |已(?:经)?(?:全面|正式|顺利)?(?:启动|开工|动工|进场)|持续(?:整改|推进|开展|跟进|实施)|继续(?:进行|施工|推进|实施|开展|整改)|开始(?:进行|施工|实施|建设|大修|维修|修复|改造|铺装|铺设)
        |进度(?:明显|有所|进一步)?加快|已有\d+[^,。;]{0,10}?(?:开工|启动|完成|建成|办结)|(?<!未|尚未|没有|没)开工(?:建设)?\s*\d+\s*[个项处座所家]
        |尚在|仍在|[一二三四五六七八九十]分之[一二三四五六七八九]
        |(?<!完成[^,。;]{0,10})封顶|施工至|(?:正式|顺利|全面|现已全面|已全面)?(?<![未没不])(?:开工|复工)|进度恢复正常|恢复(?:正常)?施工|(?:目前|现|正)在[^,。;]{0,12}?阶段
        |(?:完善|修改|优化|调试|测试|开发|修复|处理|核实|采购|协调|设计|排查)中|(?:明天|后天|下周|回头|晚点)[^,。;]{0,6}?继续
        |(?:按|按照)[^,。;]{0,20}?(?:施工|实施)
        |\bcurrently\s+\w{3,}ing\b|\b(?:we're|we\s+are|i'm|i\s+am|they're|they\s+are)\s+(?:still|currently)\s+\w{3,}ing\b|\b(?:under|in)\s+review\b|\brolling\s+out\b
        |\bstill\s+(?:plenty|a\s+lot|lots|some\s+work|work)\s+(?:left\s+)?(?:to\s+do|left)\b|\b(?:really|very|pretty|so|getting)\s+close\b
        |\bhas\s+taken\s+place\b|\btenders?\s+(?:were\s+|have\s+been\s+)?received\b
        |(?:获得|取得|拿到)[^,。;]{0,12}?(?:批复|批准|核准|许可)|\bwinning\s+bid(?:der)?\b|\b(?:contract|bid|tender)s?\s+(?:was\s+|were\s+|has\s+been\s+|have\s+been\s+)?awarded\b
        |进展顺利|进展良好|进展正常|按计划|按序时|按进度|过半|一半|大部分|基本完成|初步完成|部分完成|阶段性
        |\bin\s+progress\b|\bunder\s?way\b|\bongoing\b|\bon\s+track\b|\bon\s+schedule\b|\bstarted\b|\bbegun\b|\bbegan\b
        |(?<!\b(?:start|starting|begin|to)\s)\bworking\s+on\b|\bprogress(?:ing|ed)?\b|\bhalf(?:way)?\b|\bpartially\b|\bpartly\b|\bunder\s+construction\b
        |\bbeing\s+\w+ed\b|(?<=\b(?:is|are|'s)\s)getting\s+\w+ed\b|下一步(?:将|要)?(?:进行|转入|进入)|\bproceeding\b|\bmoving\s+forward\b|\bmost\s+of\b|\bso\s+far\b|\bcontinu(?:e|es|ing)\b
        |\b(?:one|two)[\s-]+thirds?\b|\bthree[\s-]+quarters\b|\ba\s+quarter\b|\bmostly\b|\bnearly\b|\balmost\b
        |\bimplementing\b|\bin\s+the\s+process\s+of\b|\bkicked\s+off\b|\blaunched\b|\bdrafting\b|\bconvened\b|\bwip\b
        |\bstill\s+(?:in\s+discussions?|working|talking|discussing|negotiating)\b|\bin\s+discussions?\s+with\b|\bone\s+(?:final|last|more)\s+(?:review|step|thing|pass)\b|\bnearing\s+completion\b
        |\bhave\s+(?:held|issued|drafted|set\s+up|hired|convened)\b|\bvoted\s+(?:unanimously\s+)?(?:in\s+favou?r\s+of|to\s+(?:approve|award|accept|fund))\b|\b(?:now\s+)?resuming\s+(?:work|development)\b
        |截[至止](?:目前|今|现在)(?:为止)?,?(?=[^。;\n]*?\d+(?:\.\d+)?\s*(?:余|多)?(?:处|个|件|块|盏|米|项|条|户|家|次|车次|名|人次|万元|亿元|平方米|公里|座|所|栋|套))(?![^。;\n]*?(?:全部|全数|全面|均已|所有|年度目标|全年任务|目标任务|100\s*%))
        |(?:已|已经|正在|正|积极)(?:和|与|同|向)[^,。;]{0,10}?(?:沟通|协调|对接|联系|衔接|反映)
        |\bcoming\s+along\b|\bjust\s+(?:doing|finishing|wrapping|cleaning|polishing|fixing|adding|testing)\b|\bfinal\s+(?:clean[\s-]?up|round|pass|touches)\b|\bpunch[\s-]?list\b
        |\bworking\s+through\b|\b(?:are|is|am)\s+(?:now\s+)?preparing\b|\bcontinued\b|\b(?:have|has)\s+returned\s+to\b|\bback\s+(?:on|to)\s+(?:it|this|work)\b
        |正?忙着|忙于|已实施|接下来继续|(?:将|会)?继续(?:翻译|更新|完善|开发|修改|处理|跟进|推动|督促|协调|办理|申报|报批|对接)|(?:时间|一直|还|都)在(?:搞|弄|做|写|改|修|翻译|开发|重写|重构)(?![完好])|正对[^,。;]{1,20}?进行|对[^,。;]{1,20}?进行[^,。;]{0,6}?(?:改造|整治|施工|排查|建设)
        |(?:^|[.!,;:]\s*)(?:i'm\s+|i\s+am\s+|we're\s+|we\s+are\s+)?on\s+it\b|\b(?:i'm|i\s+am|we're|we\s+are|am|are|is|currently|now)\s+(?:still\s+)?(?:looking\s+into|investigating|digging\s+into|on)\s+(?:it|this|that|the\s+issue)\b|\blooking\s+into\s+(?:it|this|that)\b
        |在(?:办|弄|做|处理|跟进|改|修|搞|推进|落实)了|(?:现已|已|正式)(?:进入|转入)[^,。;]{0,20}?(?:施工|建设|安装|调试|装修)
        |\bunder\s+(?:development|study|discussion|consideration)\b|\bstill\s+(?:happening|going\s+on)\b|\bfollowing\s+up\b|\bworking\s+hard\b
        |\b(?:is|was|has\s+been|have\s+been|has\s+now\s+been|have\s+now\s+been|are|were)\s+(?:signed|approved|awarded|issued|tendered|procured|appointed|submitted)\b|\b\d+\s+(?:out\s+)?of\s+(?:the\s+)?\d+\b
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex InProgressPattern();

    [GeneratedRegex(
        """
        审计|验收|结算|决算|审核|评估|总结|归档|备案|移交|交付|巩固|复核|核查|核验|销号|初验|试运行|运营|运行|资料整理|收尾|扫尾|评审|绩效评价|长效机制|常态化|申请办结|申请销号
        |\baudit|\bacceptance\b|\binspection\b|\bsign-?off\b|\bhandover\b|\bfinal\s+accounts?\b|\breview\b|\bevaluation\b|\bpaperwork\b|\bdocumentation\b
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex AfterCompletionPattern();

    [GeneratedRegex(
        @"^(?:已召开|召开了|已印发|印发了|已制定|制定了|已出台|已部署|已成立|已组建|已下达|已拨付|已签订|已签署|已形成|convened|have\s+\w+|(?:is|was|has\s+been|have\s+been|are|were)\s+\w+)",
        RegexOptions.CultureInvariant,
        TimeoutMs)]
    private static partial Regex StepPattern();

    // Round 12 (docs/evaluation/status-forms.md): general ways to say done that the batches had not yet shown — 已更换, 已补齐,
    // 报告已经交了, 完竣 (Taiwan), 修好了, 路灯亮了; "good to go", "ticked off", "has been cleared", "taken care of", "up and running".
    // A pattern of its own so that CompletionPattern does not outgrow the extension request one.
    [GeneratedRegex(
        """
        (?:已经?|均已|现已)(?:全部)?(?:更换|安装|补齐|补足|补全|加装|增设|疏通|修补|修缮)(?![中了]?(?:中|工作))|已(?:经)?(?:按要求|按时|如期)?(?:报送|上交|交)了?(?=[,。;!\s]|$)
        |发给(?:你|您|你们)了|(?:已|顺利|圆满)收官|完竣|(?<![没未不快要将会能还])(?:修|装|换|改|弄|搞|做|处理|调|接)好了(?![吗么没])|(?:已经?|现在已?经?|都)(?:亮|通)了(?![吗么])
        |\bgood\s+to\s+go\b|\b(?:ticked|checked|crossed)\s+(?:(?:it|this|that)(?:\s+one)?\s+)?off\b|\bcross\s+(?:it|this|that)(?:\s+one)?\s+off\b|\bknocked\s+(?:(?:it|this|that)(?:\s+one)?\s+)?out\b
        |\b(?:was|were|has\s+been|have\s+been)\s+carried\s+out\b|(?<!\b(?:not|yet|been)\s)\bactioned\b|\bwent\s+out\s+(?:in|with|on)\b
        |\b(?:has|have)\s+(?:now\s+)?been\s+(?:cleared|removed|repainted|trimmed|finali[sz]ed|emptied|collected|mowed|swept|cleaned|patched|painted|cut\s+back)\b
        |\b(?:was|were)\s+(?:cleared|removed|repainted|trimmed|finali[sz]ed|emptied|collected|mowed|swept|cleaned|patched|painted|cut\s+back)\b
        |\bopen\s+to\s+(?:the\s+public|traffic)\b|\btaken\s+care\s+of\b|\bready\s+to\s+(?:close|be\s+closed)\b|\bup\s+and\s+running\b|\bhooked\s+up\b|\bnailed\s+it\b|\bover\s+the\s+line\b
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex CompletionMorePattern();

    // Round 12: work going on said without a progress word — 快好了, 差不多了, 还差最后一段, 陆续进场, 已展开, 还在施工, 正常施工;
    // "crews are on site", "chipping away", "getting there", "moving along", "in QA", "tender is out", "two left to go", "PR is up".
    [GeneratedRegex(
        """
        快(?:好|完|弄完|搞完|做完|修好)了(?![吗么])|差不多了|还差(?:最后|一点|一些)|(?:陆续|逐步)(?:到场|到位|进场|开展|推进|实施|完工)|(?:已|全面|正式)展开
        |(?:还|仍|一直)在(?:施工|推进|进行|办理|建设|调试|整改|测试|处理)|(?<!恢复)正常(?:施工|推进)(?!后)
        |\b(?:crews?|contractors?|workers|teams?|engineers)\s+(?:are|is)\s+(?:now\s+)?on\s+site\b|\bchipping\s+away\b|\bgetting\s+there\b|\bmoving\s+(?:along|ahead|again)\b|\bpressing\s+on\b
        |\btesting\s+(?:it\s+|this\s+)?now\b|\bin\s+(?:qa|uat|staging|testing)\b|\btender\s+is\s+out\b|\bout\s+to\s+tender\b|\btender\s+(?:was\s+|has\s+been\s+)?advertised\b|\bmid-?\s?way\b
        |\b(?:one|two|three|four|five|\d+|a\s+few|a\s+couple)\s+(?:more\s+)?(?:\w+\s+)?(?:left\s+to\s+go|to\s+go|left|remain)\b|\bslow\s+going\b|\bpr\s+is\s+(?:up|open)\b
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex InProgressMorePattern();

    // Round 12: a start planned without a start word — 将于明年1月施作 (Taiwan); "planned for Q2", "pencilled in", "queued behind",
    // "on my to-do list". A date given for the item with a be-verb ("works are scheduled for March") stays a forecast.
    [GeneratedRegex(
        """
        (?<!后)(?:将|将于|拟于|计划于?)[^,。;]{0,12}?施作
        |(?<!\b(?:is|are|was|were|be|been|being)\s)\b(?:planned|scheduled|programmed|slotted\s+in)\s+for\b|\bpencil(?:l)?ed\s+in\b|\bwill\s+be\s+programmed\b
        |\bqueued\s+(?:behind|up|for)\b|\bin\s+the\s+queue\b|\bon\s+(?:my|our|the)\s+to-?\s?do\s+list\b|\bon\s+(?:my|our)\s+list\b
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        TimeoutMs)]
    private static partial Regex PlannedMorePattern();

    /// <summary>
    /// Whether a cue stands in a question ("Is this done?", 这个已经完成了吗？) that is not a request ("Can we extend to 15 December?",
    /// 能否宽限几天): a question reports nothing, so whatever status it names is asked (round 12).
    /// </summary>
    public static bool IsQuestion(string folded, Cue cue)
    {
        var (from, to) = Sentence(folded, cue.Start, cue.End);
        var asked = (to < folded.Length && folded[to] == '?') || QuestionEnd().IsMatch(folded.AsSpan(from, to - from));
        return asked && !Request().IsMatch(folded.AsSpan(from, to - from));
    }

    [GeneratedRegex(@"(?:吗|么)\s*$", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex QuestionEnd();

    [GeneratedRegex(@"\b(?:can|could|may|might)\s+(?:we|i)\b|\bwould\s+it\s+be\s+(?:ok|okay|possible|alright|fine)\b|能否|可否|能不能|可不可以|是否可以|(?<!申)请", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Request();

    /// <summary>Whether a waiting cue waits on what follows completion (等待验收, "awaiting sign-off"): then the work is done.</summary>
    public static bool WaitsOnAcceptance(string folded, Cue cue)
    {
        var end = Math.Min(folded.Length, cue.End + 12);
        return AcceptancePattern().Match(folded, cue.End, end - cue.End).Success;
    }

    [GeneratedRegex(@"^[^,。;]*?(?:验收|审计|结算|决算|销号|sign-?off|acceptance|final\s+inspection|handover|paperwork|walk-?through)", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex AcceptancePattern();

    // 已完成年度目标 / 已完成各项任务: the object is the whole task.
    [GeneratedRegex(@"\G[^,。;\d]{0,6}?(?:目标|任务)(?:[,。;!]|$)", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex WholeTask();

    [GeneratedRegex(@"\G\s+(?:the|a|an|phase|stage|step|first|initial|preliminary|part|its|our|their|some|most|design|survey|drafting|\d|(?:on|in|at|for)\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|some|most|part|half))", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex PartialObject();
}
