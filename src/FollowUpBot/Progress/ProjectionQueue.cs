using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Azure;
using Azure.Identity;
using Azure.Storage.Queues;
using FollowUpBot.Ledger;
using FollowUpBot.Storage;

namespace FollowUpBot.Progress;

/// <summary>
/// "These stored records of this meeting wait to be applied to its meeting.json." Records travel inline (the queue is
/// in the same storage account as the blobs); one too large for a queue message travels by name only and is read.
/// </summary>
internal sealed record ProjectionMessage(string MeetingId, IReadOnlyList<ProjectionEntry> Records, DateTimeOffset EnqueuedAt);

/// <param name="Record">The record as stored; null when it was too large to carry (then it is read from <paramref name="Name"/>).</param>
/// <param name="StoredAt">When the storage wrote it, if the writer learnt it (a record found already stored).</param>
internal sealed record ProjectionEntry(string Name, ProgressRecord? Record, DateTimeOffset? StoredAt);

/// <summary>A message taken from the queue; complete it once applied, or it comes back.</summary>
internal sealed record ReceivedProjection(ProjectionMessage Message, string? MessageId = null, string? PopReceipt = null, long DequeueCount = 1);

/// <summary>The hand-off from the request path (records stored) to the projectors of every instance.</summary>
internal interface IProjectionQueue
{
    Task EnqueueAsync(ProjectionMessage message, CancellationToken cancellationToken = default);

    /// <summary>Waits for at least one message and returns up to <paramref name="max"/>.</summary>
    Task<IReadOnlyList<ReceivedProjection>> ReceiveAsync(int max, CancellationToken cancellationToken = default);

    Task CompleteAsync(ReceivedProjection received, CancellationToken cancellationToken = default);

    /// <summary>Hands a message back to be taken again after <paramref name="delay"/> (the meeting is busy, or applying failed).</summary>
    Task RetryLaterAsync(ReceivedProjection received, TimeSpan delay, CancellationToken cancellationToken = default);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ProjectionMessage))]
internal sealed partial class ProjectionQueueJson : JsonSerializerContext;

/// <summary>
/// The embedded default (local folder): an in-process channel, used only when another process on the same folder holds
/// a meeting's lease. What it holds is lost when the process stops; the records stay stored and their meetings stay in
/// the change journal, so the reconciler applies them.
/// </summary>
internal sealed class ChannelProjectionQueue : IProjectionQueue
{
    private readonly Channel<ReceivedProjection> _channel = Channel.CreateUnbounded<ReceivedProjection>();

    public Task EnqueueAsync(ProjectionMessage message, CancellationToken cancellationToken = default)
    {
        _channel.Writer.TryWrite(new ReceivedProjection(message));
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<ReceivedProjection>> ReceiveAsync(int max, CancellationToken cancellationToken = default)
    {
        var first = await _channel.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var batch = new List<ReceivedProjection>(max) { first };
        while (batch.Count < max && _channel.Reader.TryRead(out var next))
        {
            batch.Add(next);
        }

        return batch;
    }

    public Task CompleteAsync(ReceivedProjection received, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task RetryLaterAsync(ReceivedProjection received, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(received);
        _ = WriteLaterAsync(received with { DequeueCount = received.DequeueCount + 1 }, delay);
        return Task.CompletedTask;
    }

    private async Task WriteLaterAsync(ReceivedProjection received, TimeSpan delay)
    {
        // Pacing, not business time.
        await Task.Delay(delay).ConfigureAwait(false);
        _channel.Writer.TryWrite(received);
    }
}

/// <summary>
/// The Azure Storage queue <c>Storage:ProjectionQueue</c> (created when missing), shared by every instance: a message
/// taken by an instance that dies comes back after the visibility timeout and another instance applies it.
/// </summary>
internal sealed class AzureProjectionQueue : IProjectionQueue, IDisposable
{
    /// <summary>Azure takes at most 64 KiB per message, Base64 included.</summary>
    public const int MaxMessageBytes = 45_000;
    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);
    private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(10);
    private readonly QueueClient _queue;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _createGate = new(1, 1);
    private bool _created;

    public AzureProjectionQueue(QueueClient queue, TimeProvider timeProvider)
    {
        _queue = queue;
        _time = timeProvider;
    }

    public static AzureProjectionQueue Create(StorageOptions storage, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        options.Retry.MaxRetries = storage.MaxRetries;
        options.Retry.NetworkTimeout = storage.NetworkTimeout;
        QueueClient client;
        if (!string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            client = new QueueClient(storage.ConnectionString, storage.ProjectionQueue, options);
        }
        else
        {
            // https://ACCOUNT.blob.core.windows.net → https://ACCOUNT.queue.core.windows.net/QUEUE
            var builder = new UriBuilder(storage.AccountUrl!);
            builder.Host = builder.Host.Replace(".blob.", ".queue.", StringComparison.OrdinalIgnoreCase);
            builder.Path = storage.ProjectionQueue;
            client = new QueueClient(builder.Uri, new DefaultAzureCredential(), options);
        }

        return new AzureProjectionQueue(client, timeProvider);
    }

    public async Task EnqueueAsync(ProjectionMessage message, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var text = JsonSerializer.Serialize(message, ProjectionQueueJson.Default.ProjectionMessage);
        await _queue.SendMessageAsync(text, null, NeverExpires, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ReceivedProjection>> ReceiveAsync(int max, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var idle = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            var messages = (await _queue.ReceiveMessagesAsync(Math.Clamp(max, 1, 32), Visibility, cancellationToken).ConfigureAwait(false)).Value;
            var batch = new List<ReceivedProjection>(messages.Length);
            foreach (var message in messages)
            {
                ProjectionMessage? body;
                try
                {
                    body = JsonSerializer.Deserialize(message.Body.ToMemory().Span, ProjectionQueueJson.Default.ProjectionMessage);
                }
                catch (JsonException)
                {
                    body = null;
                }

                if (body is null)
                {
                    // Unreadable: it can never be applied; the records it named stay stored and the journal lists their meeting.
                    await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                batch.Add(new ReceivedProjection(body, message.MessageId, message.PopReceipt, message.DequeueCount));
            }

            if (batch.Count > 0)
            {
                return batch;
            }

            // Reports must show within seconds, so an empty queue is polled often, less so the longer it stays empty.
            await Task.Delay(idle, _time, cancellationToken).ConfigureAwait(false);
            idle = TimeSpan.FromMilliseconds(Math.Min(idle.TotalMilliseconds * 2, 500));
        }
    }

    public async Task CompleteAsync(ReceivedProjection received, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(received);
        try
        {
            await _queue.DeleteMessageAsync(received.MessageId, received.PopReceipt, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Gone already (its visibility ran out and another instance applied it).
        }
    }

    public async Task RetryLaterAsync(ReceivedProjection received, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(received);
        try
        {
            await _queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, visibilityTimeout: delay, cancellationToken: cancellationToken).ConfigureAwait(false);
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
