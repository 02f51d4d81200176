using System.Collections.Concurrent;
using FollowUpBot.Bulletins;
using FollowUpBot.FollowUp;
using FollowUpBot.Ledger;
using FollowUpBot.Storage;
using FollowUpBot.Summaries;
using FollowUpBot.Teams;
using FollowUpBot.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FollowUpBot.IntegrationTests.Bulletins;

/// <summary>
/// <c>Bulletin:Cron</c> with two scheduler instances sharing one store (as two app instances share the storage
/// account): each meeting's slot, in its own time zone, reaches its organiser exactly once.
/// </summary>
public sealed class BulletinSchedulerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("followup-bulletin-cron-").FullName;

    [Fact]
    public async Task EachMeetingsFridaySlotIsIssuedOnceAcrossInstancesInTheMeetingsTimeZone()
    {
        // Friday 11 December 2026, 16:00 in Shanghai (08:00 UTC); London's 16:00 comes eight hours later.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 11, 8, 0, 30, TimeSpan.Zero));
        var store = new LocalBlobStore(_root);
        var ledger = new MeetingLedger(store, clock, NullLogger<MeetingLedger>.Instance);
        await BulletinFixture.StoreAsync(ledger);
        await ledger.CreateMeetingAsync(SummaryFixture.Meeting() with { Id = "m-london", TimeZone = "Europe/London", Organiser = new Person("org-2", "Ops") }, "minutes");
        var poster = new RecordingPoster();
        var (first, second) = (Scheduler(store, ledger, clock, poster), Scheduler(store, ledger, clock, poster));

        var issued = await Task.WhenAll(first.PassAsync(CancellationToken.None), second.PassAsync(CancellationToken.None));

        Assert.Equal(1, issued.Sum());
        var sent = Assert.Single(poster.Sent);
        Assert.Equal("org-1", sent.AadObjectId);
        Assert.Contains("/bulletins/m-q4/20261120-20261211.docx?exp=", sent.CardJson, StringComparison.Ordinal);
        Assert.Contains("bulletin.send", sent.CardJson, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, (await Task.WhenAll(first.PassAsync(CancellationToken.None), second.PassAsync(CancellationToken.None))).Sum());

        clock.Advance(TimeSpan.FromHours(8));
        Assert.Equal(1, (await Task.WhenAll(first.PassAsync(CancellationToken.None), second.PassAsync(CancellationToken.None))).Sum());
        Assert.Equal(["org-1", "org-2"], poster.Sent.Select(s => s.AadObjectId).Order(StringComparer.Ordinal));

        var marker = await store.GetDocumentAsync(BulletinStore.Marker("m-q4", "20261211T0800Z"), BulletinJsonContext.Default.BulletinMarker);
        Assert.Equal(ReminderMarkerState.Sent, marker!.Document.State);
        Assert.Equal(["org-1"], marker.Document.Recipients);
        Assert.NotNull(await store.GetDocumentAsync(BulletinStore.Marker("m-london", "20261211T1600Z"), BulletinJsonContext.Default.BulletinMarker));
    }

    [Fact]
    public async Task WithoutACronNothingIsIssued()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 11, 8, 0, 30, TimeSpan.Zero));
        var store = new LocalBlobStore(_root);
        var ledger = new MeetingLedger(store, clock, NullLogger<MeetingLedger>.Instance);
        await BulletinFixture.StoreAsync(ledger);
        var poster = new RecordingPoster();

        Assert.Equal(0, await Scheduler(store, ledger, clock, poster, cron: null).PassAsync(CancellationToken.None));
        Assert.Empty(poster.Sent);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static BulletinScheduler Scheduler(IBlobStore store, MeetingLedger ledger, TimeProvider clock, RecordingPoster poster, string? cron = "0 16 * * 5")
    {
        var followUp = new FollowUpOptions { PublicBaseUrl = new Uri("https://bot.example.test/") };
        followUp.Organisers.Add("org-1");
        var summaries = Options.Create(new SummaryOptions());
        var options = Options.Create(new BulletinOptions { Cron = cron });
        // A production host with a public address: the listening address (the server) is never asked for.
        var environment = new HostingEnvironment { EnvironmentName = Environments.Production };
        var links = new SummaryLinks(store, summaries, Options.Create(followUp), clock, environment, new NoServer());
        var service = new BulletinService(new BulletinMeetings(ledger), store, links, summaries, options, Options.Create(followUp), clock);
        return new BulletinScheduler(service, poster, options, clock, NullLogger<BulletinScheduler>.Instance);
    }

    /// <summary>A server that listens nowhere: links come from the configured public address.</summary>
    private sealed class NoServer : Microsoft.AspNetCore.Hosting.Server.IServer
    {
        public Microsoft.AspNetCore.Http.Features.IFeatureCollection Features { get; } = new Microsoft.AspNetCore.Http.Features.FeatureCollection();

        public Task StartAsync<TContext>(Microsoft.AspNetCore.Hosting.Server.IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }

    private sealed record SentCard(string TenantId, string AadObjectId, string CardJson);

    /// <summary>Records what would go to Teams.</summary>
    private sealed class RecordingPoster : IBulletinPoster
    {
        private readonly ConcurrentQueue<SentCard> _sent = new();

        public IReadOnlyList<SentCard> Sent => [.. _sent];

        public Task<string?> LocaleOfAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken) => Task.FromResult<string?>("zh-CN");

        public Task<ProactiveDelivery> SendToUserAsync(string tenantId, string aadObjectId, Activity activity, CancellationToken cancellationToken)
        {
            _sent.Enqueue(new SentCard(tenantId, aadObjectId, activity.Attachments![0].Content!.Value.GetRawText()));
            return Task.FromResult(new ProactiveDelivery("https://smba.example.test/", "a:" + aadObjectId, "1"));
        }

        public Task<ProactiveDelivery> PostToChannelAsync(string tenantId, string teamId, string channelId, Activity activity, CancellationToken cancellationToken) =>
            throw new NotSupportedException("Scheduled bulletins go to organisers' chats.");
    }
}
