using FollowUpBot.Ledger;
using FollowUpBot.Storage;
using FollowUpBot.Summaries;
using Microsoft.Extensions.Time.Testing;

namespace FollowUpBot.Tests.Summaries;

public sealed class SummaryCommandsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "followup-tests", Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("summary", true, null)]
    [InlineData("Summary all", true, "all")]
    [InlineData("汇总", true, null)]
    [InlineData("汇总 第四季度", true, "第四季度")]
    [InlineData("汇总第四季度推进会", true, "第四季度推进会")]
    [InlineData("进展：重点工作推进会", true, "重点工作推进会")]
    [InlineData("summaryx", false, null)]
    [InlineData("3 进展顺利", false, null)]
    [InlineData("#3 50% 进展", false, null)]
    public void SummaryCommandsAreRecognisedWithAnOptionalMeetingName(string text, bool expected, string? argument)
    {
        Assert.Equal(expected, SummaryCommands.TryParseSummary(text, out var actual));
        Assert.Equal(argument, actual);
    }

    [Theory]
    [InlineData("export", true, null)]
    [InlineData("导出", true, null)]
    [InlineData("导出台账 第四季度", true, "第四季度")]
    [InlineData("exported it", false, null)]
    public void ExportCommandsAreRecognisedWithAnOptionalMeetingName(string text, bool expected, string? argument)
    {
        Assert.Equal(expected, SummaryCommands.TryParseExport(text, out var actual));
        Assert.Equal(argument, actual);
    }

    [Fact]
    public void WithoutANameTheMostRecentlyPublishedMeetingIsMeantAndANameNarrowsItDown()
    {
        MeetingDocument[] meetings =
        [
            Meeting("a", "三季度推进会", MeetingState.Published, publishedDay: 1),
            Meeting("b", "四季度推进会", MeetingState.Published, publishedDay: 20),
            Meeting("c", "四季度专题会", MeetingState.Draft, publishedDay: null),
        ];

        Assert.Equal("b", SummaryCommands.Select(meetings, null).Meeting?.Id);
        Assert.Equal("a", SummaryCommands.Select(meetings, "三季度").Meeting?.Id);
        Assert.Equal("c", SummaryCommands.Select(meetings, "c").Meeting?.Id);
        Assert.Equal(["b", "c"], SummaryCommands.Select(meetings, "四季度").Candidates.Select(m => m.Id).Order());
        Assert.Empty(SummaryCommands.Select(meetings, "年度总结").Candidates);
        Assert.True(SummaryCommands.Select(meetings, "all").All);
    }

    [Fact]
    public void WhenNoMeetingIsPublishedTheOrganiserChoosesAmongTheDrafts()
    {
        MeetingDocument[] drafts = [Meeting("a", "一", MeetingState.Draft, null), Meeting("b", "二", MeetingState.Draft, null)];

        var selection = SummaryCommands.Select(drafts, null);

        Assert.Null(selection.Meeting);
        Assert.Equal(2, selection.Candidates.Count);
    }

    [Fact]
    public void ASignedLinkOpensOnlyWhatItWasSignedForAndOnlyUntilItExpires()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 10, 1, 0, 0, TimeSpan.Zero));
        var signer = new LinkSigner(new byte[32]);
        var expires = time.GetUtcNow().AddHours(1);
        var exp = expires.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sig = signer.Sign(LinkSigner.ExportPurpose, "m-1", expires);

        Assert.True(signer.Verify(LinkSigner.ExportPurpose, "m-1", exp, sig, time.GetUtcNow()));
        Assert.False(signer.Verify(LinkSigner.ExportPurpose, "m-2", exp, sig, time.GetUtcNow()));
        Assert.False(signer.Verify(LinkSigner.DashboardPurpose, "m-1", exp, sig, time.GetUtcNow()));
        Assert.False(signer.Verify(LinkSigner.ExportPurpose, "m-1", (expires.ToUnixTimeSeconds() + 3600).ToString(System.Globalization.CultureInfo.InvariantCulture), sig, time.GetUtcNow()));
        Assert.False(new LinkSigner(Enumerable.Repeat((byte)7, 32).ToArray()).Verify(LinkSigner.ExportPurpose, "m-1", exp, sig, time.GetUtcNow()));
        Assert.False(signer.Verify(LinkSigner.ExportPurpose, "m-1", exp, null, time.GetUtcNow()));

        time.Advance(TimeSpan.FromHours(1));
        Assert.False(signer.Verify(LinkSigner.ExportPurpose, "m-1", exp, sig, time.GetUtcNow()));
    }

    [Fact]
    public async Task WithoutAConfiguredKeyOneIsGeneratedOnceAndKeptInStorage()
    {
        var store = new LocalBlobStore(_root);
        var first = await LinkKeys.LoadOrCreateAsync(store, null, TimeProvider.System);
        var second = await LinkKeys.LoadOrCreateAsync(new LocalBlobStore(_root), null, TimeProvider.System);
        var configured = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

        Assert.Equal(32, first.Length);
        Assert.Equal(first, second);
        Assert.NotNull(await store.GetAsync(LinkKeys.BlobName));
        Assert.Equal(Convert.FromBase64String(configured), await LinkKeys.LoadOrCreateAsync(store, configured, TimeProvider.System));
        Assert.Throws<FormatException>(() => LinkKeys.Parse(Convert.ToBase64String(new byte[16])));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static MeetingDocument Meeting(string id, string title, MeetingState state, int? publishedDay) => new()
    {
        Id = id,
        Title = title,
        State = state,
        CreatedAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
        PublishedAt = publishedDay is { } day ? new DateTimeOffset(2026, 11, day, 0, 0, 0, TimeSpan.Zero) : null,
    };
}
