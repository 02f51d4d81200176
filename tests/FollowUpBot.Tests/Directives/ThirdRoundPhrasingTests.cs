using FollowUpBot.Directives;

using static FollowUpBot.Tests.Directives.PhrasingExtraction;

namespace FollowUpBot.Tests.Directives;

/// <summary>
/// Phrasings met in the third batch of real public texts (issue 14): stricter actors (a verb phrase is never an owner),
/// frames that bind the clauses after them, and minutes' motions. One behaviour per test.
/// </summary>
public sealed class ThirdRoundPhrasingTests
{
    [Fact]
    public void VerbPhrasesAfterAFramedAddresseeStayItsTasks()
    {
        var directive = Assert.Single(Assigned("会议要求,相关单位建立联席会议制度,加强部门间沟通与联动,明晰办理流程及所需材料,确保项目顺利推进。"));

        Assert.Equal(["相关单位"], directive.Lead);
        Assert.Contains("明晰办理流程及所需材料", directive.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void APhraseWithAModalInsideIsNotAnActor()
    {
        var directive = Assert.Single(Assigned("会议要求,各县市要领会精神,超前做好入户调查摸底。"));

        Assert.Equal(["各县市"], directive.Lead);
    }

    [Fact]
    public void ANewFrameInTheSentenceDoesNotInheritTheActorNamedBeforeIt()
    {
        var directive = Assert.Single(Assigned("会议强调,各县市要谋划好城市发展思路;会议要求,要以生态宜居为目标抓好城市建设工作。"));

        Assert.Equal(["各县市"], directive.Lead);
        Assert.DoesNotContain("生态宜居", directive.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void 既要又要ClausesKeepTheSentencesActor()
    {
        var directives = Assigned("各相关部门要立足当前,既要充分考虑实际情况,又要有前瞻性和超前意识。");

        Assert.Equal(3, directives.Count);
        Assert.All(directives, d => Assert.Equal(["各相关部门"], d.Lead));
    }

    [Fact]
    public void ASpeakerAndTitlesIntroduceWhatFollowsAndOwnNone()
    {
        Assert.Empty(Assigned("县委副书记、代县长王华指出,要将巩固脱贫攻坚成果这项主任务做细。"));
        Assert.Equal([["县林草部门"]], Assigned("王华要求,县林草部门要统筹好林木限采工作,根据实际情况和相关要求,做好补植补造工作。").Select(d => d.Lead));
    }

    [Fact]
    public void ARequirementEndingTheClauseIsNotASpeaker()
    {
        var directive = Assert.Single(Assigned("建设单位要高度重视,严格按照上级文件要求,筛选确定全区棚改项目。"));

        Assert.Contains("筛选确定全区棚改项目", directive.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void 并要求HandsWhatFollowsToTheOneAsked()
    {
        var directive = Assert.Single(Assigned("会上传达了通知精神,并要求建设单位严格落实文件精神,加强政策学习。"));

        Assert.Equal(["建设单位"], directive.Lead);
        Assert.Empty(Assigned("近日,市领导作出批示,要求相关部门抓紧研究解决。"));
    }

    [Fact]
    public void 要求OpeningASentenceContinuesTheSpeakersRequirements()
    {
        var directives = Assigned("薛燕要求,县禁烧办公室要制作表格逐条汇总。要求各乡镇宣传动员不放松,适时更换条幅。");

        Assert.Equal([["县禁烧办公室"], ["各乡镇"]], directives.Select(d => d.Lead));
    }

    [Fact]
    public void ATimeBetweenActorAndModalIsNotPartOfTheActor()
    {
        var directive = Assert.Single(Assigned("市政府各部门每月10日前要将上月工作情况书面报送市政府研究室。"));

        Assert.Equal(["市政府各部门"], directive.Lead);
        Assert.Equal("每月10日前", directive.Deadline?.Text);
    }

    [Fact]
    public void AClauseOpeningWithAConjunctionNamesNoActor()
    {
        Assert.Empty(Assigned("当前和明年住建系统工作,要重点突出规划引领、建设质量等7个方面的工作。"));
    }

    [Fact]
    public void AnAgreedDraftBelongsToItsDrafterAfterOtherSteps()
    {
        Assert.Equal(["县农业局"], Assert.Single(Assigned("会议同意县农业局拟草并经合法性审查的《园区建设方案》,修改完善后印发实施。")).Lead);
        Assert.Equal(["县扶贫办"], Assert.Single(Assigned("会议同意县扶贫办对各乡镇考核评价后拟定的《考核结果》,报县委审定。")).Lead);
        Assert.Equal(["县财政局"], Assert.Single(Assigned("会议原则同意县财政局拟草的《资金支出事项》,修改完善后,批复实施。")).Lead);
    }

    [Fact]
    public void AListEndingIn等部门SplitsOnlyWhenEachItemIsAUnit()
    {
        Assert.Equal(["各级发改、自然资源等部门"], Assert.Single(Assigned("各级发改、自然资源等部门要认真研究,加快前期手续办理。")).Lead);
        Assert.Equal(["市交通局", "市水务局等部门"], Assert.Single(Assigned("市交通局、市水务局等部门要分工协作。")).Lead);
    }

    [Fact]
    public void AMotionsImperativeNamesTheOneDirected()
    {
        Assert.Equal(["City Clerk"], Assert.Single(Assigned("Direct the City Clerk to report back with a revised terms of reference.")).Lead);
        Assert.Equal(["Mary"], Assert.Single(Assigned("Motion by Carol: Ask Mary to contact the venue.")).Lead);
    }

    [Fact]
    public void ASeatOnACommitteeIsNotATask()
    {
        Assert.Empty(Assigned("Motion by Carol: Ask Corty, Gisela, and Peg to be on the joint committee."));
    }

    [Fact]
    public void AnImperativeIsNeverTheSubject()
    {
        Assert.Empty(Assigned("- Form a subcommittee to review and clarify maintenance tasks."));
        Assert.Empty(Assigned("Rebuild JIRA - now that we have wiped it clean, let's start grooming tasks (todo)"));
    }

    [Fact]
    public void OwnersAfterADashOwnTheTaskBeforeIt()
    {
        var directive = Assert.Single(Assigned("- Confirm the outreach channels and improve visibility of the process. - Matt, Duncan & Hwang"));

        Assert.Equal(["Matt", "Duncan", "Hwang"], directive.Lead);
        Assert.StartsWith("Confirm the outreach channels", directive.Task, StringComparison.Ordinal);
        Assert.Empty(Assigned("- Approve the Agenda - Ben & Leonard"));
    }

    [Fact]
    public void HandlesInBracketsOwnWhatTheyAreToDo()
    {
        Assert.Equal([["akm", "tommy"]], Assigned("* Web site cleanup (akm and tommy to work off the spreadsheet)").Select(d => d.Lead));
        Assert.Equal([["akm"]], Assigned("* Data structure work (tommy in flight, akm to review)").Select(d => d.Lead));
        Assert.Empty(Assigned("* Release postponed (due to the holiday)"));
    }

    [Fact]
    public void APassiveAgentOwnsTheTaskAlsoBeforeATime()
    {
        Assert.Equal(["Project Leaders"], Assert.Single(Assigned("A proposal will be made by Project Leaders during this week.")).Lead);
    }

    [Fact]
    public void DirectionToStaffAndApprovalOfANamedPartyAssign()
    {
        Assert.Equal(["staff"], Assert.Single(Assigned("No formal action was taken; council gave direction to staff to plan a joint workshop.")).Lead);
        Assert.Equal(["Clipper"], Assert.Single(Assigned("The Board approved Clipper, tending the post office box, to establish a gift pool.")).Lead);
    }

    [Fact]
    public void TheMeetingBodyAgreeingAboutItsOwnWorkAssignsNoOne()
    {
        Assert.Empty(Assigned("The group agreed to defer deeper work until early in the new year."));
        Assert.Equal(["Staff"], Assert.Single(Assigned("Staff agreed to make the requested revisions.")).Lead);
    }

    [Fact]
    public void AFieldLabelBeforeToIsNoOwner()
    {
        Assert.Empty(Assigned("Charge: To explore issues and develop plans for consideration by the board."));
    }

    [Fact]
    public void MentionsOwnTaskListItemsAndATickedItemIsDone()
    {
        var directives = Assigned("## Action Items\n\n- [ ] Update the release notes (@maria) - due 2025-03-01\n- [ ] @kenji to open an issue about flaky tests\n- [x] @lee to tag the release\n");

        Assert.Equal([["@maria"], ["@kenji"]], directives.Select(d => d.Lead));
        Assert.DoesNotContain("[ ]", directives[1].Quote, StringComparison.Ordinal);
    }
}
