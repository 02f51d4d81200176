using FollowUpBot.Storage;
using FollowUpBot.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FollowUpBot.Tests.Storage;

/// <summary>A lease file that cannot be read is not a free lease: it is logged and held by nobody known until it runs out.</summary>
public sealed class CorruptLeaseTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "followup-tests", Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("{\"id\":\"4f1c")]
    [InlineData("")]
    [InlineData("{}")]
    public async Task ACorruptLeaseIsLoggedHeldForAMinuteAndThenFreeWhileOtherLeasesWork(string corrupt)
    {
        var logs = new ListLoggerProvider();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
        var store = new LocalBlobStore(_root, time, logs.For<LocalBlobStore>());
        var holder = await store.TryAcquireLeaseAsync(BlobNames.SchedulerLock, TimeSpan.FromSeconds(30));
        var other = await store.TryAcquireLeaseAsync("locks/other", TimeSpan.FromSeconds(30));
        Assert.NotNull(holder);
        Assert.NotNull(other);
        var leaseFiles = Directory.GetFiles(Path.Combine(_root, ".locks"), "*.lease");
        var schedulerLease = Assert.Single(leaseFiles, f => File.ReadAllText(f).Contains(holder, StringComparison.Ordinal));
        await File.WriteAllTextAsync(schedulerLease, corrupt);

        // Nobody takes it at once, and its holder (whose id the file lost) can no longer renew it: no two leaders.
        Assert.Null(await store.TryAcquireLeaseAsync(BlobNames.SchedulerLock, TimeSpan.FromSeconds(30)));
        Assert.False(await store.RenewLeaseAsync(BlobNames.SchedulerLock, holder));
        Assert.Contains(logs.Find(BlobNames.SchedulerLock), l => l.Level >= LogLevel.Warning);
        Assert.True(await store.RenewLeaseAsync("locks/other", other));

        time.Advance(TimeSpan.FromSeconds(61));

        Assert.NotNull(await store.TryAcquireLeaseAsync(BlobNames.SchedulerLock, TimeSpan.FromSeconds(30)));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
