using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace FollowUpBot.Reminders;

/// <summary>
/// Paces reminder sends to Teams' limits (PROTOCOL.md §4): per conversation 7 per second and 60 per 30 seconds,
/// and (in <see cref="SendBudgetHandler"/>, right before each call) per tenant this instance's share of
/// <see cref="RemindersOptions.GlobalPerSecond"/>, which all sending instances split between them
/// (<see cref="SenderRoster"/>, <see cref="SendBudget"/>). A 429 makes the refused
/// send wait its Retry-After; when refusals become a sizeable share of a tenant's recent calls the tenant is
/// throttled as a whole, so every sender to it stops until the Retry-After has passed.
/// </summary>
internal sealed class ReminderPacer : IDisposable
{
    public const int PerConversationPerSecond = 7;
    public const int PerConversationPer30Seconds = 60;

    /// <summary>The window in which refusals are weighed against all calls.</summary>
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The share of refused calls that means the tenant itself is throttled. An odd 429 is about one thread
    /// (or noise) and costs only that send a wait; a fifth of the calls refused is the service saying
    /// "all of you, slow down".
    /// </summary>
    private const double TenantThrottledShare = 0.2;
    private const int TenantThrottledMinimum = 3;

    private readonly PartitionedRateLimiter<string> _conversations;
    private readonly ConcurrentDictionary<string, TenantState> _states = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public ReminderPacer(TimeProvider timeProvider)
    {
        _time = timeProvider;
        _conversations = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = PerConversationPerSecond,
                Window = TimeSpan.FromSeconds(1),
                SegmentsPerWindow = 10,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            })),
            PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = PerConversationPer30Seconds,
                Window = TimeSpan.FromSeconds(30),
                SegmentsPerWindow = 30,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            })));
    }

    /// <summary>Waits until <paramref name="calls"/> connector calls to this conversation of this tenant are allowed.</summary>
    public async Task WaitAsync(string tenantId, string conversationKey, int calls, CancellationToken cancellationToken)
    {
        await WaitWhilePausedAsync(tenantId, cancellationToken).ConfigureAwait(false);
        using var conversation = await _conversations.AcquireAsync(conversationKey, calls, cancellationToken).ConfigureAwait(false);
        if (!conversation.IsAcquired)
        {
            throw new InvalidOperationException("The reminder pacer refused a wait it should have queued.");
        }

        // A pause that began while this send waited for its turn applies to it too.
        await WaitWhilePausedAsync(tenantId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records a call's outcome; a refusal with Retry-After may pause the whole tenant.</summary>
    public void Record(string tenantId, bool throttled, TimeSpan? retryAfter = null)
    {
        var state = _states.GetOrAdd(tenantId, _ => new TenantState());
        var now = _time.GetUtcNow();
        lock (state)
        {
            state.Calls.Enqueue((now, throttled));
            while (state.Calls.TryPeek(out var oldest) && now - oldest.At > Window)
            {
                state.Calls.Dequeue();
            }

            if (!throttled)
            {
                return;
            }

            var refused = state.Calls.Count(c => c.Throttled);
            if (refused >= TenantThrottledMinimum && refused >= TenantThrottledShare * state.Calls.Count)
            {
                var until = now + (retryAfter ?? TimeSpan.FromSeconds(1));
                if (until > state.PausedUntil)
                {
                    state.PausedUntil = until;
                }
            }
        }
    }

    /// <summary>When the tenant may be called again (in the past when it is not paused).</summary>
    public DateTimeOffset PausedUntil(string tenantId)
    {
        if (!_states.TryGetValue(tenantId, out var state))
        {
            return DateTimeOffset.MinValue;
        }

        lock (state)
        {
            return state.PausedUntil;
        }
    }

    public void Dispose()
    {
        _conversations.Dispose();
    }

    private async Task WaitWhilePausedAsync(string tenantId, CancellationToken cancellationToken)
    {
        while (PausedUntil(tenantId) - _time.GetUtcNow() is { } wait && wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class TenantState
    {
        public Queue<(DateTimeOffset At, bool Throttled)> Calls { get; } = new();

        public DateTimeOffset PausedUntil { get; set; } = DateTimeOffset.MinValue;
    }
}
