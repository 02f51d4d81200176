using System.Text;

using FollowUpBot.Departments;
using FollowUpBot.Directives;
using FollowUpBot.Ledger;
using FollowUpBot.Meetings;
using FollowUpBot.Testing;

namespace FollowUpBot.Tests.Meetings;

/// <summary>
/// What the organiser reviews and the departments receive: a hard-wrapped text (a .txt export, a PDF's text layer) gives the
/// same draft as the text unwrapped, its tasks and sources on one line, while the extractor's own spans keep the text as
/// written.
/// </summary>
public sealed class MeetingDraftTests
{
    private static readonly DateOnly MeetingDate = new(2026, 12, 4);

    [Theory]
    [InlineData("制定会议精神宣\n传实施方案", "制定会议精神宣传实施方案")]
    [InlineData("制定方案，\n  报市委审定", "制定方案，报市委审定")]
    [InlineData("加强对“两个责任”\r\n落实情况的监督", "加强对“两个责任”落实情况的监督")]
    [InlineData("the Clerk to write to the\ncounty council", "the Clerk to write to the county council")]
    [InlineData("report back by\n   31 March 2027", "report back by 31 March 2027")]
    [InlineData("draft a follow-\nup plan", "draft a follow-up plan")]
    [InlineData("由\nABC公司负责", "由ABC公司负责")]
    [InlineData("\n市委宣传部\n", "市委宣传部")]
    public void ALineBreakInsideASpanIsReadAsTheWrapItWas(string span, string expected) =>
        Assert.Equal(expected, HardWraps.OneLine(span));

    [Theory]
    [InlineData("制定会议精神宣传实施方案")]
    [InlineData("the Clerk to  write (two spaces kept)")]
    [InlineData("")]
    public void ASpanWithoutALineBreakIsReturnedAsItIs(string span) => Assert.Same(span, HardWraps.OneLine(span));

    [Fact]
    public void TheSeedWrappedAtThirtyCharactersGivesTheSameDraftAsTheSeed()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "seeds", "000_9a5ecf22ee3b018f.txt")).ReplaceLineEndings("\n");
        var wrapped = Wrap(text, 30);
        var extractor = new DirectiveExtractor();

        // The extractor cuts its spans from the text as written, so the wrapped text's tasks hold its line breaks.
        var wrappedDirectives = extractor.Extract(wrapped, MeetingDate);
        Assert.Contains(wrappedDirectives, d => d.Task.Contains('\n', StringComparison.Ordinal));

        var original = Draft(extractor.Extract(text, MeetingDate));
        var draft = Draft(wrappedDirectives);
        Assert.Equal(original.Items.Count, draft.Items.Count);
        Assert.All(draft.Items, item =>
        {
            Assert.DoesNotContain('\n', item.Task);
            Assert.DoesNotContain('\n', item.Source ?? string.Empty);
        });
        Assert.Equal(original.Items.Select(Shown), draft.Items.Select(Shown));
    }

    [Fact]
    public void AWrappedDepartmentNameNotInTheDirectoryIsKeptOnOneLine()
    {
        var directive = new Directive("d1", string.Empty, ["市城市管理\n综合执法局"], [], "负责拆除违\n法建设", null, "市城市管理\n综合执法局负责拆除违\n法建设", 0, 30);
        var item = MeetingDraft.ToItem("i1", directive, new DepartmentMatcher(DepartmentDirectory.Empty));
        Assert.Equal(["市城市管理综合执法局"], item.Lead);
        Assert.Equal(["市城市管理综合执法局"], item.UnknownActors);
        Assert.Equal("负责拆除违法建设", item.Task);
        Assert.Equal(0, item.SourceStart);
        Assert.Equal(30, item.SourceLength);
    }

    private static string Shown(MeetingItem item) =>
        $"{item.Section}|{string.Join("、", item.Lead)}|{string.Join("、", item.Support)}|{item.Task}|{item.Due}|{item.Source}|{string.Join("、", item.UnknownActors)}";

    private static MeetingDocument Draft(IReadOnlyList<Directive> directives)
    {
        var directory = DepartmentDirectory.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "seeds", "departments.json")));
        return MeetingDraft.Create("m1", "t", null, null, "Asia/Shanghai", MeetingDate, directives, new DepartmentMatcher(directory), DateTimeOffset.UnixEpoch);
    }

    /// <summary>Each line cut every <paramref name="width"/> characters, as a fixed-width export does.</summary>
    private static string Wrap(string text, int width)
    {
        var builder = new StringBuilder(text.Length + (text.Length / width));
        foreach (var line in text.Split('\n'))
        {
            for (var at = 0; at < line.Length; at += width)
            {
                builder.Append(line, at, Math.Min(width, line.Length - at)).Append('\n');
            }

            if (line.Length == 0)
            {
                builder.Append('\n');
            }
        }

        return builder.ToString();
    }
}
