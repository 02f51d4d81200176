using System.Globalization;
using System.Text.Json;
using FollowUpBot.Ledger;

namespace FollowUpBot.Testing;

/// <summary>
/// The summary fixture (tests/fixtures/summaries): a published meeting of eleven items and the progress
/// records its departments and organiser made, as a person wrote them; stored through the ledger, the
/// way the bot stores them, so tests read back what storage holds.
/// </summary>
internal static class SummaryFixture
{
    public const string MeetingId = "m-q4";

    public const string OrganiserAadId = "org-1";

    /// <summary>The meeting as imported and published, before any report.</summary>
    public static MeetingDocument Meeting() =>
        StoredDocuments.Deserialize("meeting.json", BinaryData.FromString(File.ReadAllText(RepoPaths.Fixture("summaries/meeting.json"))), LedgerJsonContext.Default.MeetingDocument);

    /// <summary>The records, in the order they were made, and the day the tests look at the meeting.</summary>
    public static (IReadOnlyList<ProgressRecord> Records, DateOnly Today) Progress()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(RepoPaths.Fixture("summaries/progress.json")));
        var today = DateOnly.Parse(json.RootElement.GetProperty("today").GetString()!, CultureInfo.InvariantCulture);
        var records = json.RootElement.GetProperty("records").EnumerateArray()
            .Select((r, i) => StoredDocuments.Deserialize($"progress.json#{i}", BinaryData.FromString(r.GetRawText()), LedgerJsonContext.Default.ProgressRecord))
            .ToList();
        return (records, today);
    }

    /// <summary>Creates the meeting and appends every record through <paramref name="ledger"/>.</summary>
    public static async Task<DateOnly> StoreAsync(MeetingLedger ledger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        await ledger.CreateMeetingAsync(Meeting(), "2026年第四季度重点工作推进会（会议纪要）", cancellationToken).ConfigureAwait(false);
        var (records, today) = Progress();
        foreach (var record in records)
        {
            await ledger.AppendProgressAsync(record, cancellationToken).ConfigureAwait(false);
        }

        return today;
    }
}
