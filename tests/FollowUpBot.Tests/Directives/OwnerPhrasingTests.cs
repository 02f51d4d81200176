using FollowUpBot.Directives;

namespace FollowUpBot.Tests.Directives;

/// <summary>Ways of naming an owner found in real minutes and notices (issue 14), one behaviour per test.</summary>
public sealed class OwnerPhrasingTests
{
    private static readonly DateOnly MeetingDate = new(2026, 3, 5);

    private static IReadOnlyList<Directive> Extract(string text) => new DirectiveExtractor().Extract(text, MeetingDate);

    [Theory]
    [InlineData("各牵头单位要严格按照任务分工，细化工作方案。", "各牵头单位")]
    [InlineData("各参与单位要主动作为，积极配合，形成工作合力。", "各参与单位")]
    [InlineData("各责任(配合)单位要加强协调，切实履行各自工作职责。", "各责任(配合)单位")]
    [InlineData("两个以上部门联合办理的事项，由牵头部门负责报告。", "牵头部门")]
    public void RoleNounsNameTheOwner(string text, string lead)
    {
        var directive = Assert.Single(Extract(text));

        Assert.Equal([lead], directive.Lead);
    }

    [Fact]
    public void AnActorAsLeadUnitOwnsTheObligationInTheLaterClause()
    {
        var directive = Assert.Single(Extract("市住建局作为牵头单位，要会同市市场监管局于本月底前研究提出审批流程简化方案。"));

        Assert.Equal(["市住建局"], directive.Lead);
        Assert.Equal(["市市场监管局"], directive.Support);
    }

    [Fact]
    public void AnAsideInBracketsAfterTheActorIsNotPartOfItsName()
    {
        var directive = Assert.Single(Extract("牵头单位(无牵头单位的,责任单位即为牵头单位,下同)要统筹相关责任单位制订办理方案。"));

        Assert.Equal(["牵头单位"], directive.Lead);
    }

    [Fact]
    public void AModalInsideQuotationMarksDoesNotEndTheDirective()
    {
        var directive = Assert.Single(Extract("各级各部门要认真落实“管发展必须管环保,管生产必须管环保”要求,坚决抓好问题整改。"));

        Assert.Contains("坚决抓好问题整改", directive.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void AResponsibilityNoteInTortoiseShellBracketsAssignsTheRow()
    {
        var directive = Assert.Single(Extract("(一)加强市场体系建设。推进高标准市场体系建设。〔责任单位:省发展改革委、商务厅按职责分工负责。具体任务均涉及相关市(州)人民政府,下同。〕"));

        Assert.Equal(["省发展改革委", "商务厅"], directive.Lead);
    }

    [Fact]
    public void AnArticleNumberIsNotPartOfTheActor()
    {
        var directive = Assert.Single(Extract("第七条 有关部门(单位)要按照会议纪要的要求,及时反馈办理结果。"));

        Assert.Equal(["有关部门(单位)"], directive.Lead);
    }

    [Fact]
    public void ATabSeparatedTaskTableGivesOneDirectivePerRow()
    {
        var text = "序号\t工作任务\t责任单位\t配合单位\t完成时限\n1\t制定老旧小区改造年度计划\t市住建局\t市财政局\t2026年6月底前\n2\t建立项目资金监管台账\t市财政局\t\t2026年9月底前\n";

        var directives = Extract(text);

        Assert.Equal(2, directives.Count);
        Assert.Equal(["市住建局"], directives[0].Lead);
        Assert.Equal(["市财政局"], directives[0].Support);
        Assert.Equal("制定老旧小区改造年度计划", directives[0].Task);
        Assert.Equal(new DateOnly(2026, 6, 30), directives[0].Deadline?.Due);
        Assert.Equal(["市财政局"], directives[1].Lead);
        Assert.Equal("建立项目资金监管台账", directives[1].Task);
    }

    [Fact]
    public void AMarkdownTaskTableGivesOneDirectivePerRow()
    {
        var text = "| 序号 | 任务内容 | 责任单位 | 完成时限 |\n| --- | --- | --- | --- |\n| 1 | 公文格式标准化改造 | 办公室 | 3月底前 |\n| 2 | 人员业务培训 | 人事处 | 5月底前 |\n\n会议结束。";

        var directives = Extract(text);

        Assert.Equal(2, directives.Count);
        Assert.Equal(["办公室"], directives[0].Lead);
        Assert.Equal("3月底前", directives[0].Deadline?.Text);
        Assert.Equal(["人事处"], directives[1].Lead);
    }

    [Theory]
    [InlineData("* **Bert**: Will send an email to see if that is feasible.", "Bert")]
    [InlineData("Jory: will confirm with Toby and document this week.", "Jory")]
    [InlineData("Bradley Meck is going to create patches to node and libuv for this.", "Bradley Meck")]
    [InlineData("Joe said he would make a cart advertising the change.", "Joe")]
    [InlineData("Discussion was positive, Myles to move it forward", "Myles")]
    [InlineData("Council directed staff to examine places for displaying flags downtown.", "staff")]
    [InlineData("All corrections should be made by the City Clerk.", "City Clerk")]
    [InlineData("It was the consensus of Council to direct Dave to go forward with the corrections.", "Dave")]
    public void EnglishOwnersAreFoundInTheWaysMinutesNameThem(string text, string lead)
    {
        var directive = Assert.Single(Extract(text));

        Assert.Equal([lead], directive.Lead);
    }

    [Theory]
    [InlineData("#### TSC needs to elect a board representative")]
    [InlineData("* **Michael**: will need a v0.10 and v0.12 release when OpenSSL release comes out.")]
    [InlineData("Tobie: hopes to get the work done by next week.")]
    public void TopicsNeedsAndHopesAreNotDirectives(string text)
    {
        Assert.Empty(Extract(text));
    }

    [Fact]
    public void SubjectlessExhortationsAreDroppedButConcreteObligationsStayAsCandidates()
    {
        var directives = Extract("要立足于早，提前谋划。要从党内政治生活管起、严起。要在月底前报送整改方案。要加强督查。");

        Assert.All(directives, d => Assert.Empty(d.Lead));
        Assert.Equal(2, directives.Count);
        Assert.Contains(directives, d => d.Task.Contains("报送整改方案", StringComparison.Ordinal));
        Assert.Contains(directives, d => d.Task.Contains("加强督查", StringComparison.Ordinal));
    }

    [Fact]
    public void TheSeedSpeechDraftHasAtMostTwentyItems()
    {
        var text = File.ReadAllText(Testing.RepoPaths.Fixture("eval/000_9a5ecf22ee3b018f.txt"));

        var directives = Extract(text);

        Assert.True(directives.Count <= 20, $"{directives.Count} items");
        Assert.Equal(14, directives.Count(d => d.Lead.Count > 0));
    }
}
