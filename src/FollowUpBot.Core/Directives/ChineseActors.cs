using System.Text.RegularExpressions;

namespace FollowUpBot.Directives;

/// <summary>
/// Recognises Chinese actor phrases (units, offices, roles, classes of them) by their head noun, and splits
/// conjoined actors without breaking names such as 市住房和城乡建设局 (a split is kept only when every part is an actor).
/// </summary>
internal static partial class ChineseActors
{
    // Head nouns an actor phrase ends with, longest first so 委员会 wins over 会.
    private static readonly string[] Heads =
    [
        "委员会", "办公室", "办公厅", "指挥部", "工作组", "领导小组", "联合会", "检察院", "负责人", "责任人", "秘书长",
        "中心", "财政", "单位", "部门", "组织", "党委", "党组", "纪委", "监委", "小组", "成员", "干部", "党员", "人员", "同志", "领导",
        "上下", "政府", "机关", "企业", "学校", "医院", "银行", "公司", "集团", "协会", "书记", "主任", "主席", "经理", "班子",
        "专班", "机构", "系统", "战线", "街道", "社区", "乡镇", "园区", "人大", "政协", "法院", "平台", "代表", "职工", "商会",
        "施工方", "建设方", "监理方", "业主方", "设计方",
        "部", "局", "委", "办", "厅", "处", "科", "室", "院", "所", "队", "站", "组", "会", "司", "署", "行", "社", "团", "馆",
        "校", "镇", "乡", "村", "区", "县", "市", "省", "联", "长", "行", "厂",
    ];

    // A single-character head followed by one of these is the start of a word, not the end of a name (部署, 组织, 会同 …).
    private static readonly string[] WordStarts =
    [
        "部署", "部分", "局面", "局部", "委托", "办理", "办好", "办法", "办结", "处理", "处置", "处罚", "科学", "室内", "院校",
        "所有", "所属", "所在", "队伍", "站位", "组织", "组建", "组成", "会同", "会议", "会后", "会前", "会商", "会签", "司法", "行动", "行为", "社会",
        "团结", "校园", "区域", "县域", "市场", "市民", "市府", "县府", "区府", "省府", "省级", "联系", "联动", "联合", "长期", "长效", "团队",
    ];

    // Ordinary words that happen to end in a head character (格局, 执行, 增长 …).
    private static readonly string[] NotActors =
    [
        "全部", "内部", "外部", "局部", "底部", "顶部", "东部", "西部", "南部", "北部", "中部", "格局", "布局", "大局", "结局", "开局",
        "全局", "僵局", "变局", "新局", "原委", "督办", "举办", "承办", "主办", "创办", "兴办", "协办", "查办", "包办", "开办", "筹办",
        "交办", "领办", "之处", "好处", "到处", "长处", "难处", "相处", "益处", "用处", "深处", "出处", "场所", "住所", "重组", "改组",
        "学科", "本科", "城乡", "农村", "乡村", "城镇", "城市", "上市", "超市", "股市", "楼市", "都市", "机会", "体会", "理会", "误会",
        "聚会", "大会", "部署", "增长", "成长", "延长", "专长", "擅长", "生长", "助长", "特长", "见长", "漫长", "关联", "串联", "互联", "误区",
        "盲区", "禁区", "社会", "领会", "学会", "开会", "不会",
        // events held, not bodies that act (会议决定，展会于10月举办)
        "展会", "晚会", "年会", "庙会", "博览会", "交易会", "洽谈会", "座谈会", "推介会", "发布会", "招聘会", "展销会", "运动会", "茶话会",
        "见面会", "培训会", "观摩会", "现场会", "推进会", "调度会", "动员会", "执行", "运行", "进行", "实行", "履行", "先行", "践行", "发行", "流行", "可行", "推行", "试行",
    ];

    private static readonly System.Buffers.SearchValues<char> HeadEnds =
        System.Buffers.SearchValues.Create(string.Concat(Heads.Select(h => h[^1]).Distinct()) + "）)");

    private static readonly string[] ReferredParties = ["所在单位", "所在單位", "所在部门", "所在部門", "所属单位", "所屬單位", "召集人", "副召集人"];

    private static readonly string[] UrgencyAdverbs = ["立即", "立刻", "马上", "馬上", "迅速", "尽快", "盡快", "抓紧", "抓緊"];

    private static readonly System.Buffers.SearchValues<char> UrgencyStarts = System.Buffers.SearchValues.Create("立马馬迅尽盡抓");

    private static readonly string[] Collectives =
    [
        "全市上下", "全县上下", "全区上下", "全省上下", "各级各部门", "各地各部门", "各地区各部门", "各级各类", "全体党员", "全体干部",
        "全局上下", "全厂上下", "全校上下", "全院上下", "全镇上下", "全乡上下", "全系统上下",
        // every place of the area, like 全市上下
        "全市各地", "全县各地", "全区各地", "全省各地", "全州各地", "全盟各地", "全镇各地",
    ];

    private static readonly string[] Pronouns = ["我们", "大家", "你们", "咱们", "我", "他们", "同志们", "各位", "自己", "我们大家"];

    // Characters that do not occur inside an actor name but do in clauses around one.
    private const string Forbidden = "了是把被让的对从向将于在须得可这那其该此每并且而但又也都还";

    // Action verbs that follow an actor (市市场监管局抓紧推进…, 会同市教育局做好…) and are not part of unit names.
    private static readonly string[] Verbs =
    [
        "推进", "加强", "抓紧", "做好", "开展", "落实", "完成", "建立", "加快", "推动", "提高", "制定", "实施", "确保", "报送", "牵头",
        "协调", "督促", "提供", "组织开展", "研究", "深化", "强化", "严格", "认真", "积极", "切实", "继续", "进一步", "会同",
        "协同", "配合",
        // 市安委会办公室成立安全生产大检查办公室: the unit that sets up another is the actor, not the whole run
        "成立",
        // 由办公室签发后印发各单位: the office signs and issues; 签发后印发各单位 is its act, not part of a name ending in 单位
        "签发", "簽發", "印发", "印發", "下发", "下發",
    ];

    // 各单位结合部门职能…, 各村对照标准…: a unit fitting its work to something is the actor before the verb, even where a unit
    // noun follows (结合部门 is no role as 配合部门 is); 城乡结合部 (the urban fringe) is a place, not a 部.
    private static readonly string[] FittingVerbs = ["结合", "对照"];

    // Verbs that start a clause of tasks, never a name: under 会议要求 "加强部门间沟通" and "明晰…及所需材料" end on a head
    // character (部门, 所) but are verb phrases.
    private static readonly string[] StartVerbs =
    [
        "加强", "推进", "明晰", "落实", "做好", "建立", "完善", "确保", "提高", "强化", "抓好", "抓实", "严格", "加快", "开展", "深化",
        "健全", "规范", "明确", "统筹", "紧盯", "聚焦", "坚持", "围绕", "督促", "指导", "压实", "夯实", "树立", "增强", "提升", "扎实",
        "领会", "吃透", "谋划", "切实", "认真", "积极", "主动", "全力", "进一步", "充分", "及时", "尽快", "抓紧", "推动", "加大", "完成",
        "实现", "形成", "构建", "打造", "发挥", "筛选", "召开", "组建", "成立", "按照", "根据", "结合", "对照",
        "加速", "尽速", "迅速", "先", "再", "另", "即", "邀", "速", "研议", "研拟", "指派", "评估", "安排", "派员", "转知", "依",
        "帮助", "支持", "协助", "鼓励", "引导", "办理", "处理", "解决", "启动", "出台", "做实", "做细", "列入", "纳入",
        // 定期组织消防演练: a frequency adverb before a head noun (组织)
        "定期", "经常", "每月", "每周", "每年",
        // 紧紧围绕县委、县政府中心工作…, 到村到户开展宣传: an adverb or a place the work goes to opens a task, not a unit.
        "紧紧", "紧扣", "到村", "到户", "到企", "到点",
    ];

    // Verbs, prepositions and conjunctions that start a clause, never a name (报市政府审定, 向市委报告, 当前和明年…工作).
    private const string NotInitial = "报向经送提按据依将对在于为把被让给由请和及与或";

    // 同 is left out: in meeting texts it is nearly always part of 会同/协同, not "and".
    private static readonly string[] Conjunctions = ["以及", "、", "和", "及", "与"];

    // Common single-character surnames (simplified and traditional forms), for a person named as the lead of a task
    // (…由王光玲牵头): only read where 由 and 牵头/负责 frame the name.
    private const string Surnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝" +
        "劉陳楊黃趙吳許韓馮鄧蕭董袁潘蔣魏呂盧薑鍾譚陸範賈鄒熊邱閆雷龍陶賀顧龔萬錢嚴湯溫齊喬龐顏聶魯嶽欒殷歐蘭焦俞紀梅畢駱藍遊辛靳鮑華饒繆簡車連蘆婁竇戚岑費衛瞿閔鄔卞欒巫寇鄺";

    /// <summary>
    /// A person's name as written in minutes: a common surname and one or two more characters (王光玲, 顾理), none of them
    /// the head of a unit name or a pronoun.
    /// </summary>
    public static bool IsPersonName(ReadOnlySpan<char> phrase)
    {
        if (phrase.Length is < 2 or > 3 || !Surnames.Contains(phrase[0]))
        {
            return false;
        }

        foreach (var c in phrase)
        {
            if (c is < '\u4E00' or > '\u9FFF' || "局委办厅处科室组部队站所会院校镇村乡区县市省司们其各该本我他她有关等".Contains(c))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"^各?(?:城市|县城|縣城|市|县|縣|区|區|乡镇|鄉鎮)(?:、(?:城市|县城|縣城|市|县|縣|区|區|乡镇|鄉鎮))*、(?:城市|县城|縣城|市|县|縣|区|區|乡镇|鄉鎮)(?![直级級属屬])[\u4E00-\u9FFF]{2,12}(?:主管部门|主管部門|部门|部門)$", RegexOptions.CultureInvariant)]
    private static partial Regex PlacesSharingDepartment();

    [GeneratedRegex("(?:办公室|指挥部|小组|委员会|工作组|专班)", RegexOptions.CultureInvariant)]
    private static partial Regex CampaignOffice();

    public static bool IsPronoun(ReadOnlySpan<char> phrase)
    {
        foreach (var pronoun in Pronouns)
        {
            if (phrase.SequenceEqual(pronoun))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the phrase starts with a verb that begins a task (加强…, 明晰…), so it cannot be a name.</summary>
    private static readonly System.Buffers.SearchValues<char> TimeWordStarts = System.Buffers.SearchValues.Create("会近今随目当");

    private static bool ContainsTimeWord(ReadOnlySpan<char> phrase)
    {
        foreach (var word in (ReadOnlySpan<string>)["会后", "会前", "近期", "今后", "随后", "目前", "当前"])
        {
            if (phrase[1..].IndexOf(word, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    public static bool StartsWithVerb(ReadOnlySpan<char> phrase)
    {
        // 办理好…, 管好…, 落实好…: a verb and its 好 complement open a task; no unit name starts that way.
        var good = phrase.Length > 3 ? phrase[1..4].IndexOf('好') : -1;
        if (good >= 0 && phrase[0] != '好')
        {
            return true;
        }

        // 创建企业安全文化 is a task; 创建办 and 创建工作领导小组 are the offices that run a campaign.
        if (phrase.StartsWith("创建") && phrase.Length > 2 && phrase[2] != '办' && !CampaignOffice().IsMatch(phrase))
        {
            return true;
        }

        // 开好村民代表会, 办好…, 管好…: a one-character verb and 好 before a short head (村, 会) are a task, not a unit.
        if (phrase.Length == 3 && phrase[1] == '好' && "开办管抓做搞用建守护带讲写".Contains(phrase[0], StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var verb in StartVerbs)
        {
            if (phrase.StartsWith(verb, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the whole phrase names one actor.</summary>
    public static bool IsActor(ReadOnlySpan<char> phrase, bool strict = false)
    {
        phrase = phrase.Trim();
        if (phrase.Length is < 2 or > 24)
        {
            return false;
        }

        foreach (var collective in Collectives)
        {
            if (phrase.SequenceEqual(collective))
            {
                return true;
            }
        }

        // 由所在单位提出, 由召集人签发: the member's own unit and the meeting's convener are parties a rule hands work to.
        foreach (var party in ReferredParties)
        {
            if (phrase.SequenceEqual(party))
            {
                return true;
            }
        }

        // 我区, 我市, 我局: the speaker's own body ("our district") is the speaker, like 我们, not an addressee.
        if (IsPronoun(phrase) || phrase[0] == '我')
        {
            return false;
        }

        // 编制单位会后与相关部门…: a time word ends the actor before it (会后, 近期 are when, not who).
        if (phrase.Length > 3 && phrase[1..].IndexOfAny(TimeWordStarts) >= 0 && ContainsTimeWord(phrase))
        {
            return false;
        }

        if (StartsWithVerb(phrase))
        {
            return false;
        }

        // "市住建局作为牵头单位" is an actor and its role, read by ReadLeading up to 作为.
        if (NotInitial.Contains(phrase[0], StringComparison.Ordinal) || phrase.Contains("作为", StringComparison.Ordinal))
        {
            return false;
        }

        // Most phrases tested are not actors: reject on the last character before the costlier word lists.
        var last = StripTrailingBrackets(phrase);
        if (last.Length == 0 || (!HeadEnds.Contains(last[^1]) && !(phrase[0] == '各' && !strict) && phrase[^1] is not ('下' or '）' or ')')))
        {
            return false;
        }

        // A modal inside the phrase (各县市要领会) means a clause was read as a name; 要 in a word (机要局, 主要负责同志) is no modal.
        var modal = phrase.IndexOf('要');
        if (modal >= 0 && !(modal > 0 && "机主重需必首".Contains(phrase[modal - 1], StringComparison.Ordinal)))
        {
            return false;
        }

        var depth = 0;
        foreach (var c in phrase)
        {
            if (c is '（' or '(')
            {
                depth++;
            }
            else if (c is '）' or ')')
            {
                depth--;
            }
            else if (depth == 0 && (Forbidden.Contains(c, StringComparison.Ordinal) || char.IsDigit(c) || (char.IsPunctuation(c) && c is not ('·' or '-'))))
            {
                return false;
            }
        }

        if (depth != 0)
        {
            return false;
        }

        if (ContainsVerb(phrase) || ContainsFittingVerb(phrase))
        {
            return false;
        }

        var core = StripTrailingBrackets(phrase);
        if (core.Length < 2 && !phrase.StartsWith('各'))
        {
            return false;
        }

        foreach (var word in NotActors)
        {
            if (core.EndsWith(word, StringComparison.Ordinal) && !core.StartsWith('各'))
            {
                return false;
            }
        }

        // 组织发动群众…: 组织 alone opening a clause is the verb "organise"; a 组织 that acts is named (党组织, 基层组织).
        if (core.SequenceEqual("组织"))
        {
            return false;
        }

        foreach (var head in Heads)
        {
            if (core.EndsWith(head, StringComparison.Ordinal))
            {
                return core.Length > head.Length || head.Length >= 2;
            }
        }

        // 各区县, 各有关方面: a distributive 各 marks a class of actors even with an unusual head.
        return !strict && phrase[0] == '各' && phrase.Length <= 8;
    }

    /// <summary>Splits a conjoined actor phrase; null when it is not a list of actors.</summary>
    public static List<string>? SplitActors(string phrase, bool strict = false)
    {
        phrase = phrase.Trim();
        if (phrase.Length == 0)
        {
            return null;
        }

        // 各部门之间要加强沟通: "between" the departments says how they work together; the party is 各部门.
        if (phrase.Length > 4 && (phrase.EndsWith("之间", StringComparison.Ordinal) || phrase.EndsWith("之間", StringComparison.Ordinal)))
        {
            return SplitActors(phrase[..^2], strict);
        }

        // 六、七科 (sections six and seven): numbers listed before one shared unit noun name one party, as written.
        if (SharedNumberedUnit(phrase))
        {
            return [phrase];
        }

        // "A局、B局等部门": the list shares the class after 等. It splits only when every item before 等 is a unit of its own
        // (国网市供电公司、市燃气集团等单位); "各级发改、自然资源等部门" names one class of departments.
        if (ClassAfterEtc(phrase) is var etc and > 0 && phrase.AsSpan(0, etc).IndexOfAny('、', '和') > 0
            && SplitActors(phrase[..etc], strict: true) is null)
        {
            return IsActor(phrase.Replace("、", string.Empty, StringComparison.Ordinal), strict) ? [phrase] : null;
        }

        var parts = new List<(int Start, int End)>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < phrase.Length; i++)
        {
            var c = phrase[i];
            if (c is '（' or '(')
            {
                depth++;
                continue;
            }

            if (c is '）' or ')')
            {
                depth--;
                continue;
            }

            if (depth != 0)
            {
                continue;
            }

            foreach (var conjunction in Conjunctions)
            {
                // 参与 is a word (各参与单位), not "参 and …".
                if (string.CompareOrdinal(phrase, i, conjunction, 0, conjunction.Length) == 0 && !(conjunction == "与" && i > 0 && phrase[i - 1] == '参'))
                {
                    parts.Add((start, i));
                    start = i + conjunction.Length;
                    i = start - 1;
                    break;
                }
            }
        }

        parts.Add((start, phrase.Length));

        // 各承办、协办单位, 各协作和配合单位: a distributive 各 before a bare modifier shares the head noun of the last item, so
        // the list names one class of parties, as written (各乡镇、县直各单位 splits: 乡镇 is a unit of its own).
        if (SharesHead(phrase, parts))
        {
            return [phrase];
        }

        // 各城市、县城住房城乡建设主管部门: places listed before one department name the department of each place, one class.
        if (PlacesSharingDepartment().IsMatch(phrase))
        {
            return [phrase];
        }

        // 交通、公路部门, 教育、卫健部门: sectors sharing the head 部门 name one class of parties, kept whole as written.
        if (parts.Count >= 2 && phrase.EndsWith("部门", StringComparison.Ordinal) && phrase.Contains('、', StringComparison.Ordinal)
            && parts.Take(parts.Count - 1).All(p => p.End - p.Start is 2 or 3 && !IsActor(phrase.AsSpan(p.Start, p.End - p.Start)))
            && IsActor(phrase.Replace("、", string.Empty, StringComparison.Ordinal), strict))
        {
            return [phrase];
        }

        // Merge a part that is no actor on its own with what follows: 市住房 + 城乡建设局.
        var result = new List<string>();
        var pendingStart = -1;
        foreach (var (s, e) in parts)
        {
            var from = pendingStart >= 0 ? pendingStart : s;
            var candidate = phrase[from..e];
            if (IsActor(candidate, strict))
            {
                result.Add(candidate.Trim());
                pendingStart = -1;
            }
            else
            {
                pendingStart = from;
            }
        }

        return pendingStart >= 0 || result.Count == 0 ? null : result;
    }

    // Roles a unit plays in a task, which several units can share one head noun for (各承办、协办单位, 各牵头和配合部门).
    private static readonly string[] TaskRoles = ["承办", "协办", "主办", "牵头", "配合", "协作", "协同", "参与", "责任", "主责", "成员", "联系", "包保"];

    private static bool SharesHead(string phrase, List<(int Start, int End)> parts)
    {
        if (parts.Count < 2 || phrase[0] != '各')
        {
            return false;
        }

        for (var k = 0; k < parts.Count; k++)
        {
            var (s, e) = parts[k];
            var word = phrase[s..e].TrimStart('各');
            var role = TaskRoles.FirstOrDefault(r => word.StartsWith(r, StringComparison.Ordinal));
            if (role is null || (k < parts.Count - 1 && word.Length != role.Length))
            {
                return false;
            }
        }

        var last = phrase.AsSpan(parts[^1].Start, parts[^1].End - parts[^1].Start);
        return last.Length > 2 && IsActor(last);
    }

    private static bool SharedNumberedUnit(string phrase)
    {
        if (phrase.Length < 4 || !"科处室组队股课".Contains(phrase[^1], StringComparison.Ordinal) || !phrase.Contains('、', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in phrase.AsSpan(0, phrase.Length - 1))
        {
            if (c != '、' && !"一二三四五六七八九十".Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return phrase[0] != '、' && phrase[^2] != '、';
    }

    /// <summary>The index of 等 when the phrase ends in 等 and a class noun (等部门, 等相关单位); otherwise -1.</summary>
    private static int ClassAfterEtc(string phrase)
    {
        var etc = phrase.LastIndexOf('等');
        if (etc <= 0 || etc > phrase.Length - 3)
        {
            return -1;
        }

        var tail = phrase.AsSpan(etc + 1).TrimStart("有关相");
        return tail is "部门" or "单位" or "机构" or "处室" or "方面" ? etc : -1;
    }

    /// <summary>
    /// The longest actor list that starts at <paramref name="start"/> (as after 请 or 责成), ending where a verb begins.
    /// Returns the actors and the index just past them, or null.
    /// </summary>
    public static (List<string> Actors, int End)? ReadLeading(string text, int start, int limit)
    {
        var max = Math.Min(limit, start + 40);
        if (max - start < 2)
        {
            return null;
        }

        // 请财政局依地政处…所提意见: the one addressed ends where 依/按 (by, according to) begins.
        var by = text.AsSpan(start + 2, Math.Max(0, max - start - 2)).IndexOfAny('依', '按');
        if (by >= 0)
        {
            max = start + 2 + by;
        }

        // 各成员单位立即组织人员…: an adverb of urgency starts the predicate, so the actor ends before it (组织人员 is then a task).
        var urgent = text.AsSpan(start + 2, Math.Max(0, max - start - 2)).IndexOfAny(UrgencyStarts);
        while (urgent >= 0 && start + 2 + urgent + 1 < max)
        {
            var at = start + 2 + urgent;
            if (UrgencyAdverbs.Any(a => string.CompareOrdinal(text, at, a, 0, a.Length) == 0))
            {
                max = at;
                break;
            }

            var next = text.AsSpan(at + 1, max - at - 1).IndexOfAny(UrgencyStarts);
            urgent = next < 0 ? -1 : urgent + 1 + next;
        }

        for (var end = max; end > start + 1; end--)
        {
            // Only an end on a head noun or a closing bracket can finish an actor; test that before building any strings.
            // 全县各地 ends on 地, which ends no other actor: only that collective is tried there.
            if (!(HeadEnds.Contains(text[end - 1]) || (text[end - 1] == '地' && text[end - 2] == '各')) || !EndsAtWordBoundary(text, end, limit))
            {
                continue;
            }

            // 由区卫健局组织实施: 组织 before what is organised is the unit's action, not the end of its name (党组织 stays one).
            if (end - start > 4 && text[end - 2] == '组' && text[end - 1] == '织' && OrganisedNext().IsMatch(text.AsSpan(end, limit - end)))
            {
                continue;
            }

            var actors = SplitActors(text[start..end], strict: true);
            if (actors is not null)
            {
                return (actors, end);
            }
        }

        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:实施|开展|召开|编制|制定|协调|推进|专家|力量|人员|相关|有关|各|对|的)", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex OrganisedNext();

    /// <summary>
    /// True when an action verb occurs outside brackets and is not the first half of a role noun
    /// (牵头单位, 配合部门, 参与单位, 责任(配合)单位 name parties, not actions).
    /// </summary>
    // 配合单位, 牵头部门, and 协同配合单位 (one task role before another): a role verb before a unit noun names a party.
    private static bool IsUnitHead(ReadOnlySpan<char> after)
    {
        if (after.StartsWith("单位") || after.StartsWith("部门") || after.StartsWith("责任") || after.StartsWith("处室"))
        {
            return true;
        }

        foreach (var role in TaskRoles)
        {
            if (after.StartsWith(role, StringComparison.Ordinal))
            {
                var rest = after[role.Length..];
                return rest.StartsWith("单位") || rest.StartsWith("部门");
            }
        }

        return false;
    }

    private static bool ContainsVerb(ReadOnlySpan<char> phrase)
    {
        foreach (var verb in Verbs)
        {
            var from = 0;
            while (from < phrase.Length)
            {
                var index = phrase[from..].IndexOf(verb, StringComparison.Ordinal);
                if (index < 0)
                {
                    break;
                }

                index += from;
                var after = phrase[(index + verb.Length)..];
                if (!InsideBrackets(phrase, index) && !IsUnitHead(after))
                {
                    return true;
                }

                from = index + verb.Length;
            }
        }

        return false;
    }

    // 中西医结合医院 is a hospital's name.
    private static bool ContainsFittingVerb(ReadOnlySpan<char> phrase)
    {
        foreach (var verb in FittingVerbs)
        {
            var index = phrase.IndexOf(verb, StringComparison.Ordinal);
            if (index >= 0 && !InsideBrackets(phrase, index) && !phrase[(index + verb.Length)..].StartsWith("医院"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InsideBrackets(ReadOnlySpan<char> phrase, int index)
    {
        var depth = 0;
        for (var i = 0; i < index; i++)
        {
            depth += phrase[i] is '（' or '(' ? 1 : phrase[i] is '）' or ')' ? -1 : 0;
        }

        return depth > 0;
    }

    private static bool EndsAtWordBoundary(string text, int end, int limit)
    {
        if (end >= limit)
        {
            return true;
        }

        var last = text[end - 1];
        if (last is '）' or ')')
        {
            return true;
        }

        var pair = text.AsSpan(end - 1, Math.Min(2, limit - end + 1));
        foreach (var word in WordStarts)
        {
            // 全体镇村干部|分解: a head of two characters (干部, 小组) ends the name even where its last character starts a
            // word with the next one (部分), unless that word is a head itself (党组|织).
            if (pair.SequenceEqual(word) && (Heads.Contains(word) || !EndsWithLongHead(text.AsSpan(0, end))))
            {
                return false;
            }
        }

        // Do not cut a name in the middle of a longer head: 委|员会, 办|公室.
        var next = text[end];
        return !(last == '委' && next == '员') && !(last == '办' && next == '公') && !(last == '小' && next == '组') && next is not ('（' or '(');
    }

    private static bool EndsWithLongHead(ReadOnlySpan<char> before)
    {
        foreach (var head in Heads)
        {
            if (head.Length >= 2 && before.EndsWith(head, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static ReadOnlySpan<char> StripTrailingBrackets(ReadOnlySpan<char> phrase)
    {
        while (phrase.Length > 0 && phrase[^1] is '）' or ')')
        {
            var open = phrase.LastIndexOfAny('（', '(');
            if (open <= 0)
            {
                break;
            }

            phrase = phrase[..open];
        }

        return phrase;
    }
}
