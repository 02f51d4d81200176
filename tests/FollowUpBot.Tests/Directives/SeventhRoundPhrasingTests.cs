using FollowUpBot.Directives;

using static FollowUpBot.Tests.Directives.PhrasingExtraction;

namespace FollowUpBot.Tests.Directives;

/// <summary>
/// Issue 14's seventh round: text as people publish it. Hard-wrapped lines are joined into their sentences (in both
/// languages, never across a list item, a heading, a table row or a paragraph break), chat-style minutes are read by
/// their speakers, and the owner forms heldout6 showed. The examples are written for the tests, not copied from the
/// labelled sets; each kind is tested both ways where it has a non-directive twin.
/// </summary>
public sealed class SeventhRoundPhrasingTests
{
    [Theory]
    [InlineData("会议认为，今年以来全市重点项目建设总体平稳，但部分项目开工滞后，必须采取有力措施加快推进。")]
    [InlineData("近年来各区文明创建工作成效明显，要进一步巩固提升。")]
    [InlineData("长期以来市场监管局坚持问题导向，要继续加大执法力度。")]
    public void ALeadingSincePhraseIsWhenNotWho(string text)
    {
        // 今年以来 / 近年来 / 长期以来 open the clause as a time, like 今年 alone: no owner starts with 以来 or 来.
        Assert.DoesNotContain(All(text), d => d.Lead.Any(l => l.StartsWith("以来", StringComparison.Ordinal) || l.StartsWith('来')));
    }

    [Fact]
    public void AnEnglishDirectiveWrappedOverLinesIsReadWhole()
    {
        const string text =
            "Councilmember Ortiz asked about the timetable for the\n" +
            "library roof and the temporary reading room.\n" +
            "Mayor Lee directed staff not to exceed the\n" +
            "approved budget for the library roof repairs and to\n" +
            "report back to Council at the May meeting.\n";

        var directive = Assert.Single(Assigned(text));
        Assert.Equal(["staff"], directive.Lead);
        Assert.Contains("approved budget for the library roof repairs", directive.Task, StringComparison.Ordinal);

        // Offsets and quote are those of the text as written, line breaks included.
        Assert.Equal(text.Substring(directive.Start, directive.Length), directive.Quote);
        Assert.Contains("\n", directive.Quote, StringComparison.Ordinal);
        Assert.Contains(directive.Task, directive.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void ATextWrappedAtAWidthIsJoinedBeforeCapitalsToo()
    {
        // Plain-text minutes wrapped at 60 columns: breaks fall before names and capitalised nouns as well.
        const string text =
            "The Clerk reported on the correspondence received since the\n" +
            "last meeting, including two letters from residents of Mill\n" +
            "Lane about the condition of the footpath near the school.\n" +
            "After discussion the Council directed the Clerk to write to\n" +
            "the Highways Authority and to the Ward Member about the Mill\n" +
            "Lane footpath, and to report the answer to the next meeting.\n";

        var directive = Assert.Single(Assigned(text));
        Assert.Equal(["Clerk"], directive.Lead);
        Assert.Contains("Mill\nLane footpath", directive.Quote, StringComparison.Ordinal);
        Assert.Equal(text.Substring(directive.Start, directive.Length), directive.Quote);
    }

    [Fact]
    public void AChineseDirectiveWrappedAtAFixedWidthIsReadWhole()
    {
        // A PDF text layer wraps every 22 characters, in the middle of the actor's task.
        const string text =
            "会议要求，市住房和城乡建设局要在6月30日前\n" +
            "完成全市老旧小区改造项目的摸底排查，形成问题\n" +
            "清单报市政府；市财政局要及时拨付补助资金。\n";

        var directives = Assigned(text);
        Assert.Equal(2, directives.Count);
        Assert.Equal(["市住房和城乡建设局"], directives[0].Lead);
        Assert.Equal("6月30日前", directives[0].Deadline?.Text);
        Assert.Contains("老旧小区改造", directives[0].Quote, StringComparison.Ordinal);
        Assert.Contains("问题\n清单", directives[0].Quote, StringComparison.Ordinal);
        Assert.Equal(text.Substring(directives[0].Start, directives[0].Length), directives[0].Quote);
        Assert.Equal(["市财政局"], directives[1].Lead);
        Assert.Equal(text.Substring(directives[1].Start, directives[1].Length), directives[1].Quote);
    }

    [Fact]
    public void TraditionalWrappedTextIsShownAsWritten()
    {
        const string text =
            "會議要求，市住房和城鄉建設局要在6月30日前\n" +
            "完成全市老舊小區改造項目的摸底排查，形成問題\n" +
            "清單報市政府；市財政局要及時撥付補助資金。\n";

        var directives = Assigned(text);
        Assert.Equal(2, directives.Count);
        Assert.Equal(["市住房和城鄉建設局"], directives[0].Lead);
        Assert.Equal(text.Substring(directives[0].Start, directives[0].Length), directives[0].Quote);
        Assert.Contains(directives[0].Task, directives[0].Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void ListsTablesHeadingsAndParagraphsAreNotJoined()
    {
        string[] kept =
        [
            // items listed one a line without bullets, each ending on a word
            "Anna & Raj to draft the survey questions for members\nPriya to book the venue for the autumn workshop\n",
            // bullets, numbered items, an owner line
            "Next steps for the release team\n- Ana to tag the release candidate\n1. Raj to update the changelog\nMaria: Publish the notes\n",
            // a task table by tabs and a Markdown table
            "任务\t责任单位\t完成时限\n完成老旧小区摸底排查\t市住建局\t6月30日前\n",
            "| Task | Owner |\n|---|---|\n| Send the minutes | Ana |\n",
            // a Chinese heading and its numbered items; a line that ended its sentence
            "二、强化组织保障各单位要做好以下工作安排\n1.完成校舍安全排查并形成问题清单报送\n2.报送整改方案并按期完成全部整改任务\n",
            "市财政局要及时拨付补助资金。\n市教育局要在9月1日前完成校舍排查。\n",
            // a blank line is a paragraph break
            "The Clerk will write to the landowner about the\n\nhedge on Mill Lane.\n",
        ];

        foreach (var text in kept)
        {
            Assert.Same(text, HardWraps.Unwrap(text, out var map));
            Assert.Null(map);
        }

        var listed = Assigned(kept[0]);
        Assert.Equal(2, listed.Count);
        Assert.Equal(["Anna", "Raj"], listed[0].Lead);
        Assert.Equal(["Priya"], listed[1].Lead);
    }

    [Fact]
    public void UnwrappingMapsEveryCharacterBackToTheText()
    {
        const string text = "Staff will prepare options for the\n   parking study and present them in June.\nCouncil adjourned.";
        var read = HardWraps.Unwrap(text, out var map);

        Assert.Equal("Staff will prepare options for the parking study and present them in June.\nCouncil adjourned.", read);
        Assert.NotNull(map);
        Assert.Equal(read.Length + 1, map.Length);
        for (var i = 0; i < read.Length; i++)
        {
            Assert.True(read[i] == text[map[i]] || (read[i] == ' ' && char.IsWhiteSpace(text[map[i]])), $"at {i}");
        }
    }

    [Fact]
    public void ASpeakerWhoCommitsAfterAnInterjectionOwnsIt()
    {
        var directive = Assert.Single(Assigned("KM: Sure, I will draft the release notes."));
        Assert.Equal(["KM"], directive.Lead);
        Assert.Equal("draft the release notes", directive.Task);

        Assert.Empty(Assigned("KM: Sure, I think that is fine."));
    }

    [Fact]
    public void TheOneAddressedBeforePleaseOwnsTheRequest()
    {
        Assert.Equal(["All"], Assert.Single(Assigned("RCA: All, please review the draft charter before Friday.")).Lead);
        Assert.Equal(["Everyone"], Assert.Single(Assigned("Everyone: please send your availability to the chair.")).Lead);

        // No one is addressed.
        Assert.Empty(Assigned("Please review the draft charter before Friday."));
        Assert.Empty(Assigned("Thanks, please review the draft charter before Friday."));
        Assert.Empty(Assigned("Finally, please review the draft charter before Friday."));
    }

    [Fact]
    public void OwnersJoinedBySpacedSlashesOrByOr()
    {
        Assert.Equal(["Ana", "Raj", "Wei"], Assert.Single(Assigned("Ana / Raj / Wei to update the contributor guide.")).Lead);
        Assert.Equal(["Treasurer", "Clerk"], Assert.Single(Assigned("The Treasurer or the Clerk will circulate the accounts.")).Lead);
    }

    [Fact]
    public void ASubjunctivePassiveInAResolutionAssigns()
    {
        Assert.Equal(["staff"], Assert.Single(Assigned("AND FURTHER BE IT RESOLVED THAT if the grant is awarded, staff be directed to prepare a report on parking fees.")).Lead);

        var appointed = Assert.Single(Assigned("RESOLVED that a working group be appointed by the Planning Committee to review the parking policy."));
        Assert.Equal(["Planning Committee"], appointed.Lead);
        Assert.StartsWith("a working group be appointed", appointed.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMeetingBodyActingByItsResolutionAssignsNoOne()
    {
        Assert.Empty(Assigned("BE IT RESOLVED THAT Council receives the report for information."));
        Assert.Empty(Assigned("BE IT RESOLVED THAT Council selects one of the following options:"));

        Assert.Equal(["Treasurer"], Assert.Single(Assigned("BE IT RESOLVED THAT the Treasurer prepare a revised budget.")).Lead);
    }

    [Fact]
    public void ARoleOfThisBodyIsOneOwner()
    {
        var directive = Assert.Single(Assigned("The Secretary of this Working Group will publish the minutes within a week."));
        Assert.Equal(["Secretary of this Working Group"], directive.Lead);
    }

    [Fact]
    public void ShouldInASpeakersLineIsASuggestion()
    {
        Assert.Empty(Assigned("DK: I agree with that. The chairs should merge the two proposals."));

        Assert.Equal(["chairs"], Assert.Single(Assigned("DK: The chairs will merge the two proposals.")).Lead);

        // A topic label before the colon is no one talking: its "should" assigns as it does anywhere.
        Assert.Equal(["Clerk"], Assert.Single(Assigned("Highways: The Clerk should chase the pothole repairs on Mill Lane.")).Lead);
        Assert.Empty(Assigned("Dave Chen: I think the chairs should merge the two proposals."));
        Assert.Equal(["chairs"], Assert.Single(Assigned("The chairs should merge the two proposals.")).Lead);
    }

    [Fact]
    public void ATopicBeforeADashIsNotAnOwner()
    {
        Assert.Empty(Assigned("- Gateway - ongoing work with the vendor on the API"));
        Assert.Empty(Assigned("- Dashboards - after the pilot both teams are adding charts"));

        Assert.Equal(["Maria"], Assert.Single(Assigned("- Maria - draft the vendor agreement")).Lead);
        Assert.Equal(["Maria"], Assert.Single(Assigned("- Maria - to draft the vendor agreement")).Lead);
        Assert.Equal(["Eve"], Assert.Single(Assigned("- Eve - ping the release team about the freeze")).Lead);
    }

    [Fact]
    public void ASeatIsNotATaskAndAThingIsNotAClassOfParties()
    {
        Assert.Empty(Assigned("Self-nomination to serve on the Library Committee by Cllr Bell; second by Cllr Shah."));
        Assert.Empty(Assigned("Each deliverable will have an owner and a reviewer."));

        Assert.Equal(["Each department"], Assert.Single(Assigned("Each department will name an owner for its deliverables.")).Lead);
    }

    [Fact]
    public void TasksOfAnActionListWithTheOwnerAfterADash()
    {
        Assert.Equal(["Tao"], Assert.Single(Assigned("Require suppliers to confirm the delivery dates.  — Tao")).Lead);
        Assert.Equal(["Lisha"], Assert.Single(Assigned("Phone the contractor about the gate.  — Lisha")).Lead);

        // An agenda topic and its presenter.
        Assert.Empty(Assigned("Budget outlook — Lisha"));
    }

    [Fact]
    public void AConditionalTopicContinuesTheItem()
    {
        var directive = Assert.Single(Assigned("各乡镇要摸清底数，能立即整改的要立行立改。"));
        Assert.Equal(["各乡镇"], directive.Lead);
        Assert.EndsWith("立行立改", directive.Quote, StringComparison.Ordinal);

        var reported = Assert.Single(Assigned("各部门对群众反映的问题要认真核实，需要县级协调的，要及时上报县政府。"));
        Assert.EndsWith("要及时上报县政府", reported.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInlineItemDoesNotInheritTheActorItsSiblingNamed()
    {
        var directives = Assigned("会议强调，一是各镇要加快项目建设进度；二是安全生产方面，要加强隐患排查；三是县财政局要保障项目资金。");
        Assert.Equal(2, directives.Count);
        Assert.Equal(["各镇"], directives[0].Lead);
        Assert.Equal(["县财政局"], directives[1].Lead);

        // What governs the whole list is inherited by every item.
        var governed = Assigned("各部门要做到：一是要加强节日值班，二是要及时报告突发情况。");
        Assert.All(governed, d => Assert.Equal(["各部门"], d.Lead));
        Assert.Contains(governed, d => d.Quote.Contains("及时报告", StringComparison.Ordinal));
    }

    [Fact]
    public void AResponsibilityNoteWithoutKeysAssignsItsItem()
    {
        var directive = Assert.Single(Assigned("3.建立项目调度台账，每月通报进展情况，不得漏报瞒报。（市发展改革委牵头，市财政局、市自然资源局按职责分工负责）"));
        Assert.Equal(["市发展改革委"], directive.Lead);
        Assert.Equal(["市财政局", "市自然资源局"], directive.Support);

        var alone = Assert.Single(Assigned("4.开展河道垃圾集中清理，不得向河道倾倒垃圾。（市生态环境局负责）"));
        Assert.Equal(["市生态环境局"], alone.Lead);
    }

    [Fact]
    public void ATimeWordEndsTheActor()
    {
        var directive = Assert.Single(Assigned("会议要求市城管局会后与各街道作进一步对接，拿出整改方案。"));
        Assert.Equal(["市城管局"], directive.Lead);
    }

    [Fact]
    public void APersonAskingHandsTheTaskToTheOneAsked()
    {
        var directive = Assert.Single(Assigned("李明要求各街道要在月底前完成摸排。"));
        Assert.Equal(["各街道"], directive.Lead);
    }

    [Fact]
    public void AStatementOfFactIsNotTheTopicOfTheNextObligation()
    {
        Assert.Empty(Assigned("会议指出，项目搬迁是既定任务，要按期完成。"));
        Assert.Empty(Assigned("会议指出，县政府与市政府签订了目标责任书，必须按期完成。"));

        // A copula that names the holder of a duty keeps it.
        Assert.Equal(["县住建局"], Assert.Single(Assigned("县住建局是牵头单位，要按期完成搬迁。")).Lead);
    }

    [Fact]
    public void TheMeetingBodyAskedToDeliberateIsTheMeetingsBusiness()
    {
        Assert.Empty(Assigned("Mrs Hale, a resident, asked Council to endorse the society's plan to restore the war memorial."));
        Assert.Empty(Assigned("A parent asked the Board to consider a crossing guard on Elm Street."));

        Assert.Equal(["Clerk"], Assert.Single(Assigned("Mrs Hale asked the Clerk to write to the society about the war memorial.")).Lead);
    }

    [Fact]
    public void AndThatAfterADirectionIsOneMoreThingDirected()
    {
        var directives = Assigned("The Mayor directed staff not to exceed the budget for the depot; and that if a special meeting is needed before August, that staff advise Councilmembers accordingly.");
        Assert.Equal(2, directives.Count);
        Assert.All(directives, d => Assert.Equal(["staff"], d.Lead));
        Assert.StartsWith("that staff advise", directives[1].Quote, StringComparison.Ordinal);

        // Without a direction before it, "and that" reports.
        Assert.Empty(Assigned("The Mayor noted the budget for the depot; and that if a special meeting is needed, that staff advise Councilmembers."));
    }

    [Fact]
    public void NoBreakSpacesAndPdfBulletsReadAsTheyLook()
    {
        var spaced = Assert.Single(Assigned("The\u00a0Clerk\u00a0will\u00a0write to the Highways\u00a0Authority."));
        Assert.Equal(["Clerk"], spaced.Lead);
        Assert.Equal("The\u00a0Clerk\u00a0will\u00a0write to the Highways\u00a0Authority", spaced.Quote);

        // A bullet a PDF or Word export writes as a symbol starts an item; the line before is not joined to it.
        const string text = "Actions agreed at the meeting were recorded as follows for the\n\u27a2 Clerk to order the new noticeboard\n\uf0b7 Treasurer to renew the insurance\n";
        var items = Assigned(text);
        Assert.Equal(2, items.Count);
        Assert.Equal(["Clerk"], items[0].Lead);
        Assert.Equal(["Treasurer"], items[1].Lead);
    }

    [Fact]
    public void AnEnglishActionTableGivesEachRowItsOwner()
    {
        const string markdown = "## Action items\n\n| Action | Owner | Due |\n|---|---|---|\n| Send the revised charter to the board | Ana Silva | 15 May |\n| Book the venue for the summit | @raj | |\n| Agree the budget | | |\n";
        var rows = Assigned(markdown);
        Assert.Equal(2, rows.Count);
        Assert.Equal(["Ana Silva"], rows[0].Lead);
        Assert.Equal("Send the revised charter to the board", rows[0].Task);
        Assert.Equal("15 May", rows[0].Deadline?.Text);
        Assert.Equal(["@raj"], rows[1].Lead);

        // A table pasted from a document: cells by tabs.
        const string pasted = "Item\tResponsible\tDeadline\nRenew the hall insurance\tTreasurer\t30 June\nReport on the playground survey\tCllr Shah\tJuly meeting\n";
        var pastedRows = Assigned(pasted);
        Assert.Equal(2, pastedRows.Count);
        Assert.Equal(["Treasurer"], pastedRows[0].Lead);
        Assert.Equal("30 June", pastedRows[0].Deadline?.Text);
        Assert.Equal(["Cllr Shah"], pastedRows[1].Lead);
        Assert.Equal("Report on the playground survey", pastedRows[1].Task);

        // A table without an owner column assigns nothing.
        Assert.Empty(Assigned("| Topic | Notes |\n|---|---|\n| Budget | Send the figures to the board |\n"));
    }

    [Fact]
    public void APageBreakInsideASentenceIsSteppedOver()
    {
        const string english = "Mayor Lee directed staff not to exceed the approved budget for the\n\nPage 3 of 7\n\nlibrary roof repairs and to report back to Council in May.\n";
        var directive = Assert.Single(Assigned(english));
        Assert.Equal(["staff"], directive.Lead);
        Assert.Contains("library roof repairs", directive.Task, StringComparison.Ordinal);
        Assert.Equal(english.Substring(directive.Start, directive.Length), directive.Quote);

        const string chinese = "会议要求，市住房和城乡建设局要在6月30日前\n完成全市老旧小区改造项目的摸底排查，形成问题\n- 2 -\n清单报市政府；市财政局要及时拨付补助资金。\n";
        var directives = Assigned(chinese);
        Assert.Equal(2, directives.Count);
        Assert.Contains("清单报市政府", directives[0].Quote, StringComparison.Ordinal);

        // A number on a line of its own between two paragraphs joins nothing.
        const string separate = "The Clerk will write to the landowner.\n\n12\n\nThe Treasurer will renew the insurance.\n";
        Assert.Same(separate, HardWraps.Unwrap(separate, out _));
    }

    [Fact]
    public void FieldLinesUnderANumberedItemOfATaskBreakdownAssignIt()
    {
        const string text =
            "二、重点任务\n\n" +
            "1.完成城区雨污分流改造一期工程。\n\n牵头单位：区住建局\n\n责任单位：区财政局，各街道\n\n" +
            "2.新增城镇就业岗位3000个以上。\n\n牵头单位:区人社局\n\n责任单位:区人社局、区工信局\n\n" +
            "3.基本情况说明。\n全区共有街道6个。\n";

        var directives = Assigned(text);

        Assert.Equal(2, directives.Count);
        Assert.Equal(["区住建局"], directives[0].Lead);
        Assert.Equal(["区财政局", "各街道"], directives[0].Support);
        Assert.Equal("完成城区雨污分流改造一期工程", directives[0].Task.TrimEnd('。'));

        // The item's span runs from its words to its last field line, as written.
        Assert.StartsWith("完成城区雨污分流改造一期工程。", directives[0].Quote, StringComparison.Ordinal);
        Assert.EndsWith("责任单位：区财政局，各街道", directives[0].Quote, StringComparison.Ordinal);
        Assert.Equal(text.Substring(directives[0].Start, directives[0].Length), directives[0].Quote);

        // A unit named both ways leads; the others support.
        Assert.Equal(["区人社局"], directives[1].Lead);
        Assert.Equal(["区工信局"], directives[1].Support);
    }

    [Fact]
    public void AFieldLineUnderANumberedItemStillReachesItsSubItems()
    {
        const string text = "1.加强饮用水水源地保护。\n牵头单位：市生态环境局\n（1）要在6月底前完成水源地环境问题排查。\n";

        var directives = Assigned(text);

        Assert.Equal(2, directives.Count);
        Assert.All(directives, d => Assert.Equal(["市生态环境局"], d.Lead));
        Assert.Contains("水源地环境问题排查", directives[1].Task, StringComparison.Ordinal);

        // Without a field line, a numbered statement assigns nothing.
        Assert.Empty(Assigned("1.加强饮用水水源地保护。\n全市共有水源地12处。\n"));
    }
}
