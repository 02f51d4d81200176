using System.Text.RegularExpressions;

namespace FollowUpBot.Directives;

/// <summary>The clause rules for Chinese paragraphs (speech and minutes styles).</summary>
internal sealed partial class ChineseClauses(string text, ExtractionPass pass, List<string>? paragraphActor, bool framed)
{
    // "或召集人委托的同志" between the chair and 主持: a stand-in, not another clause.
    private const int MaxChairAside = 16;

    private enum Strength
    {
        None,
        Weak,
        Strong,
    }

    private static readonly string[] Connectives =
    [
        "特别是", "尤其是", "另一方面", "一方面", "与此同时", "同时", "此外", "另外", "其中", "对此", "为此", "今后", "下一步", "下阶段",
        "今年以来", "去年以来", "近年以来", "长期以来", "一直以来", "近年来", "多年来",
        "近期", "当前", "目前", "会后", "今年", "明年", "首先", "其次", "再次", "最后", "因此", "总之", "而且", "并且", "并", "还",
    ];

    // Adverbs between an actor and its modal (各单位都要, 市财政局要切实).
    private static readonly string[] TrailingAdverbs =
    [
        "进一步", "一定", "首先", "更加", "同样", "必须", "切实", "继续", "共同", "分别", "率先", "尤其", "特别", "带头", "真正", "主动",
        "积极", "认真", "全力", "主要", "具体", "全面", "坚决", "及时", "尽快", "抓紧", "严格", "务必", "统一", "负责", "都", "也", "还", "均", "更", "则", "就", "要", "既", "又",
    ];

    // Words that show a proposal still has work ahead of it (修改完善, 审议, 实施, 印发, 报送).
    private static readonly System.Buffers.SearchValues<char> FollowUpVerbs = System.Buffers.SearchValues.Create("修完审施发报");

    // Characters of clauses that a person's name does not contain (按照上级文件要求, 相关要求).
    private static readonly System.Buffers.SearchValues<char> NotInNames = System.Buffers.SearchValues.Create("的按照据对在把将要和及与等");

    // Prepositions that start an adjunct, not a subject (对…要, 按…要, 在…要).
    private const string AdjunctStarts = "对把将按在从就针围";

    private static readonly System.Buffers.SearchValues<char> InstructionHints = System.Buffers.SearchValues.Create("批指通文函印下");

    private List<string>? _sentenceLead;

    // The lead in force when the sentence's first inline item (一是) began: what every later item (二是, 三是) inherits.
    private List<string>? _enumerationLead;
    private bool _enumerated;

    // The clause before ended in a conditional topic (需要向上级反映的，), which a subjectless 要 after it continues.
    private bool _deTopic;

    // The clause before named an area of work (在…销售方面，/ 建筑业方面，): a subjectless 要 after it is about that area and
    // does not inherit an actor named earlier in the sentence.
    private bool _areaTopic;

    // The sentence reports a party's proposal or view (市交通局建议，…) or a fact (据了解，…): nothing in it is assigned.
    private bool _reportedView;

    // The part of the sentence since the last ；: the lead it could inherit, and whether its first directive named its own actor.
    private List<string>? _partStartLead;
    private bool _partOpened;
    private bool _partNamedOpener;
    private int _sentenceStart;
    private int _sentenceEnd;
    private int _topicStart = -1;
    private int _topicEnd = -1;
    private Draft? _current;

    // An item opened by 请X whose clause held only when (请各乡镇在剩下的半年时间里，要…): the subjectless 要 after it goes on with it.
    private Draft? _waitingAddressee;
    private bool _frame;
    private bool _frameInClause;

    /// <summary>True when the paragraph ended on a requirement frame (会议要求：) that governs the lines after it.</summary>
    public bool EndsWithFrame { get; private set; }

    public void ReadParagraph(int quoteStart, int start, int end, bool leadingModal)
    {
        var sentenceStart = start;
        var first = true;
        for (var i = start; i <= end; i++)
        {
            if (i < end && text[i] is not ('。' or '！' or '？' or '!' or '?'))
            {
                continue;
            }

            var stop = i;

            // 各部门要不要提前介入？: a question asks, it assigns nothing.
            if (stop > sentenceStart && !(i < end && text[i] is '？' or '?'))
            {
                ReadSentence(first ? quoteStart : sentenceStart, sentenceStart, stop, first && leadingModal);
                first = false;
            }
            else if (stop > sentenceStart)
            {
                pass.Exclude(sentenceStart, stop);
            }

            sentenceStart = i + 1;
        }
    }

    private void ReadSentence(int quoteStart, int start, int end, bool leadingModal)
    {
        _sentenceStart = start;
        _sentenceEnd = end;
        _waitingAddressee = null;
        _sentenceLead = null;
        _enumerationLead = null;
        _enumerated = false;
        _deTopic = false;
        _areaTopic = false;
        _reportedView = ReportedFact().IsMatch(text.AsSpan(start, Math.Min(8, end - start)).TrimStart());
        StartPart();
        _topicStart = -1;
        _current = null;
        _frame = framed;
        EndsWithFrame = false;
        var clauseStart = start;
        var depth = 0;
        for (var i = start; i <= end; i++)
        {
            // Commas inside brackets or quotation marks (牵头单位(无牵头单位的,…)要…, 落实“管发展必须管环保,…”) end nothing.
            if (i < end)
            {
                depth = Math.Max(0, depth + Nesting(text[i]));
            }

            if (i < end && (depth > 0 || text[i] is not ('，' or ',' or '；' or ';' or '：' or ':')))
            {
                continue;
            }

            if (i > clauseStart)
            {
                ReadClause(clauseStart == start ? quoteStart : clauseStart, clauseStart, i, leadingModal && clauseStart == start, i < end && text[i] is '：' or ':');
                if (_current is not null)
                {
                    _current.End = i;
                }
            }

            if (i < end && text[i] is '；' or ';')
            {
                EndPart();
            }

            clauseStart = i + 1;
        }

        Close();
    }

    /// <summary>
    /// One clause, in the order its forms are recognised: a requirement frame, a leading modal, an agreed proposal, an
    /// addressee (请/责成), then a clause with a modal (its subject) or without one (由X, a framed actor, a topic).
    /// </summary>
    private void ReadClause(int quoteStart, int start, int end, bool leadingModal, bool endsWithColon)
    {
        _frameInClause = false;
        var x = SkipConnectives(start, end, ref leadingModal);
        if (x >= end || !SkipFrame(ref x, end, endsWithColon, afterConnective: x > start || start == _sentenceStart || !AfterInstruction(start)))
        {
            return;
        }

        // 市财政局提出，应尽快明确…; 据了解，该项目由…负责建设: what a party proposed or what is reported assigns nothing until a
        // requirement frame (会议要求) takes over.
        if (_reportedView && !_frameInClause)
        {
            pass.Exclude(start, end);
            return;
        }

        if (leadingModal)
        {
            Open(quoteStart, x, _sentenceLead ?? paragraphActor ?? []);
            return;
        }

        // 会议由县政府办牵头组织，各乡镇分管负责人参加: who chaired or organised the meeting reported, not a task after it.
        if (MeetingOrganiser().IsMatch(text.AsSpan(x, end - x))
            && (text.AsSpan(x, end - x).Contains("主持", StringComparison.Ordinal) || ListsAttendance(text.AsSpan(x, _sentenceEnd - x))))
        {
            pass.Exclude(x, end);
            return;
        }

        // 联席会议由市商务局牵头召集: who convenes a named meeting describes the meeting, not a task after it.
        if (MeetingConvener().IsMatch(text.AsSpan(x, end - x)))
        {
            pass.Exclude(x, end);
            return;
        }

        if (TryAgreedProposal(start, x, end) || TryAddressee(x, end))
        {
            return;
        }

        var (modal, length, strength) = FindModal(x, end);

        // 全力推进龙须门至…公路建设: after a clause opens with a task verb, a lone 须/应 sits inside a name in its object (a place,
        // a road), not a modal of its own.
        if (strength != Strength.None && length == 1 && text[modal] is '须' or '應' or '应' or '須' && modal - x >= 4
            && ChineseActors.StartsWithVerb(text.AsSpan(x, modal - x)))
        {
            strength = Strength.None;
        }

        var deTopic = text[end - 1] == '的';
        // 市住建局在项目建设方面，要…: a clause that opens with its actor still hands it the 要.
        var areaTopic = strength == Strength.None && text.AsSpan(x, end - x).TrimEnd().EndsWith("方面", StringComparison.Ordinal)
            && (AdjunctStarts.Contains(text[x], StringComparison.Ordinal) || ChineseActors.ReadLeading(text, x, end) is null);
        if (areaTopic)
        {
            // 就与某公司行政诉讼一案有关情况方面: an area, not a party (…公司行 is no bank).
            Close();
            _topicStart = -1;
            _deTopic = false;
            _areaTopic = true;
            return;
        }

        if (strength == Strength.None)
        {
            ReadClauseWithoutModal(x, end);
        }
        else
        {
            ReadSubjectAndModal(x, modal, length, strength);
        }

        _deTopic = deTopic;
        _areaTopic = false;
    }

    /// <summary>Steps over 会议要求 / 市长强调; false when the clause was only the frame (it then governs what follows).</summary>
    private bool SkipFrame(ref int x, int end, bool endsWithColon, bool afterConnective)
    {
        var frame = FirstMatchLength(Frame(), x, end - x);
        if (frame == 0)
        {
            frame = ActorFrameLength(x, end, afterConnective);
        }

        if (frame == 0)
        {
            return true;
        }

        x += frame;
        StartFrame();
        _frameInClause = true;
        if (x < end)
        {
            return true;
        }

        Close();
        EndsWithFrame = endsWithColon || EndsWithFrame;
        return false;
    }

    /// <summary>
    /// 省建设厅要求各市建设局… / 实事办负责人要求各责任单位，…: a party that asks another is a frame; the one asked owns
    /// what follows. Zero when the clause does not start with an actor and 要求/责成.
    /// </summary>
    private int ActorFrameLength(int x, int end, bool afterConnective)
    {
        // 会上传达了…精神，并要求建设单位严格落实…: 并要求 continues what the meeting did and hands what follows to the one
        // asked, as does 要求 opening a sentence (the speaker goes on). A bare 要求 after a report (…作出批示，要求相关部门抓紧研究)
        // is someone else's instruction.
        if (afterConnective && string.CompareOrdinal(text, x, "要求", 0, 2) == 0 && ChineseActors.ReadLeading(text, x + 2, end) is { } asked
            && asked.End < end && text[asked.End] != '的')
        {
            return 2;
        }

        // "…统一到县委、县政府决策部署要求上来": 要求 followed by 上/下/中 is a noun (the requirements), not someone asking.
        if (text.AsSpan(x, end - x).IndexOf("要求", StringComparison.Ordinal) is not (var ask and > 0)
            || (ask < end - x - 2 && text[x + ask + 2] is '的' or '上' or '下' or '中'))
        {
            return 0;
        }

        // 他要求住建局全体干部职工要…: the speaker named in the sentence before, as a pronoun, asks too.
        if (ask == 1 && text[x] is '他' or '她' && ChineseActors.ReadLeading(text, x + 3, end) is { } addressee && addressee.End < end)
        {
            return ask + 2;
        }

        // 欧阳秋虹要求有关部门要…: a person's name (2–4 characters) asks the party after 要求.
        if (ask is >= 2 and <= 4 && !ChineseActors.StartsWithVerb(text.AsSpan(x, ask)) && text.AsSpan(x, ask).IndexOfAny(NotInNames) < 0
            && IsNameRun(x, ask) && ChineseActors.ReadLeading(text, x + ask + 2, end) is { } askedParty && askedParty.End < end && text[askedParty.End] != '的')
        {
            return ask + 2;
        }

        // 政府副县长李晶要求设计院加快整改: titles, then the person's name (2–3 characters), ask the party after 要求.
        for (var name = 2; name <= 3 && ask - name >= 2; name++)
        {
            if (IsNameRun(x + ask - name, name) && ChineseActors.ReadLeading(text, x + ask + 2, end) is { } named && named.End < end && text[named.End] != '的')
            {
                for (var s = x; s <= x + 2 && s < x + ask - name - 1; s++)
                {
                    if (ChineseActors.ReadLeading(text, s, x + ask - name) is { } titled && titled.End == x + ask - name)
                    {
                        return ask + 2;
                    }
                }
            }
        }

        // A short lead-in before the asking party (该市…负责人要求) is allowed.
        for (var s = x; s <= Math.Min(x + 2, x + ask - 2); s++)
        {
            if (ChineseActors.ReadLeading(text, s, x + ask) is { } asking && asking.End == x + ask)
            {
                return ask + 2;
            }
        }

        return 0;
    }

    /// <summary>Characters of a person's name only: CJK, none of them a head noun that would make the run a unit.</summary>
    private bool IsNameRun(int x, int length)
    {
        for (var i = x; i < x + length; i++)
        {
            if (text[i] is < '\u4E00' or > '\u9FFF')
            {
                return false;
            }
        }

        return ChineseActors.ReadLeading(text, x, x + length) is null;
    }

    /// <summary>
    /// 会议同意X提出的《…》，作进一步修改完善后提请…审议 / 会议原则同意X拟草的《…》，修改完善后，批复实施: X is to revise
    /// and resubmit. X may be followed by what it did first (县脱贫攻坚办对…考核评价后拟定的《…》).
    /// </summary>
    private bool TryAgreedProposal(int start, int x, int end)
    {
        var head = text.AsSpan(x, Math.Min(8, end - x));
        if (!head.Contains("同意", StringComparison.Ordinal) && !head.Contains("通过", StringComparison.Ordinal))
        {
            return false;
        }

        var agreed = AgreedHead().Match(text, x, end - x);
        if (!agreed.Success || ChineseActors.ReadLeading(text, x + agreed.Length, end) is not { } proposer)
        {
            return false;
        }

        var document = text.IndexOf("的《", proposer.End, Math.Min(end, proposer.End + 80) - proposer.End, StringComparison.Ordinal);
        if (document < 0 || !DraftingVerb().IsMatch(text.AsSpan(proposer.End, document - proposer.End)) || !HasFollowUp(end))
        {
            return false;
        }

        // The task is what follows the agreement (作进一步修改完善后提请…审议).
        Open(start, end + 1, proposer.Actors);
        return true;
    }

    /// <summary>请X… / 责成X…: the one addressed owns the clause.</summary>
    private bool TryAddressee(int x, int end)
    {
        if (TryHandedOn(x, end))
        {
            return true;
        }

        if (text[x] != '请' && string.CompareOrdinal(text, x, "责成", 0, 2) != 0 && string.CompareOrdinal(text, x, "委托", 0, 2) != 0)
        {
            // "…规划设计后移请公园处施作" / "有关留守作业请各单位依规定配合办理": 请 after a topic or a first step, before any modal.
            var ask = MidClauseAddressee(x, end);
            if (ask < 0)
            {
                return false;
            }

            x = ask;
        }

        var after = text[x] == '请' ? x + 1 : x + 2;
        if ((text[x] == '请' && IsRequestWord(after)) || ChineseActors.ReadLeading(text, after, end) is not { } addressed)
        {
            return false;
        }

        Open(x, addressed.End, addressed.Actors);
        _waitingAddressee = OnlyWhen().IsMatch(text.AsSpan(addressed.End, end - addressed.End)) ? _current : null;
        return true;
    }

    /// <summary>
    /// 此事交由市信访局办理 / 移交区城管局处理: a matter handed on to a unit to deal with is that unit's. A hand-over already done
    /// (已交由…, …办理完毕, 了) reports it.
    /// </summary>
    private bool TryHandedOn(int x, int end)
    {
        var handed = HandedOn().Match(text, x, end - x);
        if (!handed.Success || ChineseActors.ReadLeading(text, handed.Index + handed.Length, end) is not { } to || to.End >= end
            || !HandlingVerb().IsMatch(text, to.End))
        {
            return false;
        }

        var clause = text.AsSpan(x, end - x);
        if (clause.IndexOf('了') >= 0 || clause.Contains("完毕", StringComparison.Ordinal) || clause.Contains("已", StringComparison.Ordinal))
        {
            return false;
        }

        Open(x, to.End, to.Actors);
        return true;
    }

    /// <summary>Where a 请 inside the clause addresses an actor (not 申请/提请/邀请…, not after a modal); -1 when none.</summary>
    private int MidClauseAddressee(int x, int end)
    {
        for (var i = x + 1; i < end - 2; i++)
        {
            if (text[i] == '要' || text[i] == '须')
            {
                return -1;
            }

            // 函请/送请: asking by letter or sending on to a body is the actor's own step, not "please, X".
            if (text[i] == '请' && !"申提邀报呈敬恳特聘宴函送".Contains(text[i - 1], StringComparison.Ordinal) && !IsRequestWord(i + 1)
                && ChineseActors.ReadLeading(text, i + 1, end) is { } addressed && addressed.End < end)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>…，各乡镇分管负责人参加: the sentence says who attended, so it reports the meeting.</summary>
    private static bool ListsAttendance(ReadOnlySpan<char> sentence) =>
        sentence.Contains("参加", StringComparison.Ordinal) || sentence.Contains("參加", StringComparison.Ordinal)
        || sentence.Contains("出席", StringComparison.Ordinal) || sentence.Contains("列席", StringComparison.Ordinal);

    /// <summary>由县民政局负责的第1件…: 负责的/牵头的 after 由X describes an assignment made before, it does not make one.</summary>
    private bool DescribesEarlierAssignment(int afterActor, int end) =>
        (afterActor + 2 < end && text.AsSpan(afterActor, 3) is "负责的" or "牵头的" or "負責的" or "牽頭的" or "组织的")

        // 由市发改委牵头制定的实施方案已经印发: what the unit drew up, already issued, is the subject of a report.
        || DoneByEarlier().IsMatch(text.AsSpan(afterActor, end - afterActor));

    /// <summary>请示, 请求, 请教, 请假: 请 as the first half of a word, not "please, X".</summary>
    private bool IsRequestWord(int after) => after < text.Length && "示求教假柬愿缨".Contains(text[after], StringComparison.Ordinal);

    private void ReadClauseWithoutModal(int x, int end)
    {
        // 由王光玲牵头，九重镇落实: the unit that carries out what the lead heads supports it; it opens nothing of its own.
        if (_current is not null && (text.AsSpan(0, _current.TaskStart).EndsWith("牵头") || text.AsSpan(0, _current.TaskStart).EndsWith("牽頭"))
            && ChineseActors.ReadLeading(text, x, end) is { } carrier && CarriesOut(carrier.End, end))
        {
            _current.Support.AddRange(carrier.Actors);
            return;
        }

        // …，施工方在注重工程质量的同时，也要确保施工安全: an actor that opens its own adjunct clause (在…的同时, 在…过程中) is the
        // topic of the subjectless 要 after it, even while another item is open.
        if ((text.AsSpan(x, end - x).EndsWith("的同时") || text.AsSpan(x, end - x).EndsWith("过程中"))
            && ChineseActors.ReadLeading(text, x, end) is { } adjunctActor && adjunctActor.End < end && text[adjunctActor.End] == '在')
        {
            Close();
            _topicStart = x;
            _topicEnd = end;
            return;
        }

        // 由X without 负责/牵头 names an owner only when no directive of the sentence is open: "…报区督查组,由区督查组综合后
        // 向区政府汇报" hands the result on, it does not assign a new task.
        // 由镇长涂清华结合实际做了工作部署: 由X with a completed action (了) reports what happened at the meeting.
        // 周五由街道领导进行碰头讨论: a time of its own before 由 (every Friday) does not hide who leads.
        if (text[x] != '由' && _current is null && FirstMatchLength(RecurringTime(), x, end - x) is var when and > 0 && x + when < end && text[x + when] == '由')
        {
            x += when;
        }

        // …召开会议，由召集人主持: who chairs describes the meeting itself, not a task after it; so does 由召集人或召集人委托的
        // 同志主持, a stand-in named after the chair.
        if (text[x] == '由' && ChineseActors.ReadLeading(text, x + 1, end) is { } chair && end - chair.End is >= 2 and <= MaxChairAside
            && string.CompareOrdinal(text, end - 2, "主持", 0, 2) == 0)
        {
            pass.Exclude(x, end);
            return;
        }

        // 成员：由相关职能部门负责人组成: who makes up a role under its heading, not what anyone is to do.
        if (text[x] == '由' && _current is null && ChineseActors.ReadLeading(text, x + 1, end) is { } byActor && !DescribesEarlierAssignment(byActor.End, end)
            && text.AsSpan(byActor.End, end - byActor.End).IndexOf('了') < 0 && !FillsRole().IsMatch(text.AsSpan(byActor.End, end - byActor.End)))
        {
            Open(x, byActor.End, byActor.Actors);
            return;
        }

        // 以上事项由办公室抓好落实 / 重大事项由牵头部门向市政府报告: a topic before 由X and what X does with it hand the topic
        // to X, like 由X负责.
        if (_current is null && TopicGivenTo(x, end) is { } given)
        {
            Open(x, given.End, given.Actors);
            return;
        }

        // 由县交通局负责的第3件事项…: recorded, so the loose reading does not take it back
        // (docs/evaluation/extraction.md, round 9).
        if (text[x] == '由' && ChineseActors.ReadLeading(text, x + 1, end) is { } earlier && DescribesEarlierAssignment(earlier.End, end))
        {
            pass.Exclude(x, end);
        }

        // After 会议要求, a clause that starts with an actor is a directive of its own, unless the actor only supports
        // the directive already open (由A牵头，B配合).
        // 会议强调，创建国家园林县城时间紧、任务重，各涉创单位要…: a clause that states how pressing the work is assigns nothing.
        // 全镇上下“一盘棋”: an actor and only a slogan in quotation marks says how the actor stands, not what it is to do.
        if (_frame && ChineseActors.ReadLeading(text, x, end) is { } framedActor && (framedActor.End < end ? text[framedActor.End] != '的' : _frameInClause)
            && !SloganOnly().IsMatch(text.AsSpan(framedActor.End, end - framedActor.End))
            && !(_current is not null && IsCooperation(framedActor.End, end)) && !Circumstance().IsMatch(text.AsSpan(framedActor.End, end - framedActor.End))
            && !DescribesActor(framedActor.End, end))
        {
            // 要求各责任单位，切实按照…: an addressee alone in its clause owns the clauses after it.
            Open(x, framedActor.End, framedActor.Actors);
            return;
        }

        // A clause led by an actor (特别是各级领导干部，要带头… / 市住建局作为牵头单位，要会同…) may be the topic the next
        // subjectless 要 of the sentence refers to; it is only read if such a 要 comes.
        // A later clause without an actor (会同市自然资源局，抓紧完成选址) does not replace the topic that named one.
        // 县委副书记、代县长王华指出 / 王华要求: the speaker introduces what follows and owns none of it.
        if (IsSpeakerClause(x, end))
        {
            pass.Exclude(x, end);
            if (text.AsSpan(x, end - x).TrimEnd()[^1] is '求' or '调' or '确')
            {
                StartFrame();
            }

            return;
        }

        if (end - x > 3 && "出议为示映绍报称".Contains(text[end - 1], StringComparison.Ordinal) && ChineseActors.ReadLeading(text, x, end) is { } proposer && ProposalVerb().Match(text, proposer.End, end - proposer.End).Success)
        {
            Close();
            _reportedView = true;
            return;
        }

        if (_current is null && (_topicStart < 0 || ChineseActors.ReadLeading(text, x, end) is not null))
        {
            _topicStart = x;
            _topicEnd = end;
        }
    }

    private void ReadSubjectAndModal(int x, int modal, int length, Strength strength)
    {
        var (subject, directiveStart) = Subject(x, modal);

        // 由市发改委牵头制定的实施方案已经印发: the plan the unit drew up, already issued, is what the sentence reports on.
        if (text[x] == '由' && DoneByEarlier().IsMatch(text.AsSpan(modal)))
        {
            pass.Exclude(x, modal + length);
            return;
        }

        // 要对照单位职责，能解决的要尽快提出办理意见 / …，需要向上级反映的，要及时报告: a 要 after a conditional topic ending in
        // 的 (those that can be solved, what must go up) continues the item that is open, it does not start another.
        var afterTopic = _deTopic;
        _deTopic = false;
        if (_current is not null && ReferenceEquals(_current, _waitingAddressee) && subject.Length == 0 && strength == Strength.Strong)
        {
            _waitingAddressee = null;
            return;
        }
        if (_current is not null && strength == Strength.Strong && (subject.EndsWith('的') || (subject.Length == 0 && afterTopic)))
        {
            return;
        }

        // 各建设单位要统筹安排，雨天要及时协调调度: a weather or time topic before 要 says when, and the open item goes on.
        if (_current is not null && strength == Strength.Strong && WhenTopic().IsMatch(subject))
        {
            return;
        }

        if (subject.Length == 0 && _areaTopic && strength == Strength.Strong)
        {
            Open(x, modal + length, paragraphActor ?? []);
            return;
        }

        if (subject.Length == 0)
        {
            // The quote of a directive whose actor was a topic clause starts at that actor. A topic clause that states a fact
            // (两校合并是既定工作，要…; 市政府与省政府签订了责任书，必须…) is about the actor, it does not hand it the 要.
            var topic = _current is null ? Topic() : null;
            if (topic is not null && strength == Strength.Strong && StatesFact())
            {
                pass.Exclude(_topicStart, _topicEnd);
                topic = null;
                _topicStart = -1;
            }

            if (strength == Strength.Strong)
            {
                Open(topic is null ? x : _topicStart, modal + length, topic ?? _sentenceLead ?? paragraphActor ?? []);
            }
            else if (topic is not null && text[modal] is '负' or '牵')
            {
                // 发展改革部门是…的综合部门，主要负责…: a duty stated after the clause that names its holder.
                Open(_topicStart, modal + length, topic);
            }
            else if (_current is null && paragraphActor is not null && text[modal] is '负' or '牵')
            {
                // （一）市公安局：负责交通疏导: the unit heading its own line holds the duty after the colon.
                Open(x, modal + length, paragraphActor);
            }

            return;
        }

        // 对涉及的资产、人员等要进行一事一议: an adjunct in front of a subjectless 要 keeps the sentence's actor.
        if (strength == Strength.Strong && _sentenceLead is not null && AdjunctStarts.Contains(subject[0]) && ChineseActors.ReadLeading(subject, 1, subject.Length) is null)
        {
            Open(x, modal + length, _sentenceLead);
            return;
        }

        if (ChineseActors.IsPronoun(subject) || subject.StartsWith("我们", StringComparison.Ordinal))
        {
            pass.Exclude(x, modal + length);
            Close();
            return;
        }

        var (lead, support) = LeadAndSupport(subject);
        if (lead is null && modal - subject.Length - 1 >= x && text[modal - subject.Length - 1] == '由' && LeadsByName(subject, modal))
        {
            lead = [subject];
        }

        if (lead is not null)
        {
            var draft = Open(directiveStart, modal + length, lead);
            draft.Support.AddRange(support);
            return;
        }

        // 会议要求各村准备好…同时…各责任人要按要求做好工作: an unpunctuated run where a 各-class stands right before the modal.
        if (strength == Strength.Strong && DistributiveBefore(x, modal) is { } distributive)
        {
            if (_frame && _current is null && ShortestLeading(x, distributive.Start) is { } addressed && text[addressed.End] != '的')
            {
                Open(x, addressed.End, addressed.Actors).End = distributive.Start;
            }

            Open(distributive.Start, modal + length, distributive.Actors);
            return;
        }

        if (strength == Strength.Strong)
        {
            Close();
        }
    }

    /// <summary>The shortest actor list at the start of the clause (各村 in 各村准备好…同时镇已确定…).</summary>
    private (List<string> Actors, int End)? ShortestLeading(int x, int limit)
    {
        for (var e = x + 2; e <= Math.Min(limit, x + 12); e++)
        {
            if (ChineseActors.ReadLeading(text, x, e) is { } found && found.End == e)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The shortest 各… actor that ends right before the modal (各责任人, 各位河长), at most 8 characters back.</summary>
    private (int Start, List<string> Actors)? DistributiveBefore(int x, int modal)
    {
        for (var s = modal - 2; s > x && s >= modal - 8; s--)
        {
            if (text[s] == '各' && ChineseActors.SplitActors(StripAdverbs(text[s..modal]), strict: true) is { } actors)
            {
                return (s, actors);
            }
        }

        return null;
    }

    /// <summary>The words before the modal without 由/请, trailing adverbs and an explanatory aside; and where the quote starts.</summary>
    private (string Subject, int DirectiveStart) Subject(int x, int modal)
    {
        var subject = text[x..modal].Trim();
        var directiveStart = x;
        var by = subject.LastIndexOf('由');
        if (by >= 0 && (ChineseActors.SplitActors(StripAdverbs(subject[(by + 1)..])) is not null || LeadsByName(subject[(by + 1)..], modal)))
        {
            // 九重区域环境整治由王光玲牵头: the task named before 由 in the same clause is part of the quote.
            directiveStart = x + (by > 0 && ByTopic().IsMatch(subject.AsSpan(0, by)) ? 0 : by);
            subject = subject[(by + 1)..];
        }
        else if (subject.StartsWith('请'))
        {
            subject = subject[1..];
        }

        return (StripAdverbs(StripAside(subject)), directiveStart);
    }

    private static (List<string>? Lead, List<string> Support) LeadAndSupport(string subject)
    {
        var plain = ChineseActors.SplitActors(subject);
        if (plain is not null)
        {
            return (plain, []);
        }

        // A会同B / A协同B / A联合B: the first leads, the rest support.
        foreach (var marker in new[] { "会同", "协同", "联合" })
        {
            var index = subject.IndexOf(marker, StringComparison.Ordinal);
            if (index > 0)
            {
                var lead = ChineseActors.SplitActors(subject[..index]);
                var support = ChineseActors.SplitActors(StripAdverbs(subject[(index + 2)..].TrimEnd('等')));
                if (lead is not null && support is not null)
                {
                    return (lead, support);
                }
            }
        }

        // An adjunct between actor and modal: 各区在组织实施中要…
        var cut = subject.IndexOfAny(['在', '于', '对', '按', '以', '通', '为', '根', '结']);
        if (cut > 1 && ChineseActors.SplitActors(subject[..cut]) is { } before)
        {
            return (before, []);
        }

        // A time between actor and modal: 市政府各部门每月10日前要…, 各单位年底前要…
        var when = TimeAdjunct().Match(subject);
        return when.Success && when.Index > 1 && ChineseActors.SplitActors(subject[..when.Index]) is { } actors ? (actors, []) : (null, []);
    }

    private Draft Open(int start, int taskStart, List<string> lead, [System.Runtime.CompilerServices.CallerMemberName] string rule = "")
    {
        _topicStart = -1;
        _current = pass.NewDraft(start, taskStart, lead, english: false, rule: "zh." + rule);
        if (lead.Count > 0)
        {
            _sentenceLead = lead;
        }

        if (!_partOpened)
        {
            _partOpened = true;
            _partNamedOpener = lead.Count > 0 && !ReferenceEquals(lead, _partStartLead) && !ReferenceEquals(lead, paragraphActor);
        }

        return _current;
    }

    private void Close() => _current = null;

    /// <summary>
    /// At ；: a subjectless 要 of the next part inherits the actor of a part that opened with one (镇村干部要…；要…; 责任问题，
    /// 各级各有关部门要…；绿化问题，要…), not one named inside a list of actors in a part that opened without its own actor
    /// (要把…落实到…，各分指挥部要…，创建办要…；要成立…领导小组).
    /// </summary>
    private void EndPart()
    {
        Close();
        if (_partOpened && !_partNamedOpener)
        {
            _sentenceLead = _partStartLead;
        }

        StartPart();
    }

    private void StartPart()
    {
        _partStartLead = _sentenceLead;
        _partOpened = false;
        _partNamedOpener = false;
    }

    /// <summary>
    /// …作出批示，要求相关部门抓紧研究: 要求 after a reported instruction, notice or document is its content, someone else's;
    /// after what the meeting or its visitors did (听取了…汇报，要求X…) it hands the task to X.
    /// </summary>
    private bool AfterInstruction(int clauseStart) =>
        text.AsSpan(_sentenceStart, clauseStart - _sentenceStart).IndexOfAny(InstructionHints) is var at && at >= 0
        && InstructionWord().IsMatch(text.AsSpan(_sentenceStart, clauseStart - _sentenceStart));

    /// <summary>
    /// A requirement frame (会议要求, 市长强调, X要求) starts a new scope: a subjectless 要 after it does not inherit an actor
    /// named before the frame in the same sentence (…各县市要谋划…；会议要求，要以…为目标).
    /// </summary>
    private void StartFrame()
    {
        Close();
        _frame = true;
        _sentenceLead = null;
        _reportedView = false;
        StartPart();
        _topicStart = -1;
    }

    private int SkipConnectives(int x, int end, ref bool leadingModal)
    {
        var moved = true;
        while (moved && x < end)
        {
            moved = false;
            while (x < end && char.IsWhiteSpace(text[x]))
            {
                x++;
            }

            // 2014年三区及城建部门要…: a leading year is when, not who.
            var year = FirstMatchLength(LeadingYear(), x, Math.Min(10, end - x));
            if (year > 0 && x + year < end)
            {
                x += year;
                moved = true;
                continue;
            }

            // Span matching allocates nothing; this runs for every clause of large inputs.
            var inline = FirstMatchLength(InlineEnumerator(), x, Math.Min(6, end - x));
            if (inline > 0)
            {
                // 一是县政府各分管领导要…；二是教育方面，要…: an item inherits what governs the list, not what a sibling named.
                if (_enumerated)
                {
                    _sentenceLead = _enumerationLead;
                    _partStartLead = _enumerationLead;
                    Close();
                }
                else
                {
                    _enumerated = true;
                    _enumerationLead = _sentenceLead;
                }

                leadingModal |= text[x + inline - 1] == '要';
                x += inline;
                moved = true;
                continue;
            }

            // …召集。(3)联席会议办公室负责… / 督办职责(1)学校办公室负责…: an item number in brackets inside a run-on line (with a
            // short heading flattened before it) opens the item; the actor starts after it.
            var bracketed = FirstMatchLength(BracketedItemNumber(), x, Math.Min(16, end - x));
            if (bracketed > 0 && x + bracketed < end)
            {
                x += bracketed;
                moved = true;
                continue;
            }

            foreach (var connective in Connectives)
            {
                if (string.CompareOrdinal(text, x, connective, 0, connective.Length) == 0 && x + connective.Length < end)
                {
                    x += connective.Length;
                    moved = true;
                    break;
                }
            }
        }

        return x;
    }

    /// <summary>
    /// 会议筹备工作由办公室承办 / 以上事项由办公室抓好落实 / 重大事项由联席会议牵头部门向省政府报告 / 会议纪要由召集人签发后印发 /
    /// 由所在单位提出: a matter (事项, 工作, 任务 …) before 由X and a handling verb after it (承办, 抓好落实, 组织实施), or a short
    /// topic that names no actor and X's own act (提出, 签发, 报告, 印发, 报送, 汇总, 审核; straight after X or after 向Y), give the
    /// topic to X; null for a done act (了, 已) or an assignment the text only recalls.
    /// </summary>
    private (List<string> Actors, int End)? TopicGivenTo(int x, int end)
    {
        // A matter is handed on by a handling verb; a short topic that names no actor by X's own act (本次会议由办公室承办
        // is who hosted).
        var matter = text[x] != '由' ? MatterBy().Match(text, x, end - x) : Match.Empty;
        var by = matter.Success ? matter.Index + matter.Length - 1 : text.IndexOf('由', x, Math.Min(9, end - x));
        if (by < 0 || ChineseActors.ReadLeading(text, by + 1, end) is not { } actor || actor.End >= end)
        {
            return null;
        }

        var shortTopic = by == x || (by < x + 9 && ByTopic().IsMatch(text.AsSpan(x, by - x)) && ChineseActors.ReadLeading(text, x, by) is null);
        var acts = (matter.Success && MatterVerb().IsMatch(text, actor.End)) || (shortTopic && ActAfterBy().IsMatch(text.AsSpan(actor.End, end - actor.End)));
        return acts && text.AsSpan(x, end - x).IndexOfAny('了', '已') < 0 && !DescribesEarlierAssignment(actor.End, end)
            ? (actor.Actors, actor.End)
            : null;
    }

    private int FirstMatchLength(Regex regex, int start, int length)
    {
        foreach (var match in regex.EnumerateMatches(text.AsSpan(start, length)))
        {
            return match.Index == 0 ? match.Length : 0;
        }

        return 0;
    }

    private List<string>? Topic()
    {
        if (_topicStart < 0)
        {
            return null;
        }

        return ChineseActors.SplitActors(text[_topicStart.._topicEnd].Trim())
            ?? (ChineseActors.ReadLeading(text, _topicStart, _topicEnd) is { } led && text[led.End] != '的' ? led.Actors : null);
    }

    /// <summary>
    /// The topic clause holds a completed action (了) or a copula (是) after its first two characters; "市住建局是牵头单位" /
    /// "各乡镇是责任主体" name the holder of a duty and stay topics.
    /// </summary>
    private bool StatesFact()
    {
        if (_topicEnd - _topicStart <= 2)
        {
            return false;
        }

        var clause = text.AsSpan(_topicStart + 2, _topicEnd - _topicStart - 2).TrimEnd();
        if (clause.IndexOf('了') >= 0)
        {
            return true;
        }

        var copula = clause.IndexOf('是');
        if (copula < 0)
        {
            return false;
        }

        var holder = clause[(copula + 1)..];
        return !(holder.EndsWith("主体") || holder.EndsWith("责任单位") || ChineseActors.IsActor(holder));
    }

    /// <summary>
    /// 人员繁杂, 企业众多: a short predicate that is no verb after the actor describes the actor; the clause assigns nothing.
    /// </summary>
    private bool DescribesActor(int from, int end)
    {
        var rest = text.AsSpan(from, end - from).Trim();
        return rest.Length is >= 1 and <= 3 && !ChineseActors.StartsWithVerb(rest) && FindModal(from, end).Strength == Strength.None
            && !IsCooperation(from, end) && !CarriesOut(from, end);
    }

    /// <summary>落实 / 具体落实 / 负责落实 and nothing after it: the whole clause says the actor carries the work out.</summary>
    private bool CarriesOut(int from, int end)
    {
        var rest = text.AsSpan(from, end - from).Trim();
        return rest is "落实" or "具体落实" or "负责落实" or "抓好落实" or "落實" or "具體落實" or "負責落實";
    }

    /// <summary>由王光玲牵头 / 由顾理负责: a person's name alone between 由 and 牵头 or 负责 leads the task.</summary>
    private bool LeadsByName(string name, int modal) =>
        modal + 1 < text.Length && text.AsSpan(modal, 2) is "牵头" or "负责" or "牽頭" or "負責" && ChineseActors.IsPersonName(name.AsSpan().Trim());

    private bool IsCooperation(int from, int end)
    {
        var rest = text.AsSpan(from, end - from).TrimStart("积极全力共同等部门单位");
        return rest.StartsWith("配合") || rest.StartsWith("协助") || rest.StartsWith("协办") || rest.StartsWith("参与");
    }

    private bool HasFollowUp(int from)
    {
        var stop = text.IndexOfAny(['。', '\n'], from);
        var tail = text.AsSpan(from, (stop < 0 ? text.Length : stop) - from);
        return tail.IndexOfAny(FollowUpVerbs) >= 0;
    }

    /// <summary>"牵头单位(无牵头单位的,责任单位即为牵头单位,下同)": an explanatory aside after the actor is not part of its name.</summary>
    private static string StripAside(string subject)
    {
        if (subject.Length > 0 && subject[^1] is '）' or ')')
        {
            var open = subject.LastIndexOfAny(['（', '(']);
            if (open > 0 && subject.AsSpan(open).IndexOfAny('，', ',') > 0)
            {
                return subject[..open];
            }
        }

        return subject;
    }

    private static string StripAdverbs(string subject)
    {
        var changed = true;
        while (changed && subject.Length > 0)
        {
            changed = false;
            foreach (var adverb in TrailingAdverbs)
            {
                if (subject.Length > adverb.Length && subject.EndsWith(adverb, StringComparison.Ordinal))
                {
                    subject = subject[..^adverb.Length];
                    changed = true;
                }
                else if (subject == adverb)
                {
                    return string.Empty;
                }
            }
        }

        return subject.Trim();
    }

    private static int Nesting(char c) => c switch
    {
        '（' or '(' or '“' or '《' or '〔' or '「' => 1,
        '）' or ')' or '”' or '》' or '〕' or '」' => -1,
        _ => 0,
    };

    /// <summary>
    /// The first deontic or assigning marker in the clause, skipping words that merely contain one (重要, 要求, 响应) and
    /// anything quoted (落实“管发展必须管环保”).
    /// </summary>
    private (int Index, int Length, Strength Strength) FindModal(int start, int end) => FindModal(text, start, end);

    /// <summary>
    /// Where the first deontic or assigning marker of [start, end) is, as the clause rules read one (-1 when none): the loose
    /// reading (<see cref="LooseCandidates"/>) takes a Chinese cue only where the rules would see an obligation.
    /// </summary>
    internal static int MarkerAt(string text, int start, int end) => FindModal(text, start, end).Index;

    private static (int Index, int Length, Strength Strength) FindModal(string text, int start, int end)
    {
        var quoted = 0;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            quoted = c == '“' ? quoted + 1 : c == '”' && quoted > 0 ? quoted - 1 : quoted;
            if (quoted > 0)
            {
                continue;
            }

            var prev = i > start ? text[i - 1] : '\0';
            var next = i + 1 < end ? text[i + 1] : '\0';
            switch (c)
            {
                case '必' when next == '须':
                case '务' when next == '必':
                    return (i, 2, Strength.Strong);
                case '不' when next == '得' && (i + 2 >= end || text[i + 2] != '不'):
                    return (i, 2, Strength.Strong);
                // 应当说 / 应该说 (it must be said) is a comment, not an obligation.
                case '应' when (next is '当' or '该') && (i + 2 >= end || text[i + 2] != '说'):
                    return (i, 2, Strength.Strong);
                case '应' when next is '当' or '该':
                    break;
                case '应' when "适响相供对反效回呼感答顺报照理支".IndexOf(prev, StringComparison.Ordinal) < 0 && "对急用届变聘征收付试邀酬运允诺声激战".IndexOf(next, StringComparison.Ordinal) < 0:
                    return (i, 1, Strength.Strong);
                case '要' when "重主需只必首纲摘提简扼显机政紧概总纪次想将所".IndexOf(prev, StringComparison.Ordinal) < 0
                    && ("求素点害务么是领件闻职员地塞紧义旨略道目".IndexOf(next, StringComparison.Ordinal) < 0 || IsModalBeforeLing(text, i, end)):
                    return (i, 1, Strength.Strong);
                case '须' when "必务无毋莫".IndexOf(prev, StringComparison.Ordinal) < 0 && next is not ('知' or '臾'):
                    return (i, 1, Strength.Strong);
                case '需' when "必所急无军".IndexOf(prev, StringComparison.Ordinal) < 0 && next is not ('求' or '知'):
                    return (i, next == '要' ? 2 : 1, Strength.Weak);
                // 由县民政局负责的第1件…进展滞后: 负责的 describes an earlier assignment, it does not make one.
                case '负' when next == '责' && (i + 2 >= end || text[i + 2] is not ('人' or '同' or '的')):
                    return (i, 2, Strength.Weak);
                case '负' when next == '总' && i + 2 < end && text[i + 2] == '责':
                    return (i, 3, Strength.Weak);
                case '牵' when next == '头' && (i + 2 >= end || (text[i + 2] is not ('单' or '部' or '责' or '领' or '人' or '处' or '科') && prev != '由')):
                    return (i, 2, Strength.Weak);
                case '牵' when next == '头' && prev == '由':
                    break;
                default:
                    break;
            }
        }

        return (-1, 0, Strength.None);
    }

    /// <summary>
    /// 王华要求 / 县委副书记、代县长王华指出: a person's name (2–3 characters), after their titles, and a speech verb. "按照上级文件
    /// 要求" and "对标…新要求" end the same way but name no one.
    /// </summary>
    private bool IsSpeakerClause(int x, int end)
    {
        var speech = SpeechVerb().Match(text, x, end - x);
        if (!speech.Success)
        {
            return false;
        }

        var who = speech.Groups["who"];
        var whoEnd = who.Index + who.Length;
        if (who.Length is 2 or 3)
        {
            return !ChineseActors.StartsWithVerb(who.ValueSpan) && who.ValueSpan.IndexOfAny(NotInNames) < 0;
        }

        return ChineseActors.ReadLeading(text, x, whoEnd) is { } titles && whoEnd - titles.End is 2 or 3;
    }

    /// <summary>要领会精神, 要领取: 要 and a verb that starts with 领, not the noun 要领 (essentials).</summary>
    private static bool IsModalBeforeLing(string text, int i, int end) =>
        i + 2 < end && text[i + 1] == '领' && text[i + 2] is '会' or '取' or '悟' or '办';

    [GeneratedRegex(@"(?:每[年季月周天日]|[0-9０-９]|[一二三四五六七八九十]+(?:月|日|个工作日)|年底|年内|月底|本周|本月|近期|今年|明年)", RegexOptions.CultureInvariant)]
    private static partial Regex TimeAdjunct();

    // A party and what it proposed, thought or reported, closing its clause (市财政局提出 / 县交通局建议 / 该局负责人表示).
    [GeneratedRegex(@"\G(?:在会上|会上|也|还|则|随后|同时)?(?:提出|建议|认为|表示|反映|介绍|汇报|称)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ProposalVerb();

    [GeneratedRegex(@"^(?:据(?:了解|介绍|悉|统计|报道|初步统计)|截至目前|截止目前)", RegexOptions.CultureInvariant)]
    private static partial Regex ReportedFact();

    [GeneratedRegex(@"批示|指示|通知|文件|来函|印发|下发", RegexOptions.CultureInvariant)]
    private static partial Regex InstructionWord();

    [GeneratedRegex(@"\G(?:19|20)[0-9]{2}年(?:[0-9]{1,2}月)?(?:底前|底|前|内|起)?\s*(?![0-9，,。；;：:])", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingYear();

    [GeneratedRegex(@"\G(?:[一二三四五六七八九十]{1,2}(?<w>是|要)(?![求点素务])|第[一二三四五六七八九十百零]{1,4}(?:条\s*|是)?)", RegexOptions.CultureInvariant)]
    private static partial Regex InlineEnumerator();

    [GeneratedRegex(@"\G(?:在[\u4E00-\u9FFF]{1,10}?方面要求(?![的是])|(?:会议|会上|本次会议|大会)(?:还|同时|再次|研究|进一步)?(?:要求|强调|明确|议定|决定|责成|提出|安排|委托|指定)|(?:[\u4E00-\u9FFF]{1,4}(?<!总)(?:市长|县长|区长|主任|局长|厅长|部长|书记|主席))(?:在会上)?(?:要求|强调|明确))", RegexOptions.CultureInvariant)]
    private static partial Regex Frame();

    [GeneratedRegex(@"(?:时间|任务|难度|压力|责任|要求|标准|意义|形势)(?:紧迫|紧|重大|繁重|艰巨|重|大|高|严峻)(?![\u4E00-\u9FFF]{0,1}[要须应])", RegexOptions.CultureInvariant)]
    private static partial Regex Circumstance();

    [GeneratedRegex(@"\G(?<who>[\u4E00-\u9FFF、（）()]{2,30}?)(?:指出|强调|要求|明确|表示|认为|提出|说)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex SpeechVerb();

    [GeneratedRegex(@"^(?:雨天|晴天|雨季|汛期|夜间|白天|节假日|节日期间|平时|平日|冬季|夏季|高温天气|恶劣天气)$", RegexOptions.CultureInvariant)]
    private static partial Regex WhenTopic();

    // The work a 由…牵头 clause hands out, named before 由 (九重区域环境整治, 两场建设): no modal, no frame, no aside.
    [GeneratedRegex(@"^[^，,。；;：:要应须必（(“\s]{2,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex ByTopic();

    [GeneratedRegex(@"\G(?:会议)?(?:原则|原则上)?(?:同意|通过|审议通过)", RegexOptions.CultureInvariant)]
    private static partial Regex AgreedHead();

    [GeneratedRegex(@"(?:提出|提交|起草|草拟|拟草|拟定|拟订|报送|制定|编制|汇报|修订)(?:[^，。；《]{0,20})?$", RegexOptions.CultureInvariant)]
    private static partial Regex DraftingVerb();

    [GeneratedRegex(@"^(?:本次会议|会议|会上|會議|本次會議)由[^，,。；;]{2,30}?(?:牵头|牽頭)?(?:主持|组织|組織|召集|召开|召開)", RegexOptions.CultureInvariant)]
    private static partial Regex MeetingOrganiser();

    [GeneratedRegex(@"^[\u4E00-\u9FFF]{1,10}(?:会议|會議)由[^，,。；;]{2,30}?(?:牵头|牽頭)?(?:召集|主持)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex MeetingConvener();

    [GeneratedRegex(@"\G(?:向[^，,。；;]{2,14}?)?(?:提出|签发|簽發|报告|報告|印发|印發|报送|報送|汇总|匯總|审核|審核)", RegexOptions.CultureInvariant)]
    private static partial Regex ActAfterBy();

    [GeneratedRegex(@"\G(?:[\u4E00-\u9FFF]{2,8}?)?[(（](?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})[)）]", RegexOptions.CultureInvariant)]
    private static partial Regex BracketedItemNumber();

    [GeneratedRegex(@"\G(?:每?(?:周|星期)[一二三四五六日天]|每天|每日|每周|每月|每季度?|每年|月底前?|年底前?|下周[一二三四五六日]?|今后)", RegexOptions.CultureInvariant)]
    private static partial Regex RecurringTime();

    [GeneratedRegex(@"^\s*在[^，,。；;要须应]{2,16}(?:里|内|中|前|期间|之前|以前|时)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex OnlyWhen();

    [GeneratedRegex(@"^(?:组成|担任|兼任|构成|組成|擔任)", RegexOptions.CultureInvariant)]
    private static partial Regex FillsRole();

    [GeneratedRegex(@"^\s*[“""「][^”""」]{1,12}[”""」]\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex SloganOnly();

    // 交由X / 交给X / 转交X / 移交X / 转由X, after the matter handed on (此事交由…).
    [GeneratedRegex(@"\G[^，,。；;]{0,12}?(?:交由|交给|转交|移交|转由)", RegexOptions.CultureInvariant)]
    private static partial Regex HandedOn();

    [GeneratedRegex(@"^[^，,。；;]{0,16}的[^，,。；;]{1,16}?(?:已经|已|业已)", RegexOptions.CultureInvariant)]
    private static partial Regex DoneByEarlier();

    [GeneratedRegex(@"\G[^，,。；;：:由]{0,14}?(?:事项|工作|任务|此事|该事|事宜|问题)由", RegexOptions.CultureInvariant)]
    private static partial Regex MatterBy();

    // What a unit given a matter does with it (承办, 抓好落实, 组织实施), not who attends or takes part (参加).
    [GeneratedRegex(@"\G(?:具体|负责|牵头)?(?:承办|办理|落实|抓好|抓紧|组织|统筹|督办|跟踪|研究|制定|起草|协调|实施|推进|完成|做好)", RegexOptions.CultureInvariant)]
    private static partial Regex MatterVerb();

    [GeneratedRegex(@"\G(?:阅处|阅办|研处|酌处|办理|处理|研究|核实|落实|答复|调查|查处)", RegexOptions.CultureInvariant)]
    private static partial Regex HandlingVerb();
}
