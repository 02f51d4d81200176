using System.Collections.Concurrent;
using System.Collections.Immutable;
using FollowUpBot.Checklists;
using FollowUpBot.FollowUp;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Meetings;
using FollowUpBot.Teams;

namespace FollowUpBot.Progress;

/// <summary>The one place that maps statuses to and from their names (the wire words of cards, the parser's statuses, the shown text).</summary>
internal static class ProgressStatuses
{
    /// <summary>A card's or verb's status word; null for an unknown word (closing is for organisers, never a word a department sends).</summary>
    public static ProgressStatus? Parse(string? value) => value switch
    {
        "notStarted" => ProgressStatus.NotStarted,
        "inProgress" => ProgressStatus.InProgress,
        "blocked" => ProgressStatus.Blocked,
        "completionRequested" => ProgressStatus.CompletionRequested,
        _ => null,
    };

    /// <summary>What a free-text reply's status means for the item (an extension request keeps the status; none says "in progress").</summary>
    public static ProgressStatus FromReply(ReplyStatus? status) => status switch
    {
        ReplyStatus.NotStarted => ProgressStatus.NotStarted,
        ReplyStatus.Blocked => ProgressStatus.Blocked,
        ReplyStatus.CompletionRequested => ProgressStatus.CompletionRequested,
        _ => ProgressStatus.InProgress,
    };

    public static string Value(ProgressStatus status) => ChecklistCard.StatusValue(status);

    public static string Text(UiLocale locale, ProgressStatus status) => ChecklistCard.StatusText(locale, status);
}

/// <summary>The one place that builds a progress record from a turn: who, when, and the activity it is named from.</summary>
internal static class ProgressRecords
{
    public static ProgressRecord From(
        TurnContext turn,
        TimeProvider time,
        string meetingId,
        string itemId,
        string? department,
        ProgressKind kind,
        ProgressStatus? status = null,
        int? percent = null,
        string? note = null,
        DateOnly? due = null) => new()
        {
            MeetingId = meetingId,
            ItemId = itemId,
            Kind = kind,
            Department = department,
            By = turn.Sender(),
            At = turn.Activity.Timestamp ?? time.GetUtcNow(),
            Status = status,
            Percent = percent,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            Due = due,
            ConversationId = turn.Activity.Conversation?.Id ?? "unknown",
            ActivityId = turn.Activity.Id ?? Guid.NewGuid().ToString("N"),
        };

    /// <summary>The kind of a department's report: a completion request when it says done, else progress.</summary>
    public static ProgressKind KindOf(ProgressStatus status) =>
        status == ProgressStatus.CompletionRequested ? ProgressKind.CompletionRequest : ProgressKind.Progress;
}

/// <summary>
/// Records this process stored and no meeting.json it has seen reflects yet. Answers and the stale-card check look at
/// the meeting with these applied, so a contact who reports twice in a row on this instance sees the first report
/// even before the projector wrote it. Entries go when a projection shows them, and after a minute in any case
/// (well inside the reconciler's five-minute compaction grace, so an entry never counts a record twice).
/// The last view of each meeting is kept: while the meeting read stays the same, the next view applies only the
/// records stored since (the projection does not depend on order), instead of every waiting record again.
/// </summary>
internal sealed class PendingReports(TimeProvider time)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, (StoredProgress Stored, long At)>> _byMeeting = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LastView> _views = new(StringComparer.Ordinal);

    public void Add(StoredProgress stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        _byMeeting.GetOrAdd(stored.Record.MeetingId, _ => new(StringComparer.Ordinal))[stored.Name] = (stored, time.GetTimestamp());
    }

    public void Forget(string meetingId, IEnumerable<string> names)
    {
        if (_byMeeting.TryGetValue(meetingId, out var pending))
        {
            foreach (var name in names)
            {
                pending.TryRemove(name, out _);
            }
        }
    }

    /// <summary>The meeting with this process's unprojected records applied (the same state the projection will reach).</summary>
    public MeetingDocument View(MeetingDocument meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (!_byMeeting.TryGetValue(meeting.Id, out var pending) || pending.IsEmpty)
        {
            _views.TryRemove(meeting.Id, out _);
            return meeting;
        }

        var last = _views.TryGetValue(meeting.Id, out var kept) && ReferenceEquals(kept.Base, meeting) ? kept : null;

        // Enumerating the dictionary takes no lock and tolerates concurrent reports (LINQ over it, or ToArray under all its
        // locks, either failed or held every report of the meeting up).
        var live = new List<StoredProgress>();
        var stillInLast = 0;
        foreach (var (name, entry) in pending)
        {
            if (time.GetElapsedTime(entry.At) > KeepFor || IsApplied(meeting, entry.Stored))
            {
                pending.TryRemove(name, out _);
                continue;
            }

            live.Add(entry.Stored);
            stillInLast += last is not null && last.Names.Contains(name) ? 1 : 0;
        }

        if (live.Count == 0)
        {
            _views.TryRemove(meeting.Id, out _);
            return meeting;
        }

        // The last view can be built on while every record laid into it is still waiting; it then needs only the others.
        var reuse = last is not null && stillInLast == last.Names.Count;
        var view = reuse ? last!.View : meeting;
        var names = reuse ? last!.Names : NoNames;
        if (reuse)
        {
            live.RemoveAll(stored => last!.Names.Contains(stored.Name));
        }

        live.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var stored in live)
        {
            view = MeetingProjection.Apply(view, stored.Key, stored.Record);
            names = names.Add(stored.Name);
        }

        _views[meeting.Id] = new LastView(meeting, view, names);
        return view;
    }

    private static bool IsApplied(MeetingDocument meeting, StoredProgress stored) =>
        meeting.FindItem(stored.Record.ItemId)?.Applied.Contains(stored.UpdateId) == true;

    private static readonly ImmutableHashSet<string> NoNames = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    /// <summary>A view built on one meeting read: the read, the view, the records laid over it (a set shared with the next view's).</summary>
    private sealed record LastView(MeetingDocument Base, MeetingDocument View, ImmutableHashSet<string> Names);
}

/// <summary>
/// How Progress stores a report: the append-only record (create-only, named from the activity), then the record handed
/// to this instance's projector. The caller answers once the record is stored: the projector applies it to meeting.json
/// within moments, and if this process stops first, the change journal (marked before the record was written) lets
/// the reconciler apply it. A failed store fails the request; the activity's retry finds its record, or stores it.
/// </summary>
internal sealed class ProgressRecorder(MeetingLedger ledger, Projector projector, PendingReports pending)
{
    /// <summary>How old a meeting read the per-message path may answer from (what another instance wrote since shows after this).</summary>
    public static readonly TimeSpan RecentFor = TimeSpan.FromSeconds(2);

    /// <summary>The meeting as the per-message path sees it: a read at most <see cref="RecentFor"/> old, with this process's unprojected records applied.</summary>
    public async Task<MeetingDocument?> SeeAsync(string meetingId, CancellationToken cancellationToken)
    {
        if (meetingId.Length == 0)
        {
            return null;
        }

        var stored = await ledger.GetRecentMeetingAsync(meetingId, RecentFor, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : pending.View(stored.Document);
    }

    /// <summary>A meeting just read, with this process's unprojected records applied.</summary>
    public MeetingDocument View(MeetingDocument meeting) => pending.View(meeting);

    /// <summary>Stores the record and hands it to the projector; returns the meeting as it will look once applied.</summary>
    public async Task<MeetingDocument> RecordAsync(ProgressRecord record, MeetingDocument seen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(seen);
        var stored = await ledger.StoreProgressAsync(record, seen, cancellationToken).ConfigureAwait(false);
        pending.Add(stored);
        projector.Submit(stored);
        return MeetingProjection.Apply(seen, stored.Key, stored.Record);
    }
}

/// <summary>
/// The one place that asks for checklist cards to be updated (PUT) after an item changed: requests for a meeting that
/// arrive while one is waiting join it, so a burst of reports costs one round of updates.
/// </summary>
internal sealed class CardRefreshes(BackgroundWorkQueue background)
{
    private readonly ConcurrentDictionary<string, Waiting> _waiting = new(StringComparer.Ordinal);

    public void Request(string meetingId, IEnumerable<string> departments)
    {
        ArgumentNullException.ThrowIfNull(departments);
        var names = departments.ToList();
        while (true)
        {
            var isNew = false;
            var waiting = _waiting.GetOrAdd(meetingId, _ =>
            {
                isNew = true;
                return new Waiting();
            });
            lock (waiting)
            {
                if (waiting.Taken)
                {
                    // The update already read its list; start another one.
                    continue;
                }

                waiting.Departments.UnionWith(names);
            }

            if (isNew)
            {
                background.Enqueue((services, stopping) =>
                {
                    _waiting.TryRemove(new KeyValuePair<string, Waiting>(meetingId, waiting));
                    List<string> taken;
                    lock (waiting)
                    {
                        waiting.Taken = true;
                        taken = [.. waiting.Departments];
                    }

                    return services.GetRequiredService<ChecklistDelivery>().UpdateCardsAsync(meetingId, taken, null, stopping);
                });
            }

            return;
        }
    }

    private sealed class Waiting
    {
        public HashSet<string> Departments { get; } = new(StringComparer.Ordinal);

        public bool Taken { get; set; }
    }
}
