using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

using FollowUpBot.Progress;

namespace FollowUpBot.Tests.Progress;

/// <summary>
/// The reply rules' generated patterns on the longest reply the parser reads (<see cref="ReplyParser.MaxAnalysedLength"/>
/// characters) made of their own words with no punctuation to stop a loop — the adversarial case for the bounded
/// <c>[^,。;]{0,n}</c> loops. Each pattern keeps its own 1-s timeout, and none may reach it once warmed (steady state
/// is linear, ~13 ms for the largest on 4,000 characters here; docs/evaluation/replies.md, round 8): a timeout
/// would send the reply to the picker.
/// </summary>
public sealed class ReplyRegexLengthTests
{
    private static readonly string[] Words =
    [
        "正在", "已", "完成", "计划", "因", "待", "资金", "推进", "施工", "未", "影响", "后", "将", "月", "日", "12", "拖", "延期", "至", "项",
        "除", "其余", "的", "是", "在", "建", " sorry ", " late ", " the ", " to ", " pushed ", " back ", " by ", " friday ", " will ", " be ",
        " done ", " not ", " yet ", " until ",
    ];

    public static TheoryData<string> Patterns()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in ReplyRegexes())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public void APatternReadsTheLongestReplyWithinItsTimeout(string name)
    {
        var regex = ReplyRegexes().Single(r => r.Name == name).Regex;
        Assert.NotEqual(Regex.InfiniteMatchTimeout, regex.MatchTimeout);
        foreach (var seed in new[] { 1, 2 })
        {
            var text = Adversarial(seed, ReplyParser.MaxAnalysedLength);
            _ = regex.Count(text[..200]);

            // Read as the parser reads: a timeout is read again once (a thread descheduled on a loaded machine can lose
            // its budget), and a second RegexMatchTimeoutException fails the test: the parser would fall back to the picker.
            Assert.Null(Record.Exception(() => ReplyParser.OnceMoreOnTimeout(() => regex.Count(text))));
        }
    }

    [Fact]
    public void TheLargestPatternIsTheExtensionRequestOne()
    {
        var largest = ReplyRegexes().MaxBy(r => r.Regex.ToString().Length);
        Assert.Equal("ReplyCues.ExtensionRequestPattern", largest.Name);
        var text = Adversarial(3, ReplyParser.MaxAnalysedLength);
        Assert.Null(Record.Exception(() => ReplyParser.OnceMoreOnTimeout(() => largest.Regex.Count(text))));
    }

    [Fact]
    public void ATimeoutIsReadAgainOnceAndASecondOnePropagates()
    {
        // The first read of a cold pattern can spend its budget compiling; the second is warm.
        var reads = 0;
        Assert.Equal(2, ReplyParser.OnceMoreOnTimeout(() => ++reads == 1 ? throw new RegexMatchTimeoutException() : reads));

        reads = 0;
        Assert.Throws<RegexMatchTimeoutException>(() => ReplyParser.OnceMoreOnTimeout<int>(() => ++reads > 0 ? throw new RegexMatchTimeoutException() : 0));
        Assert.Equal(2, reads);

        // Any other fault is not read again.
        reads = 0;
        Assert.Throws<InvalidOperationException>(() => ReplyParser.OnceMoreOnTimeout<int>(() => ++reads > 0 ? throw new InvalidOperationException() : 0));
        Assert.Equal(1, reads);
    }

    [Fact]
    public void WarmingReadsBothLanguagesWithoutAFault()
    {
        Assert.Null(Record.Exception(ReplyParser.Warm));

        var reply = ReplyParser.Parse("1 已完成，方案已印发", new ReplyContext(new DateOnly(2026, 1, 5), [1, 2], 1));
        Assert.Equal(ReplyStatus.CompletionRequested, reply.Status);
    }

    private static string Adversarial(int seed, int length)
    {
        var random = new Random(seed);
        var text = new StringBuilder(length + 16);
        while (text.Length < length)
        {
            text.Append(Words[random.Next(Words.Length)]);
        }

        return text.ToString(0, length);
    }

    private static IEnumerable<(string Name, Regex Regex)> ReplyRegexes() =>
        typeof(ReplyParser).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(ReplyParser).Namespace)
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<GeneratedRegexAttribute>() is not null && m.GetParameters().Length == 0)
            .Select(m => ($"{m.DeclaringType!.Name}.{m.Name}", (Regex)m.Invoke(null, null)!))
            .OrderBy(r => r.Item1, StringComparer.Ordinal);
}
