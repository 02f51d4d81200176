using FollowUpBot.Directives;
using FollowUpBot.Directives.Evaluation;

namespace FollowUpBot.Tests.Directives;

public sealed class DirectiveScorerTests
{
    private const string Text = "各级党委（党组）要认真履行主体责任，坚持党建工作和中心工作一起谋划。要加强监督检查。";

    private static Directive Predicted(string quote, params string[] lead)
    {
        var start = Text.IndexOf(quote, StringComparison.Ordinal);
        return new Directive("1", string.Empty, lead, [], string.Empty, null, quote, start, quote.Length);
    }

    private static readonly LabelledDirective Gold = new(["各级党委（党组）"], [], "认真履行主体责任", null, "各级党委（党组）要认真履行主体责任，坚持党建工作和中心工作一起谋划");

    [Fact]
    public void AMatchNeedsHalfTheGoldQuoteAndALeadEqualAfterNormalising()
    {
        var result = DirectiveScorer.Score(Text, [Gold], [Predicted("各级党委（党组）要认真履行主体责任，坚持党建工作", "各级党委(党组)")]);

        Assert.Equal(1, result.Counts.Matched);
        Assert.Equal(1.0, result.Counts.F1);
        Assert.Equal(1.0, result.Counts.LeadAccuracy);
    }

    [Fact]
    public void AHandlesAtSignIsNotPartOfTheOwnersName()
    {
        const string minutes = "Action items\n- @codebytere to update the API doc\n";
        var quote = "@codebytere to update the API doc";
        var gold = new LabelledDirective(["codebytere"], [], "update the API doc", null, quote);
        var predicted = new Directive("1", string.Empty, ["@codebytere"], [], "update the API doc", null, quote, minutes.IndexOf(quote, StringComparison.Ordinal), quote.Length);

        var result = DirectiveScorer.Score(minutes, [gold], [predicted]);

        Assert.Equal(1, result.Counts.Matched);
        Assert.Equal(1.0, result.Counts.LeadAccuracy);
    }

    [Fact]
    public void ASpanCoveringLessThanHalfDoesNotMatch()
    {
        var result = DirectiveScorer.Score(Text, [Gold], [Predicted("各级党委（党组）要认真", "各级党委（党组）")]);

        Assert.Equal(0, result.Counts.Matched);
        Assert.Equal(0.0, result.Counts.Precision);
    }

    [Fact]
    public void CandidatesWithoutALeadAreCountedButNotScored()
    {
        var result = DirectiveScorer.Score(Text, [Gold], [Predicted(Gold.Quote, "各级党委（党组）"), Predicted("要加强监督检查")]);

        Assert.Equal(1, result.Counts.Predicted);
        Assert.Equal(1, result.Counts.Candidates);
        Assert.Equal(1.0, result.Counts.Precision);
    }

    [Fact]
    public void EachGoldItemIsMatchedAtMostOnce()
    {
        var result = DirectiveScorer.Score(Text, [Gold], [Predicted(Gold.Quote, "各级党委（党组）"), Predicted(Gold.Quote, "各级党委（党组）")]);

        Assert.Equal(1, result.Counts.Matched);
        Assert.Equal(0.5, result.Counts.Precision);
    }

    [Fact]
    public void ALabelWhoseQuoteIsNotInTheTextIsReported()
    {
        var wrong = Gold with { Quote = "不在文中的引文" };

        Assert.Throws<FormatException>(() => DirectiveScorer.Score(Text, [wrong], []));
    }
}
