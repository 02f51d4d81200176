using System.Collections.Concurrent;

namespace FollowUpBot.Reminders;

/// <summary>
/// Lets connector calls through within this instance's <see cref="BudgetShare"/> of a tenant's budget: at most
/// ⌊share⌋ calls in any window of one second plus <see cref="JitterGuard"/> (a share under one call per second:
/// one call per 1/share seconds). There is no burst allowance, so the instances' shares add up to at most
/// <c>Reminders:GlobalPerSecond</c> in any second. While the instance has no valid share (it is joining, or its
/// heartbeat is late) nothing is let through.
/// </summary>
internal sealed class SendBudget(SenderRoster roster, TimeProvider timeProvider)
{
    /// <summary>
    /// Calls let through a second apart can reach Teams less than a second apart when the earlier one is held up
    /// (a storage read, a busy thread pool): the window is this much longer than a second to absorb that.
    /// </summary>
    public static readonly TimeSpan JitterGuard = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<string, TenantLog> _tenants = new(StringComparer.Ordinal);

    public SenderRoster Roster => roster;

    /// <summary>Calls per window and the window for a share of <paramref name="perSecond"/>.</summary>
    public static (int Calls, TimeSpan Window) Shape(double perSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        return perSecond >= 1
            ? ((int)Math.Floor(perSecond), TimeSpan.FromSeconds(1) + JitterGuard)
            : (1, TimeSpan.FromSeconds(1 / perSecond) + JitterGuard);
    }

    /// <summary>
    /// Waits until <paramref name="calls"/> calls to the tenant may go out now, and counts them as made now (they
    /// follow each other at once, e.g. create-conversation then send). More calls than a window holds count as a
    /// whole window.
    /// </summary>
    public async Task AcquireAsync(string tenantId, int calls, CancellationToken cancellationToken = default)
    {
        var log = _tenants.GetOrAdd(tenantId, _ => new TenantLog());
        await log.Turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var changed = roster.Changed;
                var wait = Take(tenantId, calls);
                if (wait == TimeSpan.Zero)
                {
                    return;
                }

                await WaitAsync(changed, wait, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            log.Turn.Release();
        }
    }

    /// <summary>
    /// The decision: takes <paramref name="calls"/> calls now and returns zero, or takes nothing and returns how
    /// long to wait before asking again (sooner if the share changes). Callers take turns per tenant.
    /// </summary>
    internal TimeSpan Take(string tenantId, int calls)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(calls);
        var log = _tenants.GetOrAdd(tenantId, _ => new TenantLog());
        var now = timeProvider.GetUtcNow();
        var share = roster.Current;
        if (!share.AllowsAt(now))
        {
            // Joining: until the share starts. Lapsed or not registered yet: until a heartbeat renews it.
            return now < share.From && share.From != DateTimeOffset.MaxValue ? share.From - now : roster.Heartbeat;
        }

        var (limit, window) = Shape(share.PerSecond);
        while (log.Released.TryPeek(out var oldest) && now - oldest >= window)
        {
            log.Released.Dequeue();
        }

        var need = Math.Min(calls, limit);
        var excess = log.Released.Count + need - limit;
        if (excess <= 0)
        {
            for (var i = 0; i < need; i++)
            {
                log.Released.Enqueue(now);
            }

            return TimeSpan.Zero;
        }

        var wait = log.Released.ElementAt(excess - 1) + window - now;
        // A share that runs out first is looked at again then.
        return share.Until - now < wait ? share.Until - now : wait;
    }

    /// <summary>Until <paramref name="wait"/> has passed or the share changed, whichever is first.</summary>
    private async Task WaitAsync(Task changed, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(wait, timeProvider, stop.Token);
        await Task.WhenAny(changed, delay).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private sealed class TenantLog
    {
        /// <summary>One waiter at a time per tenant, in arrival order (near enough).</summary>
        public SemaphoreSlim Turn { get; } = new(1, 1);

        /// <summary>When the calls still inside the window were let through, oldest first.</summary>
        public Queue<DateTimeOffset> Released { get; } = new();
    }
}
