using FollowUpBot.Directives;

using static FollowUpBot.Tests.Directives.PhrasingExtraction;

namespace FollowUpBot.Tests.Directives;

/// <summary>Owner phrasings met in the second batch of real public texts (issue 14), one behaviour per test.</summary>
public sealed class NewOwnerPhrasingTests
{
    [Fact]
    public void APartyThatAsksAnotherIsAFrameAndTheOneAskedOwnsTheTask()
    {
        var directive = Assert.Single(Assigned("省建设厅要求各市建设局会同财政等部门尽快将任务分解下达到县(市、区)。"));

        Assert.Equal(["各市建设局"], directive.Lead);
    }

    [Fact]
    public void AnAddresseeAloneInItsClauseOwnsTheClausesAfterIt()
    {
        var directive = Assert.Single(Assigned("该市实事办负责人要求各责任单位,切实按照考核办法,抓好项目的对接、部署、调度等工作。"));

        Assert.Equal(["各责任单位"], directive.Lead);
        Assert.Contains("抓好项目的对接", directive.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void InAnUnpunctuatedRunTheFramedAddresseeAndAClassBeforeTheModalAreTwoOwners()
    {
        var directives = Assigned("会议要求各村准备好防汛物资和抢险队员同时镇已确定防汛责任人和转移人员责任人各责任人要按要求做好工作。");

        Assert.Equal([["各村"], ["各责任人"]], directives.Select(d => d.Lead));
        Assert.DoesNotContain("各责任人要", directives[0].Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAdjunctBeforeASubjectless要KeepsTheSentencesActor()
    {
        var directives = Assigned("会议明确,对困难的供销社,市财政要纳入预算给予扶持,对涉及的资产、人员等要进行一事一议。");

        Assert.Equal([["市财政"], ["市财政"]], directives.Select(d => d.Lead));
    }

    [Fact]
    public void ADutyStatedAfterTheClauseNamingItsHolderBelongsToIt()
    {
        var directive = Assert.Single(Assigned("发展改革部门是项目建设管理的综合部门,主要负责项目的申报和投资计划下达,会同有关行业主管部门进行竣工验收。"));

        Assert.Equal(["发展改革部门"], directive.Lead);
        Assert.Equal(["有关行业主管部门"], directive.Support);
    }

    [Fact]
    public void 负总责IsAnAssigningMarker()
    {
        var directive = Assert.Single(Assigned("各责任主体对所属项目的资金使用和实施效果负总责。"));

        Assert.Equal(["各责任主体"], directive.Lead);
    }

    [Fact]
    public void ALeadingYearIsNotPartOfTheActor()
    {
        var directive = Assert.Single(Assigned("2014年三区及城建部门要将旧城改造工程继续作为重点来谋划安排。"));

        Assert.Equal(["三区", "城建部门"], directive.Lead);
    }

    [Fact]
    public void AnActorAsLeadUnitKeepsTheObligationAcrossClausesWithoutAnActor()
    {
        var directive = Assert.Single(Assigned("市交通局作为牵头单位，会同市自然资源局，抓紧完成选址，要在8月底前开工。"));

        Assert.Equal(["市交通局"], directive.Lead);
        Assert.Equal(["市自然资源局"], directive.Support);
        Assert.Equal("8月底前", directive.Deadline?.Text);
    }

    [Fact]
    public void NumberedItemsUnderADepartmentHeadingAreItsTasks()
    {
        var directives = Assigned("三、具体分工\n（一）市教育局：\n1. 完成校舍安全排查，9月1日前报市政府。\n2. 制定课后服务方案。\n");

        Assert.Equal([["市教育局"], ["市教育局"]], directives.Select(d => d.Lead));
        Assert.Equal("9月1日前", directives[0].Deadline?.Text);
    }

    [Fact]
    public void ATaskTableDeadlineCellWithAYearAndMonthEndIsADate()
    {
        var directive = Assert.Single(Assigned("序号\t任务\t责任单位\t配合单位\t完成时限\n1\t完善排水管网\t市城管局\t市财政局\t2026年10月底\n"));

        Assert.Equal(["市城管局"], directive.Lead);
        Assert.Equal(new DateOnly(2026, 10, 31), directive.Deadline?.Due);
    }

    [Theory]
    [InlineData("Silona - to reach out Karen on generalized glossary terms", "Silona")]
    [InlineData("Hwang - set up a mailing list for the working group", "Hwang")]
    public void ANameADashAndATaskAssignTheTask(string line, string lead)
    {
        var directive = Assert.Single(Assigned(line));

        Assert.Equal([lead], directive.Lead);
    }

    [Fact]
    public void ADashedItemThatIsNotATaskIsNotAssigned()
    {
        Assert.Empty(Assigned("Minutes & Dev Report - have been approved and published\nGlossary - Approved for publication\n"));
    }

    [Fact]
    public void SlashJoinedNamesShareTheTask()
    {
        var directive = Assert.Single(Assigned("Ben/Leonard to deliver agenda by Thursday"));

        Assert.Equal(["Ben", "Leonard"], directive.Lead);
        Assert.Equal("by Thursday", directive.Deadline?.Text);
    }

    [Fact]
    public void NameColonTaskLinesUnderNextStepsAreActionsAndDoneOnesAreSkipped()
    {
        var directives = Assigned("## Next steps\nmmccool: Add a call for resolution to the planning page\nMichael : Double check the email alias\nSebastian: Create PR for minutes - already completed during meeting\nDave: Put all documents through publication process\n");

        Assert.Equal([["mmccool"], ["Michael"], ["Dave"]], directives.Select(d => d.Lead));
    }

    [Fact]
    public void ASubjectAfterCommaWhileIsFound()
    {
        var directives = Assigned("The chairs were tasked with establishing file naming conventions, while the group will start using this new system immediately.");

        Assert.Equal([["chairs"], ["group"]], directives.Select(d => d.Lead));
    }

    [Fact]
    public void ButWillKeepsTheSentencesSubject()
    {
        var directive = Assert.Single(Assigned("Tobie is at FOSDEM this week, but will be working on the draft soon."));

        Assert.Equal(["Tobie"], directive.Lead);
    }

    [Fact]
    public void AVolunteerInBracketsOwnsTheSentence()
    {
        var directive = Assert.Single(Assigned("We should bring that to the board (Kris volunteers)."));

        Assert.Equal(["Kris"], directive.Lead);
        Assert.Contains("bring that to the board", directive.Task, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Staff directed to prepare a report on parking fees.", "Staff")]
    [InlineData("Council requested that staff bring back a draft ordinance by June 30.", "staff")]
    [InlineData("The Council requested Staff explore options for street maintenance funding.", "Staff")]
    public void DirectionsAndRequestsToStaffAssignStaff(string sentence, string lead)
    {
        var directive = Assert.Single(Assigned(sentence));

        Assert.Equal([lead], directive.Lead);
    }

    [Theory]
    [InlineData("Goal: to spark discussion with the item champions")]
    [InlineData("Bias to action")]
    [InlineData("All documents will follow a fidelity progression of low, medium and high.")]
    public void FieldLabelsAndDocumentsAreNotOwners(string line)
    {
        Assert.Empty(Assigned(line));
    }
}
