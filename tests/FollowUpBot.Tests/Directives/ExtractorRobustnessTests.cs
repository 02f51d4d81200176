using FollowUpBot.Directives;

namespace FollowUpBot.Tests.Directives;

/// <summary>
/// The extractor reads whatever an organiser pastes, so no text may make it throw: a real English text that opened a
/// sentence with "(" before an "X to …" made it index before the sentence's start. These tests feed it seeded random
/// texts built from the pieces its rules look at, and the real texts cut and wrapped at random places.
/// </summary>
public sealed class ExtractorRobustnessTests
{
    private static readonly string[] Pieces =
    [
        "(", ")", "（", "）", "[", "]", ":", "：", ": ", ", ", "，", ";", "；", "、", ".", "。", "!", "?", "-", " - ", "—", "•", "* ", "|", "\t", "\n", "\r\n", "\n\n", " ", "  ",
        "Action:", "ACTION:", "Actions", "1.", "2)", "a)", "(i)", "Resolved:", "Moved by", "Motion:", "Item 4",
        "to", "will", "shall", "should", "must", "is to", "are to", "agreed to", "directed staff to", "referred to", "by", "and", "or", "while", "that", "then", "but",
        "Alex", "AB", "JL", "Clerk", "the Clerk", "Finance", "HR", "Council", "the Committee", "staff", "All", "everyone", "I", "We", "@sam",
        "send", "review", "report back", "prepare the budget", "be reviewed", "meet", "the notes", "by Friday", "by 31 March", "next meeting", "Q3", "2026-03-31",
        "由", "牵头", "负责", "配合", "要", "务必", "市委宣传部", "各区", "财政局", "县政府办", "一是", "二是", "（一）", "三、", "于", "月底前", "12月31日前", "每月", "完成", "报送",
        "責任單位", "完成時限", "落實", "會議", "0", "7", "12", "100%", "§", "\u00a0", "\u200b", "😀",
    ];

    [Fact]
    public void RandomTextsOfTheRulesPiecesNeverMakeItThrow()
    {
        var random = new Random(20261204);
        var extractor = new DirectiveExtractor();
        for (var i = 0; i < 4000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => Pieces[random.Next(Pieces.Length)] + (random.Next(3) == 0 ? " " : string.Empty)));
            AssertReads(extractor, text);
        }
    }

    [Fact]
    public void RealTextsCutAndWrappedAtRandomPlacesNeverMakeItThrow()
    {
        var random = new Random(14);
        var extractor = new DirectiveExtractor();
        var texts = Directory.EnumerateFiles(Testing.RepoPaths.Fixture("eval/real"), "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".txt", StringComparison.Ordinal) || path.EndsWith(".md", StringComparison.Ordinal))
            .Where(path => !Path.GetFileName(path).StartsWith("SCORED", StringComparison.Ordinal) && !path.EndsWith("SOURCES.md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToList();
        Assert.True(texts.Count >= 100, $"{texts.Count} real texts");

        foreach (var text in texts)
        {
            for (var i = 0; i < 3; i++)
            {
                var from = random.Next(text.Length);
                var length = random.Next(Math.Min(600, text.Length - from) + 1);
                var cut = string.Concat(Pieces[random.Next(Pieces.Length)], text.AsSpan(from, length), Pieces[random.Next(Pieces.Length)]);
                AssertReads(extractor, cut);
            }
        }
    }

    private static readonly System.Text.Json.JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static void AssertReads(DirectiveExtractor extractor, string text)
    {
        IReadOnlyList<Directive> directives;
        try
        {
            directives = extractor.Extract(text, PhrasingExtraction.MeetingDate);
        }
        catch (Exception e)
        {
            Assert.Fail($"On {System.Text.Json.JsonSerializer.Serialize(text, Unescaped)}: {e}");
            return;
        }

        foreach (var directive in directives)
        {
            Assert.InRange(directive.Start, 0, text.Length);
            Assert.InRange(directive.Start + directive.Length, directive.Start, text.Length);
        }
    }
}
