using FollowUpBot.Bulletins;
using FollowUpBot.Ledger;
using FollowUpBot.Storage;
using Microsoft.Extensions.Time.Testing;

namespace FollowUpBot.Tests.Bulletins;

public sealed class BulletinCommandsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "followup-tests", Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("通报", true, null, null)]
    [InlineData("bulletin", false, null, null)]
    [InlineData("督办通报 第四季度", true, "第四季度", null)]
    [InlineData("通报 第四季度 2026年12月1日以来", true, "第四季度", "2026-12-01")]
    [InlineData("bulletin since 2026-12-01", false, null, "2026-12-01")]
    [InlineData("Bulletin: Q4 review 2026/12/1", false, "Q4 review", "2026-12-01")]
    [InlineData("通报第四季度推进会", true, "第四季度推进会", null)]
    public void TheCommandReadsAMeetingAndThePeriodsFirstDay(string text, bool loose, string? meeting, string? since)
    {
        Assert.True(BulletinCommands.TryParse(text, loose, out var request));
        Assert.Equal(meeting, request.Meeting);
        Assert.Equal(since, request.Since?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(request.BadPeriod);
    }

    [Theory]
    [InlineData("通报已收到，马上落实")]
    [InlineData("bulletins")]
    [InlineData("3 已完成 通报")]
    public void AContactsReplyThatMerelyStartsWithTheWordIsNotTheCommand(string text)
    {
        Assert.False(BulletinCommands.TryParse(text, loose: false, out _));
    }

    [Fact]
    public void AnImpossibleDateIsReportedNotIgnored()
    {
        Assert.True(BulletinCommands.TryParse("通报 2026-02-30", loose: true, out var request));
        Assert.Equal("2026-02-30", request.BadPeriod);
        Assert.Null(request.Since);
    }

    [Fact]
    public void TheLatestSlotIsFoundInTheMeetingsTimeZoneAndOnlyWithinTheWindow()
    {
        Assert.True(BulletinCommands.TryParseCron("0 16 * * 5", out var cron));
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        // Friday 11 December 2026, 16:00 in Shanghai is 08:00 UTC.
        var slot = new DateTimeOffset(2026, 12, 11, 8, 0, 0, TimeSpan.Zero);

        Assert.Null(BulletinCommands.LatestSlot(cron!, shanghai, slot.AddMinutes(-1), TimeSpan.FromHours(2)));
        Assert.Equal(slot, BulletinCommands.LatestSlot(cron!, shanghai, slot, TimeSpan.FromHours(2)));
        Assert.Equal(slot, BulletinCommands.LatestSlot(cron!, shanghai, slot.AddMinutes(90), TimeSpan.FromHours(2)));
        Assert.Null(BulletinCommands.LatestSlot(cron!, shanghai, slot.AddHours(3), TimeSpan.FromHours(2)));
        Assert.Equal("20261211T0800Z", BulletinCommands.SlotKey(slot));
    }

    [Fact]
    public async Task ASlotIsClaimedOnceAcrossInstancesAndAnAbandonedClaimIsTakenOver()
    {
        var store = new LocalBlobStore(_root);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 11, 8, 0, 0, TimeSpan.Zero));
        var marker = new BulletinMarker { MeetingId = "m-q4", SlotKey = "20261211T0800Z" };

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => store.TryClaimAsync(marker with { ClaimedBy = "instance-" + i }, clock)));

        var winner = Assert.Single(claims, c => c is not null)!;
        Assert.Null(await store.TryClaimAsync(marker, clock));
        clock.Advance(BulletinStore.ClaimTimeout);
        var takeover = await store.TryClaimAsync(marker with { ClaimedBy = "late" }, clock);
        Assert.NotNull(takeover);
        // The first claimant finishing late cannot overwrite the takeover; the new holder records the send once.
        await Assert.ThrowsAsync<BlobConflictException>(() => store.MarkSentAsync(winner, ["org-1"], [], clock));
        var sent = await store.MarkSentAsync(takeover!, ["org-1"], [], clock);
        Assert.Equal(ReminderMarkerState.Sent, sent.Document.State);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Null(await store.TryClaimAsync(marker, clock));
    }

    [Fact]
    public async Task TheIssueKeepsTheOrganisersEditsAndDeliveriesUnderConcurrentWrites()
    {
        var store = new LocalBlobStore(_root);
        var day = new DateOnly(2026, 12, 10);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => store.UpdateIssueAsync("m-q4", day.AddDays(-9), day, issue => issue with
        {
            Deliveries = [.. issue.Deliveries, new CardDelivery { Department = "D" + i, Recipient = "r" + i, ServiceUrl = "https://x", ConversationId = "c" + i }],
        })));
        await store.UpdateIssueAsync("m-q4", day.AddDays(-9), day, issue => issue with { Title = "第十二期" });

        var stored = (await store.GetIssueAsync("m-q4", day.AddDays(-9), day))!.Document;
        Assert.Equal(6, stored.Deliveries.Count);
        Assert.Equal("第十二期", stored.Title);
        Assert.True(BulletinStore.TryParsePeriodKey("20261201-20261210", out var since, out var until));
        Assert.Equal((day.AddDays(-9), day), (since, until));
        Assert.False(BulletinStore.TryParsePeriodKey("20261210-20261201", out _, out _));
        Assert.False(BulletinStore.TryParsePeriodKey("../../x", out _, out _));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
