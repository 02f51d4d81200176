using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Azure;
using Azure.Identity;
using Azure.Storage.Queues;
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
/// The Azure Storage queue <c>Storage:Queue</c> (created when missing), shared by every instance: a message
/// taken by an instance that dies comes back after <see cref="RemindersOptions.QueueVisibilityTimeout"/>.
/// </summary>
internal sealed class AzureReminderQueue : IReminderQueue, IDisposable
{
    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);
    private readonly QueueClient _queue;
    private readonly TimeSpan _visibility;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _createGate = new(1, 1);
    private bool _created;

    public AzureReminderQueue(QueueClient queue, TimeSpan visibility, TimeProvider timeProvider)
    {
        _queue = queue;
        _visibility = visibility;
        _time = timeProvider;
    }

    public static AzureReminderQueue Create(StorageOptions storage, TimeSpan visibility, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        options.Retry.MaxRetries = storage.MaxRetries;
        options.Retry.NetworkTimeout = storage.NetworkTimeout;
        QueueClient client;
        if (!string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            client = new QueueClient(storage.ConnectionString, storage.Queue, options);
        }
        else
        {
            // https://ACCOUNT.blob.core.windows.net → https://ACCOUNT.queue.core.windows.net/QUEUE
            var builder = new UriBuilder(storage.AccountUrl!);
            builder.Host = builder.Host.Replace(".blob.", ".queue.", StringComparison.OrdinalIgnoreCase);
            builder.Path = storage.Queue;
            client = new QueueClient(builder.Uri, new DefaultAzureCredential(), options);
        }

        return new AzureReminderQueue(client, visibility, timeProvider);
    }

    public async Task EnqueueAsync(ReminderSend send, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var text = JsonSerializer.Serialize(send, ReminderQueueJson.Default.ReminderSend);
        // Azure hides a message for at most seven days.
        var hidden = delay <= TimeSpan.Zero ? (TimeSpan?)null : TimeSpan.FromTicks(Math.Min(delay.Ticks, TimeSpan.FromDays(6).Ticks));
        await _queue.SendMessageAsync(text, hidden, NeverExpires, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ReceivedSend>> ReceiveAsync(int max, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var idle = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            var messages = (await _queue.ReceiveMessagesAsync(Math.Clamp(max, 1, 32), _visibility, cancellationToken).ConfigureAwait(false)).Value;
            var batch = new List<ReceivedSend>(messages.Length);
            foreach (var message in messages)
            {
                ReminderSend? send;
                try
                {
                    send = JsonSerializer.Deserialize(message.Body.ToMemory().Span, ReminderQueueJson.Default.ReminderSend);
                }
                catch (JsonException)
                {
                    send = null;
                }

                if (send is null)
                {
                    // Not ours or unreadable: it can never be sent, and the marker's take-over covers the slot.
                    await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                batch.Add(new ReceivedSend(send, message.MessageId, message.PopReceipt));
            }

            if (batch.Count > 0)
            {
                return batch;
            }

            // An empty queue is polled more slowly the longer it stays empty, up to every two seconds.
            await Task.Delay(idle, _time, cancellationToken).ConfigureAwait(false);
            idle = TimeSpan.FromMilliseconds(Math.Min(idle.TotalMilliseconds * 2, 2000));
        }
    }

    public async Task CompleteAsync(ReceivedSend received, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(received);
        try
        {
            await _queue.DeleteMessageAsync(received.MessageId, received.PopReceipt, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Gone already (its visibility ran out and another instance completed it).
        }
    }

    public async Task AbandonAsync(ReceivedSend received, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(received);
        try
        {
            await _queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Gone already.
        }
    }

    public void Dispose() => _createGate.Dispose();

    private async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _created))
        {
            return;
        }

        await _createGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_created)
            {
                await _queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref _created, true);
            }
        }
        finally
        {
            _createGate.Release();
        }
    }
}
