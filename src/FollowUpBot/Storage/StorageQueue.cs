using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Azure;
using Azure.Identity;
using Azure.Storage.Queues;

namespace FollowUpBot.Storage;

/// <summary>A message taken from a <see cref="StorageQueue{T}"/>: hidden from the others until deleted or its visibility runs out.</summary>
internal sealed record QueuedMessage<T>(T Body, string MessageId, string PopReceipt, long DequeueCount);

/// <summary>
/// One Azure Storage queue of JSON messages in the blobs' account (created on first use), as the reminder senders and
/// the projectors share it: a message taken by an instance that dies comes back after its visibility timeout; a
/// message that is not a <typeparamref name="T"/> can never be handled, so it is deleted when met.
/// </summary>
internal sealed class StorageQueue<T> : IDisposable
    where T : class
{
    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    /// <summary>Azure hides a message for at most seven days.</summary>
    private static readonly TimeSpan LongestHidden = TimeSpan.FromDays(6);
    private readonly QueueClient _queue;
    private readonly JsonTypeInfo<T> _json;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _createGate = new(1, 1);
    private bool _created;

    public StorageQueue(QueueClient queue, JsonTypeInfo<T> json, TimeProvider timeProvider)
    {
        _queue = queue;
        _json = json;
        _time = timeProvider;
    }

    /// <summary>The queue <paramref name="name"/> next to the blobs: the same connection string, or the account's queue endpoint with the app's identity.</summary>
    public static StorageQueue<T> Create(StorageOptions storage, string name, JsonTypeInfo<T> json, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        options.Retry.MaxRetries = storage.MaxRetries;
        options.Retry.NetworkTimeout = storage.NetworkTimeout;
        if (!string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            return new StorageQueue<T>(new QueueClient(storage.ConnectionString, name, options), json, timeProvider);
        }

        // https://ACCOUNT.blob.core.windows.net → https://ACCOUNT.queue.core.windows.net/QUEUE
        var builder = new UriBuilder(storage.AccountUrl!);
        builder.Host = builder.Host.Replace(".blob.", ".queue.", StringComparison.OrdinalIgnoreCase);
        builder.Path = name;
        return new StorageQueue<T>(new QueueClient(builder.Uri, new DefaultAzureCredential(), options), json, timeProvider);
    }

    public async Task SendAsync(T message, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var text = JsonSerializer.Serialize(message, _json);
        var hidden = delay <= TimeSpan.Zero ? (TimeSpan?)null : TimeSpan.FromTicks(Math.Min(delay.Ticks, LongestHidden.Ticks));
        await _queue.SendMessageAsync(text, hidden, NeverExpires, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits for at least one readable message and returns up to <paramref name="max"/> (at most 32, Azure's limit),
    /// hidden for <paramref name="visibility"/>. An empty queue is polled from every <paramref name="firstIdle"/>,
    /// doubling up to every <paramref name="longestIdle"/> while it stays empty.
    /// </summary>
    public async Task<IReadOnlyList<QueuedMessage<T>>> ReceiveAsync(int max, TimeSpan visibility, TimeSpan firstIdle, TimeSpan longestIdle, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var idle = firstIdle;
        while (true)
        {
            var messages = (await _queue.ReceiveMessagesAsync(Math.Clamp(max, 1, 32), visibility, cancellationToken).ConfigureAwait(false)).Value;
            var batch = new List<QueuedMessage<T>>(messages.Length);
            foreach (var message in messages)
            {
                if (Read(message.Body) is { } body)
                {
                    batch.Add(new QueuedMessage<T>(body, message.MessageId, message.PopReceipt, message.DequeueCount));
                }
                else
                {
                    await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
                }
            }

            if (batch.Count > 0)
            {
                return batch;
            }

            await Task.Delay(idle, _time, cancellationToken).ConfigureAwait(false);
            idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, longestIdle.Ticks));
        }
    }

    /// <summary>Deletes a handled message; one already gone (its visibility ran out and another instance handled it) is no error.</summary>
    public async Task DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        try
        {
            await _queue.DeleteMessageAsync(messageId, popReceipt, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    /// <summary>Hands a message back, to be taken again after <paramref name="delay"/> (zero: at once); one already gone is no error.</summary>
    public async Task HideAsync(string messageId, string popReceipt, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        try
        {
            await _queue.UpdateMessageAsync(messageId, popReceipt, visibilityTimeout: delay, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    public void Dispose() => _createGate.Dispose();

    private T? Read(BinaryData body)
    {
        try
        {
            return JsonSerializer.Deserialize(body.ToMemory().Span, _json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

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
