using System.Collections.Concurrent;
using System.Globalization;
using FollowUpBot.Ledger;
using FollowUpBot.Storage;
using FollowUpBot.Summaries;
using Microsoft.Extensions.Logging.Abstractions;

namespace FollowUpBot.Tests.Storage;

/// <summary>The ledger's guarantees, run on each backend (<see cref="LocalLedgerTests"/>, <see cref="AzureLedgerTests"/>).</summary>
public abstract class LedgerContract
{
    internal static readonly Person Organiser = new("00000000-0000-0000-0000-0000000000aa", "督办员");
    internal static readonly Person Contact = new("00000000-0000-0000-0000-0000000000bb", "联系人");
    internal static readonly DateTimeOffset T0 = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);

    /// <summary>A factory of stores on a new, empty location: each call opens another instance on the same data.</summary>
    internal abstract Func<IBlobStore> NewBackend();

    /// <summary>How many records the racing writers store: the local backend, for one machine, is held to fewer.</summary>
    internal virtual int ConcurrentRecords => 2000;

    /// <summary>Lets the storage's clock move on, so blobs written after are that much younger.</summary>
    internal virtual Task LetStorageTimePassAsync(TimeSpan span) => Task.Delay(span);

    /// <summary>A lease duration the backend accepts (Azure: 15-60 s).</summary>
    internal abstract TimeSpan LeaseDuration { get; }

    internal static MeetingLedger Ledger(IBlobStore store, TimeSpan? compactionGrace = null) =>
        new(store, TimeProvider.System, NullLogger<MeetingLedger>.Instance) { CompactionGrace = compactionGrace ?? TimeSpan.FromMinutes(5) };

    internal static MeetingDocument Meeting(string id, int items = 3) => new()
    {
        Id = id,
        Title = "专题会议",
        State = MeetingState.Published,
        Organiser = Organiser,
        TimeZone = "Asia/Shanghai",
        Items = [.. Enumerable.Range(1, items).Select(n => new MeetingItem
        {
            Id = $"i{n}",
            Number = n,
            Task = $"任务 {n}",
            Lead = n % 2 == 0 ? ["宣传部", "发改委"] : ["宣传部"],
            Support = ["财政局"],
            Due = new DateOnly(2026, 12, 31),
            DeadlineText = "年底前",
        })],
    };

    internal static ProgressRecord Report(string meetingId, string itemId, string department, ProgressStatus? status, DateTimeOffset at, string activityId, ProgressKind kind = ProgressKind.Progress, int? percent = null, DateOnly? due = null) => new()
    {
        MeetingId = meetingId,
        ItemId = itemId,
        Kind = kind,
        Department = department,
        By = kind is ProgressKind.ExtensionApproval or ProgressKind.ExtensionRejection or ProgressKind.CompletionApproval or ProgressKind.CompletionRejection ? Organiser : Contact,
        At = at,
        Status = status,
        Percent = percent,
        Note = $"note {activityId}",
        Due = due,
        ConversationId = "a:conversation-1",
        ActivityId = activityId,
    };

    [Fact]
    public async Task ACreatedMeetingReadsBackWithEveryDepartmentNotStarted()
    {
        var ledger = Ledger(NewBackend()());

        await ledger.CreateMeetingAsync(Meeting("m1"), "会议全文");
        var meeting = await ledger.GetMeetingAsync("m1");

        Assert.NotNull(meeting);
        Assert.Equal(3, meeting.Document.Items.Count);
        Assert.All(meeting.Document.Items, i => Assert.Equal(ProgressStatus.NotStarted, i.Status));
        Assert.Equal(["宣传部", "发改委", "财政局"], meeting.Document.FindItem("i2")!.Departments.Select(d => d.Department));
        Assert.Equal("会议全文", await ledger.GetSourceTextAsync("m1"));
    }

    [Fact]
    public async Task StoredDocumentsAreSchemaOneCamelCaseJsonWithStatusesAsWords()
    {
        var backend = NewBackend();
        var ledger = Ledger(backend());
        await ledger.CreateMeetingAsync(Meeting("m1"), "原文");
        var appended = await ledger.AppendProgressAsync(Report("m1", "i1", "宣传部", ProgressStatus.Blocked, T0, "a1", percent: 10));

        var meeting = System.Text.Json.Nodes.JsonNode.Parse((await backend().GetAsync(BlobNames.Meeting("m1")))!.Content.ToString())!;
        var record = System.Text.Json.Nodes.JsonNode.Parse((await backend().GetAsync(appended.RecordName))!.Content.ToString())!;

        Assert.Equal(1, (int)meeting["schema"]!);
        var item = meeting["items"]![0]!;
        Assert.Equal("blocked", (string)item["departments"]![0]!["status"]!);
        Assert.Equal("notStarted", (string)item["departments"]![1]!["status"]!);
        Assert.Equal("blocked", (string)item["status"]!);
        Assert.Equal("2026-12-31", (string)item["due"]!);
        Assert.Equal(1, (int)record["schema"]!);
        Assert.Equal("progress", (string)record["kind"]!);
        Assert.Equal("a1", (string)record["activityId"]!);
        Assert.Matches(@"^meetings/m1/progress/i1/20261126T010000000Z-[0-9a-f]{24}\.json$", appended.RecordName);
    }

    [Fact]
    public async Task TheSourceTextCannotBeReplacedAndAMeetingCannotBeCreatedTwice()
    {
        var ledger = Ledger(NewBackend()());
        await ledger.CreateMeetingAsync(Meeting("m1"), "原文");

        await Assert.ThrowsAsync<BlobConflictException>(() => ledger.CreateMeetingAsync(Meeting("m1"), "原文"));
        await Assert.ThrowsAsync<LedgerException>(() => ledger.CreateMeetingAsync(Meeting("m1"), "改过的原文"));

        Assert.Equal("原文", await ledger.GetSourceTextAsync("m1"));
    }

    [Fact]
    public async Task AnItemShowsTheLeastAdvancedOfItsLeadDepartments()
    {
        var ledger = Ledger(NewBackend()());
        await ledger.CreateMeetingAsync(Meeting("m1"), "原文");

        var afterOne = await ledger.AppendProgressAsync(Report("m1", "i2", "宣传部", ProgressStatus.InProgress, T0, "a1", percent: 50));
        Assert.Equal(ProgressStatus.NotStarted, afterOne.Meeting.Document.FindItem("i2")!.Status);

        await ledger.AppendProgressAsync(Report("m1", "i2", "财政局", ProgressStatus.Blocked, T0.AddMinutes(1), "a2"));
        await ledger.AppendProgressAsync(Report("m1", "i2", "发改委", ProgressStatus.InProgress, T0.AddMinutes(2), "a3"));
        var item = (await ledger.GetMeetingAsync("m1"))!.Document.FindItem("i2")!;

        Assert.Equal(ProgressStatus.InProgress, item.Status);
        Assert.Equal(50, item.FindDepartment("宣传部")!.Percent);
        Assert.Equal(ProgressStatus.Blocked, item.FindDepartment("财政局")!.Status);
    }

    [Fact]
    public async Task ARetriedActivityIsStoredOnceAndCountedOnce()
    {
        var backend = NewBackend();
        var ledger = Ledger(backend());
        await ledger.CreateMeetingAsync(Meeting("m1"), "原文");
        var report = Report("m1", "i1", "宣传部", ProgressStatus.InProgress, T0, "activity-1");

        var first = await ledger.AppendProgressAsync(report);
        var again = await Ledger(backend()).AppendProgressAsync(report);

        Assert.False(first.AlreadyStored);
        Assert.True(again.AlreadyStored);
        Assert.Equal(first.RecordName, again.RecordName);
        var stored = await ListAsync(backend(), BlobNames.ProgressPrefix("m1"));
        Assert.Equal([first.RecordName], stored);
        var item = again.Meeting.Document.FindItem("i1")!;
        Assert.Single(item.Applied);
        Assert.Equal(1, item.FindDepartment("宣传部")!.Reports);
    }

    [Fact]
    public async Task ADifferentRecordForTheSameActivityIsRefused()
    {
        var ledger = Ledger(NewBackend()());
        await ledger.CreateMeetingAsync(Meeting("m1"), "原文");
        await ledger.AppendProgressAsync(Report("m1", "i1", "宣传部", ProgressStatus.InProgress, T0, "activity-1"));

        await Assert.ThrowsAsync<LedgerException>(() =>
            ledger.AppendProgressAsync(Report("m1", "i1", "宣传部", ProgressStatus.Blocked, T0, "activity-1")));

        Assert.Equal(ProgressStatus.InProgress, (await ledger.GetMeetingAsync("m1"))!.Document.FindItem("i1")!.FindDepartment("宣传部")!.Status);
    }

    [Fact]
    public async Task AReportForAnUnknownItemOrDepartmentIsRefusedAndNotStored()
    {
        var backend = NewBackend();
        var ledger = Ledger(backend());
        await ledger.CreateMeetingAsync(Meeting("m1"), "原文");

        await Assert.ThrowsAsync<LedgerException>(() => ledger.AppendProgressAsync(Report("m1", "i9", "宣传部", ProgressStatus.InProgress, T0, "a1")));
        await Assert.ThrowsAsync<LedgerException>(() => ledger.AppendProgressAsync(Report("m1", "i1", "发改委", ProgressStatus.InProgress, T0, "a2")));
        await Assert.ThrowsAsync<LedgerException>(() => ledger.AppendProgressAsync(Report("m9", "i1", "宣传部", ProgressStatus.InProgress, T0, "a3")));

        Assert.Empty(await ListAsync(backend(), "meetings/m1/progress/"));
    }

    [Fact]
    public async Task TheLaterReportWinsWhicheverArrivesFirst()
    {
        var ledger = Ledger(NewBackend()());
        await ledger.CreateMeetingAsync(Meeting("m1"), "原文");

        await ledger.AppendProgressAsync(Report("m1", "i1", "宣传部", ProgressStatus.Blocked, T0.AddMinutes(5), "later"));
        var result = await ledger.AppendProgressAsync(Report("m1", "i1", "宣传部", ProgressStatus.InProgress, T0, "earlier"));

        var department = result.Meeting.Document.FindItem("i1")!.FindDepartment("宣传部")!;
        Assert.Equal(ProgressStatus.Blocked, department.Status);
        Assert.Equal("note later", department.Note);
        Assert.Equal(2, department.Reports);
    }

    [Fact]
    public async Task AnOrganisersApprovalWithoutDepartmentClosesTheItemForGood()
    {
        var ledger = Ledger(NewBackend()());
        await ledger.CreateMeetingAsync(Meeting("m1"), "原文");
        await ledger.AppendProgressAsync(Report("m1", "i2", "宣传部", null, T0, "c1", ProgressKind.CompletionRequest));
        await ledger.AppendProgressAsync(Report("m1", "i2", "宣传部", ProgressStatus.InProgress, T0.AddMinutes(1), "p1"));
        var approval = Report("m1", "i2", "宣传部", null, T0.AddMinutes(2), "ok", ProgressKind.CompletionApproval) with { Department = null };

        await ledger.AppendProgressAsync(approval);
        var late = await ledger.AppendProgressAsync(Report("m1", "i2", "发改委", ProgressStatus.InProgress, T0.AddMinutes(3), "p2"));

        var item = late.Meeting.Document.FindItem("i2")!;
        Assert.Equal(ProgressStatus.Closed, item.Status);
        Assert.All(item.Departments, d => Assert.Equal(ProgressStatus.Closed, d.Status));
    }

    [Fact]
    public async Task AnExtensionMovesTheDueDateOnlyWhenApproved()
    {
        var ledger = Ledger(NewBackend()());
        await ledger.CreateMeetingAsync(Meeting("m1"), "原文");
        var asked = new DateOnly(2027, 3, 31);

        var requested = await ledger.AppendProgressAsync(Report("m1", "i1", "宣传部", null, T0, "x1", ProgressKind.ExtensionRequest, due: asked));
        var item = requested.Meeting.Document.FindItem("i1")!;
        Assert.Equal(new DateOnly(2026, 12, 31), item.CurrentDue);
        Assert.Equal(ExtensionOutcome.Pending, item.FindDepartment("宣传部")!.Extension!.Outcome);

        var approved = await ledger.AppendProgressAsync(Report("m1", "i1", "宣传部", null, T0.AddHours(1), "x2", ProgressKind.ExtensionApproval, due: asked));
        item = approved.Meeting.Document.FindItem("i1")!;
        Assert.Equal(asked, item.CurrentDue);
        Assert.Equal(new DateOnly(2026, 12, 31), item.Due);
        Assert.Equal(ExtensionOutcome.Approved, item.FindDepartment("宣传部")!.Extension!.Outcome);
    }

    [Fact]
    public async Task TheReconcilerAppliesARecordTheProjectionMissedExactlyOnce()
    {
        var backend = NewBackend();
        var ledger = Ledger(backend());
        await ledger.CreateMeetingAsync(Meeting("m1"), "原文");
        // As if the process stopped after storing the record and before writing meeting.json.
        var orphan = Report("m1", "i1", "宣传部", ProgressStatus.Blocked, T0, "crashed");
        var name = BlobNames.Progress("m1", "i1", orphan.At, BlobNames.UpdateId(orphan.ConversationId, orphan.ActivityId));
        await backend().PutDocumentAsync(name, orphan, LedgerJsonContext.Default.ProgressRecord, BlobCondition.CreateOnly);

        var first = await ledger.ReconcileAsync("m1");
        var second = await Ledger(backend()).ReconcileAsync("m1");

        Assert.Equal(1, first.Applied);
        Assert.Equal(0, second.Applied);
        var department = (await ledger.GetMeetingAsync("m1"))!.Document.FindItem("i1")!.FindDepartment("宣传部")!;
        Assert.Equal(ProgressStatus.Blocked, department.Status);
        Assert.Equal(1, department.Reports);
    }

    [Fact]
    public async Task TheReconcilerFoldsOldIdsIntoTheWatermarkAndAnOldActivityDeliveredAgainIsNotCountedAgain()
    {
        var backend = NewBackend();
        var ledger = Ledger(backend(), TimeSpan.FromSeconds(1));
        var initial = (await ledger.CreateMeetingAsync(Meeting("m1"), "原文")).Document;
        var records = Enumerable.Range(0, 9).Select(n => Report("m1", $"i{n % 3 + 1}", "宣传部", ProgressStatus.InProgress, T0.AddMinutes(n), $"r{n}", percent: n * 10)).ToList();
        foreach (var record in records.Skip(1))
        {
            await ledger.AppendProgressAsync(record);
        }

        // One record whose writer stopped before applying it.
        var orphan = records[0];
        var orphanName = BlobNames.Progress("m1", orphan.ItemId, orphan.At, BlobNames.UpdateId(orphan.ConversationId, orphan.ActivityId));
        await backend().PutDocumentAsync(orphanName, orphan, LedgerJsonContext.Default.ProgressRecord, BlobCondition.CreateOnly);
        await LetStorageTimePassAsync(TimeSpan.FromSeconds(2.2));
        await ledger.UpdateMeetingAsync("m1", m => m with { Title = "专题会议（二）" });

        var reconciled = await ledger.ReconcileAsync("m1");
        var compacted = (await ledger.GetMeetingAsync("m1"))!.Document;

        Assert.Equal(1, reconciled.Applied);
        Assert.NotNull(compacted.AppliedBefore);
        Assert.All(compacted.Items, i => Assert.Empty(i.Applied));
        var replay = MeetingProjection.Replay(initial, records.Select(r => (MeetingProjection.KeyOf(BlobNames.Progress("m1", r.ItemId, r.At, BlobNames.UpdateId(r.ConversationId, r.ActivityId))), r)));
        Assert.All(replay.Items, i => Assert.Equal(Canonical(i, withApplied: false), Canonical(compacted.FindItem(i.Id)!, withApplied: false)));

        var again = await ledger.AppendProgressAsync(records[4]);
        var later = await ledger.AppendProgressAsync(Report("m1", "i2", "宣传部", ProgressStatus.Blocked, T0.AddHours(1), "after"));

        Assert.True(again.AlreadyStored);
        Assert.Equal(3, again.Meeting.Document.FindItem("i2")!.FindDepartment("宣传部")!.Reports);
        Assert.Equal(4, later.Meeting.Document.FindItem("i2")!.FindDepartment("宣传部")!.Reports);
        Assert.Single(later.Meeting.Document.FindItem("i2")!.Applied);
        Assert.Equal(0, (await ledger.ReconcileAsync("m1")).Applied);
    }

    [Fact]
    public async Task AnItemsHistoryIsReadOldestFirst()
    {
        var ledger = Ledger(NewBackend()());
        await ledger.CreateMeetingAsync(Meeting("m1"), "原文");
        foreach (var (minutes, id) in new[] { (3, "c"), (1, "a"), (2, "b") })
        {
            await ledger.AppendProgressAsync(Report("m1", "i1", "宣传部", ProgressStatus.InProgress, T0.AddMinutes(minutes), id));
        }

        var history = new List<string>();
        await foreach (var record in ledger.ReadProgressAsync("m1", "i1"))
        {
            history.Add(record.Document.ActivityId);
        }

        Assert.Equal(["a", "b", "c"], history);
    }

    [Fact]
    public async Task RacingMeetingUpdatesAllLand()
    {
        var backend = NewBackend();
        await Ledger(backend()).CreateMeetingAsync(Meeting("m1", items: 12) with { Items = [.. Meeting("m1", 12).Items.Select(i => i with { Number = null })] }, "原文");

        await Task.WhenAll(Enumerable.Range(1, 12).Select(n => Ledger(backend()).UpdateMeetingAsync("m1", m => m with
        {
            Items = [.. m.Items.Select(i => i.Id == $"i{n}" ? i with { Number = n * 10 } : i)],
        })));

        var meeting = (await Ledger(backend()).GetMeetingAsync("m1"))!.Document;
        Assert.Equal(Enumerable.Range(1, 12).Select(n => (int?)(n * 10)), meeting.Items.Select(i => i.Number));
    }

    [Fact]
    public async Task SixtyFourWritersStoreEveryRecordOnceAndTheStateEqualsAReplay()
    {
        const int Writers = 64;
        const int Instances = 8;
        var total = ConcurrentRecords;
        var backend = NewBackend();
        var initial = (await Ledger(backend()).CreateMeetingAsync(Meeting("m1", items: 16), "原文")).Document;
        // A short grace, so that the reconciler racing the writers also folds ids into the watermark.
        var ledgers = Enumerable.Range(0, Instances).Select(_ => Ledger(backend(), TimeSpan.FromSeconds(1))).ToArray();
        var plan = Plan(initial, total, seed: 4);
        var next = -1;
        var replays = 0;
        using var writing = new CancellationTokenSource();
        var reconciles = 0;
        var reconciler = Task.Run(async () =>
        {
            while (!writing.IsCancellationRequested)
            {
                await ledgers[reconciles % Instances].ReconcileAsync("m1");
                reconciles++;
                await Task.Delay(200);
            }
        });

        var started = TimeProvider.System.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                var result = await ledgers[w % Instances].AppendProgressAsync(plan[i]);
                Assert.False(result.AlreadyStored);
                // The meeting returned reflects the record: its id is listed, or (when the reconciler got there
                // first and folded it) the record is under the watermark.
                var shown = result.Meeting.Document;
                Assert.True(
                    shown.FindItem(plan[i].ItemId)!.Applied.Contains(MeetingProjection.UpdateIdOf(MeetingProjection.KeyOf(result.RecordName)))
                    || (await backend().GetAsync(result.RecordName))!.LastModified < shown.AppliedBefore,
                    $"{result.RecordName} is not reflected in the meeting the append returned");
                if (i % 16 == 0)
                {
                    // The same activity delivered again, to another instance.
                    Assert.True((await ledgers[(w + 1) % Instances].AppendProgressAsync(plan[i])).AlreadyStored);
                    Interlocked.Increment(ref replays);
                }
            }
        })));
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        await writing.CancelAsync();
        await reconciler;

        var expected = plan.ToDictionary(
            r => BlobNames.Progress(r.MeetingId, r.ItemId, r.At, BlobNames.UpdateId(r.ConversationId, r.ActivityId)),
            StringComparer.Ordinal);
        var stored = await ListAsync(backend(), BlobNames.ProgressPrefix("m1"));
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), stored);

        // Nothing was left for the reconciler, and every record is either listed as applied or under the watermark.
        var ledger = Ledger(backend());
        Assert.Equal(0, (await ledger.ReconcileAsync("m1")).Applied);
        var actual = (await ledger.GetMeetingAsync("m1"))!.Document;
        await foreach (var entry in backend().ListAsync(BlobNames.ProgressPrefix("m1")))
        {
            var item = actual.FindItem(expected[entry.Name].ItemId)!;
            Assert.True(
                item.Applied.Contains(MeetingProjection.UpdateIdOf(MeetingProjection.KeyOf(entry.Name))) || entry.LastModified < actual.AppliedBefore,
                $"{entry.Name} ({entry.LastModified:O}) is neither applied nor under the watermark {actual.AppliedBefore:O}");
        }

        // The state, counts included (a record applied twice would count twice), equals a replay in name order.
        var replay = MeetingProjection.Replay(initial, expected.Select(e => (MeetingProjection.KeyOf(e.Key), e.Value)));
        foreach (var item in replay.Items)
        {
            Assert.Equal(Canonical(item, withApplied: false), Canonical(actual.FindItem(item.Id)!, withApplied: false));
            Assert.Equal(actual.FindItem(item.Id)!.Applied.Count, actual.FindItem(item.Id)!.Applied.Distinct().Count());
        }

        Assert.Equal(total, replay.Items.Sum(i => i.Applied.Count));
        Console.WriteLine($"ledger concurrency on {GetType().Name}: {total} records + {replays} replays by {Writers} writers on {Instances} instances, {reconciles} reconciler passes, in {elapsed.TotalSeconds:F1} s; ids left in meeting.json: {actual.Items.Sum(i => i.Applied.Count)}");
    }

    [Fact]
    public async Task ACorruptMeetingDocumentGivesAnErrorNamingTheBlob()
    {
        var backend = NewBackend();
        await backend().PutAsync(BlobNames.Meeting("m1"), BinaryData.FromString("{\"schema\":1,\"id\":"), BlobCondition.CreateOnly);

        var error = await Assert.ThrowsAsync<StoredDocumentException>(() => Ledger(backend()).GetMeetingAsync("m1"));

        Assert.Equal("meetings/m1/meeting.json", error.BlobName);
        Assert.Contains("meetings/m1/meeting.json", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"schema\":2,\"id\":\"m1\",\"items\":{\"i1\":{}}}", "schema 2")]
    [InlineData("{\"schema\":2,\"id\":\"m1\"}", "schema 2")]
    [InlineData("{\"id\":\"m1\",\"items\":[]}", "schema")]
    public async Task AMeetingDocumentOfAnUnknownSchemaGivesAnErrorNamingTheBlobAndTheSchema(string json, string expected)
    {
        var backend = NewBackend();
        await backend().PutAsync(BlobNames.Meeting("m1"), BinaryData.FromString(json), BlobCondition.CreateOnly);

        var error = await Assert.ThrowsAsync<StoredDocumentException>(() => Ledger(backend()).GetMeetingAsync("m1"));

        Assert.Equal("meetings/m1/meeting.json", error.BlobName);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReconcilerNamesACorruptRecordAndAppliesTheOthers()
    {
        var backend = NewBackend();
        var ledger = Ledger(backend());
        await ledger.CreateMeetingAsync(Meeting("m1"), "原文");
        var bad = BlobNames.Progress("m1", "i1", T0, "badbadbadbad");
        await backend().PutAsync(bad, BinaryData.FromString("not json"), BlobCondition.CreateOnly);
        var good = Report("m1", "i1", "宣传部", ProgressStatus.InProgress, T0.AddMinutes(1), "good");
        await backend().PutDocumentAsync(BlobNames.Progress("m1", "i1", good.At, BlobNames.UpdateId(good.ConversationId, good.ActivityId)), good, LedgerJsonContext.Default.ProgressRecord, BlobCondition.CreateOnly);

        var result = await ledger.ReconcileAsync("m1");

        Assert.Equal(1, result.Applied);
        Assert.Equal([bad], result.Unreadable);
        var error = await Assert.ThrowsAsync<StoredDocumentException>(async () =>
        {
            await foreach (var record in ledger.ReadProgressAsync("m1", "i1"))
            {
                Assert.NotNull(record);
            }
        });
        Assert.Equal(bad, error.BlobName);
    }

    [Fact]
    public async Task OnlyOneInstanceLeadsAtATimeAndTheOtherTakesOverWhenItStops()
    {
        var backend = NewBackend();
        var running = 0;
        var overlaps = 0;
        var runs = new ConcurrentQueue<int>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));

        await Task.WhenAll(Enumerable.Range(0, 3).Select(n => LeaderLease.RunAsLeaderAsync(
            backend(),
            BlobNames.SchedulerLock,
            LeaseDuration,
            async token =>
            {
                if (Interlocked.Increment(ref running) > 1)
                {
                    Interlocked.Increment(ref overlaps);
                }

                runs.Enqueue(n);
                await Task.Delay(300, token);
                Interlocked.Decrement(ref running);
            },
            TimeProvider.System,
            TimeSpan.FromMilliseconds(100),
            timeout.Token)));

        Assert.Equal(0, overlaps);
        Assert.Equal([0, 1, 2], runs.Order());
    }

    [Fact]
    public async Task ALeaderWhoseLeaseIsTakenIsToldToStop()
    {
        var backend = NewBackend();
        var store = backend();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var leading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var attempts = 0;

        var leader = LeaderLease.RunAsLeaderAsync(
            store,
            "locks/taken",
            LeaseDuration,
            async token =>
            {
                if (Interlocked.Increment(ref attempts) > 1)
                {
                    return;
                }

                leading.SetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, token);
                }
                finally
                {
                    stopped.SetResult();
                }
            },
            TimeProvider.System,
            TimeSpan.FromMilliseconds(200),
            timeout.Token);
        await leading.Task.WaitAsync(timeout.Token);

        // Someone breaks the lease and takes it: the next renewal fails.
        var current = await TakeOverAsync(backend(), "locks/taken", timeout.Token);
        await stopped.Task.WaitAsync(timeout.Token);
        await backend().ReleaseLeaseAsync("locks/taken", current, timeout.Token);
        await leader.WaitAsync(timeout.Token);

        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task AReminderSlotIsClaimedByOneInstanceAndNeverAgainOnceSent()
    {
        var backend = NewBackend();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(T0);
        var marker = new ReminderMarker { TenantId = "tenant:1", RecipientAadId = Contact.AadObjectId, SlotKey = "2026-11-30T09:00+08:00", Items = [new("m1", "i1")] };

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => backend().TryClaimAsync(marker, time)));
        var claim = Assert.Single(claims, c => c is not null)!;
        var sent = await backend().MarkSentAsync(claim, "message-1", time);
        time.Advance(TimeSpan.FromHours(1));

        Assert.Null(await backend().TryClaimAsync(marker, time));
        var stored = await backend().GetDocumentAsync(ReminderMarkers.NameOf(marker), LedgerJsonContext.Default.ReminderMarker);
        Assert.Equal(ReminderMarkerState.Sent, stored!.Document.State);
        Assert.Equal(T0, stored.Document.ClaimedAt);
        Assert.Equal(T0, sent.Document.SentAt);
        Assert.Equal("message-1", stored.Document.MessageId);
    }

    [Fact]
    public async Task AClaimLeftUnsentForTenMinutesIsTakenOverAndTheOldClaimantCannotMarkItSent()
    {
        var backend = NewBackend();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(T0);
        var marker = new ReminderMarker { TenantId = "t1", RecipientAadId = Contact.AadObjectId, SlotKey = "slot-1" };
        var abandoned = await backend().TryClaimAsync(marker, time);
        Assert.NotNull(abandoned);

        time.Advance(TimeSpan.FromMinutes(9));
        Assert.Null(await backend().TryClaimAsync(marker, time));
        time.Advance(TimeSpan.FromMinutes(2));
        var takeover = await backend().TryClaimAsync(marker, time);

        Assert.NotNull(takeover);
        await Assert.ThrowsAsync<BlobConflictException>(() => backend().MarkSentAsync(abandoned, "late", time));
        Assert.Equal(ReminderMarkerState.Sent, (await backend().MarkSentAsync(takeover, "m", time)).Document.State);
    }

    [Fact]
    public async Task TheIndexesFollowPublishReportsAndDecisions()
    {
        var backend = NewBackend();
        var ledger = Ledger(backend());
        await ledger.CreateMeetingAsync(Meeting("m1") with { State = MeetingState.Draft }, "原文");

        Assert.Equal(MeetingState.Draft, Assert.Single(await ledger.Index.MeetingsAsync()).State);
        Assert.Empty(await ledger.Index.OpenItemsAsync(["宣传部"]));

        await ledger.UpdateMeetingAsync("m1", m => m with { State = MeetingState.Published, PublishedAt = T0 });
        var open = await Ledger(backend()).Index.OpenItemsAsync(["宣传部", "发改委"]);
        Assert.Equal(["发改委/i2", "宣传部/i1", "宣传部/i2", "宣传部/i3"], open.Select(o => $"{o.Department}/{o.Entry.ItemId}").Order(StringComparer.Ordinal));

        await ledger.AppendProgressAsync(Report("m1", "i1", "宣传部", null, T0.AddMinutes(1), "a1", ProgressKind.CompletionRequest));
        await ledger.AppendProgressAsync(Report("m1", "i2", "发改委", null, T0.AddMinutes(2), "a2", ProgressKind.ExtensionRequest, due: new DateOnly(2027, 3, 1)));
        var pending = await Ledger(backend()).Index.PendingAsync();
        Assert.Equal(["i1/宣传部/False", "i2/发改委/True"], pending.Select(p => $"{p.ItemId}/{p.Department}/{p.IsExtension}").Order(StringComparer.Ordinal));
        Assert.Equal(ProgressStatus.CompletionRequested, (await ledger.Index.OpenItemsAsync(["宣传部"])).Single(o => o.Entry.ItemId == "i1").Entry.Status);

        await ledger.AppendProgressAsync(Report("m1", "i1", "宣传部", null, T0.AddMinutes(3), "a3", ProgressKind.CompletionApproval));
        await ledger.AppendProgressAsync(Report("m1", "i2", "发改委", null, T0.AddMinutes(4), "a4", ProgressKind.ExtensionApproval, due: new DateOnly(2027, 3, 1)));

        Assert.Empty(await ledger.Index.PendingAsync());
        Assert.DoesNotContain(await ledger.Index.OpenItemsAsync(["宣传部"]), o => o.Entry.ItemId == "i1");
        Assert.Equal(new DateOnly(2027, 3, 1), (await ledger.Index.OpenItemsAsync(["发改委"])).Single().Entry.Due);
    }

    [Fact]
    public async Task TheMeetingsIndexCarriesTheTotalsTheOverviewCountsFromOnAnyDay()
    {
        var backend = NewBackend();
        var ledger = Ledger(backend());
        var start = new DateOnly(2026, 12, 1);
        foreach (var id in (string[])["m1", "m2"])
        {
            var meeting = Meeting(id, items: 6);
            meeting = meeting with { Items = [.. meeting.Items.Select((i, k) => i with { Due = k == 5 ? null : start.AddDays(2 * k) })] };
            await ledger.CreateMeetingAsync(meeting, "原文");
        }

        await ledger.AppendProgressAsync(Report("m1", "i1", "宣传部", null, T0.AddMinutes(1), "c1", ProgressKind.CompletionApproval));
        await ledger.AppendProgressAsync(Report("m1", "i2", "发改委", null, T0.AddMinutes(2), "e1", ProgressKind.ExtensionApproval, due: start.AddDays(30)));
        await ledger.AppendProgressAsync(Report("m2", "i4", "宣传部", ProgressStatus.Blocked, T0.AddMinutes(3), "b1"));
        await ledger.AppendProgressAsync(Report("m2", "i3", "宣传部", null, T0.AddMinutes(4), "c2", ProgressKind.CompletionApproval));

        async Task CountsMatchAsync()
        {
            var entries = await Ledger(backend()).Index.MeetingsAsync();
            Assert.Equal(2, entries.Count);
            foreach (var entry in entries)
            {
                var meeting = (await ledger.GetMeetingAsync(entry.Id))!.Document;
                Assert.NotNull(entry.Totals);
                for (var day = start.AddDays(-3); day <= start.AddDays(35); day = day.AddDays(1))
                {
                    var full = MeetingSummaries.Summarise(meeting, day);
                    var fromIndex = MeetingSummaries.FromTotals(entry, entry.Totals, day);
                    Assert.Equal((full.Total, full.Closed, full.Open, full.Overdue, full.DueSoon), (fromIndex.Total, fromIndex.Closed, fromIndex.Open, fromIndex.Overdue, fromIndex.DueSoon));
                }
            }
        }

        await CountsMatchAsync();

        // A report that keeps the counts leaves the meetings index alone (totals compare by value).
        var before = (await backend().GetAsync(BlobNames.MeetingsIndex))!.ETag;
        await ledger.AppendProgressAsync(Report("m2", "i4", "宣传部", ProgressStatus.Blocked, T0.AddMinutes(5), "b2", percent: 40));
        Assert.Equal(before, (await backend().GetAsync(BlobNames.MeetingsIndex))!.ETag);

        // The reconciler's rebuild gives the same totals.
        var stored = await Ledger(backend()).Index.MeetingsAsync();
        await backend().DeleteAsync(BlobNames.MeetingsIndex);
        await ledger.Index.RebuildAsync([(await ledger.GetMeetingAsync("m1"))!.Document, (await ledger.GetMeetingAsync("m2"))!.Document]);
        Assert.Equal(stored.Select(e => e.Totals), (await Ledger(backend()).Index.MeetingsAsync()).Select(e => e.Totals));
        await CountsMatchAsync();
    }

    [Fact]
    public async Task AStoredRecordReachesTheMeetingOnlyWhenAppliedAndOnlyOnce()
    {
        var backend = NewBackend();
        var ledger = Ledger(backend());
        var initial = (await ledger.CreateMeetingAsync(Meeting("m1"), "原文")).Document;
        var report = Report("m1", "i1", "宣传部", ProgressStatus.Blocked, T0, "a1");

        var stored = await ledger.StoreProgressAsync(report, initial);
        var again = await Ledger(backend()).StoreProgressAsync(report, initial);

        Assert.False(stored.AlreadyStored);
        Assert.True(again.AlreadyStored);
        Assert.Equal(initial.Items.Select(i => Canonical(i)), (await ledger.GetMeetingAsync("m1"))!.Document.Items.Select(i => Canonical(i)));

        var first = await ledger.ApplyStoredAsync("m1", [stored, again]);
        var second = await Ledger(backend()).ApplyStoredAsync("m1", [again]);
        var replay = MeetingProjection.Replay(initial, [(stored.Key, report)]);

        Assert.Equal(1, first.Applied);
        Assert.Equal(0, second.Applied);
        Assert.Equal(replay.Items.Select(i => Canonical(i)), (await ledger.GetMeetingAsync("m1"))!.Document.Items.Select(i => Canonical(i)));
        await Assert.ThrowsAsync<LedgerException>(() => ledger.StoreProgressAsync(report with { ItemId = "i9", ActivityId = "a9" }, initial));
    }

    /// <summary>Breaks whatever lease is on the blob and takes a new one (an operator's "break lease").</summary>
    internal abstract Task<string> TakeOverAsync(IBlobStore store, string name, CancellationToken cancellationToken);

    internal static async Task<List<string>> ListAsync(IBlobStore store, string prefix)
    {
        var names = new List<string>();
        await foreach (var entry in store.ListAsync(prefix))
        {
            names.Add(entry.Name);
        }

        return names;
    }

    /// <summary>An item's state with its applied ids sorted (their order is arrival order, which races decide).</summary>
    internal static string Canonical(MeetingItem item, bool withApplied = true) =>
        System.Text.Json.JsonSerializer.Serialize(
            new MeetingDocument { Id = "x", Items = [item with { Applied = withApplied ? [.. item.Applied.Order(StringComparer.Ordinal)] : [] }] },
            LedgerJsonContext.Default.MeetingDocument);

    /// <summary>A deterministic mix of reports and decisions over the meeting's items, with times out of order.</summary>
    internal static List<ProgressRecord> Plan(MeetingDocument meeting, int count, int seed)
    {
        var random = new Random(seed);
        var statuses = new[] { ProgressStatus.InProgress, ProgressStatus.Blocked, ProgressStatus.NotStarted };
        var plan = new List<ProgressRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var item = meeting.Items[random.Next(meeting.Items.Count)];
            var departments = item.Lead.Concat(item.Support).ToList();
            var department = departments[random.Next(departments.Count)];
            var at = T0.AddMilliseconds(random.Next(0, 3_600_000));
            var activity = $"act-{seed}-{i}";
            var roll = random.Next(100);
            var record = roll switch
            {
                < 70 => Report(meeting.Id, item.Id, department, statuses[random.Next(statuses.Length)], at, activity, percent: random.Next(0, 101)),
                < 78 => Report(meeting.Id, item.Id, department, null, at, activity, ProgressKind.CompletionRequest),
                < 84 => Report(meeting.Id, item.Id, department, null, at, activity, ProgressKind.CompletionRejection),
                < 90 => Report(meeting.Id, item.Id, department, null, at, activity, ProgressKind.ExtensionRequest, due: new DateOnly(2027, 1, 1).AddDays(random.Next(90))),
                < 94 => Report(meeting.Id, item.Id, department, null, at, activity, ProgressKind.ExtensionApproval, due: new DateOnly(2027, 1, 1).AddDays(random.Next(90))),
                < 98 => Report(meeting.Id, item.Id, department, null, at, activity, ProgressKind.ExtensionRejection),
                _ => Report(meeting.Id, item.Id, department, null, at, activity, ProgressKind.CompletionApproval),
            };
            plan.Add(record with { ConversationId = $"a:conv-{i % 7}" });
        }

        return plan;
    }
}

public sealed class LocalLedgerTests : LedgerContract, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "followup-tests", Guid.NewGuid().ToString("N"));

    internal override TimeSpan LeaseDuration => TimeSpan.FromSeconds(3);

    private readonly ShiftedClock _clock = new();

    internal override int ConcurrentRecords => 500;

    internal override Func<IBlobStore> NewBackend()
    {
        var folder = Path.Combine(_root, Guid.NewGuid().ToString("N"));
        return () => new LocalBlobStore(folder, _clock);
    }

    internal override Task LetStorageTimePassAsync(TimeSpan span)
    {
        _clock.Shift(span);
        return Task.CompletedTask;
    }

    internal override async Task<string> TakeOverAsync(IBlobStore store, string name, CancellationToken cancellationToken)
    {
        // The local backend's "break": the lease file goes, so the holder's renewal finds no lease of its own.
        var local = (LocalBlobStore)store;
        foreach (var lease in Directory.EnumerateFiles(Path.Combine(local.RootPath, ".locks"), "*.lease"))
        {
            File.Delete(lease);
        }

        return await store.TryAcquireLeaseAsync(name, LeaseDuration, cancellationToken) ?? throw new InvalidOperationException("No lease after breaking it.");
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}

[Trait("Category", "Integration")]
public sealed class AzureLedgerTests(AzuriteFixture azurite) : LedgerContract, IClassFixture<AzuriteFixture>
{
    internal override TimeSpan LeaseDuration => TimeSpan.FromSeconds(15);

    internal override Func<IBlobStore> NewBackend() => azurite.NewContainer();

    internal override async Task<string> TakeOverAsync(IBlobStore store, string name, CancellationToken cancellationToken)
    {
        var blob = azurite.Container(store).GetBlobClient(name);
        await Azure.Storage.Blobs.Specialized.SpecializedBlobExtensions.GetBlobLeaseClient(blob).BreakAsync(TimeSpan.Zero, cancellationToken: cancellationToken);
        return await store.TryAcquireLeaseAsync(name, LeaseDuration, cancellationToken) ?? throw new InvalidOperationException("No lease after breaking it.");
    }
}

/// <summary>The system clock, moved on by hand: real time still passes, but a test need not wait for it.</summary>
internal sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public void Shift(TimeSpan span) => Interlocked.Add(ref _offsetTicks, span.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));
}
