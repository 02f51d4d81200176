using FollowUpBot.Reminders;
using FollowUpBot.Storage;
using Microsoft.Extensions.Time.Testing;

namespace FollowUpBot.Tests.Reminders;

/// <summary>
/// The shared send budget on the local store with a fake clock: the sending instances split
/// Reminders:GlobalPerSecond, a newcomer waits until every share computed without it has run out, a dead
/// instance's share is taken over only after its own has run out, and the budget lets nothing past the share.
/// </summary>
public sealed class SendBudgetTests : IDisposable
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(10);
    private readonly string _root = Directory.CreateTempSubdirectory("send-budget-").FullName;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task TwoSendersSplitTheBudgetAndTheNewcomerStartsOnlyWhenTheOldShareHasRunOut()
    {
        var store = new ClockedStore(new LocalBlobStore(_root, _time), _time);
        var first = Roster(store, "first");
        var second = Roster(store, "second");

        var alone = await first.RefreshAsync();
        Assert.Equal((30.0, 1, _time.GetUtcNow()), (alone.PerSecond, alone.Senders, alone.From));

        _time.Advance(TimeSpan.FromSeconds(3));
        var joining = await second.RefreshAsync();
        Assert.Equal((15.0, 2), (joining.PerSecond, joining.Senders));
        // The first still uses 30 per second until its next beat; the newcomer sends nothing until that share is over.
        Assert.True(joining.From >= alone.Until, $"newcomer starts {joining.From:O}, old share ends {alone.Until:O}");
        Assert.False(joining.AllowsAt(_time.GetUtcNow()));

        _time.Advance(Heartbeat - TimeSpan.FromSeconds(3));
        var split = await first.RefreshAsync();
        Assert.Equal((15.0, 2, alone.From), (split.PerSecond, split.Senders, split.From));

        _time.Advance(TimeSpan.FromSeconds(3));
        var renewed = await second.RefreshAsync();
        Assert.Equal(joining.From, renewed.From);
        _time.Advance(joining.From - _time.GetUtcNow());
        Assert.True(second.Current.AllowsAt(_time.GetUtcNow()));
    }

    [Fact]
    public async Task ASenderThatStopsBeatingIsDroppedOnlyAfterItsOwnShareHasRunOut()
    {
        var store = new ClockedStore(new LocalBlobStore(_root, _time), _time);
        var survivor = Roster(store, "survivor");
        var dying = Roster(store, "dying");
        await survivor.RefreshAsync();
        await dying.RefreshAsync();
        var last = await survivor.RefreshAsync();
        Assert.Equal(2, last.Senders);
        var dyingShare = dying.Current;

        var beats = 0;
        while (survivor.Current.Senders == 2)
        {
            _time.Advance(Heartbeat);
            await survivor.RefreshAsync();
            beats++;
        }

        var raised = survivor.Current;
        Assert.Equal((30.0, 1), (raised.PerSecond, raised.Senders));
        Assert.True(beats >= 4, $"dropped after {beats} heartbeats");
        Assert.False(dyingShare.AllowsAt(_time.GetUtcNow()));
        Assert.Equal([survivor.Name], await NamesAsync(store));

        // Back from the dead, it rejoins as a newcomer.
        var back = await dying.RefreshAsync();
        Assert.Equal(_time.GetUtcNow() + dying.JoinDelay, back.From);
    }

    [Fact]
    public async Task ASlowHeartbeatPausesSendingButResumesWithoutJoiningAgain()
    {
        var store = new ClockedStore(new LocalBlobStore(_root, _time), _time);
        var other = Roster(store, "other");
        var slow = Roster(store, "slow");
        await other.RefreshAsync();
        var joined = await slow.RefreshAsync();

        // A beat so late that the share ran out, but not so late that the others could have dropped this instance.
        _time.Advance(slow.Validity + Heartbeat / 2);
        await other.RefreshAsync();
        Assert.False(slow.Current.AllowsAt(_time.GetUtcNow()));
        var resumed = await slow.RefreshAsync();

        Assert.Equal(joined.From, resumed.From);
        Assert.True(resumed.AllowsAt(_time.GetUtcNow()));
    }

    [Fact]
    public async Task ASenderThatLeavesHandsItsShareOverAtTheNextHeartbeat()
    {
        var store = new ClockedStore(new LocalBlobStore(_root, _time), _time);
        var staying = Roster(store, "staying");
        var leaving = Roster(store, "leaving");
        await staying.RefreshAsync();
        await leaving.RefreshAsync();
        Assert.Equal(2, (await staying.RefreshAsync()).Senders);

        await leaving.LeaveAsync();
        Assert.False(leaving.Current.AllowsAt(_time.GetUtcNow()));
        _time.Advance(Heartbeat);
        Assert.Equal((30.0, 1), ((await staying.RefreshAsync()).PerSecond, staying.Current.Senders));
    }

    [Fact]
    public async Task TheBudgetKeepsEveryWindowWithinTheShareSpreadOutAndLetsNothingThroughWithoutOne()
    {
        var store = new ClockedStore(new LocalBlobStore(_root, _time), _time);
        var roster = Roster(store, "only");
        var budget = new SendBudget(roster, _time);

        // Not registered yet: nothing goes, ask again after a heartbeat.
        Assert.Equal(Heartbeat, budget.Take("t"));

        await roster.RefreshAsync();
        var (limit, window) = SendBudget.Shape(30);
        Assert.Equal((30, TimeSpan.FromSeconds(1)), (limit, window));
        var gap = window / limit / 2;
        Assert.Equal(TimeSpan.Zero, budget.Take("t"));
        Assert.Equal(gap, budget.Take("t"));
        // Another tenant has its own budget.
        Assert.Equal(TimeSpan.Zero, budget.Take("other"));

        // Calls that take 40 ms each to be answered, asked for every 5 ms for three seconds: a call counts from its
        // start to a window after its answer, so no window holds more than thirty starts (nor arrivals), never two
        // closer than the gap, and close to thirty a second all the same.
        var started = new List<DateTimeOffset> { _time.GetUtcNow() };
        var open = new Queue<DateTimeOffset>([_time.GetUtcNow() + TimeSpan.FromMilliseconds(40)]);
        var step = TimeSpan.FromMilliseconds(5);
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromSeconds(3); elapsed += step)
        {
            _time.Advance(step);
            while (open.TryPeek(out var answer) && answer <= _time.GetUtcNow())
            {
                open.Dequeue();
                budget.Answered("t");
            }

            if (budget.Take("t") == TimeSpan.Zero)
            {
                started.Add(_time.GetUtcNow());
                open.Enqueue(_time.GetUtcNow() + TimeSpan.FromMilliseconds(40));
            }
        }

        Assert.All(started.Zip(started.Skip(1)), pair => Assert.True(pair.Second - pair.First >= gap));
        // Whenever a call arrives within its 40 ms, any one-second window holds at most thirty.
        Assert.All(started, at => Assert.True(started.Count(t => t >= at - TimeSpan.FromMilliseconds(40) && t - at < window) <= limit));
        Assert.True(started.Count >= 3 * limit * 0.85, $"{started.Count} calls in three seconds");

        // Shares that are not whole: whole calls (4 instances of 30 → 7 each, 28 in all); under one per second, one per 1/share seconds.
        Assert.Equal(7, SendBudget.Shape(7.5).Calls);
        Assert.Equal((1, TimeSpan.FromSeconds(4)), SendBudget.Shape(0.25));
    }

    [Fact]
    public async Task ACallStillUnansweredKeepsItsPlaceInTheBudget()
    {
        var roster = Roster(new ClockedStore(new LocalBlobStore(_root, _time), _time), "only");
        var budget = new SendBudget(roster, _time);
        await roster.RefreshAsync();
        using var slow = await budget.AcquireAsync("t");
        for (var i = 1; i < 30; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(20));
            Assert.Equal(TimeSpan.Zero, budget.Take("t"));
            budget.Answered("t");
        }

        // Thirty count at 600 ms (the first, still open, and 29 answered at 20, 40 … 580 ms): the next waits until
        // the first answer (20 ms) is a window old.
        _time.Advance(TimeSpan.FromMilliseconds(20));
        Assert.Equal(TimeSpan.FromMilliseconds(20 + 1000 - 600), budget.Take("t"));
        _time.Advance(TimeSpan.FromMilliseconds(20 + 1000 - 600));
        Assert.Equal(TimeSpan.Zero, budget.Take("t"));

        // Answered at last, the first call still counts for a window after its answer.
        slow.Dispose();
        for (var i = 0; i < 28; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(20));
            Assert.Equal(TimeSpan.Zero, budget.Take("t"));
            budget.Answered("t");
        }

        _time.Advance(TimeSpan.FromMilliseconds(20));
        Assert.NotEqual(TimeSpan.Zero, budget.Take("t"));
    }

    [Fact]
    public async Task AJoiningSenderWaitsForItsShareThroughTheBudget()
    {
        var store = new ClockedStore(new LocalBlobStore(_root, _time), _time);
        var first = Roster(store, "first");
        var second = Roster(store, "second");
        await first.RefreshAsync();
        var joining = await second.RefreshAsync();
        var budget = new SendBudget(second, _time);

        Assert.Equal(joining.From - _time.GetUtcNow(), budget.Take("t"));
        var waiting = budget.AcquireAsync("t");
        Assert.False(waiting.IsCompleted);
        _time.Advance(Heartbeat);
        await second.RefreshAsync();
        _time.Advance(joining.From - _time.GetUtcNow());
        (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();

        // Fifteen a second now, half the even spacing apart at least.
        Assert.Equal(SendBudget.Shape(15).Window / 15 / 2, budget.Take("t"));
    }

    [Fact]
    public void OnlyTheNewestHeartbeatsCountAsLive()
    {
        var now = new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);
        var entries = new List<BlobEntry>
        {
            new("locks/senders/me.json", "e1", 10, now),
            new("locks/senders/fresh.json", "e2", 10, now - TimeSpan.FromSeconds(40)),
            new("locks/senders/stale.json", "e3", 10, now - TimeSpan.FromSeconds(41)),
        };

        var (live, dead) = SenderRoster.Count(entries, "locks/senders/me.json", TimeSpan.FromSeconds(40));

        Assert.Equal(2, live);
        Assert.Equal(["locks/senders/stale.json"], dead.Select(d => d.Name));
        // Its own blob missing from the listing (removed meanwhile), an instance still counts itself.
        Assert.Equal(1, SenderRoster.Count([], "locks/senders/me.json", TimeSpan.FromSeconds(40)).Live);
    }

    /// <summary>
    /// The local store, with Last-Modified taken from the fake clock (as Azure's comes from the service's clock;
    /// the folder's would be the machine's real time).
    /// </summary>
    private sealed class ClockedStore(IBlobStore inner, TimeProvider time) : IBlobStore
    {
        private readonly Dictionary<string, DateTimeOffset> _written = new(StringComparer.Ordinal);

        public Task<StoredBlob?> GetAsync(string name, CancellationToken cancellationToken = default) => inner.GetAsync(name, cancellationToken);

        public async Task<string> PutAsync(string name, BinaryData content, BlobCondition condition, CancellationToken cancellationToken = default)
        {
            var etag = await inner.PutAsync(name, content, condition, cancellationToken);
            _written[name] = time.GetUtcNow();
            return etag;
        }

        public async IAsyncEnumerable<BlobEntry> ListAsync(string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var entry in inner.ListAsync(prefix, cancellationToken))
            {
                yield return entry with { LastModified = _written[entry.Name] };
            }
        }

        public Task<bool> DeleteAsync(string name, string? ifMatch = null, CancellationToken cancellationToken = default) => inner.DeleteAsync(name, ifMatch, cancellationToken);

        public Task<string?> TryAcquireLeaseAsync(string name, TimeSpan duration, CancellationToken cancellationToken = default) => inner.TryAcquireLeaseAsync(name, duration, cancellationToken);

        public Task<bool> RenewLeaseAsync(string name, string leaseId, CancellationToken cancellationToken = default) => inner.RenewLeaseAsync(name, leaseId, cancellationToken);

        public Task ReleaseLeaseAsync(string name, string leaseId, CancellationToken cancellationToken = default) => inner.ReleaseLeaseAsync(name, leaseId, cancellationToken);
    }

    private SenderRoster Roster(IBlobStore store, string instance) => new(store, 30, Heartbeat, _time, instance);

    private static async Task<List<string>> NamesAsync(IBlobStore store)
    {
        var names = new List<string>();
        await foreach (var entry in store.ListAsync(SenderRoster.Prefix))
        {
            names.Add(entry.Name);
        }

        return names;
    }
}
