using FollowUpBot.Directives;
using FollowUpBot.Directives.Evaluation;

namespace FollowUpBot.Tests.Directives;

/// <summary>
/// Are the labels the limit? A second labeller, blind to the first labels and to the extractor (texts and LABELLING.md
/// only), labelled heldout5's and heldout6's English texts, all of heldout7 and all of heldout13 again
/// (tests/fixtures/eval/real/second-labeller). Scored as if it were an extractor against the first labels, it agrees far
/// above what the extractor reaches on text it was not tuned to, so the gap to the target is the extractor's. On
/// heldout13 (0.84) the rules read less consistently than on the earlier batches (0.95), about at the 0.85 target.
/// </summary>
public sealed class SecondLabellerTests
{
    [Theory]
    // 133 first labels since heldout7/605's ", and LF Creative to export …" became an item of its own (main, 8d49497).
    [InlineData("heldout5 heldout6 heldout7", 50, 133, 0.9)]
    [InlineData("heldout13", 43, 69, 0.83)]
    public void ASecondBlindLabellingAgreesWithTheLabels(string batches, int texts, int firstLabels, double minF1)
    {
        var folders = batches.Split(' ');
        var total = EvalCounts.Zero;
        var count = 0;
        foreach (var second in Directory.GetFiles(Testing.RepoPaths.Fixture("eval/real/second-labeller"), "*.labels.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(second)[..^".labels.json".Length];
            var first = Directory.GetFiles(Testing.RepoPaths.Fixture("eval/real"), name + ".labels.json", SearchOption.AllDirectories)
                .Single(path => !path.Contains("second-labeller", StringComparison.Ordinal));
            if (!folders.Contains(Path.GetFileName(Path.GetDirectoryName(first))))
            {
                continue;
            }

            count++;
            var textPath = Directory.GetFiles(Path.GetDirectoryName(first)!, name + ".*").Single(path => !path.EndsWith(".labels.json", StringComparison.Ordinal));
            var text = File.ReadAllText(textPath);
            var gold = LabelledDirective.Parse(File.ReadAllText(first));
            var predicted = LabelledDirective.Parse(File.ReadAllText(second)).Select((label, i) => AsDirective(text, label, i)).ToList();
            total += DirectiveScorer.Score(text, gold, predicted).Counts;
        }

        Assert.Equal(texts, count);
        Assert.Equal(firstLabels, total.Gold);
        Assert.True(total.F1 >= minF1, $"F1 {total.F1:0.00} (P {total.Precision:0.00}, R {total.Recall:0.00})");
    }

    private static Directive AsDirective(string text, LabelledDirective label, int index)
    {
        var start = text.IndexOf(label.Quote, StringComparison.Ordinal);
        Assert.True(start >= 0, $"quote not in the text: {label.Quote}");
        var deadline = label.Deadline is null ? null : new Deadline(label.Deadline, DeadlineKind.Absolute, null, null);
        return new Directive($"L{index}", string.Empty, label.Lead, label.Support ?? [], label.Task ?? string.Empty, deadline, label.Quote, start, label.Quote.Length);
    }
}
