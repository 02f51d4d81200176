using System.Text.Json.Serialization;

namespace FollowUpBot.Ledger;

// The stored documents of DESIGN.md ("Data in blob storage"). Each is an explicit DTO with
// "schema": 1 and camelCase names; the JSON is the contract, so members are never renamed, and a
// change of meaning gets a new schema number. Serialise only through LedgerJsonContext.

/// <summary>Every stored document says which shape it has.</summary>
internal interface IVersionedDocument
{
    int Schema { get; }
}

internal static class LedgerSchema
{
    /// <summary>The only document shape this build reads and writes.</summary>
    public const int Current = 1;
}

/// <summary>A Teams user as the ledger records them.</summary>
internal sealed record Person(string AadObjectId, string Name);

/// <summary>Status of an (item, department) pair; an item shows the least advanced of its lead departments.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProgressStatus>))]
internal enum ProgressStatus
{
    [JsonStringEnumMemberName("notStarted")]
    NotStarted,

    [JsonStringEnumMemberName("inProgress")]
    InProgress,

    [JsonStringEnumMemberName("blocked")]
    Blocked,

    [JsonStringEnumMemberName("completionRequested")]
    CompletionRequested,

    [JsonStringEnumMemberName("closed")]
    Closed,
}

[JsonConverter(typeof(JsonStringEnumConverter<MeetingState>))]
internal enum MeetingState
{
    [JsonStringEnumMemberName("draft")]
    Draft,

    [JsonStringEnumMemberName("published")]
    Published,

    [JsonStringEnumMemberName("archived")]
    Archived,
}

[JsonConverter(typeof(JsonStringEnumConverter<DepartmentRole>))]
internal enum DepartmentRole
{
    [JsonStringEnumMemberName("lead")]
    Lead,

    [JsonStringEnumMemberName("support")]
    Support,
}

/// <summary>What a progress record says; the kinds an organiser appends are approvals and rejections.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProgressKind>))]
internal enum ProgressKind
{
    /// <summary>A department reports status, percent and/or a note.</summary>
    [JsonStringEnumMemberName("progress")]
    Progress,

    /// <summary>A department asks for a later due date (申请延期); <see cref="ProgressRecord.Due"/> is the date asked for.</summary>
    [JsonStringEnumMemberName("extensionRequest")]
    ExtensionRequest,

    /// <summary>An organiser grants the department's extension; <see cref="ProgressRecord.Due"/> is the new due date.</summary>
    [JsonStringEnumMemberName("extensionApproval")]
    ExtensionApproval,

    [JsonStringEnumMemberName("extensionRejection")]
    ExtensionRejection,

    /// <summary>A department asks to close its part (申请办结).</summary>
    [JsonStringEnumMemberName("completionRequest")]
    CompletionRequest,

    /// <summary>An organiser closes (办结) the department's part, or with no department every lead department's part.</summary>
    [JsonStringEnumMemberName("completionApproval")]
    CompletionApproval,

    /// <summary>An organiser sends a completion request back; the department is in progress again.</summary>
    [JsonStringEnumMemberName("completionRejection")]
    CompletionRejection,
}

/// <summary><c>meetings/{meetingId}/meeting.json</c>: the meeting and the projection of its progress records.</summary>
internal sealed record MeetingDocument : IVersionedDocument
{
    [JsonRequired]
    public int Schema { get; init; } = LedgerSchema.Current;

    public required string Id { get; init; }

    public string? TenantId { get; init; }

    public string Title { get; init; } = string.Empty;

    public MeetingState State { get; init; }

    public Person? Organiser { get; init; }

    /// <summary>IANA time zone of the meeting (reminder cron, due days).</summary>
    public string? TimeZone { get; init; }

    public DateOnly? MeetingDate { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>The organiser's reminder policy for this meeting; null fields fall back to the Reminders:* defaults.</summary>
    public ReminderPolicy? Reminders { get; init; }

    public IReadOnlyList<MeetingItem> Items { get; init; } = [];

    /// <summary>Checklist cards sent at publish, one per recipient (a contact, or a department's channel): publishing again sends only what is missing.</summary>
    public IReadOnlyList<CardDelivery> Deliveries { get; init; } = [];

    /// <summary>Recipients the last publish could not reach, and why (for the organiser to fix).</summary>
    public IReadOnlyList<UndeliveredCard> Undelivered { get; init; } = [];

    /// <summary>
    /// Every progress record the storage wrote before this time (storage clock) is applied; the items'
    /// <see cref="MeetingItem.Applied"/> lists name only records written since. Advanced by the reconciler.
    /// </summary>
    public DateTimeOffset? AppliedBefore { get; init; }

    /// <summary>Counts the writes of this document (the ledger adds one to each); the indexes use it to keep the newest state.</summary>
    public long Revision { get; init; }

    public MeetingItem? FindItem(string itemId)
    {
        // An index loop: every report's view looks its item up, and a capturing lambda or a boxed enumerator allocates each time.
        for (var i = 0; i < Items.Count; i++)
        {
            if (string.Equals(Items[i].Id, itemId, StringComparison.Ordinal))
            {
                return Items[i];
            }
        }

        return null;
    }
}

/// <summary>A checklist card the bot sent: to whom, and the message to update (PUT) when its items change.</summary>
internal sealed record CardDelivery
{
    public required string Department { get; init; }

    /// <summary>The contact's Entra object id, or "channel:{channelId}" for a department channel.</summary>
    public required string Recipient { get; init; }

    public required string ServiceUrl { get; init; }

    public required string ConversationId { get; init; }

    public string? ActivityId { get; init; }

    /// <summary>The recipient's language when sent (zh-CN / en-US), so updates keep it.</summary>
    public string? Locale { get; init; }

    public DateTimeOffset SentAt { get; init; }
}

/// <summary>A recipient the checklist did not reach.</summary>
internal sealed record UndeliveredCard
{
    public required string Department { get; init; }

    /// <summary>The contact's Entra object id, the channel, or null when the department has no contact at all.</summary>
    public string? Recipient { get; init; }

    public string? RecipientName { get; init; }

    /// <summary>notInDirectory | noContact | noConversationReference | blockedByUser | botNotInConversation | notFound | channelUnknown | transient.</summary>
    public required string Reason { get; init; }

    public DateTimeOffset At { get; init; }
}

internal sealed record ReminderPolicy
{
    public string? Cron { get; init; }

    public int? DaysBeforeDue { get; init; }

    public int? EscalateAfterDays { get; init; }

    public string? QuietHours { get; init; }
}

/// <summary>One directive (督办事项) and its current state.</summary>
internal sealed record MeetingItem
{
    public required string Id { get; init; }

    /// <summary>Given per meeting at publish and never changed; null while a draft.</summary>
    public int? Number { get; init; }

    public string? Section { get; init; }

    public required string Task { get; init; }

    /// <summary>The sentence of the source text the item came from.</summary>
    public string? Source { get; init; }

    /// <summary>Lead departments (牵头/主办), canonical names.</summary>
    public IReadOnlyList<string> Lead { get; init; } = [];

    /// <summary>Supporting departments (配合/协办), canonical names.</summary>
    public IReadOnlyList<string> Support { get; init; } = [];

    /// <summary>The due date as published.</summary>
    public DateOnly? Due { get; init; }

    /// <summary>The deadline as the text said it ("三季度末前", "长期坚持").</summary>
    public string? DeadlineText { get; init; }

    /// <summary>absolute | relative | recurring | standing, as the extractor read <see cref="DeadlineText"/>.</summary>
    public string? DeadlineKind { get; init; }

    /// <summary>An RFC 5545 RRULE for recurring deadlines (每月10日前).</summary>
    public string? Recurrence { get; init; }

    /// <summary>Actor phrases of <see cref="Lead"/>/<see cref="Support"/> that match no directory department yet (kept as written).</summary>
    public IReadOnlyList<string> UnknownActors { get; init; } = [];

    /// <summary>Where <see cref="Source"/> is in the meeting's source.txt (UTF-16 offset and length).</summary>
    public int? SourceStart { get; init; }

    public int? SourceLength { get; init; }

    /// <summary>Who proposed the item: null for the rules (or the organiser), "ai" for the optional AI assist, until the organiser edits it.</summary>
    public string? Origin { get; init; }

    /// <summary>Derived: the least advanced status of the lead departments. Kept here so a summary reads one document.</summary>
    public ProgressStatus Status { get; init; }

    /// <summary>The latest approved extension (by record order); <see cref="CurrentDue"/> prefers it to <see cref="Due"/>.</summary>
    public DueChange? Extended { get; init; }

    public IReadOnlyList<DepartmentProgress> Departments { get; init; } = [];

    /// <summary>The update ids (the last part of a record's name) of the progress records applied to this item that were stored since <see cref="MeetingDocument.AppliedBefore"/>.</summary>
    /// <remarks>A document without the list (or with null) reads as none applied.</remarks>
    public AppliedIds Applied
    {
        get => _applied;
        init => _applied = value ?? AppliedIds.Empty;
    }

    [JsonIgnore]
    public DateOnly? CurrentDue => Extended?.Due ?? Due;

    private readonly AppliedIds _applied = AppliedIds.Empty;

    public DepartmentProgress? FindDepartment(string department)
    {
        // An index loop, as FindItem: views and projections look departments up for every record.
        for (var i = 0; i < Departments.Count; i++)
        {
            if (Departments[i].Department == department)
            {
                return Departments[i];
            }
        }

        return null;
    }
}

/// <summary>A due date granted by the record named <paramref name="Record"/>.</summary>
internal sealed record DueChange(DateOnly Due, string Record);

/// <summary>The state of one department's part of an item.</summary>
internal sealed record DepartmentProgress
{
    public required string Department { get; init; }

    public DepartmentRole Role { get; init; }

    public ProgressStatus Status { get; init; }

    public int? Percent { get; init; }

    public string? Note { get; init; }

    public Person? By { get; init; }

    /// <summary>When the report that set <see cref="Status"/> was made (the activity's time).</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>The record (name without folder and ".json") that set <see cref="Status"/>; later records win.</summary>
    public string? Record { get; init; }

    /// <summary>How many reports and decisions about this department have been applied.</summary>
    public int Reports { get; init; }

    /// <summary>The department's latest extension request and its outcome, if any.</summary>
    public ExtensionState? Extension { get; init; }

    /// <summary>Contacts of the department a reminder about this item could not reach (blocked, uninstalled, never installed); null when none.</summary>
    public IReadOnlyList<UnreachableContact>? Unreachable { get; init; }
}

/// <summary>A contact Teams refused a message to, why, and when it was first seen.</summary>
internal sealed record UnreachableContact
{
    public required string AadObjectId { get; init; }

    /// <summary>Null when the directory has no name for them (then left out of the JSON).</summary>
    public string? Name { get; init; }

    /// <summary>NoConversationReference | BlockedByUser | BotNotInConversation | NotFound | ChannelUnknown | Failed.</summary>
    public required string Reason { get; init; }

    public DateTimeOffset At { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<ExtensionOutcome>))]
internal enum ExtensionOutcome
{
    [JsonStringEnumMemberName("pending")]
    Pending,

    [JsonStringEnumMemberName("approved")]
    Approved,

    [JsonStringEnumMemberName("rejected")]
    Rejected,
}

internal sealed record ExtensionState
{
    public ExtensionOutcome Outcome { get; init; }

    public DateOnly? RequestedDue { get; init; }

    public string? Reason { get; init; }

    public required Person By { get; init; }

    public DateTimeOffset At { get; init; }

    public required string Record { get; init; }
}

/// <summary>
/// <c>meetings/{meetingId}/progress/{itemId}/{time}-{updateId}.json</c>: one report or decision,
/// written once (If-None-Match: *) and never changed.
/// </summary>
internal sealed record ProgressRecord : IVersionedDocument
{
    [JsonRequired]
    public int Schema { get; init; } = LedgerSchema.Current;

    public required string MeetingId { get; init; }

    public required string ItemId { get; init; }

    public ProgressKind Kind { get; init; }

    /// <summary>The department the record is about; null only for an organiser's approval that closes the whole item.</summary>
    public string? Department { get; init; }

    public required Person By { get; init; }

    /// <summary>The activity's own timestamp (UTC); it orders the records and is part of the name.</summary>
    public required DateTimeOffset At { get; init; }

    public ProgressStatus? Status { get; init; }

    public int? Percent { get; init; }

    public string? Note { get; init; }

    /// <summary>The due date asked for (extension request) or granted (extension approval).</summary>
    public DateOnly? Due { get; init; }

    /// <summary>Teams conversation and activity the record came from; together they give the update id.</summary>
    public required string ConversationId { get; init; }

    public required string ActivityId { get; init; }
}

/// <summary><c>reminders/{tenantId}/{recipientAadId}/{slotKey}.json</c>: one reminder digest to one person for one slot.</summary>
internal sealed record ReminderMarker : IVersionedDocument
{
    [JsonRequired]
    public int Schema { get; init; } = LedgerSchema.Current;

    public required string TenantId { get; init; }

    public required string RecipientAadId { get; init; }

    public required string SlotKey { get; init; }

    public ReminderMarkerState State { get; init; }

    public DateTimeOffset ClaimedAt { get; init; }

    /// <summary>The instance that claimed the slot (for diagnostics).</summary>
    public string? ClaimedBy { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    /// <summary>The id of the message that carried the digest, once sent.</summary>
    public string? MessageId { get; init; }

    /// <summary>The items the digest lists.</summary>
    public IReadOnlyList<ItemReference> Items { get; init; } = [];

    /// <summary>Why the digest could not be delivered (state unreachable): the reason Teams gave.</summary>
    public string? Failure { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<ReminderMarkerState>))]
internal enum ReminderMarkerState
{
    [JsonStringEnumMemberName("claimed")]
    Claimed,

    [JsonStringEnumMemberName("sent")]
    Sent,

    /// <summary>Final: the recipient could not be reached; the organiser is told.</summary>
    [JsonStringEnumMemberName("unreachable")]
    Unreachable,
}

internal sealed record ItemReference(string MeetingId, string ItemId);

