using System.Collections.Concurrent;
using FollowUpBot.Ledger;
using FollowUpBot.Storage;
using FollowUpBot.Testing;

namespace FollowUpBot.Tests.Storage;

/// <summary>The storage service goes away in the middle of a burst of reports and comes back (same data, same port).</summary>
[Trait("Category", "Integration")]
public sealed class AzuriteRestartTests
{
    [Fact]
    public async Task EveryWriteDuringARestartSucceedsOrFailsVisiblyAndNothingAcknowledgedIsLost()
    {
        const int Total = 1500;
        await using var azurite = await Azurite.StartAsync();
        var options = new StorageOptions
        {
            ConnectionString = azurite.ConnectionString,
            Container = "restart",
            NetworkTimeout = TimeSpan.FromSeconds(2),
            MaxRetries = 2,
        };
        Func<IBlobStore> backend = () => AzureBlobStore.Create(options);
        var initial = (await LedgerContract.Ledger(backend()).CreateMeetingAsync(LedgerContract.Meeting("m1", items: 16), "原文")).Document;
        var ledgers = Enumerable.Range(0, 4).Select(_ => LedgerContract.Ledger(backend())).ToArray();
        var plan = LedgerContract.Plan(initial, Total, seed: 9);
        var acknowledged = new ConcurrentBag<(ProgressRecord Record, ProgressAppendResult Result)>();
        var failed = new ConcurrentBag<(ProgressRecord Record, Exception Error)>();
        var acknowledgedBeforeStop = 0;
        var acknowledgedBeforeRestart = 0;
        var next = -1;
        var stopTook = TimeSpan.Zero;
        var failedBeforeRestart = 0;
        var started = TimeProvider.System.GetTimestamp();

        var writers = Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Total)
            {
                try
                {
                    acknowledged.Add((plan[i], await ledgers[w % ledgers.Length].AppendProgressAsync(plan[i])));
                }
#pragma warning disable CA1031 // The test records every failure the caller sees.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failed.Add((plan[i], e));
                }
            }
        })).ToList();
        var outage = Task.Run(async () =>
        {
            while (acknowledged.Count < 200 && writers.Any(t => !t.IsCompleted))
            {
                await Task.Delay(5);
            }

            acknowledgedBeforeStop = acknowledged.Count;
            var stopping = TimeProvider.System.GetTimestamp();
            await azurite.StopAsync();
            stopTook = TimeProvider.System.GetElapsedTime(stopping);
            await Task.Delay(TimeSpan.FromSeconds(3));
            acknowledgedBeforeRestart = acknowledged.Count;
            failedBeforeRestart = failed.Count;
            await azurite.RestartAsync();
        });
        await Task.WhenAll([.. writers, outage]);
        var burst = TimeProvider.System.GetElapsedTime(started);

        // The outage was real: some writes failed, and writes went on succeeding after the restart.
        Assert.NotEmpty(failed);
        Assert.True(acknowledgedBeforeStop >= 200);
        Assert.True(acknowledged.Count > acknowledgedBeforeRestart, $"{acknowledged.Count} acknowledged, {acknowledgedBeforeRestart} before the restart");
        Assert.Equal(Total, acknowledged.Count + failed.Count);

        // Every failure reached the caller as a storage or ledger error that says what failed.
        Assert.All(failed, f =>
        {
            Assert.True(f.Error is IOException or LedgerException, f.Error.ToString());
            var storage = f.Error as BlobStoreException ?? f.Error.InnerException as BlobStoreException;
            if (storage is not null)
            {
                Assert.StartsWith("meetings/m1/", storage.BlobName, StringComparison.Ordinal);
            }
        });

        // Nothing acknowledged is missing: each record is stored as sent and is in the projection.
        var store = backend();
        var meeting = (await LedgerContract.Ledger(store).GetMeetingAsync("m1"))!.Document;
        foreach (var (record, result) in acknowledged)
        {
            var stored = await store.GetDocumentAsync(result.RecordName, LedgerJsonContext.Default.ProgressRecord);
            Assert.Equal(record with { At = record.At.ToUniversalTime() }, stored?.Document);
            Assert.Contains(MeetingProjection.UpdateIdOf(MeetingProjection.KeyOf(result.RecordName)), meeting.FindItem(record.ItemId)!.Applied);
        }

        // The failed activities are delivered again (as the channel retries them); then the ledger holds each record once.
        foreach (var (record, _) in failed)
        {
            await ledgers[0].AppendProgressAsync(record);
        }

        await ledgers[0].ReconcileAsync("m1");
        var names = await LedgerContract.ListAsync(store, BlobNames.ProgressPrefix("m1"));
        var expected = plan.ToDictionary(r => BlobNames.Progress(r.MeetingId, r.ItemId, r.At, BlobNames.UpdateId(r.ConversationId, r.ActivityId)), StringComparer.Ordinal);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), names);
        var final = (await ledgers[0].GetMeetingAsync("m1"))!.Document;
        var replay = MeetingProjection.Replay(initial, expected.Select(e => (MeetingProjection.KeyOf(e.Key), e.Value)));
        Assert.All(replay.Items, item => Assert.Equal(LedgerContract.Canonical(item), LedgerContract.Canonical(final.FindItem(item.Id)!)));
        Console.WriteLine($"azurite restart: {acknowledgedBeforeStop} acknowledged before the stop (which took {stopTook.TotalSeconds:F1} s), {failedBeforeRestart} failed before the restart, {failed.Count} failed visibly in all, {acknowledged.Count} acknowledged in all, burst {burst.TotalSeconds:F1} s; none lost. Failures: {string.Join(", ", failed.GroupBy(f => f.Error.GetType().Name).Select(g => $"{g.Key}={g.Count()}"))}; e.g. {failed.First().Error.Message}");
    }
}
