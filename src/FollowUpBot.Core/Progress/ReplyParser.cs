using System.Globalization;
using System.Text.RegularExpressions;

namespace FollowUpBot.Progress;

/// <summary>
/// Reads a free-text progress reply ("2 已完成 已印发实施方案", "#3 blocked: waiting for budget",
/// "特申请延期至10月20日") into a <see cref="ParsedReply"/>. Pure: no I/O, no clock (today comes in the
/// context). When several cues disagree, an extension request wins over blocked, blocked over a
/// completion, a completion over in progress, and in progress over not started; a partial percentage
/// ("已完成主体工程的80%") is progress, not completion; a forecast ("预计9月底完工") is progress, not an
/// extension. It never guesses an item: several numbers, or a number the sender may not report on,
/// leave the item empty and the reply ambiguous.
/// </summary>
internal static partial class ReplyParser
{
    /// <summary>Replies are read this far (a report is a few sentences); the note keeps the whole text.</summary>
    public const int MaxAnalysedLength = 4000;

    // How far after 申请延期 / 延期至 the new date may be written.
    private const int RequestDateWindow = 30;
    private const int DirectionalDateWindow = 6;

    /// <summary>Below this confidence the bot asks the sender to confirm the status with a picker instead of storing it.</summary>
    public const double ConfirmBelow = 0.7;

    /// <summary>The most a status named only in a question can have: below <see cref="ConfirmBelow"/>, so the bot asks.</summary>
    private const double QuestionConfidence = 0.6;

    public static ParsedReply Parse(string? text, ReplyContext context) =>
        Parse(text, context, ReplyClassifier.Default, ReplyLearnedPolicy.Chosen);

    /// <summary>Reads a reply with the given learned fallback; null reads with the rules alone (cross-validation compares both).</summary>
    /// <remarks>
    /// The first match of a large generated pattern compiles it inside the scan its timeout measures, and on a busy machine
    /// that alone can pass the one-second budget; so a timeout is read again once, warm. A second timeout is the pattern's
    /// own and propagates (the bot then asks with the picker: <c>ReplyReader</c>). <see cref="Warm"/> spares the first
    /// sender that wait.
    /// </remarks>
    public static ParsedReply Parse(string? text, ReplyContext context, ReplyClassifier? learned, ReplyLearnedPolicy policy) =>
        OnceMoreOnTimeout(() => Read(text, context, learned, policy));

    /// <summary>Reads a reply in each language once, so that every pattern is compiled before the first sender's reply.</summary>
    public static void Warm()
    {
        var context = new ReplyContext(new DateOnly(2026, 1, 5), [1, 2], 1);
        _ = Parse("2 正在推进，因资金未到位暂缓，申请延期至3月31日", context);
        _ = Parse("#1 blocked: waiting on the permit, pushed back to Friday, 60% done", context);
    }

    /// <summary>The value read, or read a second time when the first read's pattern timed out.</summary>
    internal static T OnceMoreOnTimeout<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (RegexMatchTimeoutException)
        {
            return read();
        }
    }

    private static ParsedReply Read(string? text, ReplyContext context, ReplyClassifier? learned, ReplyLearnedPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(policy);
        var original = text ?? string.Empty;
        var analysed = original.Length > MaxAnalysedLength ? original[..MaxAnalysedLength] : original;
        var folded = ReplyText.Fold(analysed);
        var evidence = new List<ReplyEvidence>();

        var markers = new List<ItemMarker>(ReplyItemMarkers.Find(analysed, folded, out var leading));
        var bodyStart = leading is null ? 0 : leading.Start + leading.Length;

        var undo = UndoPattern().Match(folded, bodyStart);
        if (undo.Success)
        {
            if (undo.Groups["n"].Success && ReplyText.ParseNumber(undo.Groups["n"].ValueSpan) is { } undone and > 0)
            {
                markers.Add(new ItemMarker(undone, undo.Groups["n"].Index, undo.Groups["n"].Length, "undo"));
            }

            evidence.Add(new ReplyEvidence(Cut(original, undo.Index, undo.Length).Trim(), "undo the last report"));
            return DecideItem(new ParsedReply(null, null, null, null, null, null), markers, original, context, evidence) with
            {
                Undo = true,
                Evidence = evidence,
            };
        }

        var cues = ReplyCues.Find(folded);
        // "I am working on it … UPDATE: Work is complete": a later update that says anything of the status is the state now (round 10).
        if (ReplyCues.LastUpdate(folded) is var update and > 0 && cues.Exists(c => c.Start > update && StatusOf(c.Kind) is not null))
        {
            cues = cues.FindAll(c => c.Start > update);
        }

        var percents = ReplyPercents.FindAll(folded);
        var percent = ReplyPercents.Pick(folded, percents);
        var dates = ReplyDates.Find(folded, context.Today);
        var extension = FindExtension(folded, cues, dates);

        var decision = Learned(AskWhenSorryAndLate(DecideStatus(folded, original, cues, percent, extension, evidence), folded, extension?.Date), folded, cues, learned, policy, evidence);
        var status = decision.Status;
        if (percent is not null)
        {
            evidence.Add(new ReplyEvidence(Cut(original, percent.Start, percent.Length), $"progress {percent.Value.ToString(CultureInfo.InvariantCulture)}%"));
        }

        DateOnly? newDue = null;
        string? newDueText = null;
        // An extension read from an apology and a new target takes the latest date still ahead as the new due date.
        // A learned extension takes no date: the picker asks for it rather than guess from dates the rules did not tie to a request.
        var target = status == ReplyStatus.Extension && extension is null
            ? (decision.Learned ? null : dates.LastOrDefault(d => d.Value >= context.Today))
            : extension?.Date;
        if (status == ReplyStatus.Extension && target is { } due)
        {
            newDue = due.Value;
            newDueText = Cut(original, due.Start, due.Length);
            evidence.Add(new ReplyEvidence(newDueText, $"new due date {due.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"));
        }

        var severalItems = markers.Select(m => m.Number).Distinct().Skip(1).Any();
        var note = Note(original, folded, severalItems ? 0 : bodyStart, cues, percents, extension);
        var parsed = new ParsedReply(null, status, percent?.Value, newDue, newDueText, note)
        {
            Confidence = decision.Confidence,
            Cues = decision.Cues,
        };
        return DecideItem(parsed, markers, original, context, evidence) with { Evidence = evidence };
    }

    private static ParsedReply DecideItem(ParsedReply parsed, List<ItemMarker> markers, string original, ReplyContext context, List<ReplyEvidence> evidence)
    {
        var numbers = markers.Select(m => m.Number).Distinct().ToList();
        if (numbers.Count == 1)
        {
            var marker = markers[0];
            var itemText = Cut(original, marker.Start, marker.Length).Trim();
            var number = numbers[0];
            if (context.OpenItems is { } open && !open.Contains(number))
            {
                evidence.Add(new ReplyEvidence(itemText, $"item {Num(number)} is not one the sender may report on"));
                return parsed with { ItemText = itemText, Ambiguous = true, MentionedItems = numbers };
            }

            evidence.Add(new ReplyEvidence(itemText, $"item {Num(number)}"));
            return parsed with { Item = number, ItemText = itemText, ItemSource = ReplyItemSource.Marker, MentionedItems = numbers };
        }

        if (numbers.Count > 1)
        {
            evidence.Add(new ReplyEvidence(string.Join(", ", markers.Select(m => Cut(original, m.Start, m.Length).Trim()).Distinct()), "several items: ask which"));
            return parsed with { Ambiguous = true, MentionedItems = numbers };
        }

        if (context.DefaultItem is { } fallback)
        {
            evidence.Add(new ReplyEvidence(string.Empty, $"no item named: item {Num(fallback)} of the reminder answered"));
            return parsed with { Item = fallback, ItemSource = ReplyItemSource.Default };
        }

        if (context.OpenItems is { Count: 1 } only)
        {
            var single = only.First();
            evidence.Add(new ReplyEvidence(string.Empty, $"no item named: item {Num(single)}, the sender's only open item"));
            return parsed with { Item = single, ItemSource = ReplyItemSource.OnlyOpenItem };
        }

        evidence.Add(new ReplyEvidence(string.Empty, "no item named: ask which"));
        return parsed with { Ambiguous = true };
    }

    private static Decision DecideStatus(
        string folded,
        string original,
        List<Cue> cues,
        PercentMention? percent,
        (Cue Cue, DateMention? Date)? extension,
        List<ReplyEvidence> evidence)
    {
        void Because(Cue cue, string meaning) => evidence.Add(new ReplyEvidence(Cut(original, cue.Start, cue.Length), meaning));
        Decision Decide(ReplyStatus status, double confidence, params Cue?[] deciding)
        {
            var words = deciding.OfType<Cue>().Select(c => Cut(original, c.Start, c.Length).Trim()).Where(w => w.Length > 0).Distinct().ToList();

            // Cues of other statuses that were outweighed make the reading less sure.
            var others = cues.Count(c => c.Kind is not (CueKind.Neutral or CueKind.Forecast) && StatusOf(c.Kind) is { } other && other != status);
            var sure = Math.Max(0.3, confidence - (0.1 * Math.Min(others, 3)));

            // A status named in a question ("Is this done?", 完成了吗？) is not reported: asked (round 12).
            if (deciding.OfType<Cue>().Any(c => ReplyCues.IsQuestion(folded, c)))
            {
                sure = Math.Min(sure, QuestionConfidence);
            }

            return new Decision(status, Math.Round(sure, 2), words);
        }

        foreach (var neutral in cues.Where(c => c.Kind == CueKind.Neutral))
        {
            Because(neutral, "not a status word here");
        }

        foreach (var forecast in cues.Where(c => c.Kind == CueKind.Forecast))
        {
            Because(forecast, "a forecast, not a completion or a new due date");
        }

        if (extension is { } ext)
        {
            Because(ext.Cue, "extension request");
            if (ReplyCues.Hedges(folded) || ReplyCues.IsResumption(folded, ext.Cue) || ReplyCues.IsPutOff(folded, ext.Cue))
            {
                // A hedged new date is a guess, a pause until work resumes reads as a block too, and 鸽 is slang (round 11):
                // asked with the picker, pre-filled, rather than stored.
                return Decide(ReplyStatus.Extension, 0.65, ext.Cue);
            }

            return Decide(ReplyStatus.Extension, ext.Date is null ? 0.85 : 0.95, ext.Cue);
        }

        var partialPercent = percent is { Value: > 0 and < 100 };
        var progress = cues.Where(c => c.Kind == CueKind.InProgress).ToList();
        var forecasts = cues.Where(c => c.Kind == CueKind.Forecast && !ReplyCues.IsAfterCompletion(folded, c)).ToList();
        // Work goes on when a progress cue says so on its own, not as the object of a block (无法推进).
        var workGoesOn = partialPercent || forecasts.Count > 0 || ReplyCues.PushesOn(folded)
            || progress.Exists(c => ReplyCues.IsOngoing(folded, c)
                && !cues.Exists(b => b.Kind == CueKind.Blocked && b.End <= c.Start && c.Start - b.End <= 2));

        // A difficulty that only explains a delay the work is getting over, or a stop that is over, is not a block.
        var blocks = cues.Where(c => c.Kind == CueKind.Blocked).ToList();
        foreach (var overcome in blocks.Where(c => ReplyCues.IsOvercome(folded, c, workGoesOn)).ToList())
        {
            Because(overcome, "a delay or stop the work is getting over: not blocked now");
            blocks.Remove(overcome);
        }

        // A difficulty told before the sentence that says the work is now done (未能如期进行工程…现时其单位渗漏问题已解决) is
        // over: the reply ends on a whole completion, after every block (round 9).
        if (blocks.Count > 0
            && cues.LastOrDefault(c => c.Kind != CueKind.Neutral) is { Kind: CueKind.Completion } done
            && blocks.TrueForAll(b => b.End <= done.Start && (HasBreak(folded, b.End, done.Start) || folded.IndexOf(". ", b.End, done.Start - b.End, StringComparison.Ordinal) >= 0))
            && !ReplyCues.IsPart(folded, done) && !ReplyCues.IsPartial(folded, done) && !ReplyCues.IsCondition(folded, done))
        {
            foreach (var over in blocks)
            {
                Because(over, "a difficulty told before the work was done: over");
            }

            blocks.Clear();
        }

        if (blocks.Count > 0)
        {
            Because(blocks[0], "blocked");
            // A difficulty told before a plan (基于财政困难…计划明年安排资金进行改造) may be why the start is planned later: asked.
            return Decide(ReplyStatus.Blocked, ReplyCues.IsBeforePlan(folded, blocks[0], cues) ? 0.65 : 0.85, blocks[0]);
        }

        // A part done ("完成了80%", "已完成主体工程的80%", "已完成路面铺设12公里，占计划的62%") is progress;
        // a rate of something else ("接种率达到95%，已完成年度目标") does not undo a whole completion.
        var completions = Completions(cues);
        var wholes = completions.Where(c => !ReplyCues.IsPart(folded, c)).ToList();
        // A report against targets is done only when every target is met (为目标任务的101%…94%… is progress).
        var shares = ReplyCues.TargetShares(folded);
        var shareShort = shares.Exists(s => s < 100);
        var shareMet = shares.Count > 0 && !shareShort;
        var partialOfWork = shareShort || (partialPercent && (percent!.OfProgress
            || wholes.Exists(c => SameClause(folded, c.Start, percent.Start) || ReplyCues.IsPartial(folded, c))));
        var beforeCompletion = progress.Where(c => !ReplyCues.IsAfterCompletion(folded, c)).ToList();

        // Work still going on, or a completion still forecast ("主体已完成，预计年底全部完工"), outweighs a
        // reported completion; a step taken (已印发) or what follows completion (正在审计) does not.
        // A promise to act at once told before the work it led to (随即安排施工人员…连夜施工完毕) is the story of a finished job.
        var plannedStart = cues.Find(c => c.Kind == CueKind.PlannedStart
            && !(ReplyCues.IsPromise(folded, c) && cues.Exists(d => d.Kind == CueKind.Completion && d.Start > c.End)));
        var stillGoing = beforeCompletion.Exists(c => ReplyCues.IsOngoing(folded, c)) || forecasts.Count > 0 || plannedStart is not null;
        var notDone = cues.Exists(c => c.Kind == CueKind.NegatedCompletion);
        var accepting = cues.Find(c => c.Kind == CueKind.Waiting && ReplyCues.WaitsOnAcceptance(folded, c));
        var completion = stillGoing || notDone
            ? null
            : wholes.Find(c => !ReplyCues.IsPartial(folded, c)) ?? wholes.FirstOrDefault() ?? accepting;
        if (!partialOfWork && (completion is not null || ((percent is { Value: 100 } || shareMet) && !stillGoing)))
        {
            if (completion is not null)
            {
                Because(completion, completion.Kind == CueKind.Waiting
                    ? "waiting only for acceptance: done, a completion request"
                    : "done: a completion request (only organisers close)");
                var alone = completion.Kind != CueKind.Waiting && !ReplyCues.IsPartial(folded, completion);
                return Decide(ReplyStatus.CompletionRequested, alone ? 0.9 : 0.75, completion);
            }

            return Decide(ReplyStatus.CompletionRequested, 0.8);
        }

        if (partialOfWork && completions.Count > 0)
        {
            Because(completions[0], "done with only part of the work: in progress");
        }
        else if (completions.Count > 0 && (stillGoing || wholes.Count == 0))
        {
            Because(completions[0], "a finished step or part while work goes on: in progress");
        }

        // A wait the reply says is over (资金未到位…资金到位后，目前已复工) is no block, as a stop that is over is not (round 14).
        if (cues.Find(c => c.Kind == CueKind.Waiting && !ReplyCues.IsOverAfter(folded, c)) is { } waiting)
        {
            Because(waiting, "waiting on someone else: blocked");
            return Decide(ReplyStatus.Blocked, 0.75, waiting);
        }

        // A late reply with an apology and a new target asks for more time, though it never says 延期.
        if (ReplyCues.LateWithTarget(folded) is { } late)
        {
            var cue = new Cue(CueKind.ExtensionRequest, late.Index, late.Length);
            Because(cue, "late, with an apology and a new target: an extension request");
            return Decide(ReplyStatus.Extension, 0.65, cue);
        }

        // A forecast alone means work under way, unless the reply says it has not started ("尚未开工，预计明年完工")
        // or that the start is still planned ("这周开始，争取春节前搞完").
        var notStarted = cues.Find(c => c.Kind == CueKind.NotStarted);
        // A finished step that did not make the item done still means work has begun.
        var going = progress.FirstOrDefault()
            ?? cues.Find(c => c.Kind == CueKind.NegatedCompletion)
            ?? ((notStarted ?? plannedStart) is null ? cues.Find(c => c.Kind == CueKind.Forecast) : null)
            ?? ((notStarted ?? plannedStart) is null ? completions.FirstOrDefault() : completions.Find(c => ReplyCues.IsPart(folded, c)));
        if (going is not null || partialPercent || shareShort)
        {
            if (going is not null)
            {
                Because(going, going.Kind switch
                {
                    CueKind.NegatedCompletion => "not done yet: in progress",
                    CueKind.Completion => "part of the work done: in progress",
                    _ => "in progress",
                });
            }

            var sure = going?.Kind switch
            {
                CueKind.InProgress => 0.85,
                CueKind.NegatedCompletion or CueKind.Completion => 0.75,
                CueKind.Forecast => 0.65,
                _ => 0.7,
            };
            return Decide(ReplyStatus.InProgress, sure, going);
        }

        // Work handed in late with no new target is delivered: the lateness is over (round 8).
        if ((notStarted ?? plannedStart) is null && ReplyCues.LateHandIn(folded) is { } handedIn)
        {
            var cue = new Cue(CueKind.Completion, handedIn.Index, handedIn.Length);
            Because(cue, "handed in late, with no new target: a completion request");
            return Decide(ReplyStatus.CompletionRequested, 0.65, cue);
        }

        // A delay with a start still planned ("the latest delay is due to rain; repairs start tomorrow") has not started.
        if (cues.Find(c => c.Kind == CueKind.Lagging) is { } lagging && (notStarted ?? plannedStart) is null)
        {
            Because(lagging, "behind schedule with no sign of work going on: blocked");
            return Decide(ReplyStatus.Blocked, 0.55, lagging);
        }

        if ((notStarted ?? plannedStart) is { } notYet)
        {
            // Not started for a reason given in the same sentence (因审批手续办理周期长…尚未开工) is a block.
            if (notYet.Kind == CueKind.NotStarted && ReplyCues.HasCause(folded, notYet))
            {
                Because(notYet, "not started for a reason given: blocked");
                return Decide(ReplyStatus.Blocked, 0.65, notYet);
            }

            if (notYet.Kind == CueKind.PlannedStart && ReplyCues.IsPromise(folded, notYet))
            {
                Because(notYet, "a promise to act at once: not started, asked");
                return Decide(ReplyStatus.NotStarted, 0.6, notYet);
            }

            Because(notYet, notYet.Kind == CueKind.PlannedStart ? "start still planned: not started" : "not started");
            return Decide(ReplyStatus.NotStarted, notYet.Kind == CueKind.PlannedStart ? 0.7 : 0.85, notYet);
        }

        return percent is { Value: 0 } ? Decide(ReplyStatus.NotStarted, 0.6) : Decision.None;
    }

    private static ReplyStatus? StatusOf(CueKind kind) => kind switch
    {
        CueKind.NegatedCompletion or CueKind.InProgress => ReplyStatus.InProgress,
        CueKind.NotStarted or CueKind.PlannedStart => ReplyStatus.NotStarted,
        CueKind.ExtensionRequest or CueKind.ExtensionTo => ReplyStatus.Extension,
        CueKind.Blocked or CueKind.Waiting or CueKind.Lagging => ReplyStatus.Blocked,
        CueKind.Completion => ReplyStatus.CompletionRequested,
        _ => null,
    };

    /// <summary>The status read, how sure the parser is of it, and the words that decided it.</summary>
    private sealed record Decision(ReplyStatus? Status, double Confidence, IReadOnlyList<string> Cues)
    {
        /// <summary>The learned classifier decided the status, not the rules.</summary>
        public bool Learned { get; init; }

        public static Decision None { get; } = new(null, 0, []);
    }

    /// <summary>
    /// The first extension cue with its date: 延期至/"postpone to" counts only with a date right after it;
    /// 申请延期/"requesting an extension" counts with or without one.
    /// </summary>
    private static (Cue Cue, DateMention? Date)? FindExtension(string folded, List<Cue> cues, IReadOnlyList<DateMention> dates)
    {
        Cue? request = null;
        foreach (var cue in cues)
        {
            if (cue.Kind is not (CueKind.ExtensionRequest or CueKind.ExtensionTo))
            {
                continue;
            }

            // The time a pause ends is when work resumes, not a new due date.
            if (ReplyCues.IsResumption(folded, cue))
            {
                request ??= cue;
                continue;
            }

            var window = cue.Kind == CueKind.ExtensionTo ? DirectionalDateWindow : RequestDateWindow;
            var from = cue.End + DateLead().Match(folded, cue.End).Length;
            var date = dates.FirstOrDefault(d => d.Start >= cue.End && d.Start - from <= window && !HasBreak(folded, cue.End, d.Start));
            if (date is not null)
            {
                return (cue, date);
            }

            if (cue.Kind == CueKind.ExtensionRequest)
            {
                request ??= cue;
            }
        }

        return request is null ? null : (request, null);
    }

    private static List<Cue> Completions(List<Cue> cues) => cues.Where(c => c.Kind == CueKind.Completion).ToList();

    private static bool SameClause(string folded, int a, int b)
    {
        for (var i = Math.Min(a, b); i < Math.Max(a, b); i++)
        {
            if (ReplyText.IsSentenceBreak(folded[i]) || folded[i] == ',')
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasBreak(string folded, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (ReplyText.IsSentenceBreak(folded[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The reply without its item marker and the status words that lead it ("推进中 60%", "blocked:"),
    /// when those stand alone; a reply that opens with a sentence keeps the whole sentence.
    /// </summary>
    private static string? Note(
        string original,
        string folded,
        int start,
        List<Cue> cues,
        List<PercentMention> percents,
        (Cue Cue, DateMention? Date)? extension)
    {
        var labels = new List<(int Start, int End)>();
        foreach (var cue in cues)
        {
            if (cue.Kind is not (CueKind.Neutral or CueKind.Forecast or CueKind.Waiting or CueKind.Lagging))
            {
                labels.Add((cue.Start, cue.End));
            }
        }

        foreach (var p in percents)
        {
            labels.Add((p.Start, p.Start + p.Length));
        }

        if (extension is { Date: { } date } ext && DateLink().Match(folded, ext.Cue.End, date.Start - ext.Cue.End) is { Success: true } link && link.Length == date.Start - ext.Cue.End)
        {
            labels.Add((ext.Cue.Start, date.Start + date.Length));
        }

        var pos = start;
        while (true)
        {
            pos = SkipSeparators(folded, pos);
            var end = -1;
            foreach (var (s, e) in labels)
            {
                if (s == pos && e > end)
                {
                    end = e;
                }
            }

            if (end < 0 || !StandsAlone(folded, end, labels))
            {
                break;
            }

            pos = end;
        }

        var note = original[Math.Min(pos, original.Length)..].Trim();
        return note.Length == 0 ? null : note;
    }

    /// <summary>A status word is a label, not the start of a sentence, when a separator or another label follows it.</summary>
    private static bool StandsAlone(string folded, int end, List<(int Start, int End)> labels)
    {
        if (end >= folded.Length)
        {
            return true;
        }

        var c = folded[end];
        if (labels.Exists(l => l.Start == end))
        {
            return true;
        }

        if (!char.IsWhiteSpace(c))
        {
            return ReplyText.IsSeparator(c);
        }

        var next = end;
        while (next < folded.Length && char.IsWhiteSpace(folded[next]))
        {
            next++;
        }

        var last = folded[end - 1];
        return next >= folded.Length
            || ReplyText.IsCjk(last) || last == '%'
            || ReplyText.IsCjk(folded[next])
            || labels.Exists(l => l.Start == next);
    }

    private static int SkipSeparators(string folded, int pos)
    {
        while (pos < folded.Length
            && (ReplyText.IsSeparator(folded[pos]) || folded[pos] is ')' or ']' or '】'
                || char.IsSymbol(folded[pos]) || char.IsSurrogate(folded[pos]) || folded[pos] == '\uFE0F'))
        {
            pos++;
        }

        return pos;
    }

    private static string Cut(string original, int start, int length) =>
        start >= original.Length ? string.Empty : original.Substring(start, Math.Min(length, original.Length - start));

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(
        """
        \G[\s:,\-]*(?:undo|revert|撤销|撤回|撤消)
        (?:\s*(?:上一?条|上次|刚才|之前|last|previous|my\s+last|the\s+last|that)的?)?
        (?:\s*(?:第|\#|item\s*|事项)?\s*(?<n>\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:项|条)?的?)?
        (?:\s*(?:汇报|回复|报告|更新|进展|进度|update|report|reply|message))?
        \s*[.!。]?\s*$
        """,
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.IgnorePatternWhitespace,
        1000)]
    private static partial Regex UndoPattern();

    [GeneratedRegex(@"\G\s*(?:to|until|till|至|到|为|:)?\s*", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DateLink();

    // "to the week of January 8th", "is the end of June": words between a directional cue and its date.
    [GeneratedRegex(@"\G\s*(?:the\s+)?(?:(?:week|end|start|beginning|middle)\s+of\s+|early\s+|mid-?\s*|late\s+)?(?:the\s+)?", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DateLead();
}
