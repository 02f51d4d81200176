using static FollowUpBot.Tests.Directives.PhrasingExtraction;

namespace FollowUpBot.Tests.Directives;

/// <summary>
/// Issue 14's fourteenth round: forms of assignment taken from a catalogue of how minutes, resolutions, action logs, memos and
/// work plans hand out work (docs/evaluation/assignment-forms.md), not from a batch's misses. The sentences are the catalogue's
/// own made-up examples; each form is tested both ways, with the near miss that must not be read.
/// </summary>
public sealed class FourteenthRoundTests
{
    [Theory]
    [InlineData("That the Chief Executive be requested to write to the Minister about the bypass.\n", "Chief Executive")]
    [InlineData("That the Treasurer obtain two quotes for the roof.\n", "Treasurer")]
    public void AResolutionsThatClauseWithoutResolvedAssignsTheOneNamed(string text, string lead)
    {
        Assert.Equal([lead], Assert.Single(Assigned(text)).Lead);
    }

    [Theory]
    [InlineData("That the report on the bypass be received and noted.\n")]
    [InlineData("a) That Chris Davidson and David Vinsen be thanked for their attendance.\n")]
    public void AResolutionThatReceivesOrThanksAssignsNoOne(string text)
    {
        Assert.Empty(Assigned(text));
    }

    [Theory]
    [InlineData("Council requests that the CAO report back on winter maintenance costs.\n", "CAO")]
    [InlineData("It was moved by Cllr Smith, seconded by Cllr Jones, that staff prepare a report on parking fees.\n", "staff")]
    public void APresentTenseRequestOrAMotionWithASubjunctiveAssigns(string text, string lead)
    {
        Assert.Equal([lead], Assert.Single(Assigned(text)).Lead);
    }

    [Theory]
    [InlineData("Council received the CAO's report on winter maintenance costs.\n")]
    [InlineData("It was moved by Cllr Smith, seconded by Cllr Jones, that the minutes be approved.\n")]
    public void AMotionThatOnlyApprovesAssignsNoOne(string text)
    {
        Assert.Empty(Assigned(text));
    }

    [Fact]
    public void MustBeforeAnActionObliges()
    {
        Assert.Equal(["contractor"], Assert.Single(Assigned("The contractor must submit the method statement by Friday.\n")).Lead);
    }

    [Theory]
    [InlineData("The contractor must have been delayed by the weather.\n")]
    [InlineData("Employees must not have noticed the change.\n")]
    [InlineData("The Clerk should have sent the letter in May.\n")]
    public void AModalWithAPerfectGuessesOrReproachesAboutThePast(string text)
    {
        Assert.Empty(Assigned(text));
    }

    [Fact]
    public void TheResponsibilityOfAPartyToDoSomethingIsTheirs()
    {
        Assert.Equal(["each team leader"], Assert.Single(Assigned("It is the responsibility of each team leader to check the rota.\n")).Lead);
    }

    [Fact]
    public void TheResponsibilityOfUsAllIsNoAssignment()
    {
        Assert.Empty(Assigned("It is the responsibility of all of us to be kind.\n"));
    }

    [Fact]
    public void AnActionItemsHeadingWithAColonHeadsTheListUnderIt()
    {
        var directives = Assigned("Action items:\n- Lucy: book the room for the workshop\n- Raj: Order the chairs.\n");
        Assert.Equal(["Lucy", "Raj"], directives.Select(d => d.Lead.Single()));
    }

    [Fact]
    public void ANameAndAColonOutsideAnActionListOwnsNothing()
    {
        Assert.Empty(Assigned("Attendees:\n- Lucy: Secretary\n- Raj: Treasurer\n"));
    }

    [Theory]
    [InlineData("- [ ] Alex: update the roadmap\n", "Alex")]
    [InlineData("- [ ] Update the roadmap @sam\n", "sam")]
    public void AnOpenCheckboxThatNamesItsOwnerIsAnAction(string text, string lead)
    {
        Assert.Equal([lead], Assert.Single(Assigned(text)).Lead);
    }

    [Theory]
    [InlineData("- [ ] Roadmap update\n")]
    [InlineData("- [x] Alex: updated the roadmap\n")]
    public void AnOpenCheckboxWithNoOwnerOrADoneOneAssignsNoOne(string text)
    {
        Assert.Empty(Assigned(text));
    }

    [Theory]
    [InlineData("Item: Refresh the signage\nOwner: Lee\nDue: 30 June\n", "Lee")]
    [InlineData("What: Order the chairs\nWho: Facilities\nWhen: end of March\n", "Facilities")]
    [InlineData("Objective: Replant the verges\nResponsibility: Parks team\n", "Parks team")]
    [InlineData("Write to the highways department about the pothole. Action by: Clerk\n", "Clerk")]
    [InlineData("Fix the projector in room 4 – assigned to IT Services.\n", "IT Services")]
    public void AnOwnerFieldAssignsTheTaskItFollows(string text, string lead)
    {
        var directive = Assert.Single(Assigned(text));
        Assert.Equal([lead], directive.Lead);
    }

    [Fact]
    public void AnOwnerFieldUnderALabelledTaskQuotesTheTask()
    {
        Assert.Equal("Refresh the signage", Assert.Single(Assigned("Item: Refresh the signage\nOwner: Lee\n")).Task);
    }

    [Theory]
    [InlineData("Item: Refresh the signage\nStatus: Done\n")]
    [InlineData("Quarterly finance report. Prepared by: Clerk\n")]
    [InlineData("The room assigned to IT Services is on the second floor.\n")]
    [InlineData("Present: Facilities, Finance, Clerk\n")]
    public void AFieldThatNamesNoOwnerAssignsNoOne(string text)
    {
        Assert.Empty(Assigned(text));
    }

    [Fact]
    public void AnOwnerInBracketsClosesAnActionListItem()
    {
        var directive = Assert.Single(Assigned("Actions:\n- Circulate the revised budget to members (Treasurer).\n"));
        Assert.Equal(["Treasurer"], directive.Lead);
        Assert.Equal("Circulate the revised budget to members", directive.Task);
    }

    [Fact]
    public void APresenterInBracketsOnAnAgendaLineOwnsNothing()
    {
        Assert.Empty(Assigned("Agenda\n- Update on permissions and code coverage (Dan)\n"));
    }

    [Theory]
    [InlineData("会议筹备工作由办公室承办。\n", "办公室")]
    [InlineData("以上事项由办公室抓好落实。\n", "办公室")]
    public void AMatterNamedBeforeByXAndWhatXDoesIsXs(string text, string lead)
    {
        Assert.Equal([lead], Assert.Single(Assigned(text)).Lead);
    }

    [Theory]
    [InlineData("本次会议由办公室承办。\n")]
    [InlineData("根据研究事项由主持人确定有关领导参加。\n")]
    [InlineData("以上事项已由办公室落实。\n")]
    public void WhoHostedOrWhoAttendsOrWhatWasDoneAssignsNoOne(string text)
    {
        Assert.Empty(Assigned(text));
    }

    [Theory]
    [InlineData("此事交由市信访局办理。\n", "市信访局")]
    [InlineData("委托市审计局对项目进行审计。\n", "市审计局")]
    [InlineData("会议安排区应急局牵头开展隐患排查。\n", "区应急局")]
    public void AMatterHandedOnOrEntrustedIsTheReceiversTask(string text, string lead)
    {
        Assert.Equal([lead], Assert.Single(Assigned(text)).Lead);
    }

    [Theory]
    [InlineData("此事已交由市信访局办理完毕。\n")]
    [InlineData("受市政府委托，市审计局作了说明。\n")]
    [InlineData("会议安排在下周二召开。\n")]
    public void AHandOverDoneOrAMeetingScheduledAssignsNoOne(string text)
    {
        Assert.Empty(Assigned(text));
    }

    [Fact]
    public void OrganisingBeforeTheWorkIsTheUnitsActionNotItsName()
    {
        Assert.Equal(["区卫健局"], Assert.Single(Assigned("由区卫健局组织实施。\n")).Lead);
    }

    [Theory]
    [InlineData("由区卫健局组织的培训已于上周结束。\n")]
    [InlineData("由市发改委牵头制定的实施方案已经印发。\n")]
    [InlineData("由市民政局和市财政局研究提出的救助标准已公布。\n")]
    public void WhatAUnitDrewUpAlreadyDoneIsAReport(string text)
    {
        Assert.Empty(Assigned(text));
    }

    [Fact]
    public void ByXLeadingTheDraftingStillAssigns()
    {
        Assert.Equal(["市发改委"], Assert.Single(Assigned("由市发改委牵头制定实施方案。\n")).Lead);
    }

    [Theory]
    [InlineData("整改措施：更换老化线路。责任人：王明\n", "王明")]
    [InlineData("推进农村改厕。落实单位：各县（市、区）\n", "各县（市、区）")]
    public void APersonOrUnitInAResponsibilityFieldLeads(string text, string lead)
    {
        Assert.Equal([lead], Assert.Single(Assigned(text)).Lead);
    }

    [Fact]
    public void AContactFieldAssignsNoOne()
    {
        Assert.Empty(Assigned("联系人：王明，电话：12345678\n"));
    }

    [Fact]
    public void AUnitHeadingItsOwnLineHoldsTheDutyAfterTheColon()
    {
        Assert.Equal(["市公安局"], Assert.Single(Assigned("（一）市公安局：负责交通疏导。\n")).Lead);
    }

    [Fact]
    public void AUnitHeadingFollowedByNamesIsNoDuty()
    {
        Assert.Empty(Assigned("（一）市公安局：张三、李四\n"));
    }

    [Fact]
    public void ItMustBeSaidIsNoObligation()
    {
        Assert.Empty(Assigned("各乡镇应当说成效明显。\n"));
        Assert.Equal(["各乡镇"], Assert.Single(Assigned("各乡镇应当于每月5日前报送进度。\n")).Lead);
    }

    [Fact]
    public void AnEventIsNoActor()
    {
        Assert.Empty(Assigned("会议决定，展会于10月举办。\n"));
        Assert.Equal(["区商务局"], Assert.Single(Assigned("会议决定，由区商务局牵头筹办展会。\n")).Lead);
    }
}
