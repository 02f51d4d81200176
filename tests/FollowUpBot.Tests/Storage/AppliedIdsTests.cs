using System.Globalization;
using System.Text.Json;
using FollowUpBot.Ledger;
using FollowUpBot.Storage;

namespace FollowUpBot.Tests.Storage;

/// <summary>The set of update ids an item has applied: set semantics, sharing, JSON, and the projection built on it.</summary>
public sealed class AppliedIdsTests
{
    private static readonly Person Contact = new("00000000-0000-0000-0000-0000000000bb", "联系人");
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AnIdIsHeldOnceAndAddingItAgainReturnsTheSameSet()
    {
        var one = AppliedIds.Empty.Add("b").Add("a");
        var again = one.Add("a");

        Assert.Same(one, again);
        Assert.Equal(2, one.Count);
        Assert.True(one.Contains("a"));
        Assert.False(one.Contains("A"));
        Assert.Equal(["a", "b"], [.. one]);
    }

    [Fact]
    public void AddingToASetLeavesItAndItsOtherBranchesAsTheyWere()
    {
        var shared = AppliedIds.Empty.Add("x");
        var left = shared.Add("l");
        var right = shared.Add("r");

        Assert.Equal(["x"], [.. shared]);
        Assert.Equal(["l", "x"], [.. left]);
        Assert.Equal(["r", "x"], [.. right]);
        Assert.False(left.Contains("r"));
    }

    [Fact]
    public void ItIsWrittenAsASortedArrayAndReadFromAnyOrderWithDuplicatesOnce()
    {
        AppliedIds ids = ["c", "a", "b", "a"];
        Assert.Equal(3, ids.Count);

        var item = new MeetingItem { Id = "i1", Task = "任务", Applied = ids };
        var json = JsonSerializer.Serialize(item, LedgerJsonContext.Default.MeetingItem);
        Assert.Contains("\"applied\":[\"a\",\"b\",\"c\"]", json, StringComparison.Ordinal);

        var read = JsonSerializer.Deserialize("""{"id":"i1","task":"任务","applied":["z","y","z"]}""", LedgerJsonContext.Default.MeetingItem)!;
        Assert.Equal(["y", "z"], [.. read.Applied]);
        Assert.Empty(JsonSerializer.Deserialize("""{"id":"i1","task":"任务"}""", LedgerJsonContext.Default.MeetingItem)!.Applied);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"id":"i1","task":"任务","applied":[1]}""", LedgerJsonContext.Default.MeetingItem));
    }

    [Fact]
    public void WhereKeepsTheSameSetWhenNothingGoes()
    {
        AppliedIds ids = ["a", "b", "c"];

        Assert.Same(ids, ids.Where(_ => true));
        Assert.Equal(["a", "c"], [.. ids.Where(id => id != "b")]);
        Assert.Empty(ids.Where(_ => false));
    }

    [Fact]
    public void ARecordAppliedTwiceOrRedeliveredCountsOnce()
    {
        var meeting = Meeting();
        var (key, record) = Report(1, ProgressStatus.InProgress);

        var once = MeetingProjection.Apply(meeting, key, record);
        var twice = MeetingProjection.Apply(once, key, record);

        Assert.Same(once, twice);
        Assert.Equal(1, once.FindItem("i1")!.FindDepartment("发改委")!.Reports);
        Assert.Single(once.FindItem("i1")!.Applied);
        Assert.Same(meeting.FindItem("i2"), once.FindItem("i2"));
    }

    [Fact]
    public void ApplyingInAnyOrderWithRepeatsEqualsTheReplayAndSurvivesJson()
    {
        var meeting = Meeting();
        var records = Enumerable.Range(1, 300)
            .Select(n => Report(n, n % 7 == 0 ? ProgressStatus.Blocked : ProgressStatus.InProgress, item: n % 3 == 0 ? "i2" : "i1"))
            .ToList();
        var shuffled = records.OrderBy(r => (r.Key.GetHashCode(StringComparison.Ordinal) * 31) ^ 0x5bd1e995).ToList();

        var projected = meeting;
        foreach (var (key, record) in shuffled.Concat(shuffled.Take(50)))
        {
            projected = MeetingProjection.Apply(projected, key, record);
        }

        // Halfway through, the projection is written and read back, as the projector's batches are.
        var roundTripped = JsonSerializer.Deserialize(JsonSerializer.Serialize(projected, LedgerJsonContext.Default.MeetingDocument), LedgerJsonContext.Default.MeetingDocument)!;
        foreach (var (key, record) in records)
        {
            roundTripped = MeetingProjection.Apply(roundTripped, key, record);
        }

        var replay = MeetingProjection.Replay(meeting, records);
        Assert.Equal(Json(replay), Json(projected));
        Assert.Equal(Json(replay), Json(roundTripped));
        Assert.Equal(200, replay.FindItem("i1")!.Applied.Count);
        Assert.Equal(200, replay.FindItem("i1")!.FindDepartment("发改委")!.Reports);
    }

    private static string Json(MeetingDocument meeting) => JsonSerializer.Serialize(meeting, LedgerJsonContext.Default.MeetingDocument);

    private static MeetingDocument Meeting() => MeetingProjection.Normalize(new MeetingDocument
    {
        Id = "m1",
        Title = "推进会",
        Items =
        [
            new MeetingItem { Id = "i1", Number = 1, Task = "第一项", Lead = ["发改委"] },
            new MeetingItem { Id = "i2", Number = 2, Task = "第二项", Lead = ["发改委"], Support = ["财政局"] },
        ],
    });

    private static (string Key, ProgressRecord Record) Report(int n, ProgressStatus status, string item = "i1")
    {
        var at = T0.AddSeconds(n);
        var activity = string.Create(CultureInfo.InvariantCulture, $"a{n}");
        var record = new ProgressRecord
        {
            MeetingId = "m1",
            ItemId = item,
            Kind = ProgressKind.Progress,
            Department = "发改委",
            By = Contact,
            At = at,
            Status = status,
            Percent = n % 100,
            Note = string.Create(CultureInfo.InvariantCulture, $"第{n}次"),
            ConversationId = "c1",
            ActivityId = activity,
        };
        return (string.Create(CultureInfo.InvariantCulture, $"{at:yyyyMMdd'T'HHmmssfff'Z'}-{BlobNames.UpdateId("c1", activity)}"), record);
    }
}
