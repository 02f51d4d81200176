using System.Reflection;
using System.Text.RegularExpressions;
using FollowUpBot.Directives;

namespace FollowUpBot.Tests.Rules;

/// <summary>
/// Every <c>[GeneratedRegex]</c> of the language rules must find what the regex interpreter finds, and never throw. The
/// source-generated and compiled engines have had backtracking bugs the interpreter does not share: a bounded lazy loop
/// over a group that gives up at its maximum (<c>(?:\w+\s+){0,2}?</c>) threw IndexOutOfRangeException on
/// "push the date to Friday" (dotnet/runtime#129511, fixed after .NET 10.0.12), which failed the whole reply.
/// The inputs are random sequences of the pattern's own words, so they walk the paths the pattern was written for.
/// </summary>
public sealed class GeneratedRegexEngineTests
{
    public static TheoryData<string> Patterns()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in GeneratedRegexes())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Patterns))]
    public void TheGeneratedEngineFindsWhatTheInterpreterFinds(string name)
    {
        var generated = GeneratedRegexes().Single(r => r.Name == name).Regex;
        var interpreted = new Regex(generated.ToString(), generated.Options & ~RegexOptions.Compiled, Regex.InfiniteMatchTimeout);
        var branches = Branches(generated.ToString()).Select(WordsOf).ToArray();
        var fillers = branches.SelectMany(b => b).Concat(Fillers).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var random = new Random(2);

        for (var i = 0; i < 120 * branches.Length; i++)
        {
            var text = Sample(branches[i % branches.Length], fillers, random);
            string expected = Describe(interpreted.Matches(text));
            string actual;
            try
            {
                actual = Describe(generated.Matches(text));
            }
            catch (Exception e) when (e is not RegexMatchTimeoutException)
            {
                Assert.Fail($"{name} threw {e.GetType().Name} on \"{text}\"");
                return;
            }

            Assert.True(expected == actual, $"{name} on \"{text}\": interpreter {expected}, generated {actual}");
        }
    }

    /// <summary>The shape of dotnet/runtime#129511, which random inputs find only sometimes: kept out until the runtime has the fix.</summary>
    [Fact]
    public void NoPatternHasABoundedLazyLoopOverAGroup()
    {
        var offending = GeneratedRegexes()
            .Where(r => Regex.IsMatch(r.Regex.ToString(), @"(?<!\\)\)\{\d*,\d+\}\?"))
            .Select(r => r.Name)
            .ToList();
        Assert.True(offending.Count == 0, "bounded lazy group loops in: " + string.Join(", ", offending));
    }

    private static readonly string[] Fillers = ["the", "it", "we", "to", "friday", "x", "12", "2026", "3月", "完成"];

    private static readonly string[] Separators = [" ", " ", " ", "", ", ", "，", "。", ". ", "\n", "：", " - "];

    /// <summary>A branch's words in their order, some skipped, with other words between them: the near misses backtracking explores.</summary>
    private static string Sample(string[] branch, string[] fillers, Random random)
    {
        var text = new System.Text.StringBuilder();
        foreach (var word in branch)
        {
            if (random.Next(2) == 0)
            {
                text.Append(word).Append(Separators[random.Next(Separators.Length)]);
            }

            for (var extra = random.Next(-2, 3); extra > 0; extra--)
            {
                text.Append(fillers[random.Next(fillers.Length)]).Append(Separators[random.Next(Separators.Length)]);
            }
        }

        return text.ToString();
    }

    private static string Describe(MatchCollection matches) => string.Join(' ', matches.Select(m => $"{m.Index}+{m.Length}"));

    /// <summary>The top-level alternatives of a pattern, so each sample speaks one branch's words.</summary>
    private static List<string> Branches(string pattern)
    {
        var branches = new List<string>();
        var (depth, inClass, start) = (0, false, 0);
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    i++;
                    break;
                case '[' when !inClass:
                    inClass = true;
                    break;
                case ']' when inClass:
                    inClass = false;
                    break;
                case '(' when !inClass:
                    depth++;
                    break;
                case ')' when !inClass:
                    depth--;
                    break;
                case '|' when !inClass && depth == 0:
                    branches.Add(pattern[start..i]);
                    start = i + 1;
                    break;
            }
        }

        branches.Add(pattern[start..]);
        return branches;
    }

    /// <summary>The words a pattern spells out, in order (runs of letters, Latin or CJK).</summary>
    private static string[] WordsOf(string pattern)
    {
        var literal = Regex.Replace(pattern, @"\\[a-zA-Z]|\(\?(?:<[A-Za-z]\w*>|'[A-Za-z]\w*'|<[=!]|[=!:>])?|\{\d*,?\d*\}", " ");
        var words = Regex.Matches(literal, @"[a-z']{2,}|\p{IsCJKUnifiedIdeographs}+", RegexOptions.IgnoreCase)
            .Select(m => m.Value.ToLowerInvariant())
            .ToArray();
        return words.Length > 0 ? words : Fillers;
    }

    private static IEnumerable<(string Name, Regex Regex)> GeneratedRegexes() =>
        new[] { typeof(DirectiveExtractor).Assembly }
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<GeneratedRegexAttribute>() is not null && m.GetParameters().Length == 0)
            .Select(m => ($"{m.DeclaringType!.Name}.{m.Name}", (Regex)m.Invoke(null, null)!))
            .OrderBy(r => r.Item1, StringComparer.Ordinal);
}
