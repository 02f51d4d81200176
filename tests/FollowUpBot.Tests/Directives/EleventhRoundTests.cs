using System.Globalization;

using FollowUpBot.Directives;

using static FollowUpBot.Tests.Directives.PhrasingExtraction;

namespace FollowUpBot.Tests.Directives;

/// <summary>
/// Issue 14's eleventh round: the kinds heldout9 missed, read after it stopped being held out. The examples are written for
/// the tests in the shape of real minutes, not copied from the labelled sets; each kind is tested both ways.
/// </summary>
public sealed class EleventhRoundTests
{
    private static readonly DeadlineParser Parser = new(WorkingCalendar.Default);

    [Fact]
    public void AHandleOrANameBeforeTheVerbOwnsAnActionListItem()
    {
        const string text =
            "## Action items\n\n" +
            "- @mkowal set up the release calendar. Shared with the team\n\n" +
            "- @deniz ask the sponsor about hosting credits\n\n" +
            "- Priya check whether the nightly build publishes coverage\n";

        var directives = Assigned(text);
        Assert.Equal(["mkowal", "deniz", "Priya"], directives.Select(d => string.Join(",", d.Lead)));
        Assert.StartsWith("set up the release calendar", directives[0].Task, StringComparison.Ordinal);
        Assert.StartsWith("@mkowal", directives[0].Quote, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- @deniz said the sponsor had already answered\n")]
    [InlineData("- @deniz was away for the vote\n")]
    [InlineData("- New release 2.1 to be tagged after the freeze\n")]
    public void AReportOrANounPhraseInAnActionListNamesNoOwner(string item)
    {
        Assert.Empty(Assigned("## Action items\n\n" + item));
    }

    [Fact]
    public void AHandleOutsideAnActionListAssignsNothing()
    {
        Assert.Empty(Assigned("## Discussion\n\n- @deniz give the rota another try next month\n"));
    }

    [Fact]
    public void AnActionTagInSingleEmphasisIsATag()
    {
        const string text = "*AI:* Lena to update the proposal with the poll result, and KM to update the tracking issue.\n";

        var directives = Assigned(text);
        Assert.Equal(["Lena", "KM"], directives.Select(d => string.Join(",", d.Lead)));
    }

    [Theory]
    [InlineData("Requirements to enter the next phase:\n\n* Tests cover the feature.\n")]
    [InlineData("* Add to the agenda of the next video call.\n")]
    [InlineData("Improvements to the build are welcome.\n")]
    public void AnAbstractNounOrAVerbBeforeToIsNoParty(string text)
    {
        Assert.Empty(Assigned(text));
    }

    [Fact]
    public void AUnitNamedLikeAnAbstractNounStillTakesTo()
    {
        Assert.Equal(["Commission"], Assert.Single(Assigned("Commission to review the fee schedule before the spring meeting.\n")).Lead);
    }

    [Theory]
    [InlineData("The hedge needed trimming – councillors agreed to deal with this.", "councillors")]
    [InlineData("f.  Library Committee Chair –Senator Ortiz to gather more names", "Senator Ortiz")]
    public void ADashEndsTheClauseBeforeTheActor(string text, string lead)
    {
        Assert.Equal([lead], Assert.Single(Assigned(text)).Lead);
    }

    [Fact]
    public void ADashBeforeThatStillLeavesThatToTheResolution()
    {
        Assert.Equal(["CSW"], Assert.Single(Assigned("Agreed – that CSW should write to the Police and Crime Commissioner")).Lead);
    }

    [Fact]
    public void ABodyThatAgreesToWriteTakesOnTheTask()
    {
        var directive = Assert.Single(Assigned("The council also agreed to write to the Minister, asking for a meeting."));
        Assert.Equal(["council"], directive.Lead);
    }

    [Theory]
    [InlineData("The council agreed to support the application.")]
    [InlineData("The group agreed to defer the item to the next meeting.")]
    public void ABodyThatAgreesToADecisionAssignsNothing(string text)
    {
        Assert.Empty(Assigned(text));
    }

    [Fact]
    public void AnAsideBetweenAreAndUrgedKeepsTheObligation()
    {
        var directive = Assert.Single(Assigned("All affected staff are, through this notice, urged to clear their desks by Friday."));
        Assert.Equal(["All affected staff"], directive.Lead);
    }

    [Fact]
    public void AParticipleAfterANameIsStillItsVerb()
    {
        Assert.Empty(Assigned("Marta reviewed personnel files last week."));
    }

    [Fact]
    public void TheOneAssignedTheWorkOwnsIt()
    {
        var directive = Assert.Single(Assigned("City Council voted and assigned City staff to draft other possible solutions."));
        Assert.Equal(["City staff"], directive.Lead);
    }

    [Fact]
    public void AMemoAskingThatAClassComplyAssignsTheClass()
    {
        Assert.Equal(["all employees"], Assert.Single(Assigned("I ask that all employees comply with the new policy.")).Lead);

        // Someone else's asking is reported, and a bare "that all … " clause after a noun assigns nothing.
        Assert.Empty(Assigned("The report noted that all employees comply with the policy."));
    }

    [Fact]
    public void AnActorAfterCommaWhichOwnsTheRelativeClause()
    {
        var directive = Assert.Single(Assigned("Members made several suggestions, which Dr. Okafor will bring back to the working group."));
        Assert.Equal(["Dr. Okafor"], directive.Lead);
    }

    [Fact]
    public void AChairAndViceChairShareADecisionToMake()
    {
        var directive = Assert.Single(Assigned("The chairman and vice-chairman will decide how to recruit a new clerk."));
        Assert.Equal(["chairman", "vice-chairman"], directive.Lead);
    }

    [Theory]
    [InlineData("会议决定：东区环境整治由李明华牵头，青山镇落实。", "李明华", "青山镇", "东区环境整治由李明华牵头")]
    [InlineData("會議決定：西區綠化由陳志強牽頭，林業局落實。", "陳志強", "林業局", "西區綠化由陳志強牽頭")]
    public void APersonNamedBetweenYouAndQiantouLeadsAndTheUnitThatCarriesItOutSupports(string text, string lead, string support, string quoteStart)
    {
        var directive = Assert.Single(Assigned(text));
        Assert.Equal([lead], directive.Lead);
        Assert.Equal([support], directive.Support);
        Assert.StartsWith(quoteStart, directive.Quote, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("会议决定：由其牵头，青山镇落实。")]
    [InlineData("会议决定：由大家牵头研究。")]
    public void APronounOrAWordBetweenYouAndQiantouIsNoPerson(string text)
    {
        Assert.DoesNotContain(Assigned(text), d => d.Lead.Contains("其") || d.Lead.Contains("大家"));
    }

    [Fact]
    public void AUnitThatCarriesOutWorkWithoutALeadOpensNothingNew()
    {
        // 落实 after a clause with no 牵头 is not turned into support.
        var directives = Assigned("会议要求：各镇要抓紧整治，青山镇负责落实。");
        Assert.DoesNotContain(directives, d => d.Support.Contains("青山镇"));
    }

    [Fact]
    public void ATableExportedOneCellToALineIsReadRowByRow()
    {
        const string text =
            "重点工作及责任清单\n序号 |\n重点工作 |\n责任领导 |\n责任单位 |\n完成时限 |\n" +
            "1 |\n加快推进园区污水管网建设。 |\n周明 |\n规划建设局 |\n全年 |\n" +
            "2 |\n盘活存量土地二百亩。 |\n吴强 |\n改革办、招商部 |\n全年 |\n";

        var directives = Assigned(text);
        Assert.Equal(["规划建设局", "改革办,招商部"], directives.Select(d => string.Join(",", d.Lead)));
        Assert.Contains("污水管网", directives[0].Quote, StringComparison.Ordinal);
        Assert.DoesNotContain("盘活", directives[0].Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void LinesClosedByPipesWithoutAResponsibilityHeaderStayLines()
    {
        const string text = "序号 |\n项目 |\n金额 |\n1 |\n规划建设局 |\n300 |\n";
        Assert.Empty(Assigned(text));
    }

    [Fact]
    public void YouWithACompletedActionReportsTheMeeting()
    {
        Assert.Empty(Assigned("会上，由县交通局通报了抽查情况。"));
        Assert.Equal(["县交通局"], Assert.Single(Assigned("会后，由县交通局抽查验收。")).Lead);
    }

    [Fact]
    public void AnActorDescribedByAShortPredicateIsNoAddressee()
    {
        var leads = Assigned("会议要求：安委会要抓紧签订责任书，要针对企业多，人员繁杂，结合实际加强宣传，定期组织消防演练，创建企业安全文化。")
            .SelectMany(d => d.Lead).ToList();
        Assert.DoesNotContain("人员", leads);
        Assert.DoesNotContain("定期组织", leads);
        Assert.DoesNotContain("创建企业", leads);
        Assert.Contains("安委会", leads);
    }

    [Fact]
    public void AnAddresseeAloneInItsClauseStillOwnsWhatFollows()
    {
        Assert.Equal(["各镇街"], Assert.Single(Assigned("会议要求：各镇街，务必按期完成。")).Lead);
        Assert.Equal(["创建办"], Assert.Single(Assigned("创建办要加强督促考核，形成方案。")).Lead);
    }

    [Fact]
    public void AVerbWithHaoBeforeAShortHeadIsATask()
    {
        var directive = Assert.Single(Assigned("会议强调，镇村要发挥主体作用，安排专人跟进，开好村民代表会，加强宣传发动。"));
        Assert.Equal(["镇村"], directive.Lead);
        Assert.Contains("开好村民代表会", directive.Quote, StringComparison.Ordinal);
        Assert.Equal(["青山村"], Assert.Single(Assigned("青山村要开好村民代表会。")).Lead);
    }

    [Fact]
    public void SectorsSharingTheHeadBumenAreOneActor()
    {
        Assert.Equal(["交通、公路部门"], Assert.Single(Assigned("同时，交通、公路部门要督促各县做好路网规划。")).Lead);
        Assert.Equal(["市交通局", "市公路局"], Assert.Single(Assigned("市交通局、市公路局要督促各县做好路网规划。")).Lead);
    }

    [Fact]
    public void AWeatherTopicBeforeYaoContinuesTheOpenItem()
    {
        var directive = Assert.Single(Assigned("各建设单位要统筹安排、合理分工，雨天要及时搞好协调调度，完善资料台帐。"));
        Assert.Equal(["各建设单位"], directive.Lead);
        Assert.Contains("完善资料台帐", directive.Quote, StringComparison.Ordinal);

        // A thing as the subject of 要 is no weather topic: the item ends before it.
        Assert.DoesNotContain("资金", Assert.Single(Assigned("各建设单位要统筹安排，资金要及时到位。")).Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void AnActorWithItsOwnAdjunctClauseOwnsTheYaoAfterIt()
    {
        var directives = Assigned("会议强调，镇村要发挥主体作用，确保整治效果，施工方在注重工程质量的同时，也要确保施工安全。");
        Assert.Equal(["镇村", "施工方"], directives.Select(d => string.Join(",", d.Lead)));
        Assert.StartsWith("施工方在注重", directives[1].Quote, StringComparison.Ordinal);

        // Without an actor of its own, the adjunct clause stays with the item that is open.
        Assert.All(Assigned("会议强调，镇村要发挥主体作用，在注重工程质量的同时，也要确保施工安全。"), d => Assert.Equal(["镇村"], d.Lead));
    }

    [Theory]
    [InlineData("UCGE will likely not present at the next meeting.")]
    [InlineData("His committee will also review the resolutions before the full Senate.")]
    [InlineData("The need to assure resources for the committee is very important.")]
    [InlineData("If a decision is made to continue the committee, the Senate should open talks with the administration.")]
    public void AHedgeAPronounAnArticleOrAConditionAssignsNoOne(string text)
    {
        Assert.Empty(Assigned(text));
    }

    [Theory]
    [InlineData("UCGE will present the report at the next meeting.", "UCGE")]
    [InlineData("The Library Committee will review the resolutions before the full Senate.", "Library Committee")]
    [InlineData("The Senate should open talks with the administration.", "Senate")]
    public void TheSameClausesWithoutThemStillAssign(string text, string lead)
    {
        Assert.Equal([lead], Assert.Single(Assigned(text)).Lead);
    }

    [Theory]
    [InlineData("Alice to send the audit report by 3/1/2027.", "2026-12-04", "by 3/1/2027", "2027-01-03")]
    [InlineData("Bob to file the claim by 2027/3/1.", "2026-12-04", "by 2027/3/1", "2027-03-01")]
    [InlineData("Carol to fix the form by 15/1.", "2026-12-04", "by 15/1", "2027-01-15")]
    [InlineData("各单位要于2027/3/1前报送材料", "2026-12-04", "2027/3/1前", "2027-03-01")]
    [InlineData("各单位要在3/1前报送材料", "2026-12-04", "3/1前", "2027-03-01")]
    [InlineData("市住建局要在12/20之前完成排查", "2026-12-04", "12/20之前", "2026-12-20")]
    public void SlashDatesAreDeadlines(string clause, string meeting, string text, string due)
    {
        var deadline = Parser.Find(clause, 0, clause.Length, DateOnly.Parse(meeting, CultureInfo.InvariantCulture))?.Deadline;

        Assert.NotNull(deadline);
        Assert.Equal(text, deadline.Text);
        Assert.Equal(DeadlineKind.Absolute, deadline.Kind);
        Assert.Equal(DateOnly.Parse(due, CultureInfo.InvariantCulture), deadline.Due);
    }

    [Theory]
    [InlineData("Staff to cut the backlog by 1/2 before the audit.")]
    [InlineData("The team will reduce waiting times by 2/3.")]
    [InlineData("Support to stay available by 24/7 rota.")]
    [InlineData("Ops to upgrade the cluster to version 1.2/3.4 soon.")]
    [InlineData("各单位要将成本压缩至1/2")]
    [InlineData("服务热线要做到24/7前台值守")]
    [InlineData("各单位要在13/40前报送")]
    public void FractionsRoundTheClockAndVersionsAreNoDeadlines(string clause)
    {
        Assert.Null(Parser.Find(clause, 0, clause.Length, new DateOnly(2026, 12, 4)));
    }

    [Theory]
    // Wrapped at 64 columns: "several" cannot end the clause, so "Hackathons:" is more of it, not an owner's label.
    [InlineData(
        "Todd to provide some potential recommendations for an EU F2F and to finalize the plan proposal for the next several\n" +
        "Hackathons:  July (west coast), August (virtual), September (EU).\n",
        "the next several Hackathons:")]
    // A finished line before an owner's label, and a bracketed note at the width, still end their lines.
    [InlineData(
        "Mary: review the budget proposal and circulate the comments to the members of the finance committee\n" +
        "Bob: draft the letter to the highways authority about the footpath on Church Lane by the next meeting\n",
        "finance committee\nBob: draft")]
    [InlineData(
        "一、完善城市更新项目库，建立健全项目储备和动态调整机制（责任单位：市住建局）\n" +
        "二、市财政局要统筹安排配套资金，确保各项改造任务按期完成，按月报送进展情况。\n",
        "（责任单位：市住建局）\n二、")]
    public void AWrappedLineRunsOnOnlyWhereItsClauseDoes(string text, string expected)
    {
        var read = HardWraps.Unwrap(text, out _);

        Assert.Contains(expected, read, StringComparison.Ordinal);
    }

    [Fact]
    public void AShortAsideInANameAtTheWidthRunsOnIntoTheNextLine()
    {
        // Wrapped at 30 characters, the break falls after 各镇(区): the name goes on to 政府(管委会) on the next line.
        const string paragraph =
            "会议要求，各有关部门和单位要认真贯彻落实上级关于做好安全生产工作的要求，牢固树立安全生产红线意识，扎扎实实组织开展好安全生产大检查，" +
            "坚决有效防范各类事故的发生。市安委会办公室成立安全生产大检查办公室，负责对全市大检查工作综合协调。各镇(区)政府(管委会)要成立由政府" +
            "负责同志任组长的大检查领导小组，按照职责分工抓好落实，切实负起责任，落实大检查的各项保障措施，组织开展本辖区的大检查工作。";
        var text = string.Join('\n', paragraph.Chunk(30).Select(line => new string(line))) + "\n";
        Assert.Contains("各镇(区)\n政府", text, StringComparison.Ordinal);

        var directives = Assigned(text);

        // The lead is the name as written, across the line break.
        Assert.Contains(directives, d => d.Lead.SequenceEqual(["各镇(区)\n政府(管委会)"]));
    }
}
