using FollowUpBot.Directives;
using FollowUpBot.Directives.Evaluation;

namespace FollowUpBot.Tests.Directives;

/// <summary>
/// Are the labels the limit? A second labeller, blind to the first labels and to the extractor (texts and LABELLING.md
/// only), labelled heldout5's and heldout6's English texts and all of heldout7 (English and Chinese) again
/// (tests/fixtures/eval/real/second-labeller).
/// Scored as if it were an extractor against the first labels, it agrees far above what the extractor reaches on text
/// it was not tuned to, so the gap to the target is the extractor's.
/// </summary>
public sealed class SecondLabellerTests
{
    [Fact]
    public void ASecondBlindLabellingAgreesWithTheLabels()
    {
        var total = EvalCounts.Zero;
        var files = Directory.GetFiles(Testing.RepoPaths.Fixture("eval/real/second-labeller"), "*.labels.json").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(50, files.Count);
        foreach (var second in files)
        {
            var name = Path.GetFileName(second)[..^".labels.json".Length];
            var folder = Directory.GetFiles(Testing.RepoPaths.Fixture("eval/real"), name + ".labels.json", SearchOption.AllDirectories)
                .Single(path => !path.Contains("second-labeller", StringComparison.Ordinal));
            var textPath = Directory.GetFiles(Path.GetDirectoryName(folder)!, name + ".*").Single(path => !path.EndsWith(".labels.json", StringComparison.Ordinal));
            var text = File.ReadAllText(textPath);
            var gold = LabelledDirective.Parse(File.ReadAllText(folder));
            var predicted = LabelledDirective.Parse(File.ReadAllText(second)).Select((label, i) => AsDirective(text, label, i)).ToList();
            total += DirectiveScorer.Score(text, gold, predicted).Counts;
        }

        // 133 since heldout7/605's ", and LF Creative to export …" became an item of its own (main, 8d49497).
        Assert.Equal(133, total.Gold);
        Assert.True(total.F1 >= 0.9, $"F1 {total.F1:0.00} (P {total.Precision:0.00}, R {total.Recall:0.00})");
    }

    private static Directive AsDirective(string text, LabelledDirective label, int index)
    {
        var start = text.IndexOf(label.Quote, StringComparison.Ordinal);
        Assert.True(start >= 0, $"quote not in the text: {label.Quote}");
        var deadline = label.Deadline is null ? null : new Deadline(label.Deadline, DeadlineKind.Absolute, null, null);
        return new Directive($"L{index}", string.Empty, label.Lead, label.Support ?? [], label.Task ?? string.Empty, deadline, label.Quote, start, label.Quote.Length);
    }
}
