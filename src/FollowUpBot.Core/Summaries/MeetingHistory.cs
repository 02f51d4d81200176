using System.Collections.Concurrent;
using System.Globalization;
using FollowUpBot.Checklists;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;

namespace FollowUpBot.Summaries;

/// <summary>One stored progress record with its key (the blob name's time and update id).</summary>
internal sealed record HistoryEntry(string Key, ProgressRecord Record);

/// <summary>Reading and wording the stored progress records of items (the export's and the dashboard's history).</summary>
internal static class MeetingHistory
{
    /// <summary>The records of every item, oldest first per item (a listing and a read per record, a few items at a time).</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<HistoryEntry>>> ReadAsync(MeetingLedger ledger, MeetingDocument meeting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(meeting);
        var result = new ConcurrentDictionary<string, IReadOnlyList<HistoryEntry>>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(meeting.Items, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (item, token) =>
        {
            result[item.Id] = await ReadItemAsync(ledger, meeting.Id, item.Id, token).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return result;
    }

    public static async Task<IReadOnlyList<HistoryEntry>> ReadItemAsync(MeetingLedger ledger, string meetingId, string itemId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var entries = new List<HistoryEntry>();
        await foreach (var stored in ledger.ReadProgressAsync(meetingId, itemId, cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new HistoryEntry(MeetingProjection.KeyOf(stored.Name), stored.Document));
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return entries;
    }

    /// <summary>The records about one department's part (an approval without a department is about every part).</summary>
    public static IEnumerable<HistoryEntry> For(IEnumerable<HistoryEntry> entries, string department) =>
        entries.Where(e => e.Record.Department is null || e.Record.Department == department);

    /// <summary>"2026-11-20 08:00 UTC Name: what the record says".</summary>
    public static string Describe(UiLocale locale, ProgressRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Texts.Format(locale, "history.line", SummaryCard.Time(record.At), record.By.Name, What(locale, record));
    }

    /// <summary>What a record says, in the reader's language.</summary>
    public static string What(UiLocale locale, ProgressRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var due = record.Due is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "–";
        var what = record.Kind switch
        {
            ProgressKind.ExtensionRequest => Texts.Format(locale, "history.extensionRequest", due),
            ProgressKind.ExtensionApproval => Texts.Format(locale, "history.extensionApproval", due),
            ProgressKind.ExtensionRejection => Texts.Get(locale, "history.extensionRejection"),
            ProgressKind.CompletionRequest => Texts.Get(locale, "history.completionRequest"),
            ProgressKind.CompletionApproval => Texts.Get(locale, "history.completionApproval"),
            ProgressKind.CompletionRejection => Texts.Get(locale, "history.completionRejection"),
            _ => ChecklistCard.StatusText(locale, record.Status ?? ProgressStatus.InProgress),
        };
        var department = record.Department is { } name ? $"[{name}] " : string.Empty;
        return department + what + (record.Percent is { } p ? $" · {p}%" : string.Empty) + (record.Note is { Length: > 0 } note ? " — " + note : string.Empty);
    }
}
