using System.Text;

using FollowUpBot.Directives;
using FollowUpBot.Directives.Evaluation;

namespace FollowUpBot.Tests.Directives;

/// <summary>
/// Text as people publish it is often hard-wrapped (plain-text minutes at ~64 columns, PDF text layers at a fixed number of
/// characters). Every labelled real text is wrapped here the way such exports do it, its labels' quotes moved with it, and
/// scored: the extractor must read the wrapped text about as well as the original, in both languages.
/// </summary>
public sealed class HardWrappedRealTextTests
{
    private const int EnglishColumns = 64;
    private const int ChineseColumns = 30;

    [Theory]
    [InlineData("zh1")]
    [InlineData("zh2")]
    [InlineData("zh3")]
    [InlineData("zh4")]
    [InlineData("en1")]
    [InlineData("en2")]
    [InlineData("en3")]
    [InlineData("heldout")]
    [InlineData("heldout2")]
    [InlineData("heldout3")]
    [InlineData("heldout4")]
    [InlineData("heldout5")]
    [InlineData("heldout6")]
    [InlineData("heldout7")]
    [InlineData("heldout8")]
    [InlineData("heldout9")]
    [InlineData("heldout10")]
    [InlineData("heldout11")]
    [InlineData("heldout12")]
    [InlineData("heldout13")]
    [InlineData("heldout14")]
    public void AWrappedBatchScoresWithinTwoPointsOfItsOriginal(string batch)
    {
        var extractor = new DirectiveExtractor();
        var original = EvalCounts.Zero;
        var wrapped = EvalCounts.Zero;
        var wrappedLines = 0;
        foreach (var labelsPath in Directory.EnumerateFiles(Testing.RepoPaths.Fixture($"eval/real/{batch}"), "*.labels.json").Order(StringComparer.Ordinal))
        {
            var stem = labelsPath[..^".labels.json".Length];
            var text = File.ReadAllText(File.Exists(stem + ".txt") ? stem + ".txt" : stem + ".md").TrimStart('\uFEFF');
            var labels = LabelledDirective.Parse(File.ReadAllText(labelsPath));
            original += DirectiveScorer.Score(text, labels, extractor.Extract(text, PhrasingExtraction.MeetingDate)).Counts;

            var (wrappedText, map) = Wrap(text);
            wrappedLines += wrappedText.Count(c => c == '\n') - text.Count(c => c == '\n');
            var moved = labels.Select(label => label with { Quote = Moved(text, wrappedText, map, label.Quote) }).ToList();
            wrapped += DirectiveScorer.Score(wrappedText, moved, extractor.Extract(wrappedText, PhrasingExtraction.MeetingDate)).Counts;
        }

        Assert.True(wrappedLines > 0, "nothing was wrapped");
        Assert.True(wrapped.F1 >= original.F1 - 0.02, $"{batch}: wrapped F1 {wrapped.F1:0.000}, original {original.F1:0.000}");
    }

    /// <summary>The text wrapped at a width, and for each of its characters the index in the wrapped text (one past the end too).</summary>
    private static (string Text, int[] Map) Wrap(string text)
    {
        var builder = new StringBuilder(text.Length + (text.Length / 20));
        var map = new int[text.Length + 1];
        var position = 0;
        foreach (var line in text.Split('\n'))
        {
            var table = line.Contains('\t') || line.StartsWith('|');
            if (!table && IsChinese(line) && line.Length > ChineseColumns)
            {
                for (var i = 0; i < line.Length; i++)
                {
                    if (i > 0 && i % ChineseColumns == 0)
                    {
                        builder.Append('\n');
                    }

                    map[position++] = builder.Length;
                    builder.Append(line[i]);
                }
            }
            else
            {
                // English wraps at a space: the space becomes the line break, so offsets do not move.
                var lineStart = builder.Length;
                var column = 0;
                var lastSpace = -1;
                foreach (var c in line)
                {
                    map[position++] = builder.Length;
                    builder.Append(c);
                    column++;
                    lastSpace = c == ' ' ? builder.Length - 1 : lastSpace;
                    if (!table && !IsChinese(line) && column > EnglishColumns && lastSpace > lineStart)
                    {
                        builder[lastSpace] = '\n';
                        column = builder.Length - 1 - lastSpace;
                        lineStart = lastSpace;
                        lastSpace = -1;
                    }
                }
            }

            if (position < text.Length)
            {
                map[position++] = builder.Length;
                builder.Append('\n');
            }
        }

        map[text.Length] = builder.Length;
        return (builder.ToString(), map);
    }

    private static string Moved(string text, string wrapped, int[] map, string quote)
    {
        var at = text.IndexOf(quote, StringComparison.Ordinal);
        return at < 0 || quote.Length == 0 ? quote : wrapped[map[at]..(map[at + quote.Length - 1] + 1)];
    }

    private static bool IsChinese(string line)
    {
        int cjk = 0, latin = 0;
        foreach (var c in line)
        {
            cjk += c is >= '\u4E00' and <= '\u9FFF' ? 1 : 0;
            latin += char.IsAsciiLetter(c) ? 1 : 0;
        }

        return latin <= 3 * cjk;
    }
}
