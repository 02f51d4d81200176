using FollowUpBot.Directives;

namespace FollowUpBot.Tests.Directives;

public sealed class DirectiveExtractorTests
{
    private static readonly DateOnly Meeting = new(2026, 3, 2);

    private static IReadOnlyList<Directive> Extract(string text) => new DirectiveExtractor().Extract(text, Meeting);

    private static List<Directive> Assigned(string text) => [.. Extract(text).Where(d => !d.IsCandidate)];

    [Fact]
    public void EachModalClauseIsADirectiveOfItsOwn()
    {
        var directives = Assigned("各级党委要认真组织学习，党员干部要做好表率，基层党组织要结合实际开展活动。");

        Assert.Equal([["各级党委"], ["党员干部"], ["基层党组织"]], directives.Select(d => d.Lead));
        Assert.Equal("党员干部要做好表率", directives[1].Quote);
    }

    [Fact]
    public void VerbPhrasesUnderOneModalStayOneDirective()
    {
        var directive = Assert.Single(Assigned("班子成员要认真履行一岗双责，切实抓好分管系统的工作，推动工作落实。"));

        Assert.Equal("班子成员要认真履行一岗双责，切实抓好分管系统的工作，推动工作落实", directive.Quote);
    }

    [Fact]
    public void ASubjectlessModalClauseInheritsTheActorOfItsSentence()
    {
        var directives = Assigned("各级应急管理部门必须严格执法，不得以罚代管。");

        Assert.Equal(2, directives.Count);
        Assert.Equal(["各级应急管理部门"], directives[1].Lead);
        Assert.Equal("不得以罚代管", directives[1].Quote);
    }

    [Fact]
    public void AnActorIsNeverInheritedAcrossAFullStop()
    {
        var directives = Extract("市财政局要保障经费。要报送绩效管理台账。");

        Assert.Equal(["市财政局"], directives[0].Lead);
        Assert.True(directives[1].IsCandidate);
    }

    [Fact]
    public void SubjectlessObligationsWithSomethingToDeliverAreKeptAsUnassignedCandidates()
    {
        var directive = Assert.Single(Extract("二要坚持把加强党内监督作为重要保障。三要在6月底前报送整改方案。"));

        Assert.Empty(directive.Lead);
        Assert.Equal("三要在6月底前报送整改方案", directive.Quote);
    }

    [Fact]
    public void ConjoinedActorsAreSplitButCompoundNamesAreNot()
    {
        Assert.Equal(["宣传部门", "新闻单位"], Assigned("宣传部门和新闻单位要搞好宣传报道。")[0].Lead);
        Assert.Equal(["市财政局", "市审计局", "市统计局"], Assigned("市财政局、市审计局及市统计局要加强协作。")[0].Lead);
        Assert.Equal(["市住房和城乡建设局"], Assigned("市住房和城乡建设局要加快老旧小区改造。")[0].Lead);
    }

    [Fact]
    public void LeadAndSupportComeFromCooperationMarkers()
    {
        var led = Assigned("由市住建局牵头，市财政局、市规划局配合，制定资金筹措方案。")[0];
        Assert.Equal(["市住建局"], led.Lead);
        Assert.Equal(["市财政局", "市规划局"], led.Support);

        var jointly = Assigned("市司法局要会同市发展改革委做好合法性审查。")[0];
        Assert.Equal(["市司法局"], jointly.Lead);
        Assert.Equal(["市发展改革委"], jointly.Support);

        var assisted = Assigned("市市场监管局负责特种设备专项整治，市消防救援支队协助。")[0];
        Assert.Equal(["市市场监管局"], assisted.Lead);
        Assert.Equal(["市消防救援支队"], assisted.Support);
    }

    [Fact]
    public void RequestsNameTheirAddressee()
    {
        var directive = Assigned("请各单位于2026年11月20日前将完成情况报送市政府督查室。")[0];

        Assert.Equal(["各单位"], directive.Lead);
        Assert.Equal("2026年11月20日前", directive.Deadline?.Text);
        Assert.StartsWith("请各单位", directive.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void ARequirementFrameMakesTheNextActorClauseADirective()
    {
        var directive = Assert.Single(Assigned("会议要求，市财政局抓紧拨付第一批补助资金。"));

        Assert.Equal(["市财政局"], directive.Lead);
    }

    [Fact]
    public void AnAgreedProposalIsAssignedToItsProposer()
    {
        var directive = Assert.Single(Assigned("会议同意市发展改革委提出的《若干措施（送审稿）》，作进一步修改完善后提请市委常委会审议。"));

        Assert.Equal(["市发展改革委"], directive.Lead);
    }

    [Fact]
    public void AHeadingThatNamesAnActorPassesItToTheItemsUnderIt()
    {
        var directives = Extract("二、重点任务\n（一）市教育局：\n一是要加快学位建设；二是要深化双减工作。\n（二）关于安全\n要开展校园安全检查。");

        Assert.Equal(["市教育局"], directives[0].Lead);
        Assert.Equal(["市教育局"], directives[1].Lead);
        Assert.True(directives[2].IsCandidate);
        Assert.Equal("二/（一）/一是", directives[0].Section);
    }

    [Fact]
    public void AResponsibilityNoteAssignsTheItemsItBelongsTo()
    {
        var inline = Extract("（一）要组织开展全面排查，4月15日前完成。（牵头单位：市应急管理局；配合单位：各县（市、区）人民政府）")[0];
        Assert.Equal(["市应急管理局"], inline.Lead);
        Assert.Equal(["各县（市、区）人民政府"], inline.Support);

        var standalone = Extract("（四）建立长效机制。\n责任单位：市安委会办公室\n要建立健全隐患排查治理长效机制。")[0];
        Assert.Equal(["市安委会办公室"], standalone.Lead);
    }

    [Fact]
    public void SectionPathsFollowMixedOutlineNumbering()
    {
        var directives = Extract("二、狠抓落实\n（三）抓好重点工作。\n一要抓紧制定工作方案。全市各级党组织要增强四个意识。");

        Assert.All(directives, d => Assert.Equal("二/（三）/一要", d.Section));
        Assert.Equal(["全市各级党组织"], directives[1].Lead);
    }

    [Theory]
    [InlineData("我们要牢固树立四个意识。")]
    [InlineData("希望大家切实强化责任意识。")]
    [InlineData("中央反复强调要严格落实主体责任。")]
    [InlineData("党要管党，才能管好党。")]
    [InlineData("各单位可结合实际制定具体办法。")]
    [InlineData("会议听取了市住房和城乡建设局的汇报。")]
    [InlineData("推动发展是第一要务，这是重要要求。")]
    public void StatementsPermissionsAndReportedSpeechAreNotDirectives(string text)
    {
        Assert.Empty(Assigned(text));
    }

    [Fact]
    public void BracketWidthsInActorsAreKeptAsWritten()
    {
        Assert.Equal(["各级党委(党组)"], Assigned("各级党委(党组)要认真履行主体责任。")[0].Lead);
        Assert.Equal(["各级党委（党组）"], Assigned("各级党委（党组）要认真履行主体责任。")[0].Lead);
    }

    [Fact]
    public void EnglishMinutesConventionsAreDirectives()
    {
        var text = string.Join('\n',
            "ACTION: Public Works to publish a revised schedule by 20 March 2026.",
            "ACTION: Lisa Grant — notify affected residents within five working days.",
            "The Finance team will prepare options, with the support of Public Works, by 15 April 2026.",
            "The proposal was referred to the Environment Committee.",
            "The City Attorney's Office was directed to draft amendments.",
            "Staff were asked to draft a plan in cooperation with the Environment Agency.",
            "We should also consider a campaign.",
            "The next meeting will be held on 9 April 2026.");

        var directives = Assigned(text);

        Assert.Equal(
            [["Public Works"], ["Lisa Grant"], ["Finance team"], ["Environment Committee"], ["City Attorney's Office"], ["Staff"]],
            directives.Select(d => d.Lead));
        Assert.Equal(["Public Works"], directives[2].Support);
        Assert.Equal(["Environment Agency"], directives[5].Support);
        Assert.Equal("by 20 March 2026", directives[0].Deadline?.Text);
    }

    [Fact]
    public void AnActionLineWithoutAnOwnerIsAnUnassignedCandidate()
    {
        var directive = Assert.Single(Extract("ACTION: arrange the next steering group meeting."));

        Assert.True(directive.IsCandidate);
    }

    [Fact]
    public void AnActorStandingAloneBeforeASubjectlessModalIsItsSubject()
    {
        var directive = Assert.Single(Assigned("特别是各级领导干部，要带头遵守规定。"));

        Assert.Equal(["各级领导干部"], directive.Lead);
        Assert.Equal("各级领导干部，要带头遵守规定", directive.Quote);
    }

    [Fact]
    public void TheSalutationOfANoticeAssignsNothing()
    {
        var directives = Extract("各区人民政府：\n现将有关事项通知如下：\n一、工作要求\n要于6月底前完成清理工作。");

        Assert.True(Assert.Single(directives).IsCandidate);
    }

    [Fact]
    public void ReportedAgreementAndQuantifiedClassesAreEnglishDirectives()
    {
        var directives = Assigned(string.Join('\n',
            "It was agreed that the Treasurer would circulate the accounts by 31 January.",
            "All trustees must complete the training.",
            "The Chair said that this would be considered later.",
            "John Smith (JS) will send the slides by the 15th.",
            "Action items",
            "- Treasurer: open a second bank account - by 28 February",
            "- Investigate the login errors (owner: Marcus; due 15 May)"));

        Assert.Equal([["Treasurer"], ["All trustees"], ["John Smith"], ["Treasurer"], ["Marcus"]], directives.Select(d => d.Lead));
        Assert.Equal("due 15 May", directives[4].Deadline?.Text);
    }

    [Fact]
    public void ThingsThatChangeAreNotAssignedWork()
    {
        var directives = Assigned(string.Join('\n',
            "Revenue will grow by a further 5% if the contract is signed.",
            "The new pricing policy will take effect on 1 July.",
            "Treasury should review the hedging strategy with the support of the external advisers before the end of Q2.",
            "Sunita Rao will present a phasing plan at the May meeting."));

        Assert.Equal([["Treasury"], ["Sunita Rao"]], directives.Select(d => d.Lead));
        Assert.Equal(["external advisers"], directives[0].Support);
        Assert.Equal("before the end of Q2", directives[0].Deadline?.Text);
        Assert.Equal("the May meeting", directives[1].Deadline?.Text);
    }

    [Fact]
    public void ATopicClauseLedByAnActorGivesTheNextModalItsSubject()
    {
        var directive = Assert.Single(Assigned("市住建局作为牵头单位，要会同市规划局、市市场监管局于本月底前研究提出简化方案。"));

        Assert.Equal(["市住建局"], directive.Lead);
        Assert.Equal(["市规划局", "市市场监管局"], directive.Support);
        Assert.StartsWith("市住建局作为牵头单位", directive.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAsideNamingASupporterIsNotPartOfTheEnglishSubject()
    {
        var directives = Assigned(string.Join('\n',
            "The Health Cluster, in coordination with the Provincial Health Department, will deploy mobile clinics within 72 hours.",
            "Partners are reminded to report their data to OCHA by close of business each Friday."));

        Assert.Equal([["Health Cluster"], ["Partners"]], directives.Select(d => d.Lead));
        Assert.Equal(["Provincial Health Department"], directives[0].Support);
        Assert.Equal("FREQ=WEEKLY;BYDAY=FR", directives[1].Deadline?.Recurrence);
    }

    [Fact]
    public void TheTaskIsTheCoreActionWithoutDeadlineOrSupporters()
    {
        var chinese = Assigned("由市住建局牵头，市财政局、市规划局配合，于2026年4月30日前制定资金筹措方案，报市政府审定。")[0];
        var jointly = Assigned("市应急管理局要会同市公安局开展安全生产大检查，6月18日前报送情况。")[0];
        var english = Assigned("The Finance team will prepare options for closing the gap, with the support of Public Works, by 15 April 2026.")[0];
        var referred = Assigned("The proposal to increase car park charges was referred to the Environment Committee.")[0];

        Assert.Equal("制定资金筹措方案", chinese.Task);
        Assert.Equal("开展安全生产大检查", jointly.Task);
        Assert.Equal("prepare options for closing the gap", english.Task);
        Assert.Equal("The proposal to increase car park charges", referred.Task);
        Assert.All([chinese, jointly, english, referred], d => Assert.Contains(d.Task, d.Quote, StringComparison.Ordinal));
    }

    [Fact]
    public void ANoteWithMoreKeysStillNamesLeadAndSupport()
    {
        var directive = Extract("（一）加快项目前期工作，9月底前全部开工。（责任单位：区住建局；配合单位：各街道办事处；完成时限：2026年9月30日前）")[0];

        Assert.Equal(["区住建局"], directive.Lead);
        Assert.Equal(["各街道办事处"], directive.Support);
        Assert.Equal("9月底前", directive.Deadline?.Text);
    }

    [Fact]
    public void AnOwnerLineAssignsTheItemAboveInsteadOfAddingOne()
    {
        var directives = Extract("Item 2: Supplier performance\nAction: issue a formal improvement notice to the contractor.\nResponsible: Procurement team\nAgreed: Communications to commission an accessibility audit.");

        Assert.Equal([["Procurement team"], ["Communications"]], directives.Select(d => d.Lead));
    }

    [Fact]
    public void BoardMinutesFormsNameTheRightActor()
    {
        var directives = Assigned(string.Join('\n',
            "1. Call to order: 7:02 pm by Chair Linda Osei.",
            "Mr. Alvarez, Director of Facilities, is to obtain three quotes no later than 1 October 2026.",
            "The Board directed the Superintendent to review bus routes and report back by the November meeting.",
            "Two parents spoke about cafeteria food quality. Referred to the Wellness Committee."));

        Assert.Equal([["Mr. Alvarez"], ["Superintendent"], ["Wellness Committee"]], directives.Select(d => d.Lead));
        Assert.Equal("by the November meeting", directives[1].Deadline?.Text);
        Assert.StartsWith("Two parents spoke", directives[2].Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void ASubjunctiveAfterAResolutionAssignsTheWork()
    {
        var directives = Assigned("It was resolved that the Clerk report the potholes to the County Council. It was resolved to approve payments totalling £2,340.");

        Assert.Equal(["Clerk"], Assert.Single(directives).Lead);
    }

    [Fact]
    public void EveryQuoteIsTheExactSpanOfTheText()
    {
        var text = File.ReadAllText(Testing.RepoPaths.Fixture("eval/000_9a5ecf22ee3b018f.txt"));

        var directives = Extract(text);

        Assert.NotEmpty(directives);
        Assert.All(directives, d => Assert.Equal(d.Quote, text.Substring(d.Start, d.Length)));
        Assert.Equal(directives.Count, directives.Select(d => d.Id).Distinct().Count());
    }
}
