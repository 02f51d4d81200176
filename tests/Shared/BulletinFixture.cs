using FollowUpBot.Ledger;

namespace FollowUpBot.Testing;

/// <summary>
/// The summary fixture plus one report that puts an item in the 受阻 section (市教育局 on item 8, due next
/// year), so every section of a bulletin has something in it; its note keeps odd spacing and punctuation to
/// show the bulletin quotes notes exactly as stored.
/// </summary>
internal static class BulletinFixture
{
    public const string BlockedNote = "场地租赁合同未签订，资金缺口  2,000万元——需市政府协调（见附件“说明”）";

    public static readonly DateOnly Today = new(2026, 12, 10);

    /// <summary>Stores the meeting (in <paramref name="tenantId"/> when given, e.g. the Agents Playground's) and every record.</summary>
    public static async Task StoreAsync(MeetingLedger ledger, string? tenantId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var meeting = SummaryFixture.Meeting();
        await ledger.CreateMeetingAsync(meeting with { TenantId = tenantId ?? meeting.TenantId }, "2026年第四季度重点工作推进会（会议纪要）", cancellationToken).ConfigureAwait(false);
        foreach (var record in SummaryFixture.Progress().Records)
        {
            await ledger.AppendProgressAsync(record, cancellationToken).ConfigureAwait(false);
        }

        await ledger.AppendProgressAsync(new ProgressRecord
        {
            MeetingId = SummaryFixture.MeetingId,
            ItemId = "i8",
            Kind = ProgressKind.Progress,
            Department = "市教育局",
            By = new Person("aad-jy", "王芳"),
            At = new DateTimeOffset(2026, 12, 9, 7, 5, 0, TimeSpan.Zero),
            Status = ProgressStatus.Blocked,
            Percent = 30,
            Note = BlockedNote,
            ConversationId = "a:conv-jy",
            ActivityId = "act-jy-1",
        }, cancellationToken).ConfigureAwait(false);
    }
}
