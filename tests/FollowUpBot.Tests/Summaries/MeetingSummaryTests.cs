using System.Text.Json;
using FollowUpBot.Cards;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Storage;
using FollowUpBot.Summaries;
using FollowUpBot.Testing;
using FollowUpBot.Tests.Cards;
using Microsoft.Extensions.Logging.Abstractions;

namespace FollowUpBot.Tests.Summaries;

public sealed class MeetingSummaryTests : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly string _root = Path.Combine(Path.GetTempPath(), "followup-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task TheSummaryOfTheStoredMeetingEqualsTheSummaryOfAReplayOfItsStoredRecords()
    {
        var (ledger, today) = await StoreFixtureAsync();
        var stored = (await ledger.GetMeetingAsync(SummaryFixture.MeetingId))!.Document;
        var history = await MeetingHistory.ReadAsync(ledger, stored);
        var replayed = MeetingProjection.Replay(SummaryFixture.Meeting(), history.Values.SelectMany(h => h).Select(e => (e.Key, e.Record)));

        var fromProjection = MeetingSummaries.Summarise(stored, today);
        var fromReplay = MeetingSummaries.Summarise(replayed, today);

        Assert.Equal(SummaryFixture.Progress().Records.Count, history.Values.Sum(h => h.Count));
        Assert.Equal(JsonSerializer.Serialize(fromReplay, Json), JsonSerializer.Serialize(fromProjection, Json));
    }

    [Fact]
    public async Task TheFiguresAgreeWithWhatTheRecordsSayItemByItem()
    {
        var (ledger, today) = await StoreFixtureAsync();
        var meeting = SummaryFixture.Meeting();
        var (records, _) = SummaryFixture.Progress();
        var summary = MeetingSummaries.Summarise((await ledger.GetMeetingAsync(SummaryFixture.MeetingId))!.Document, today);

        // An independent reading of the fixture: an item is closed when an approval closed it whole or closed every lead's part.
        bool Closed(MeetingItem item) =>
            records.Any(r => r.ItemId == item.Id && r.Kind == ProgressKind.CompletionApproval && r.Department is null)
            || item.Lead.All(lead => records.Any(r => r.ItemId == item.Id && r.Kind == ProgressKind.CompletionApproval && r.Department == lead));
        DateOnly? DueOf(MeetingItem item) =>
            records.LastOrDefault(r => r.ItemId == item.Id && r.Kind == ProgressKind.ExtensionApproval)?.Due ?? item.Due;
        var open = meeting.Items.Where(i => !Closed(i)).ToList();
        var overdue = open.Where(i => DueOf(i) < today).Select(i => i.Id).Order().ToList();
        var dueSoon = open.Where(i => DueOf(i) is { } d && d >= today && d.DayNumber - today.DayNumber <= 3).Select(i => i.Id).Order().ToList();
        var pendingExtensions = records.Where(r => r.Kind is ProgressKind.ExtensionRequest or ProgressKind.ExtensionApproval or ProgressKind.ExtensionRejection)
            .GroupBy(r => (r.ItemId, r.Department)).Count(g => g.Last().Kind == ProgressKind.ExtensionRequest);
        var completionKinds = new[] { ProgressKind.CompletionRequest, ProgressKind.CompletionApproval, ProgressKind.CompletionRejection };
        var pendingCompletions = records.Where(r => r.Kind == ProgressKind.CompletionRequest).Select(r => (r.ItemId, r.Department)).Distinct()
            .Count(part => records.Last(r => r.ItemId == part.ItemId && completionKinds.Contains(r.Kind) && (r.Department == part.Department || r.Department is null)).Kind == ProgressKind.CompletionRequest);

        Assert.Equal(meeting.Items.Count, summary.Total);
        Assert.Equal(meeting.Items.Count(Closed), summary.Closed);
        Assert.Equal(summary.Total - summary.Closed, summary.Open);
        Assert.Equal(100 * summary.Closed / summary.Total, summary.PercentClosed);
        Assert.Equal(overdue, summary.OverdueItems.Select(i => i.ItemId).Order());
        Assert.Equal(dueSoon, summary.DueSoonItems.Select(i => i.ItemId).Order());
        Assert.Equal(pendingExtensions, summary.PendingExtensions.Count);
        Assert.Equal(pendingCompletions, summary.PendingCompletions.Count);
        Assert.All(summary.OverdueItems, i => Assert.Equal(today.DayNumber - DueOf(meeting.FindItem(i.ItemId)!)!.Value.DayNumber, i.Days));

        // Each department part is counted once, in its role, and its lights are a part of its open count.
        var parts = meeting.Items.Sum(i => i.Lead.Count + i.Support.Count);
        Assert.Equal(parts, summary.Departments.Sum(d => d.Total));
        Assert.All(summary.Departments, d => Assert.True(d.DueSoon + d.Overdue <= d.Open, d.ToString()));

        // The latest reports are the newest status-setting record of each part, newest first, with who and when.
        var statusKinds = new[] { ProgressKind.Progress, ProgressKind.CompletionRequest, ProgressKind.CompletionApproval, ProgressKind.CompletionRejection };
        var newest = records.Where(r => statusKinds.Contains(r.Kind)).Max(r => r.At);
        Assert.Equal(newest, summary.LatestReports[0].At);
        Assert.Equal(records.Single(r => r.At == newest).By.Name, summary.LatestReports[0].By.Name);
        Assert.True(summary.LatestReports.Zip(summary.LatestReports.Skip(1)).All(p => p.First.At >= p.Second.At));
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public async Task TheSummaryCardOfTheStoredMeetingIsSchemaValidAndSaysWhenEachListedReportWasStored(string tag)
    {
        var (ledger, today) = await StoreFixtureAsync();
        var summary = MeetingSummaries.Summarise((await ledger.GetMeetingAsync(SummaryFixture.MeetingId))!.Document, today);
        var card = SummaryCard.Build(new SummaryView(summary, UiLocales.FromTag(tag), new Uri("https://bot.example.test/dashboard?exp=1&sig=x"), [new MeetingChoice("m-2", "另一次会议")]));
        var json = CardJson.ToJson(card);

        Assert.Empty(AdaptiveCardSchema.Errors(json));
        Assert.True(CardJson.Size(card) <= CardJson.MaxBytes);
        Assert.Contains(summary.Title, Readable(json), StringComparison.Ordinal);
        foreach (var report in summary.LatestReports.Take(SummaryCard.Limits.Default.Reports))
        {
            Assert.Contains(SummaryCard.Time(report.At), json, StringComparison.Ordinal);
        }

        Assert.Contains(SummaryVerbs.Export, json, StringComparison.Ordinal);
        Assert.Contains("https://bot.example.test/dashboard", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ASummaryOfTwoHundredItemsStaysReadableAndUnderTheCardLimit()
    {
        var meeting = LargeMeeting(200, out var records);
        var today = new DateOnly(2026, 12, 10);
        var summary = MeetingSummaries.Summarise(MeetingProjection.Replay(meeting, records), today);
        var view = new SummaryView(summary, UiLocale.ZhCN, new Uri("https://bot.example.test/dashboard"));
        var card = SummaryCard.Build(view);
        var json = CardJson.ToJson(card);
        var shown = SummaryCard.Fit(view);

        Assert.Equal(200, summary.Total);
        Assert.True(shown.Overdue >= 4 && shown.Departments >= 6, $"too little left to read: {shown}");
        Assert.True(summary.OverdueItems.Count > SummaryCard.Limits.Default.Overdue, "the fixture should overflow the overdue list");
        Assert.True(CardJson.Size(card) <= CardJson.MaxBytes, $"{CardJson.Size(card)} bytes");
        Assert.Empty(AdaptiveCardSchema.Errors(json));
        Assert.Contains(Texts.Format(UiLocale.ZhCN, "summary.more", summary.OverdueItems.Count - shown.Overdue), Readable(json), StringComparison.Ordinal);
        Assert.Contains("Action.OpenUrl", json, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenTheDefaultListsWouldNotFitTheCardShrinksThemInsteadOfGrowingPastTheLimit()
    {
        var meeting = LargeMeeting(200, out var records, taskLength: 400, departments: 60);
        var summary = MeetingSummaries.Summarise(MeetingProjection.Replay(meeting, records), new DateOnly(2026, 12, 10));
        var view = new SummaryView(summary, UiLocale.EnUS);

        Assert.True(CardJson.Size(SummaryCard.Build(view, SummaryCard.Limits.Default with { Departments = 200 })) > CardJson.MaxBytes);
        Assert.True(CardJson.Size(SummaryCard.Build(view)) <= CardJson.MaxBytes);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public async Task TheOverviewOfAllMeetingsAndTheChooserAreValidCardsWithAButtonPerMeeting(string tag)
    {
        var (ledger, today) = await StoreFixtureAsync();
        var locale = UiLocales.FromTag(tag);
        var summary = MeetingSummaries.Summarise((await ledger.GetMeetingAsync(SummaryFixture.MeetingId))!.Document, today);
        var large = MeetingSummaries.Summarise(LargeMeeting(20, out _), today);

        var overview = CardJson.ToJson(SummaryCard.BuildOverview([summary, large], locale, new Uri("https://bot.example.test/dashboard")));
        var chooser = CardJson.ToJson(SummaryCard.BuildChooser([new MeetingChoice(summary.MeetingId, summary.Title), new MeetingChoice(large.MeetingId, large.Title)], locale));

        Assert.Empty(AdaptiveCardSchema.Errors(overview));
        Assert.Empty(AdaptiveCardSchema.Errors(chooser));
        Assert.Contains(Texts.Format(locale, "summary.allLine", summary.Title, summary.Total, summary.PercentClosed, summary.Overdue, summary.DueSoon), Readable(overview), StringComparison.Ordinal);
        foreach (var json in new[] { overview, chooser })
        {
            Assert.Contains($"\"meetingId\":\"{summary.MeetingId}\"", json, StringComparison.Ordinal);
            Assert.Contains($"\"meetingId\":\"{large.MeetingId}\"", json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void APartClosedOnItsOwnCountsAsDoneEvenWhileTheItemIsOpen()
    {
        var meeting = MeetingProjection.Normalize(new MeetingDocument
        {
            Id = "m",
            Title = "t",
            Items = [new MeetingItem { Id = "i1", Number = 1, Task = "task", Lead = ["A"], Support = ["B"], Due = new DateOnly(2026, 12, 1) }],
        });
        var closeSupport = Record("i1", "B", ProgressKind.CompletionApproval, "2026-11-25T00:00:00Z");

        var summary = MeetingSummaries.Summarise(MeetingProjection.Replay(meeting, [("20261125T000000000Z-a", closeSupport)]), new DateOnly(2026, 12, 5));

        Assert.Equal(0, summary.Closed);
        Assert.Equal(new DepartmentTally("A", DepartmentRole.Lead, Open: 1, DueSoon: 0, Overdue: 1, Done: 0), summary.Departments.Single(d => d.Department == "A"));
        Assert.Equal(new DepartmentTally("B", DepartmentRole.Support, Open: 0, DueSoon: 0, Overdue: 0, Done: 1), summary.Departments.Single(d => d.Department == "B"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private async Task<(MeetingLedger Ledger, DateOnly Today)> StoreFixtureAsync()
    {
        var ledger = new MeetingLedger(new LocalBlobStore(_root), TimeProvider.System, NullLogger<MeetingLedger>.Instance);
        var today = await SummaryFixture.StoreAsync(ledger);
        return (ledger, today);
    }

    /// <summary>The card's JSON with its strings unescaped (cards escape every non-ASCII character).</summary>
    internal static string Readable(string json) =>
        System.Text.Json.Nodes.JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    internal static MeetingDocument LargeMeeting(int count, out List<(string Key, ProgressRecord Record)> records, int taskLength = 70, int departments = 40)
    {
        var names = Enumerable.Range(1, departments).Select(n => $"市直单位第{n}号部门").ToList();
        var task = string.Concat(Enumerable.Repeat("统筹推进重点项目建设，协调解决用地资金审批等问题，", taskLength / 24 + 1))[..taskLength];
        var meeting = MeetingProjection.Normalize(new MeetingDocument
        {
            Id = "m-large",
            Title = "2026年第四季度重点工作推进会",
            State = MeetingState.Published,
            Items = [.. Enumerable.Range(1, count).Select(n => new MeetingItem
            {
                Id = $"i{n}",
                Number = n,
                Task = $"{task}（第{n}项）",
                Lead = [names[n % names.Count]],
                Support = [names[(n + 7) % names.Count], names[(n + 13) % names.Count]],
                Due = new DateOnly(2026, 11, 20).AddDays(n % 40),
            })],
        });
        records = [];
        foreach (var item in meeting.Items)
        {
            var n = item.Number!.Value;
            var at = $"2026-12-{1 + (n % 9):00}T0{n % 10}:00:00Z";
            var kind = (n % 5) switch { 0 => ProgressKind.CompletionRequest, 1 => ProgressKind.ExtensionRequest, _ => ProgressKind.Progress };
            var record = Record(item.Id, item.Lead[0], kind, at) with { Note = "本周完成了方案论证和现场踏勘，下一步将提交联席会议审议", Due = kind == ProgressKind.ExtensionRequest ? new DateOnly(2027, 1, 31) : null };
            records.Add(($"{at.Replace("-", string.Empty, StringComparison.Ordinal).Replace(":", string.Empty, StringComparison.Ordinal)[..15]}000Z-{n:x8}", record));
        }

        return meeting;
    }

    private static ProgressRecord Record(string itemId, string department, ProgressKind kind, string at) => new()
    {
        MeetingId = "m",
        ItemId = itemId,
        Department = department,
        Kind = kind,
        By = new Person("aad-" + department, "联系人" + department),
        At = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture),
        Status = kind == ProgressKind.Progress ? ProgressStatus.InProgress : null,
        ConversationId = "a:1",
        ActivityId = itemId + kind,
    };
}
