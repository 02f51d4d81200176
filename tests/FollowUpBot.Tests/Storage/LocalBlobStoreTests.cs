using FollowUpBot.Storage;

namespace FollowUpBot.Tests.Storage;

public sealed class LocalBlobStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "followup-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task CreateOnlyWriteFailsWhenTheBlobExists()
    {
        var store = new LocalBlobStore(_root);
        await store.PutAsync("a/b.json", BinaryData.FromString("1"), BlobCondition.CreateOnly);

        var conflict = await Assert.ThrowsAsync<BlobConflictException>(() =>
            store.PutAsync("a/b.json", BinaryData.FromString("2"), BlobCondition.CreateOnly));

        Assert.True(conflict.AlreadyExists);
        Assert.Equal("1", (await store.GetAsync("a/b.json"))!.Content.ToString());
    }

    [Fact]
    public async Task IfMatchWriteFailsWithAStaleETag()
    {
        var store = new LocalBlobStore(_root);
        var first = await store.PutAsync("m.json", BinaryData.FromString("1"), BlobCondition.None);
        var second = await store.PutAsync("m.json", BinaryData.FromString("2"), BlobCondition.Match(first));

        await Assert.ThrowsAsync<BlobConflictException>(() =>
            store.PutAsync("m.json", BinaryData.FromString("3"), BlobCondition.Match(first)));
        Assert.Equal(second, (await store.GetAsync("m.json"))!.ETag);
    }

    [Fact]
    public async Task ListingReturnsOnlyThePrefixInNameOrder()
    {
        var store = new LocalBlobStore(_root);
        foreach (var name in new[] { "p/2.json", "p/1.json", "q/1.json", "p/sub/3.json" })
        {
            await store.PutAsync(name, BinaryData.FromString(name), BlobCondition.None);
        }

        var names = new List<string>();
        await foreach (var entry in store.ListAsync("p/"))
        {
            names.Add(entry.Name);
        }

        Assert.Equal(["p/1.json", "p/2.json", "p/sub/3.json"], names);
    }

    [Fact]
    public async Task ASecondLeaseIsRefusedUntilTheFirstIsReleased()
    {
        var store = new LocalBlobStore(_root);
        var first = await store.TryAcquireLeaseAsync(BlobNames.SchedulerLock, TimeSpan.FromSeconds(30));
        Assert.NotNull(first);
        Assert.Null(await store.TryAcquireLeaseAsync(BlobNames.SchedulerLock, TimeSpan.FromSeconds(30)));

        await store.ReleaseLeaseAsync(BlobNames.SchedulerLock, first);

        Assert.NotNull(await store.TryAcquireLeaseAsync(BlobNames.SchedulerLock, TimeSpan.FromSeconds(30)));
    }

    [Theory]
    [InlineData("19:abc@thread.tacv2;messageid=1")]
    [InlineData("a:1xyz/../..")]
    [InlineData("..")]
    public void SegmentsOfTeamsIdsAreSinglePathSegments(string id)
    {
        var segment = BlobNames.Segment(id);

        Assert.DoesNotContain('/', segment);
        Assert.NotEqual("..", segment);
        BlobNames.Validate("x/" + segment + "/y");
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
