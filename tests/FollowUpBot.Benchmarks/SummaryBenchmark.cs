using System.Diagnostics;
using System.Globalization;
using FollowUpBot.Cards;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Storage;
using FollowUpBot.Summaries;
using FollowUpBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace FollowUpBot.Benchmarks;

/// <summary>
/// <c>summary</c>: an organiser's summary of a meeting with 1,000 items and 50,000 stored progress
/// records, against Azurite: read <c>meeting.json</c> (the records' projection), count the summary and
/// build the card. The records are stored as the ledger stores them and the projection is checked
/// against them (the reconciler finds nothing to apply) before timing. Prints
/// <c>summary: ms=(median of the timed runs)</c>; the target is under 100 ms.
/// Arguments: <c>--items N</c> (1000) <c>--records N</c> (50000) <c>--runs N</c> (30).
/// </summary>
internal sealed class SummaryBenchmark : IBenchmark
{
    private const string MeetingId = "bench-summary";

    public string Name => "summary";

    public async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var items = Option(args, "--items", 1000);
        var count = Option(args, "--records", 50_000);
        var runs = Option(args, "--runs", 30);

        await using var azurite = await Azurite.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var store = AzureBlobStore.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, Container = "bench" });
        var ledger = new MeetingLedger(store, TimeProvider.System, NullLogger<MeetingLedger>.Instance);
        var meeting = Meeting(items);
        await ledger.CreateMeetingAsync(meeting, "基准会议原文", cancellationToken).ConfigureAwait(false);

        // Store the records under the names the ledger gives them, then the projection the ledger would write.
        var started = Stopwatch.GetTimestamp();
        var records = Records(meeting, count);
        var keyed = new (string Key, ProgressRecord Record)[records.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, records.Count), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, token) =>
        {
            var record = records[i];
            var name = BlobNames.Progress(MeetingId, record.ItemId, record.At, BlobNames.UpdateId(record.ConversationId, record.ActivityId));
            await store.PutDocumentAsync(name, record, LedgerJsonContext.Default.ProgressRecord, BlobCondition.CreateOnly, token).ConfigureAwait(false);
            keyed[i] = (MeetingProjection.KeyOf(name), record);
        }).ConfigureAwait(false);
        var stored = Stopwatch.GetElapsedTime(started);
        await ledger.UpdateMeetingAsync(MeetingId, current => MeetingProjection.Replay(current, keyed), cancellationToken).ConfigureAwait(false);
        var check = await ledger.ReconcileAsync(MeetingId, cancellationToken).ConfigureAwait(false);
        if (check.Applied != 0 || check.Unreadable.Count != 0)
        {
            await output.WriteLineAsync($"the projection missed {check.Applied} records ({check.Unreadable.Count} unreadable)").ConfigureAwait(false);
            return 1;
        }

        var blob = await store.GetAsync(BlobNames.Meeting(MeetingId), cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"stored {count} records in {stored.TotalSeconds:F1} s; meeting.json {blob!.Content.ToMemory().Length / 1024.0:F0} KiB; {items} items")).ConfigureAwait(false);

        var today = new DateOnly(2026, 12, 10);
        var timings = new List<double>(runs);
        MeetingSummary? summary = null;
        var cardBytes = 0;
        for (var run = -5; run < runs; run++)
        {
            var begin = Stopwatch.GetTimestamp();
            var document = (await ledger.GetMeetingAsync(MeetingId, cancellationToken).ConfigureAwait(false))!.Document;
            summary = MeetingSummaries.Summarise(document, today);
            var card = SummaryCard.Build(new SummaryView(summary, UiLocale.ZhCN, new Uri("https://bot.example.test/dashboard")));
            cardBytes = CardJson.Size(card);
            var elapsed = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
            if (run >= 0)
            {
                timings.Add(elapsed);
            }
        }

        if (summary is null || summary.Total != items || summary.Departments.Sum(d => d.Total) != meeting.Items.Sum(i => i.Lead.Count + i.Support.Count))
        {
            await output.WriteLineAsync("the summary does not count every item and department").ConfigureAwait(false);
            return 1;
        }

        timings.Sort();
        var median = timings.Count % 2 == 1 ? timings[timings.Count / 2] : (timings[(timings.Count / 2) - 1] + timings[timings.Count / 2]) / 2;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"runs={runs} min_ms={timings[0]:F1} p90_ms={timings[(int)Math.Ceiling(0.9 * timings.Count) - 1]:F1} max_ms={timings[^1]:F1} card_bytes={cardBytes} closed={summary.Closed} overdue={summary.Overdue} due_soon={summary.DueSoon} latest_reports={summary.LatestReports.Count}"))
            .ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"summary: ms={median:F1}")).ConfigureAwait(false);
        return 0;
    }

    private static MeetingDocument Meeting(int items)
    {
        var departments = Enumerable.Range(1, 40).Select(n => $"市直单位{n:00}").ToArray();
        return new MeetingDocument
        {
            Id = MeetingId,
            Title = "基准会议：全年重点工作督办",
            State = MeetingState.Published,
            TimeZone = "Asia/Shanghai",
            PublishedAt = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
            Items = [.. Enumerable.Range(1, items).Select(n => new MeetingItem
            {
                Id = $"i{n}",
                Number = n,
                Section = $"第{(n % 7) + 1}部分",
                Task = $"第{n}项：统筹推进重点项目建设，协调解决用地、资金、审批等突出问题，按月报送进展",
                Lead = n % 4 == 0 ? [departments[n % 40], departments[(n + 1) % 40]] : [departments[n % 40]],
                Support = [.. Enumerable.Range(0, n % 3).Select(k => departments[(n + 11 + (k * 7)) % 40])],
                Due = new DateOnly(2026, 11, 15).AddDays(n % 60),
            })],
        };
    }

    /// <summary>Reports spread over the items and their departments, with extension and completion requests and decisions among them.</summary>
    private static List<ProgressRecord> Records(MeetingDocument meeting, int count)
    {
        var random = new Random(20261210);
        var start = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
        var records = new List<ProgressRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var item = meeting.Items[random.Next(meeting.Items.Count)];
            var departments = item.Lead.Concat(item.Support).ToList();
            var department = departments[random.Next(departments.Count)];
            var roll = random.Next(100);
            var kind = roll switch
            {
                < 85 => ProgressKind.Progress,
                < 89 => ProgressKind.ExtensionRequest,
                < 91 => ProgressKind.ExtensionApproval,
                < 95 => ProgressKind.CompletionRequest,
                < 97 => ProgressKind.CompletionApproval,
                _ => ProgressKind.CompletionRejection,
            };
            records.Add(new ProgressRecord
            {
                MeetingId = MeetingId,
                ItemId = item.Id,
                Kind = kind,
                Department = department,
                By = new Person($"aad-{department}", $"{department}联系人"),
                At = start.AddSeconds(i * 60L),
                Status = kind == ProgressKind.Progress ? (random.Next(10) == 0 ? ProgressStatus.Blocked : ProgressStatus.InProgress) : null,
                Percent = kind == ProgressKind.Progress ? random.Next(0, 101) : null,
                Note = "本周完成方案论证和现场踏勘，下一步提交联席会议审议",
                Due = kind is ProgressKind.ExtensionRequest or ProgressKind.ExtensionApproval ? new DateOnly(2027, 1, 1).AddDays(random.Next(60)) : null,
                ConversationId = "a:bench-summary",
                ActivityId = $"activity-{i}",
            });
        }

        return records;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
