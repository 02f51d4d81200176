using System.Text.Json.Serialization;
using System.Threading.Channels;
using FollowUpBot.Storage;

namespace FollowUpBot.Reminders;

/// <summary>
/// A claimed digest waiting to be sent. <see cref="ClaimETag"/> is the marker version this message is for:
/// a message for an older claim of a slot that was taken over since is stale and dropped.
/// </summary>
internal sealed record ReminderSend(
    string TenantId,
    string RecipientAadId,
    string? RecipientName,
    ReminderKind Kind,
    string SlotKey,
    string TimeZone,
    string ClaimETag,
    IReadOnlyList<DigestItem> Items,
    IReadOnlyList<string> MeetingIds,
    int Attempt = 0)
{
    /// <summary>The recipient's language as the scheduler last read it (null: read the reference).</summary>
    public string? Locale { get; init; }

    /// <summary>Whether the recipient had a 1:1 chat with the bot when planned (null: read the reference).</summary>
    public bool? HasChat { get; init; }

    public string MarkerName => BlobNames.Reminder(TenantId, RecipientAadId, SlotKey);
}

/// <summary>A message taken from the queue; complete it once handled, or it comes back (Azure) after the visibility timeout.</summary>
internal sealed record ReceivedSend(ReminderSend Send, string? MessageId = null, string? PopReceipt = null);

/// <summary>The hand-off from the scheduler leader to every instance's senders.</summary>
internal interface IReminderQueue
{
    Task EnqueueAsync(ReminderSend send, TimeSpan delay, CancellationToken cancellationToken = default);

    /// <summary>Waits for at least one message and returns up to <paramref name="max"/>.</summary>
    Task<IReadOnlyList<ReceivedSend>> ReceiveAsync(int max, CancellationToken cancellationToken = default);

    Task CompleteAsync(ReceivedSend received, CancellationToken cancellationToken = default);

    /// <summary>Gives a message back at once (the instance is stopping before it could send).</summary>
    Task AbandonAsync(ReceivedSend received, CancellationToken cancellationToken = default);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ReminderSend))]
internal sealed partial class ReminderQueueJson : JsonSerializerContext;

/// <summary>
/// The embedded default: an in-process channel. What it holds is lost when the process stops; the claims stay
/// unsent, so the scheduler takes them over after ten minutes and queues them again.
/// </summary>
internal sealed class ChannelReminderQueue(TimeProvider timeProvider) : IReminderQueue
{
    private readonly Channel<ReceivedSend> _channel = Channel.CreateUnbounded<ReceivedSend>();

    public Task EnqueueAsync(ReminderSend send, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        var received = new ReceivedSend(send);
        if (delay <= TimeSpan.Zero)
        {
            _channel.Writer.TryWrite(received);
            return Task.CompletedTask;
        }

        _ = WriteLaterAsync(received, delay);
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<ReceivedSend>> ReceiveAsync(int max, CancellationToken cancellationToken = default)
    {
        var first = await _channel.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var batch = new List<ReceivedSend>(max) { first };
        while (batch.Count < max && _channel.Reader.TryRead(out var next))
        {
            batch.Add(next);
        }

        return batch;
    }

    public Task CompleteAsync(ReceivedSend received, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task AbandonAsync(ReceivedSend received, CancellationToken cancellationToken = default)
    {
        _channel.Writer.TryWrite(received);
        return Task.CompletedTask;
    }

    private async Task WriteLaterAsync(ReceivedSend received, TimeSpan delay)
    {
        await Task.Delay(delay, timeProvider).ConfigureAwait(false);
        _channel.Writer.TryWrite(received);
    }
}

/// <summary>
/// The Azure Storage queue <c>Storage:Queue</c>, shared by every instance: a message taken by an instance that dies
/// comes back after <see cref="RemindersOptions.QueueVisibilityTimeout"/>.
/// </summary>
internal sealed class AzureReminderQueue(StorageQueue<ReminderSend> queue, TimeSpan visibility) : IReminderQueue, IDisposable
{
    // An empty queue is polled more slowly the longer it stays empty, up to every two seconds.
    private static readonly TimeSpan FirstIdle = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LongestIdle = TimeSpan.FromSeconds(2);

    public static AzureReminderQueue Create(StorageOptions storage, TimeSpan visibility, TimeProvider timeProvider) =>
        new(StorageQueue<ReminderSend>.Create(storage, storage.Queue, ReminderQueueJson.Default.ReminderSend, timeProvider), visibility);

    public Task EnqueueAsync(ReminderSend send, TimeSpan delay, CancellationToken cancellationToken = default) =>
        queue.SendAsync(send, delay, cancellationToken);

    public async Task<IReadOnlyList<ReceivedSend>> ReceiveAsync(int max, CancellationToken cancellationToken = default)
    {
        // A message that is not ours or unreadable can never be sent; the marker's take-over covers its slot.
        var messages = await queue.ReceiveAsync(max, visibility, FirstIdle, LongestIdle, cancellationToken).ConfigureAwait(false);
        return [.. messages.Select(m => new ReceivedSend(m.Body, m.MessageId, m.PopReceipt))];
    }

    public Task CompleteAsync(ReceivedSend received, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(received);
        return queue.DeleteAsync(received.MessageId!, received.PopReceipt!, cancellationToken);
    }

    public Task AbandonAsync(ReceivedSend received, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(received);
        return queue.HideAsync(received.MessageId!, received.PopReceipt!, TimeSpan.Zero, cancellationToken);
    }

    public void Dispose() => queue.Dispose();
}
