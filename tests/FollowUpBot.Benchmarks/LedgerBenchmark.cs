using System.Diagnostics;
using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using FollowUpBot.Ledger;
using FollowUpBot.Storage;
using FollowUpBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace FollowUpBot.Benchmarks;

/// <summary>
/// <c>ledger</c>: appends and meeting reads through the ledger against Azurite, and the same requests
/// made with bare Azure.Storage.Blobs calls (the same bytes: the ledger's uploads are recorded and
/// replayed) in the same run, alternating which goes first. Prints
/// <c>ledger: overhead=(ledger time / bare time - 1)</c>.
/// Arguments: <c>--appends N</c> (300) <c>--reads N</c> (300) <c>--rounds N</c> (3).
/// </summary>
internal sealed class LedgerBenchmark : IBenchmark
{
    private const int BlockSize = 20;
    private static readonly Person Contact = new("00000000-0000-0000-0000-0000000000bb", "联系人");

    public string Name => "ledger";

    public async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var appends = Option(args, "--appends", 300);
        var reads = Option(args, "--reads", 300);
        var rounds = Option(args, "--rounds", 3);

        await using var azurite = await Azurite.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var options = new StorageOptions { ConnectionString = azurite.ConnectionString, Container = "bench" };
        var container = new BlobServiceClient(azurite.ConnectionString, AzureBlobStore.ClientOptions(options)).GetBlobContainerClient("bench");
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

        // Warm-up round (JIT, connection pools), not counted.
        await RoundAsync(options, container, "warm", appends, reads, ledgerFirst: true, cancellationToken).ConfigureAwait(false);

        var total = new Timings();
        for (var round = 0; round < rounds; round++)
        {
            var timings = await RoundAsync(options, container, $"r{round}", appends, reads, ledgerFirst: round % 2 == 0, cancellationToken).ConfigureAwait(false);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: ledger append {timings.LedgerAppend.TotalMilliseconds:F0} ms read {timings.LedgerRead.TotalMilliseconds:F0} ms | bare append {timings.BareAppend.TotalMilliseconds:F0} ms read {timings.BareRead.TotalMilliseconds:F0} ms"));
            total.Add(timings);
        }

        var ledger = total.LedgerAppend + total.LedgerRead;
        var bare = total.BareAppend + total.BareRead;
        var overhead = ledger / bare - 1;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"appends={appends * rounds} reads={reads * rounds} ledger_append_per_s={appends * rounds / total.LedgerAppend.TotalSeconds:F0} bare_append_per_s={appends * rounds / total.BareAppend.TotalSeconds:F0} ledger_read_per_s={reads * rounds / total.LedgerRead.TotalSeconds:F0} bare_read_per_s={reads * rounds / total.BareRead.TotalSeconds:F0} ledger_ms={ledger.TotalMilliseconds:F0} bare_ms={bare.TotalMilliseconds:F0} append_overhead={total.LedgerAppend / total.BareAppend - 1:F3} read_overhead={total.LedgerRead / total.BareRead - 1:F3}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ledger: overhead={overhead:F3}"));
        return 0;
    }

    private static async Task<Timings> RoundAsync(StorageOptions options, BlobContainerClient container, string round, int appends, int reads, bool ledgerFirst, CancellationToken cancellationToken)
    {
        var recording = new RecordingStore(AzureBlobStore.Create(options));
        var ledger = new MeetingLedger(recording, TimeProvider.System, NullLogger<MeetingLedger>.Instance);
        var meetingId = $"ledger-{round}";
        await ledger.CreateMeetingAsync(Meeting(meetingId), "原文", cancellationToken).ConfigureAwait(false);
        var initial = await container.GetBlobClient(BlobNames.Meeting(meetingId)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        var records = Records(meetingId, appends, seed: round.Sum(c => c));

        // The bare side needs the ledger's uploads, so the ledger runs first to record them; the
        // timed bare run then comes before or after a second, timed ledger run on a fresh meeting.
        recording.Clear();
        var uploads = new List<(string Name, BinaryData Content)>();
        var probe = new MeetingLedger(recording, TimeProvider.System, NullLogger<MeetingLedger>.Instance);
        await AppendAllAsync(probe, records, cancellationToken).ConfigureAwait(false);
        uploads.AddRange(recording.Puts);

        var timedId = $"ledger-{round}-timed";
        await ledger.CreateMeetingAsync(Meeting(timedId), "原文", cancellationToken).ConfigureAwait(false);
        var timedRecords = records.Select(r => r with { MeetingId = timedId }).ToList();
        var bareMeeting = $"meetings/bare-{round}/meeting.json";
        await container.GetBlobClient(bareMeeting).UploadAsync(initial.Value.Content, overwrite: true, cancellationToken).ConfigureAwait(false);

        // Small blocks, alternating which side goes first, so both see the same background load.
        var timings = new Timings();
        var plain = new MeetingLedger(AzureBlobStore.Create(options), TimeProvider.System, NullLogger<MeetingLedger>.Instance);
        var meeting = container.GetBlobClient(bareMeeting);
        for (int from = 0, block = 0; from < appends; from += BlockSize, block++)
        {
            var count = Math.Min(BlockSize, appends - from);
            var ledgerBlock = timedRecords.GetRange(from, count);
            var bareBlock = uploads.GetRange(2 * from, 2 * count);
            if ((block % 2 == 0) == ledgerFirst)
            {
                timings.LedgerAppend += await TimeAsync(() => AppendAllAsync(plain, ledgerBlock, cancellationToken)).ConfigureAwait(false);
                timings.BareAppend += await TimeAsync(() => BareAppendAsync(container, meeting, bareBlock, cancellationToken)).ConfigureAwait(false);
            }
            else
            {
                timings.BareAppend += await TimeAsync(() => BareAppendAsync(container, meeting, bareBlock, cancellationToken)).ConfigureAwait(false);
                timings.LedgerAppend += await TimeAsync(() => AppendAllAsync(plain, ledgerBlock, cancellationToken)).ConfigureAwait(false);
            }
        }

        for (int from = 0, block = 0; from < reads; from += BlockSize, block++)
        {
            var count = Math.Min(BlockSize, reads - from);
            if ((block % 2 == 0) == ledgerFirst)
            {
                timings.LedgerRead += await TimeAsync(() => LedgerReadAsync(plain, timedId, appends, count, cancellationToken)).ConfigureAwait(false);
                timings.BareRead += await TimeAsync(() => BareReadAsync(meeting, count, cancellationToken)).ConfigureAwait(false);
            }
            else
            {
                timings.BareRead += await TimeAsync(() => BareReadAsync(meeting, count, cancellationToken)).ConfigureAwait(false);
                timings.LedgerRead += await TimeAsync(() => LedgerReadAsync(plain, timedId, appends, count, cancellationToken)).ConfigureAwait(false);
            }
        }

        return timings;
    }

    private static async Task AppendAllAsync(MeetingLedger ledger, List<ProgressRecord> records, CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            await ledger.AppendProgressAsync(record, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> run)
    {
        var started = Stopwatch.GetTimestamp();
        await run().ConfigureAwait(false);
        return Stopwatch.GetElapsedTime(started);
    }

    private static async Task LedgerReadAsync(MeetingLedger ledger, string meetingId, int appends, int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            var meeting = await ledger.GetMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false);
            if (meeting is null || meeting.Document.Items.Sum(item => item.Applied.Count) != appends)
            {
                throw new InvalidOperationException("The ledger lost a record during the benchmark.");
            }
        }
    }

    /// <summary>What one append is on the wire (read meeting, create record, write meeting If-Match), with the ledger's own bytes.</summary>
    private static async Task BareAppendAsync(BlobContainerClient container, BlobClient meeting, List<(string Name, BinaryData Content)> uploads, CancellationToken cancellationToken)
    {
        var createOnly = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
        for (var i = 0; i + 1 < uploads.Count; i += 2)
        {
            var current = await meeting.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            var recordName = uploads[i].Name.Replace("meetings/ledger-", "meetings/bare-", StringComparison.Ordinal);
            await container.GetBlobClient(recordName).UploadAsync(uploads[i].Content, createOnly, cancellationToken).ConfigureAwait(false);
            await meeting.UploadAsync(uploads[i + 1].Content, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = current.Value.Details.ETag } }, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private static async Task BareReadAsync(BlobClient meeting, int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            var content = await meeting.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            if (content.Value.Content.ToMemory().Length == 0)
            {
                throw new InvalidOperationException("The bare meeting is empty.");
            }
        }
    }

    private static MeetingDocument Meeting(string id) => new()
    {
        Id = id,
        Title = "基准会议",
        State = MeetingState.Published,
        Items = [.. Enumerable.Range(1, 16).Select(n => new MeetingItem
        {
            Id = $"i{n}",
            Number = n,
            Task = $"任务 {n}：按期推进并报送进展",
            Lead = ["宣传部", "发改委"],
            Support = ["财政局"],
            Due = new DateOnly(2026, 12, 31),
        })],
    };

    private static List<ProgressRecord> Records(string meetingId, int count, int seed)
    {
        var random = new Random(seed);
        var departments = new[] { "宣传部", "发改委", "财政局" };
        var start = new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);
        return [.. Enumerable.Range(0, count).Select(i => new ProgressRecord
        {
            MeetingId = meetingId,
            ItemId = $"i{random.Next(1, 17)}",
            Kind = ProgressKind.Progress,
            Department = departments[random.Next(departments.Length)],
            By = Contact,
            At = start.AddSeconds(i),
            Status = ProgressStatus.InProgress,
            Percent = random.Next(0, 101),
            Note = "已完成方案起草，正在征求意见",
            ConversationId = "a:bench",
            ActivityId = $"bench-{i}",
        })];
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed class Timings
    {
        public TimeSpan LedgerAppend { get; set; }

        public TimeSpan LedgerRead { get; set; }

        public TimeSpan BareAppend { get; set; }

        public TimeSpan BareRead { get; set; }

        public void Add(Timings other)
        {
            LedgerAppend += other.LedgerAppend;
            LedgerRead += other.LedgerRead;
            BareAppend += other.BareAppend;
            BareRead += other.BareRead;
        }
    }

    /// <summary>Keeps what the ledger uploads (only in the untimed run that produces the bare side's bytes).</summary>
    private sealed class RecordingStore(IBlobStore inner) : IBlobStore
    {
        private readonly List<(string, BinaryData)> _puts = [];

        public IReadOnlyList<(string Name, BinaryData Content)> Puts
        {
            get
            {
                lock (_puts)
                {
                    return [.. _puts];
                }
            }
        }

        public void Clear()
        {
            lock (_puts)
            {
                _puts.Clear();
            }
        }

        public Task<StoredBlob?> GetAsync(string name, CancellationToken cancellationToken = default) => inner.GetAsync(name, cancellationToken);

        public async Task<string> PutAsync(string name, BinaryData content, BlobCondition condition, CancellationToken cancellationToken = default)
        {
            var etag = await inner.PutAsync(name, content, condition, cancellationToken).ConfigureAwait(false);
            lock (_puts)
            {
                _puts.Add((name, content));
            }

            return etag;
        }

        public IAsyncEnumerable<BlobEntry> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

        public Task<bool> DeleteAsync(string name, string? ifMatch = null, CancellationToken cancellationToken = default) => inner.DeleteAsync(name, ifMatch, cancellationToken);

        public Task<string?> TryAcquireLeaseAsync(string name, TimeSpan duration, CancellationToken cancellationToken = default) => inner.TryAcquireLeaseAsync(name, duration, cancellationToken);

        public Task<bool> RenewLeaseAsync(string name, string leaseId, CancellationToken cancellationToken = default) => inner.RenewLeaseAsync(name, leaseId, cancellationToken);

        public Task ReleaseLeaseAsync(string name, string leaseId, CancellationToken cancellationToken = default) => inner.ReleaseLeaseAsync(name, leaseId, cancellationToken);
    }
}
