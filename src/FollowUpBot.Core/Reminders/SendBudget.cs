using System.Collections.Concurrent;

namespace FollowUpBot.Reminders;

/// <summary>
/// Lets connector calls through within this instance's <see cref="BudgetShare"/> of a tenant's budget, counted
/// where Teams counts them: a call reaches Teams at some moment between its start and its answer, so a call counts
/// from its start until one <see cref="Window"/> after its answer. A call starts only while fewer than ⌊share⌋ calls
/// count; then no window of a second holds more than ⌊share⌋ arrivals, however long each call took on the way (a
/// share under one call per second: one call per 1/share seconds). The instances' shares add up to at most
/// <c>Reminders:GlobalPerSecond</c>, so together they keep any second at Teams within it; there is no burst
/// allowance. Calls also start at least half the even spacing apart, so a queue of sends does not open many
/// connections at once. While the instance has no valid share (joining, or its heartbeat is late) nothing starts.
/// </summary>
internal sealed class SendBudget(SenderRoster roster, TimeProvider timeProvider)
{
    /// <summary>The window Teams' per-second limit is counted in.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, TenantCalls> _tenants = new(StringComparer.Ordinal);

    public SenderRoster Roster => roster;

    /// <summary>The most calls counted at once, and how long a call counts after its answer, for a share of <paramref name="perSecond"/>.</summary>
    public static (int Calls, TimeSpan Window) Shape(double perSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        return perSecond >= 1 ? ((int)Math.Floor(perSecond), Window) : (1, TimeSpan.FromSeconds(1 / perSecond));
    }

    /// <summary>
    /// Waits until one call to the tenant may start now; dispose the result when the call has its answer (or failed).
    /// </summary>
    public async Task<IDisposable> AcquireAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var calls = _tenants.GetOrAdd(tenantId, _ => new TenantCalls());
        await calls.Turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var changed = Task.WhenAny(roster.Changed, calls.Answered);
                var wait = Take(tenantId);
                if (wait == TimeSpan.Zero)
                {
                    return new Call(this, calls);
                }

                await WaitAsync(changed, wait, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            calls.Turn.Release();
        }
    }

    /// <summary>
    /// The decision: starts one call now and returns zero (end it with <see cref="Answered"/>), or starts nothing
    /// and returns how long to wait before asking again (sooner if the share changes or a call is answered).
    /// Callers take turns per tenant.
    /// </summary>
    internal TimeSpan Take(string tenantId)
    {
        var calls = _tenants.GetOrAdd(tenantId, _ => new TenantCalls());
        var now = timeProvider.GetUtcNow();
        var share = roster.Current;
        if (!share.AllowsAt(now))
        {
            // Joining: until the share starts. Lapsed or not registered yet: until a heartbeat renews it.
            return now < share.From && share.From != DateTimeOffset.MaxValue ? share.From - now : roster.Heartbeat;
        }

        var (limit, window) = Shape(share.PerSecond);
        lock (calls.Gate)
        {
            while (calls.Answers.TryPeek(out var oldest) && now - oldest >= window)
            {
                calls.Answers.Dequeue();
            }

            var wait = TimeSpan.Zero;
            var over = calls.Open + calls.Answers.Count - limit + 1;
            if (over > 0)
            {
                // Open calls count until answered and a window more: at least a window from now.
                wait = over <= calls.Answers.Count ? calls.Answers.ElementAt(over - 1) + window - now : window;
            }

            var gap = window / limit / 2;
            if (calls.LastStart + gap - now > wait)
            {
                wait = calls.LastStart + gap - now;
            }

            if (wait <= TimeSpan.Zero)
            {
                calls.Open++;
                calls.LastStart = now;
                return TimeSpan.Zero;
            }

            // A share that runs out first is looked at again then.
            return share.Until - now < wait ? share.Until - now : wait;
        }
    }

    /// <summary>A call started by <see cref="Take"/> has its answer: it counts one window more.</summary>
    internal void Answered(string tenantId) => Answered(_tenants.GetOrAdd(tenantId, _ => new TenantCalls()));

    private void Answered(TenantCalls calls)
    {
        TaskCompletionSource answered;
        lock (calls.Gate)
        {
            calls.Open--;
            calls.Answers.Enqueue(timeProvider.GetUtcNow());
            answered = calls.AnsweredSource;
            calls.AnsweredSource = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        answered.SetResult();
    }

    /// <summary>Until <paramref name="wait"/> has passed or <paramref name="changed"/> completed, whichever is first.</summary>
    private async Task WaitAsync(Task changed, TimeSpan wait, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(wait, timeProvider, stop.Token);
        await Task.WhenAny(changed, delay).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private sealed class Call(SendBudget budget, TenantCalls calls) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                budget.Answered(calls);
            }
        }
    }

    private sealed class TenantCalls
    {
        /// <summary>One waiter at a time per tenant, in arrival order (near enough).</summary>
        public SemaphoreSlim Turn { get; } = new(1, 1);

        /// <summary>Guards the counts: calls are answered while the next waiter decides.</summary>
        public Lock Gate { get; } = new();

        /// <summary>Calls started and not answered yet.</summary>
        public int Open { get; set; }

        /// <summary>When the calls answered within the last window were answered, oldest first.</summary>
        public Queue<DateTimeOffset> Answers { get; } = new();

        public DateTimeOffset LastStart { get; set; } = DateTimeOffset.MinValue;

        public TaskCompletionSource AnsweredSource { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Answered
        {
            get
            {
                lock (Gate)
                {
                    return AnsweredSource.Task;
                }
            }
        }
    }
}
