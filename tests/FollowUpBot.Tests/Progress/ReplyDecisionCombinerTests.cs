using FollowUpBot.Cli.Progress;
using FollowUpBot.Progress;

namespace FollowUpBot.Tests.Progress;

/// <summary>
/// The stacked combiner of rules and classifier that round 7 measured (<see cref="ReplyDecisionCombiner"/>, used by
/// <c>followup train-replies --decision</c>): deterministic, and it learns which reading to trust from labelled verdicts.
/// </summary>
public sealed class ReplyDecisionCombinerTests
{
    private static readonly IReadOnlyList<Cue> NoCues = [];

    // Rules that are right when sure and a classifier that is right only where the rules found nothing.
    private static List<(ReplyVerdicts, ReplyStatus)> Examples()
    {
        var examples = new List<(ReplyVerdicts, ReplyStatus)>();
        for (var i = 0; i < 200; i++)
        {
            var label = (ReplyStatus)(i % ReplyClassifier.Classes);
            var probabilities = new double[ReplyClassifier.Classes];
            if (i % 4 == 0)
            {
                probabilities[(int)label] = 0.8;
                probabilities[(i + 2) % ReplyClassifier.Classes] = 0.2;
                examples.Add((new ReplyVerdicts(null, 0, NoCues, probabilities), label));
            }
            else
            {
                // A wrong guess on any other status.
                probabilities[(i + 1 + (i % 3)) % ReplyClassifier.Classes] = 0.7;
                probabilities[(int)label] = 0.3;
                examples.Add((new ReplyVerdicts(label, 0.9, NoCues, probabilities), label));
            }
        }

        return examples;
    }

    [Fact]
    public void TrainingTwiceGivesTheSameWeights()
    {
        var examples = Examples();

        var first = new System.Text.StringBuilder();
        ReplyDecisionCombiner.Train(examples).Write(first);
        var second = new System.Text.StringBuilder();
        ReplyDecisionCombiner.Train([.. examples]).Write(second);

        Assert.Equal(first.ToString(), second.ToString());
        Assert.Equal(ReplyDecisionCombiner.Width, first.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void ItTrustsTheRulesWhereTheyAreRightAndTheClassifierWhereTheRulesAreSilent()
    {
        var combiner = ReplyDecisionCombiner.Train(Examples());
        var q = new double[ReplyClassifier.Classes];

        // The rules say blocked and the classifier disagrees: the rules were right in every such example.
        double[] disagreeing = [0.7, 0, 0.3, 0, 0];
        Assert.Equal(ReplyStatus.Blocked, combiner.Predict(new ReplyVerdicts(ReplyStatus.Blocked, 0.9, NoCues, disagreeing), q));
        Assert.True(q[(int)ReplyStatus.Blocked] > 0.5);

        // No rules status: the classifier's reading.
        double[] alone = [0, 0, 0.2, 0.8, 0];
        Assert.Equal(ReplyStatus.CompletionRequested, combiner.Predict(new ReplyVerdicts(null, 0, NoCues, alone), q));
        Assert.Equal(1.0, q.Sum(), 6);
    }
}
