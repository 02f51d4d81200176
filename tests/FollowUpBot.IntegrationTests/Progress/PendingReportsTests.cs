using System.Globalization;
using System.Text.Json;
using FollowUpBot.Ledger;
using FollowUpBot.Progress;
using FollowUpBot.Storage;
using Microsoft.Extensions.Time.Testing;

namespace FollowUpBot.IntegrationTests.Progress;

/// <summary>
/// The view a report is answered from: the meeting read, with this instance's stored but unprojected records laid over
/// it. Views are built on the previous view while the read stays the same, so they must equal a replay of every
/// waiting record at each step, whatever else happened in between (a projection, an expired entry).
/// </summary>
public sealed class PendingReportsTests
{
    private const string Department = "市发展改革委";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public void EachViewEqualsTheReadWithEveryWaitingRecordReplayed()
    {
        var pending = new PendingReports(_time);
        var read = Meeting();
        var waiting = new List<StoredProgress>();
        for (var k = 1; k <= 40; k++)
        {
            var stored = Stored(k, itemId: k % 3 == 0 ? "i2" : "i1", status: k % 7 == 0 ? ProgressStatus.Blocked : ProgressStatus.InProgress);
            pending.Add(stored);
            waiting.Add(stored);
            // Reports arrive out of name order too: a later activity time may be stored first.
            Assert.Equal(Json(Replay(read, waiting)), Json(pending.View(read)));
        }

        Assert.Equal(40, pending.View(read).Items.Sum(i => i.FindDepartment(Department)!.Reports));
    }

    [Fact]
    public void AProjectedRecordLeavesTheViewAndANewReadStartsAfresh()
    {
        var pending = new PendingReports(_time);
        var read = Meeting();
        var first = Enumerable.Range(1, 10).Select(k => Stored(k)).ToList();
        first.ForEach(pending.Add);
        Assert.Equal(10, pending.View(read).FindItem("i1")!.FindDepartment(Department)!.Reports);

        // The projector wrote the first six: the new read shows them, the view adds only the four still waiting.
        var projected = Replay(read, first.Take(6));
        Assert.Equal(Json(Replay(read, first)), Json(pending.View(projected)));
        Assert.Equal(10, pending.View(projected).FindItem("i1")!.FindDepartment(Department)!.Reports);

        var more = Stored(11);
        pending.Add(more);
        Assert.Equal(Json(Replay(read, [.. first, more])), Json(pending.View(projected)));

        // The old read again (another request still holds it) must not reuse the newer read's view wrongly.
        Assert.Equal(Json(Replay(read, [.. first.Skip(6), more])), Json(pending.View(read)));
    }

    [Fact]
    public void EntriesOlderThanAMinuteLeaveTheView()
    {
        var pending = new PendingReports(_time);
        var read = Meeting();
        pending.Add(Stored(1));
        Assert.Equal(1, pending.View(read).FindItem("i1")!.FindDepartment(Department)!.Reports);

        _time.Advance(TimeSpan.FromSeconds(61));
        pending.Add(Stored(2));
        var view = pending.View(read);
        Assert.Equal(Json(Replay(read, [Stored(2)])), Json(view));
    }

    private static MeetingDocument Replay(MeetingDocument read, IEnumerable<StoredProgress> records) =>
        records.OrderBy(r => r.Key, StringComparer.Ordinal).Aggregate(read, (meeting, r) => MeetingProjection.Apply(meeting, r.Key, r.Record));

    /// <summary>The state as JSON; the applied update ids are a set (their list order is the order records arrived in).</summary>
    private static string Json(MeetingDocument meeting) => JsonSerializer.Serialize(
        meeting with { Items = [.. meeting.Items.Select(i => i with { Applied = [.. i.Applied.Order(StringComparer.Ordinal)] })] },
        LedgerJsonContext.Default.MeetingDocument);

    private StoredProgress Stored(int k, string itemId = "i1", ProgressStatus status = ProgressStatus.InProgress)
    {
        var activityId = string.Create(CultureInfo.InvariantCulture, $"a-{k:D3}");
        var record = new ProgressRecord
        {
            MeetingId = "m1",
            ItemId = itemId,
            Kind = ProgressKind.Progress,
            Department = Department,
            By = new Person("00000000-0000-4000-8000-0000000000c1", "联络员"),
            // Every fifth report carries an earlier activity time than the one before it.
            At = _time.GetUtcNow().AddSeconds(k % 5 == 0 ? -k : k),
            Status = status,
            Percent = k,
            Note = string.Create(CultureInfo.InvariantCulture, $"第{k}次"),
            ConversationId = "a:personal",
            ActivityId = activityId,
        };
        var name = BlobNames.Progress(record.MeetingId, record.ItemId, record.At, BlobNames.UpdateId(record.ConversationId, record.ActivityId));
        return new StoredProgress(name, record, AlreadyStored: false, StoredAt: null);
    }

    private static MeetingDocument Meeting() => MeetingProjection.Normalize(new MeetingDocument
    {
        Id = "m1",
        Title = "推进会",
        State = MeetingState.Published,
        Items =
        [
            new MeetingItem { Id = "i1", Number = 1, Task = "第一项", Lead = [Department], Support = ["市财政局"] },
            new MeetingItem { Id = "i2", Number = 2, Task = "第二项", Lead = [Department], Support = [] },
        ],
    });
}
