namespace FollowUpBot.Ledger;

// The index documents (index/…): derived from the meetings, rebuildable from them, never the truth.
// Each index remembers, per meeting, the revision of meeting.json its entries were computed from, so a
// writer holding an older revision never overwrites a newer one (meeting writes are totally ordered by ETag).

/// <summary><c>index/departments/{department}.json</c>: the open items of one department across published meetings.</summary>
internal sealed record DepartmentIndexDocument : IVersionedDocument
{
    public int Schema { get; init; } = LedgerSchema.Current;

    public required string Department { get; init; }

    public IReadOnlyList<OpenItemEntry> Items { get; init; } = [];

    /// <summary>Meeting id → the revision of meeting.json the entries of that meeting come from.</summary>
    public IReadOnlyDictionary<string, long> Revisions { get; init; } = new Dictionary<string, long>();
}

/// <summary>One open item of a department: enough to read a free-text reply and answer it without opening the meeting.</summary>
internal sealed record OpenItemEntry
{
    public required string MeetingId { get; init; }

    public string MeetingTitle { get; init; } = string.Empty;

    public DateTimeOffset? PublishedAt { get; init; }

    public required string ItemId { get; init; }

    public int? Number { get; init; }

    /// <summary>The item's task, cut to its first 60 characters.</summary>
    public string Task { get; init; } = string.Empty;

    /// <summary>The current due date (an approved extension included).</summary>
    public DateOnly? Due { get; init; }

    public DepartmentRole Role { get; init; }

    /// <summary>The department's own status on the item.</summary>
    public ProgressStatus Status { get; init; }
}

/// <summary><c>index/meetings.json</c>: every meeting's header (what lists and choosers show), without items.</summary>
internal sealed record MeetingsIndexDocument : IVersionedDocument
{
    public int Schema { get; init; } = LedgerSchema.Current;

    public IReadOnlyList<MeetingEntry> Meetings { get; init; } = [];
}

internal sealed record MeetingEntry
{
    public required string Id { get; init; }

    public string Title { get; init; } = string.Empty;

    public MeetingState State { get; init; }

    public Person? Organiser { get; init; }

    public DateOnly? MeetingDate { get; init; }

    public string? TimeZone { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public int Items { get; init; }

    public long Revision { get; init; }

    /// <summary>What the overview of all meetings draws, so it reads this index and no meeting; null in entries written before it existed.</summary>
    public MeetingTotals? Totals { get; init; }
}

/// <summary>
/// A meeting's items in numbers: closed items, and the open ones by current due date (the overdue and due-soon lights
/// depend on the day asked, so the dates are kept, not the lights). Changes only when an item closes, reopens or its
/// due date moves, so reports that keep a status leave the index alone.
/// </summary>
internal sealed record MeetingTotals
{
    public int Closed { get; init; }

    /// <summary>Open items with a due date, counted per date, earliest first.</summary>
    public IReadOnlyList<DueCount> OpenDue { get; init; } = [];

    public static MeetingTotals Of(MeetingDocument meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return new MeetingTotals
        {
            Closed = meeting.Items.Count(i => i.Status == ProgressStatus.Closed),
            OpenDue = [.. meeting.Items
                .Where(i => i.Status != ProgressStatus.Closed && i.CurrentDue is not null)
                .GroupBy(i => i.CurrentDue!.Value)
                .OrderBy(g => g.Key)
                .Select(g => new DueCount(g.Key, g.Count()))],
        };
    }

    // By value, so an unchanged header is recognised and not written again.
    public bool Equals(MeetingTotals? other) => other is not null && Closed == other.Closed && OpenDue.SequenceEqual(other.OpenDue);

    public override int GetHashCode() => HashCode.Combine(Closed, OpenDue.Count);
}

internal sealed record DueCount(DateOnly Due, int Items);

/// <summary><c>index/pending.json</c>: completion (申请办结) and extension (申请延期) requests waiting for an organiser.</summary>
internal sealed record PendingIndexDocument : IVersionedDocument
{
    public int Schema { get; init; } = LedgerSchema.Current;

    public IReadOnlyList<PendingEntry> Requests { get; init; } = [];

    public IReadOnlyDictionary<string, long> Revisions { get; init; } = new Dictionary<string, long>();
}

internal sealed record PendingEntry
{
    public required string MeetingId { get; init; }

    public string MeetingTitle { get; init; } = string.Empty;

    public required string ItemId { get; init; }

    public int? Number { get; init; }

    public string Task { get; init; } = string.Empty;

    public required string Department { get; init; }

    public bool IsExtension { get; init; }

    /// <summary>The record the request came from: a decision applies only while it is still the pending one.</summary>
    public required string Record { get; init; }

    public Person? By { get; init; }

    public DateTimeOffset? At { get; init; }

    public DateOnly? RequestedDue { get; init; }

    public string? Note { get; init; }
}
