using static FollowUpBot.Tests.Directives.PhrasingExtraction;

namespace FollowUpBot.Tests.Directives;

/// <summary>
/// Issue 14's thirteenth round: the kinds heldout11 missed, read after it stopped being held out. The examples are written for
/// the tests in the shape of real minutes, memos and notes, not copied from the labelled sets; each kind is tested both ways.
/// </summary>
public sealed class ThirteenthRoundTests
{
    [Fact]
    public void ABulletInsideAFlattenedLineStartsAnotherItem()
    {
        var directive = Assert.Single(Assigned("• Parking – Cr Jones asked how the bays could be widened • Council to write to the Minister about the bays.\n"));
        Assert.Equal(["Council"], directive.Lead);
        Assert.StartsWith("Council to write", directive.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void ABulletBeforeAStatementOfFactAssignsNoOne()
    {
        Assert.Empty(Assigned("• Parking – Cr Jones asked how the bays could be widened • Works were completed in May.\n"));
    }

    [Theory]
    [InlineData("RESOLUTION: 2020.4.1 That the Treasurer obtain two quotes for the roof.\n", "Treasurer")]
    [InlineData("Resolution No. 14/2021 – That the Town Planner prepare a report on the car park.\n", "Town Planner")]
    public void ANumberedResolutionWithASubjunctiveAssignsTheOneNamed(string text, string lead)
    {
        Assert.Equal([lead], Assert.Single(Assigned(text)).Lead);
    }

    [Theory]
    [InlineData("RESOLUTION: 2020.4.2 That the minutes of the meeting be confirmed.\n")]
    [InlineData("RESOLUTION: 2020.4.3 That Council receives the quarterly report.\n")]
    public void ANumberedResolutionThatOnlyDecidesAssignsNoOne(string text)
    {
        Assert.Empty(Assigned(text));
    }

    [Fact]
    public void DiscussionEndingWithSomeoneBeingInstructedAssignsThem()
    {
        Assert.Equal(["Clerk"], Assert.Single(Assigned("Discussion ended with the Clerk being instructed to prepare a notice for the hall.\n")).Lead);
    }

    [Fact]
    public void SomethingBeingDoneToAStandardAssignsNoOne()
    {
        Assert.Empty(Assigned("Discussion ended with the fence being repaired to a high standard.\n"));
    }

    [Theory]
    [InlineData("Staff Training Review The Treasurer to look into grants for the course.\n", "Treasurer")]
    [InlineData("Landscaping- Sam will replace the tap by the gate.\n", "Sam")]
    public void AHeadingRunIntoItsSentenceIsNotPartOfTheSubject(string text, string lead)
    {
        Assert.Equal([lead], Assert.Single(Assigned(text)).Lead);
    }

    [Fact]
    public void AHyphenatedNameIsNotARunInHeading()
    {
        Assert.Equal(["Co-op"], Assert.Single(Assigned("Co-op will host the autumn fair.\n")).Lead);
    }

    [Fact]
    public void AndThenBeforeAnotherSubjectStartsAnotherDirective()
    {
        var directives = Assigned("Sam will fix the gate and then Priya will paint it.\n");
        Assert.Equal(2, directives.Count);
        Assert.Equal(["Sam"], directives[0].Lead);
        Assert.Equal("Sam will fix the gate", directives[0].Quote);
        Assert.Equal(["Priya"], directives[1].Lead);
    }

    [Fact]
    public void AndThenBeforeASecondVerbKeepsOneDirective()
    {
        Assert.Equal(["Sam"], Assert.Single(Assigned("Sam will fix the gate and then paint it.\n")).Lead);
    }

    [Fact]
    public void AfterDiscussionInsideTheSentenceOpensASubject()
    {
        Assert.Equal(["Clerk"], Assert.Single(Assigned("Litter is increasing, after discussion Clerk to write to the ranger.\n")).Lead);
    }

    [Fact]
    public void AfterDiscussionWithNoSubjectAssignsNoOne()
    {
        Assert.Empty(Assigned("After discussion of the letter to the ranger, nothing was decided.\n"));
    }

    [Theory]
    [InlineData("Ellen committed to drafting the plan.\n", "Ellen")]
    [InlineData("Raj has committed to sending the figures before the audit.\n", "Raj")]
    public void CommittingToDoSomethingTakesItOn(string text, string lead)
    {
        Assert.Equal([lead], Assert.Single(Assigned(text)).Lead);
    }

    [Theory]
    [InlineData("The Board is committed to keeping fees low.\n")]
    [InlineData("Ellen committed to the idea of a new garden.\n")]
    public void BeingCommittedToAnAimIsNoTask(string text)
    {
        Assert.Empty(Assigned(text));
    }

    [Fact]
    public void APlanListOfNamesDashesAndCapitalisedVerbsAssignsEachName()
    {
        var directives = Assigned("My proposed plan:\n\n• Dana Reyes – Speak with the suppliers about delays\n• Li Wei– Call the bank about the loan\n");
        Assert.Equal(["Dana Reyes", "Li Wei"], directives.Select(d => d.Lead.Single()));
    }

    [Fact]
    public void ATopicDashAndANounPhraseAssignsNoOne()
    {
        Assert.Empty(Assigned("My proposed plan:\n\n• Annual Report – Review of the year was given by the Chair.\n"));
    }

    [Fact]
    public void BoldNamesWithTheColonInsideOwnActionItems()
    {
        var directives = Assigned("## Action Items\n* **Karim:** Send the slides to the group.\n* **Team:** Set up a video hour on Discord.\n");
        Assert.Equal(["Karim", "Team"], directives.Select(d => d.Lead.Single()));
        Assert.StartsWith("Send the slides", directives[0].Task, StringComparison.Ordinal);
    }

    [Fact]
    public void ABoldLabelWithTheColonOutsideOwnsNothing()
    {
        Assert.Empty(Assigned("## Action Items\n* **TODO**: Schedule a demo of the tool.\n"));
    }

    [Fact]
    public void AnOwnerAfterABoldLabelWithTheColonInsideIsRead()
    {
        Assert.Equal(["Sam"], Assert.Single(Assigned("* **Action items or follow-ups:** Sam to book the room for the meetup.\n")).Lead);
    }

    [Fact]
    public void ATimeWordBeforeToIsNoSubject()
    {
        Assert.Empty(Assigned("**MD:** Early to mid May\n"));
    }

    [Theory]
    [InlineData("各所应先行汇整建议案，并于会议召开十日前将资料送请各权责机关研提审查意见。")]
    [InlineData("各所應先行彙整建議案，並於會議召開十日前將資料送請各權責機關研提審查意見。")]
    public void SendingOnToABodyForReviewIsTheActorsOwnStep(string text)
    {
        Assert.Equal(["各所"], Assert.Single(Assigned(text)).Lead);
    }

    [Fact]
    public void APleaseToABodyStillAddressesIt()
    {
        Assert.Equal(["各权责机关"], Assert.Single(Assigned("请各权责机关研提审查意见。")).Lead);
    }

    [Theory]
    [InlineData("所需经费由各所年度预算内支应。")]
    [InlineData("所需經費由各所年度預算內支應。")]
    public void FundingFromABudgetIsNoModal(string text)
    {
        Assert.Empty(Assigned(text));
    }

    [Fact]
    public void AModalBeforeAPaymentStillAssigns()
    {
        Assert.Equal(["各所"], Assert.Single(Assigned("各所应于年度预算内支付经费。")).Lead);
    }
}
