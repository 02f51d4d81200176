using FollowUpBot.Directives;

using static FollowUpBot.Tests.Directives.PhrasingExtraction;

namespace FollowUpBot.Tests.Directives;

/// <summary>
/// Issue 14's sixteenth round: the kinds heldout13 missed, read after it stopped being held out — mostly how text is laid out
/// (a list flattened onto one line, an owner line a blank line under its item, a task's measures above its note, a sentence
/// split into two paragraphs, an action table without borders) and what is not a party (a motion's shorthand, a conjunction
/// before a name, a verb read as a unit). The examples are written for the tests, not copied from the labelled sets; each
/// kind is tested both ways.
/// </summary>
public sealed class SixteenthRoundTests
{
    [Fact]
    public void AListFlattenedOntoOneLineIsReadAnItemALine()
    {
        var found = Assigned("各有关单位: 现将工作安排通知如下: 一、重点任务 1.完成老旧小区改造。(责任单位:市住建局) 2.推进生活垃圾分类。(责任单位:市城管局、各区政府)\n");

        Assert.Equal(2, found.Count);
        Assert.Equal(["市住建局"], found[0].Lead);
        Assert.Equal(["市城管局", "各区政府"], found[1].Lead);
        Assert.Contains("垃圾分类", found[1].Quote, StringComparison.Ordinal);
        Assert.DoesNotContain("垃圾分类", found[0].Quote, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("会议指出，截至目前 3.5万户已完成改造， 2.8万户正在施工。")]
    [InlineData("现将有关事项通知如下: 1.请各单位按时报送材料。")]
    [InlineData("The plan has two parts: 1. roads 2. drains.")]
    public void NumbersInProseAndALoneItemStayOnTheirLine(string text)
    {
        Assert.Same(text, InlineItems.Break(text));
    }

    [Fact]
    public void TheLineBreaksOfAFlattenedListKeepEveryOffset()
    {
        const string text = "通知如下: 1.完成改造。 2.推进分类。";
        var broken = InlineItems.Break(text);

        Assert.Equal(text.Length, broken.Length);
        Assert.Equal("通知如下:\n1.完成改造。\n2.推进分类。", broken);
    }

    [Fact]
    public void AnOwnerLineABlankLineUnderItsItemAssignsIt()
    {
        var found = Assigned("一、年度目标\n\n（一）完成新建学校三所\n\n责任单位：区教育局\n\n（二）新增公共停车位五百个\n\n责任单位：区交通局\n");

        Assert.Equal(2, found.Count);
        Assert.Equal(["区教育局"], found[0].Lead);
        Assert.StartsWith("完成新建学校", found[0].Quote, StringComparison.Ordinal);
        Assert.Equal(["区交通局"], found[1].Lead);
        Assert.StartsWith("新增公共停车位", found[1].Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void AnItemFollowedByProseHasNoOwner()
    {
        Assert.Empty(Assigned("一、年度目标\n\n（一）全区经济保持平稳增长\n\n全区生产总值增长百分之六。\n"));
    }

    [Fact]
    public void ANoteAfterATasksMeasuresOwnsTheWholeTask()
    {
        var directive = Assert.Single(Assigned("1.完善防汛预案体系\n（1）修订城区防汛应急预案。\n（2）组织开展防汛应急演练。\n（责任单位：市水利局、各区政府）\n"));

        Assert.Equal(["市水利局", "各区政府"], directive.Lead);
        Assert.StartsWith("完善防汛预案体系", directive.Quote, StringComparison.Ordinal);
        Assert.Contains("防汛应急演练", directive.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void ANoteAfterASingleMeasureOwnsThatMeasure()
    {
        var directive = Assert.Single(Assigned("1.完善防汛预案体系\n（1）修订城区防汛应急预案。\n（责任单位：市水利局）\n"));

        Assert.Equal(["市水利局"], directive.Lead);
        Assert.StartsWith("修订城区防汛应急预案", directive.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void InADoubleSpacedTextASentenceRunsOnAcrossTheBlankLine()
    {
        const string text = "Minutes of the parish meeting held on Tuesday evening\n\nPresent: five councillors and the Clerk.\n\n"
            + "Apologies were received from two members.\n\nThe footpath on Church Lane was discussed at length by all\n\n"
            + "those present. After some discussion the Board directed the Clerk to write to the county engineer\n\n"
            + "about the flooding on Mill Road before the next meeting.\n\nThe meeting closed at nine.\n";

        var directive = Assert.Single(Assigned(text));

        Assert.Equal(["Clerk"], directive.Lead);
        Assert.Contains("Mill Road", directive.Quote, StringComparison.Ordinal);
        Assert.Equal("before the next meeting", directive.Deadline?.Text);
    }

    [Fact]
    public void ABlankLineInATextWithParagraphsStillEndsOne()
    {
        const string text = "Minutes of the parish meeting held on Tuesday evening\nPresent: five councillors and the Clerk.\n"
            + "After some discussion the Board directed the Clerk to write to the county engineer\n\nabout the flooding on Mill Road.\n";

        var directive = Assert.Single(Assigned(text));

        Assert.DoesNotContain("Mill Road", directive.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void InADoubleSpacedTextASentenceThatEndedIsNotRunOn()
    {
        const string text = "Minutes of the parish meeting held on Tuesday evening\n\nPresent were five councillors and the Clerk and two members of\n\n"
            + "the public. The footpath on Church Lane was discussed at length by all\n\n"
            + "those present. The Clerk will write to the county engineer about the flooding.\n\n"
            + "the drains on Mill Road were cleared in May by the county.\n\nThe meeting closed at nine.\n";

        var directive = Assert.Single(Assigned(text));

        Assert.DoesNotContain("drains", directive.Quote, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("M/S/C to approve the minutes of the March meeting.\n")]
    [InlineData("M/S/P to adopt the revised budget.\n")]
    [InlineData("Budget. MSC to combine the two services.\n")]
    public void AMotionsShorthandIsNoParty(string text)
    {
        Assert.Empty(Assigned(text));
    }

    [Fact]
    public void InitialsThatLookLikeShorthandStillNameSomeone()
    {
        Assert.Equal(["MS"], Assert.Single(Assigned("MS to send the invoices to the Treasurer.\n")).Lead);
    }

    [Fact]
    public void AConjunctionBeforeANameIsNoParty()
    {
        Assert.DoesNotContain(
            Assigned("As Continental are being asked to quote for the mowing, the hedges will need to be cut back.\n"),
            d => d.Lead.Any(lead => lead.StartsWith("As ", StringComparison.Ordinal)));
    }

    [Fact]
    public void InitialsInCapitalsAreSomeone()
    {
        Assert.Equal(["AS"], Assert.Single(Assigned("AS to contact the contractor about the hedges.\n")).Lead);
    }

    [Fact]
    public void AUnitFittingItsWorkToSomethingEndsBeforeTheVerb()
    {
        var directive = Assert.Single(Assigned("请各单位结合工作职责，于6月30日前将修改意见反馈至区政府办公室。\n"));

        Assert.Equal(["各单位"], directive.Lead);
        Assert.Equal("6月30日前", directive.Deadline?.Text);
    }

    [Fact]
    public void TheUrbanFringeIsAPlaceNotAUnit()
    {
        Assert.Empty(Assigned("会议要求，特别要抓好城乡结合部、铁路沿线环境整治工作。\n"));
    }

    [Fact]
    public void AHospitalNamedForCombinedMedicineIsStillAUnit()
    {
        Assert.Equal(["中西医结合医院"], Assert.Single(Assigned("中西医结合医院要做好发热门诊的值守工作。\n")).Lead);
    }

    [Fact]
    public void OrganiseOpeningAClauseIsNoUnit()
    {
        Assert.Empty(Assigned("会上强调，组织发动群众参与环境整治，营造良好氛围。\n"));
    }

    [Fact]
    public void APartyOrganisationNamedInFullStillActs()
    {
        Assert.Equal(["各基层党组织"], Assert.Single(Assigned("各基层党组织要组织党员参加志愿服务。\n")).Lead);
    }

    [Theory]
    [InlineData("The hedge needs cutting back before spring.  Robin to ACTION.\n", "Robin")]
    [InlineData("Gate padlock broken. Clerk to action.\n", "Clerk")]
    public void APartyToActionInCapitalsOwnsTheItem(string text, string lead)
    {
        Assert.Equal([lead], Assert.Single(Assigned(text)).Lead);
    }

    [Fact]
    public void AnActionTagAloneAssignsNoOne()
    {
        Assert.Empty(Assigned("ACTION: all further comments to the secretary.\n"));
    }

    [Theory]
    [InlineData("Phone for the office. Moved, seconded and voted 3-0 to have the Treasurer purchase a new phone for town business.\n", "Treasurer")]
    [InlineData("The board agreed to have Road Agent Smith repair the culvert on Mill Road.\n", "Road Agent Smith")]
    public void AVoteToHaveSomeoneDoSomethingAssignsThem(string text, string lead)
    {
        var directive = Assert.Single(Assigned(text));

        Assert.Equal([lead], directive.Lead);
        Assert.DoesNotContain("voted", directive.Quote, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("It would be nice to have Bob's report before the summer.\n")]
    [InlineData("The board voted to have been more careful with the accounts.\n")]
    public void HavingSomethingIsNoVoteToHaveSomeoneActOnIt(string text)
    {
        Assert.Empty(Assigned(text));
    }

    [Theory]
    [InlineData("联席会议每季度召开一次，由召集人或召集人委托的副召集人主持。\n")]
    [InlineData("领导小组会议由组长主持。\n")]
    public void WhoChairsAMeetingIsNoTask(string text)
    {
        Assert.Empty(Assigned(text));
    }

    [Fact]
    public void TheConvenerGivenATaskStillOwnsIt()
    {
        Assert.Equal(["召集人"], Assert.Single(Assigned("联席会议每季度召开一次，由召集人负责通知各成员单位参会。\n")).Lead);
    }

    [Fact]
    public void AnActionTableWithoutBordersGivesEachRowItsOwnerAndDate()
    {
        var found = Assigned(
            "The following action items were assigned:\n\nGoal Task Owner Due\n2 Draft the welcome letter for new members Priya June 3\n"
            + "4 Collect quotes for the new shed roof from the builders Tom Baker June 10\n\nNext meeting in July.\n");

        Assert.Equal(2, found.Count);
        Assert.Equal(["Priya"], found[0].Lead);
        Assert.Equal("June 3", found[0].Deadline?.Text);
        Assert.Equal(["Tom Baker"], found[1].Lead);
        Assert.Equal("June 10", found[1].Deadline?.Text);
        Assert.DoesNotContain("shed", found[0].Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void ARowTooLongForItsLineGoesOnToTheNext()
    {
        var found = Assigned(
            "Goal Task Owner Due\n5 Write to the county about the broken fence along the northern\nboundary of the allotments Sam July 1\n"
            + "6 Order new padlocks for both gates Lee July 8\n");

        Assert.Equal(2, found.Count);
        Assert.Equal(["Sam"], found[0].Lead);
        Assert.Contains("northern", found[0].Quote, StringComparison.Ordinal);
        Assert.Equal("July 1", found[0].Deadline?.Text);
        Assert.Equal(["Lee"], found[1].Lead);
    }

    [Theory]
    [InlineData("Goal Task Owner Due\n3 Fix the gate latch when the weather improves\n")]
    [InlineData("The task owner due to retire next year was thanked for the work on the shed.\n")]
    public void ARowWithoutADateOrASentenceOfColumnWordsIsNoTable(string text)
    {
        Assert.Empty(Assigned(text));
    }
}
