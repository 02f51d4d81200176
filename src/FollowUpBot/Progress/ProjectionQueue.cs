using System.Text.Json.Serialization;
using System.Threading.Channels;
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
/// The Azure Storage queue <c>Storage:ProjectionQueue</c>, shared by every instance: a message taken by an instance
/// that dies comes back after ten seconds and another instance applies it.
/// </summary>
internal sealed class AzureProjectionQueue(StorageQueue<ProjectionMessage> queue) : IProjectionQueue, IDisposable
{
    /// <summary>Azure takes at most 64 KiB per message, Base64 included.</summary>
    public const int MaxMessageBytes = 45_000;
    private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(10);

    // Reports must show within seconds, so an empty queue is polled often, less so the longer it stays empty.
    private static readonly TimeSpan FirstIdle = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LongestIdle = TimeSpan.FromMilliseconds(500);

    public static AzureProjectionQueue Create(StorageOptions storage, TimeProvider timeProvider) =>
        new(StorageQueue<ProjectionMessage>.Create(storage, storage.ProjectionQueue, ProjectionQueueJson.Default.ProjectionMessage, timeProvider));

    public Task EnqueueAsync(ProjectionMessage message, CancellationToken cancellationToken = default) =>
        queue.SendAsync(message, TimeSpan.Zero, cancellationToken);

    public async Task<IReadOnlyList<ReceivedProjection>> ReceiveAsync(int max, CancellationToken cancellationToken = default)
    {
        // An unreadable message can never be applied; the records it named stay stored and the journal lists their meeting.
        var messages = await queue.ReceiveAsync(max, Visibility, FirstIdle, LongestIdle, cancellationToken).ConfigureAwait(false);
        return [.. messages.Select(m => new ReceivedProjection(m.Body, m.MessageId, m.PopReceipt, m.DequeueCount))];
    }

    public Task CompleteAsync(ReceivedProjection received, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(received);
        return queue.DeleteAsync(received.MessageId!, received.PopReceipt!, cancellationToken);
    }

    public Task RetryLaterAsync(ReceivedProjection received, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(received);
        return queue.HideAsync(received.MessageId!, received.PopReceipt!, delay, cancellationToken);
    }

    public void Dispose() => queue.Dispose();
}
