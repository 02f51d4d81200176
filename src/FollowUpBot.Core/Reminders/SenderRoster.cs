using System.Text.Json;
using System.Text.Json.Serialization;
using FollowUpBot.Storage;

namespace FollowUpBot.Reminders;

/// <summary>
/// This instance's part of the tenant-wide send budget: <see cref="PerSecond"/> calls per second, usable from
/// <see cref="From"/> until <see cref="Until"/>. Outside that time the instance must not call Teams at all.
/// </summary>
internal readonly record struct BudgetShare(double PerSecond, int Senders, DateTimeOffset From, DateTimeOffset Until)
{
    /// <summary>No share yet (before the first registration): nothing may be sent.</summary>
    public static BudgetShare None => new(0, 0, DateTimeOffset.MaxValue, DateTimeOffset.MinValue);

    public bool AllowsAt(DateTimeOffset now) => PerSecond > 0 && now >= From && now < Until;
}

/// <summary>The heartbeat of one sending instance (<c>locks/senders/{instance}.json</c>).</summary>
internal sealed record SenderRegistration
{
    [JsonRequired]
    public int Schema { get; init; } = 1;

    public required string Instance { get; init; }

    /// <summary>The instance's own clock at the heartbeat (diagnostics; liveness is judged on the blob's Last-Modified).</summary>
    public DateTimeOffset At { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SenderRegistration))]
internal sealed partial class SenderRosterJson : JsonSerializerContext;

/// <summary>
/// Shares <c>Reminders:GlobalPerSecond</c> among the instances that send reminders, so that together they stay
/// within it (Teams counts 50 per second per app per tenant, whatever the number of instances).
/// <para>
/// Every <see cref="Heartbeat"/> an instance writes <c>locks/senders/{instance}.json</c> and lists
/// <c>locks/senders/</c>: one write and one list, whatever the load. Senders whose blob's Last-Modified is within
/// <see cref="Expiry"/> (four heartbeats) of the newest are live (server times only, so clocks need not agree);
/// each takes GlobalPerSecond ÷ live. A share is good for <see cref="Validity"/> (two heartbeats) from the moment
/// its heartbeat write began; an instance that cannot renew it in time stops sending until it can.
/// </para>
/// <para>
/// Why the sum stays within the budget. A newcomer (or an instance whose blob went unrenewed so long that the
/// others may have dropped it) that sees other live senders waits <see cref="JoinDelay"/> after its write before sending: every share computed from a list that
/// did not show it has expired by then, and the calls made under those shares have reached Teams. An instance is counted dead only when its Last-Modified is older
/// than <see cref="Expiry"/>, longer than <see cref="Validity"/>, so its own share has expired before the others
/// raise theirs. A stopped instance deletes its blob (the others take its share at their next heartbeat); a
/// dead one is dropped after <see cref="Expiry"/> and its blob deleted by whoever sees it.
/// </para>
/// </summary>
internal sealed class SenderRoster
{
    public const string Prefix = "locks/senders/";

    private readonly IBlobStore _store;
    private readonly int _globalPerSecond;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private BudgetShare _current = BudgetShare.None;

    /// <summary>This instance's blob's Last-Modified in the last listing that showed it.</summary>
    private DateTimeOffset? _lastSeen;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SenderRoster(IBlobStore store, int globalPerSecond, TimeSpan heartbeat, TimeProvider timeProvider, string instance)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThan(globalPerSecond, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(heartbeat, TimeSpan.FromSeconds(1));
        ArgumentException.ThrowIfNullOrEmpty(instance);
        _store = store;
        _globalPerSecond = globalPerSecond;
        Heartbeat = heartbeat;
        _time = timeProvider;
        Instance = instance;
        Name = Prefix + BlobNames.Segment(instance) + ".json";
    }

    public string Instance { get; }

    /// <summary>This instance's blob.</summary>
    public string Name { get; }

    public TimeSpan Heartbeat { get; }

    /// <summary>How long a share is good for after its heartbeat began (two heartbeats: one late beat is tolerated).</summary>
    public TimeSpan Validity => 2 * Heartbeat;

    /// <summary>
    /// A sender not heard from for this long (by storage's clock) is dead. Longer than <see cref="Validity"/> by two
    /// heartbeats, which covers Last-Modified's one-second resolution and slow writes.
    /// </summary>
    public TimeSpan Expiry => 4 * Heartbeat;

    /// <summary>
    /// What a newcomer waits beyond <see cref="Validity"/>: calls started under an old share count at Teams until
    /// they arrive, and for the second after (<see cref="SendBudget"/>); this covers calls that take up to a second.
    /// </summary>
    public static TimeSpan Settle { get; } = TimeSpan.FromSeconds(2);

    /// <summary>How long after its registration a newcomer that found other live senders starts sending.</summary>
    public TimeSpan JoinDelay => Validity + Settle;

    public BudgetShare Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Completes at the next change of <see cref="Current"/>.</summary>
    public Task Changed
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    /// <summary>One heartbeat: registers (or renews) this instance, counts the live senders and sets the share.</summary>
    public async Task<BudgetShare> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var began = _time.GetUtcNow();
        var document = new SenderRegistration { Instance = Instance, At = began };
        await _store.PutAsync(Name, BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(document, SenderRosterJson.Default.SenderRegistration)), BlobCondition.None, cancellationToken).ConfigureAwait(false);
        var written = _time.GetUtcNow();
        var entries = new List<BlobEntry>();
        await foreach (var entry in _store.ListAsync(Prefix, cancellationToken).ConfigureAwait(false))
        {
            entries.Add(entry);
        }

        var (live, dead) = Count(entries, Name, Expiry);
        // A newcomer, or one the others may have counted dead meanwhile (its blob went unrenewed for longer than the
        // expiry, by storage's clock, whose Last-Modified has one-second resolution), joins anew. A share that merely
        // ran out (a slow beat) resumes at once: the others counted this instance all along.
        var own = entries.Find(e => e.Name == Name)?.LastModified;
        var rejoining = _lastSeen is not { } last || own is not { } now || now - last > Expiry - TimeSpan.FromSeconds(1);
        _lastSeen = own;
        foreach (var gone in dead)
        {
            try
            {
                await _store.DeleteAsync(gone.Name, gone.ETag, cancellationToken).ConfigureAwait(false);
            }
            catch (BlobConflictException)
            {
                // It wrote again meanwhile (alive after all) or another instance removed it.
            }
        }

        lock (_gate)
        {
            // Joining, it waits until every share computed without it has expired; alone, it has nobody to wait for.
            var from = rejoining ? (live > 1 ? written + JoinDelay : written) : _current.From;
            _current = new BudgetShare(_globalPerSecond / (double)live, live, from, began + Validity);
            var changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.SetResult();
            return _current;
        }
    }

    /// <summary>Deregisters (a stopping instance): the others take its share at their next heartbeat.</summary>
    public async Task LeaveAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _current = BudgetShare.None;
            _lastSeen = null;
        }

        await _store.DeleteAsync(Name, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The live senders in a listing (this instance always among them) and the dead ones. "Now" is the newest
    /// Last-Modified in the listing, normally this instance's write a moment ago, so only storage's clock is used.
    /// </summary>
    public static (int Live, IReadOnlyList<BlobEntry> Dead) Count(IReadOnlyList<BlobEntry> entries, string self, TimeSpan expiry)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return (1, []);
        }

        var newest = entries.Max(e => e.LastModified);
        var dead = entries.Where(e => e.Name != self && newest - e.LastModified > expiry).ToList();
        var others = entries.Count(e => e.Name != self) - dead.Count;
        return (others + 1, dead);
    }
}
