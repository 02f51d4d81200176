namespace FollowUpBot.Storage;

/// <summary>
/// Leader election on a blob lease (DESIGN.md: <c>locks/scheduler</c>): at most one holder at a time
/// among all instances sharing the store. Azure enforces it with a blob lease (15-60 s); the local
/// folder with a lease file guarded by an OS file lock.
/// </summary>
internal sealed class LeaderLease : IAsyncDisposable
{
    private readonly IBlobStore _store;
    private int _released;

    private LeaderLease(IBlobStore store, string name, string leaseId, TimeSpan duration)
    {
        _store = store;
        Name = name;
        LeaseId = leaseId;
        Duration = duration;
    }

    public string Name { get; }

    public string LeaseId { get; }

    public TimeSpan Duration { get; }

    /// <summary>Takes the lease, or returns null when another holder has it.</summary>
    public static async Task<LeaderLease?> TryAcquireAsync(IBlobStore store, string name, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var leaseId = await store.TryAcquireLeaseAsync(name, duration, cancellationToken).ConfigureAwait(false);
        return leaseId is null ? null : new LeaderLease(store, name, leaseId, duration);
    }

    /// <summary>Extends the lease; false when it was lost (expired and taken, or broken).</summary>
    public Task<bool> RenewAsync(CancellationToken cancellationToken = default) =>
        _store.RenewLeaseAsync(Name, LeaseId, cancellationToken);

    /// <summary>Gives the lease up so another instance can lead at once.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            await _store.ReleaseLeaseAsync(Name, LeaseId, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ReleaseAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            // Storage unreachable: the lease simply expires after its duration.
        }
    }

    /// <summary>
    /// Waits until this instance holds the lease (trying every <paramref name="retryInterval"/>,
    /// default half the duration), then runs <paramref name="work"/> while renewing every third of the
    /// duration. The token given to the work is cancelled as soon as a renewal fails; the work is then
    /// started again once the lease is won back. Returns when the work returns; the lease is released.
    /// Storage failures while trying to lead count as "not the leader": the loop keeps trying.
    /// </summary>
    public static async Task RunAsLeaderAsync(
        IBlobStore store,
        string name,
        TimeSpan duration,
        Func<CancellationToken, Task> work,
        TimeProvider timeProvider,
        TimeSpan? retryInterval = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var retry = retryInterval ?? duration / 2;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            LeaderLease? lease;
            try
            {
                lease = await TryAcquireAsync(store, name, duration, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // Storage unreachable: not the leader this time; a leader loop must outlive an outage.
                lease = null;
            }

            if (lease is null)
            {
                await Task.Delay(retry, timeProvider, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await using (lease.ConfigureAwait(false))
            {
                using var held = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var renewing = RenewWhileHeldAsync(lease, held, timeProvider);
                try
                {
                    await work(held.Token).ConfigureAwait(false);
                    return;
                }
                catch (OperationCanceledException) when (held.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    // The lease was lost mid-work: wait to win it back.
                }
                finally
                {
                    await held.CancelAsync().ConfigureAwait(false);
                    await renewing.ConfigureAwait(false);
                }
            }
        }
    }

    private static async Task RenewWhileHeldAsync(LeaderLease lease, CancellationTokenSource held, TimeProvider timeProvider)
    {
        using var timer = new PeriodicTimer(lease.Duration / 3, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(held.Token).ConfigureAwait(false))
            {
                bool renewed;
                try
                {
                    renewed = await lease.RenewAsync(held.Token).ConfigureAwait(false);
                }
                catch (IOException)
                {
                    // Cannot tell whether the lease still holds, so act as if it does not.
                    renewed = false;
                }

                if (!renewed)
                {
                    await held.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (held.IsCancellationRequested)
        {
            // The work finished or the host is stopping.
        }
    }
}
