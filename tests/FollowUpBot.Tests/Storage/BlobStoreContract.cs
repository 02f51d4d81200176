using FollowUpBot.Storage;

namespace FollowUpBot.Tests.Storage;

/// <summary>
/// What every <see cref="IBlobStore"/> backend must do, run against each of them
/// (<see cref="LocalBlobStoreContractTests"/>, <see cref="AzureBlobStoreContractTests"/>).
/// </summary>
public abstract class BlobStoreContract
{
    /// <summary>A factory of stores on a new, empty location: each call opens another instance on the same data.</summary>
    internal abstract Func<IBlobStore> NewBackend();

    [Fact]
    public async Task ReadOfAMissingBlobIsNull()
    {
        var store = NewBackend()();

        Assert.Null(await store.GetAsync("nothing/here.json"));
    }

    [Fact]
    public async Task ReadReturnsTheContentWithTheETagOfTheWriteThatMadeIt()
    {
        var store = NewBackend()();

        var etag = await store.PutAsync("a/b.json", BinaryData.FromString("{\"x\":1}"), BlobCondition.CreateOnly);
        var blob = await store.GetAsync("a/b.json");

        Assert.NotNull(blob);
        Assert.Equal("{\"x\":1}", blob.Content.ToString());
        Assert.Equal(etag, blob.ETag);
        Assert.Equal("a/b.json", blob.Name);
    }

    [Fact]
    public async Task CreateOnlyWriteFailsWhenTheBlobExists()
    {
        var store = NewBackend()();
        await store.PutAsync("a/b.json", BinaryData.FromString("1"), BlobCondition.CreateOnly);

        var conflict = await Assert.ThrowsAsync<BlobConflictException>(() =>
            store.PutAsync("a/b.json", BinaryData.FromString("2"), BlobCondition.CreateOnly));

        Assert.True(conflict.AlreadyExists);
        Assert.Equal("a/b.json", conflict.BlobName);
        Assert.Equal("1", (await store.GetAsync("a/b.json"))!.Content.ToString());
    }

    [Fact]
    public async Task IfMatchWriteFailsWithAStaleETagAndKeepsTheNewerContent()
    {
        var store = NewBackend()();
        var first = await store.PutAsync("m.json", BinaryData.FromString("1"), BlobCondition.None);
        var second = await store.PutAsync("m.json", BinaryData.FromString("2"), BlobCondition.Match(first));

        var conflict = await Assert.ThrowsAsync<BlobConflictException>(() =>
            store.PutAsync("m.json", BinaryData.FromString("3"), BlobCondition.Match(first)));

        Assert.False(conflict.AlreadyExists);
        var blob = await store.GetAsync("m.json");
        Assert.Equal(second, blob!.ETag);
        Assert.Equal("2", blob.Content.ToString());
    }

    [Fact]
    public async Task IfMatchWriteToAMissingBlobIsAConflict()
    {
        var backend = NewBackend();
        var store = backend();
        var etag = await store.PutAsync("gone.json", BinaryData.FromString("1"), BlobCondition.None);
        Assert.True(await store.DeleteAsync("gone.json"));

        await Assert.ThrowsAsync<BlobConflictException>(() =>
            store.PutAsync("gone.json", BinaryData.FromString("2"), BlobCondition.Match(etag)));
        Assert.Null(await store.GetAsync("gone.json"));
    }

    [Fact]
    public async Task UnconditionalWriteReplacesTheContentAndTheETag()
    {
        var store = NewBackend()();
        var first = await store.PutAsync("u.json", BinaryData.FromString("1"), BlobCondition.None);

        var second = await store.PutAsync("u.json", BinaryData.FromString("2"), BlobCondition.None);

        Assert.NotEqual(first, second);
        Assert.Equal("2", (await store.GetAsync("u.json"))!.Content.ToString());
    }

    [Fact]
    public async Task ListingReturnsOnlyThePrefixInNameOrderWithEachBlobsETag()
    {
        var store = NewBackend()();
        var etags = new Dictionary<string, string>();
        foreach (var name in new[] { "p/2.json", "p/1.json", "q/1.json", "p/sub/3.json", "pp/1.json" })
        {
            etags[name] = await store.PutAsync(name, BinaryData.FromString(name), BlobCondition.None);
        }

        var entries = new List<BlobEntry>();
        await foreach (var entry in store.ListAsync("p/"))
        {
            entries.Add(entry);
        }

        Assert.Equal(["p/1.json", "p/2.json", "p/sub/3.json"], entries.Select(e => e.Name));
        Assert.All(entries, e => Assert.Equal(etags[e.Name], e.ETag));
        Assert.All(entries, e => Assert.Equal(e.Name.Length, e.Size));
    }

    [Fact]
    public async Task ListingOfAnEmptyPrefixYieldsNothing()
    {
        var store = NewBackend()();

        await foreach (var entry in store.ListAsync("none/"))
        {
            Assert.Fail($"Unexpected {entry.Name}");
        }
    }

    [Fact]
    public async Task DeleteRemovesTheBlobAndSaysWhetherItExisted()
    {
        var store = NewBackend()();
        await store.PutAsync("d.json", BinaryData.FromString("1"), BlobCondition.None);

        Assert.True(await store.DeleteAsync("d.json"));
        Assert.False(await store.DeleteAsync("d.json"));
        Assert.Null(await store.GetAsync("d.json"));
    }

    [Fact]
    public async Task DeleteOfAMissingBlobWithAnETagIsAConflict()
    {
        var store = NewBackend()();
        var etag = await store.PutAsync("d.json", BinaryData.FromString("1"), BlobCondition.None);
        Assert.True(await store.DeleteAsync("d.json"));

        await Assert.ThrowsAsync<BlobConflictException>(() => store.DeleteAsync("d.json", etag));
    }

    [Fact]
    public async Task DeleteWithAStaleETagIsAConflictAndKeepsTheBlob()
    {
        var store = NewBackend()();
        var first = await store.PutAsync("d.json", BinaryData.FromString("1"), BlobCondition.None);
        var second = await store.PutAsync("d.json", BinaryData.FromString("2"), BlobCondition.None);

        await Assert.ThrowsAsync<BlobConflictException>(() => store.DeleteAsync("d.json", first));

        Assert.True(await store.DeleteAsync("d.json", second));
    }

    [Fact]
    public async Task OfManyRacingCreateOnlyWritesExactlyOneWins()
    {
        var backend = NewBackend();
        var stores = Enumerable.Range(0, 4).Select(_ => backend()).ToArray();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 32).Select(async i =>
        {
            try
            {
                await stores[i % stores.Length].PutAsync("race/once.json", BinaryData.FromString(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), BlobCondition.CreateOnly);
                return i;
            }
            catch (BlobConflictException)
            {
                return -1;
            }
        }));

        var winner = Assert.Single(outcomes, o => o >= 0);
        Assert.Equal(winner.ToString(System.Globalization.CultureInfo.InvariantCulture), (await stores[0].GetAsync("race/once.json"))!.Content.ToString());
    }

    [Fact]
    public async Task RacingReadModifyWritesWithIfMatchLoseNoUpdate()
    {
        var backend = NewBackend();
        var stores = Enumerable.Range(0, 4).Select(_ => backend()).ToArray();
        await stores[0].PutAsync("counter", BinaryData.FromString("0"), BlobCondition.CreateOnly);

        await Task.WhenAll(Enumerable.Range(0, 16).Select(async w =>
        {
            var store = stores[w % stores.Length];
            for (var n = 0; n < 10; n++)
            {
                while (true)
                {
                    var current = await store.GetAsync("counter");
                    var next = int.Parse(current!.Content.ToString(), System.Globalization.CultureInfo.InvariantCulture) + 1;
                    try
                    {
                        await store.PutAsync("counter", BinaryData.FromString(next.ToString(System.Globalization.CultureInfo.InvariantCulture)), BlobCondition.Match(current.ETag));
                        break;
                    }
                    catch (BlobConflictException)
                    {
                        // Lost the race: read again.
                    }
                }
            }
        }));

        Assert.Equal("160", (await stores[0].GetAsync("counter"))!.Content.ToString());
    }

    [Fact]
    public async Task ASecondLeaseIsRefusedUntilTheFirstIsReleased()
    {
        var backend = NewBackend();
        var (one, two) = (backend(), backend());
        var first = await one.TryAcquireLeaseAsync(BlobNames.SchedulerLock, TimeSpan.FromSeconds(30));
        Assert.NotNull(first);
        Assert.Null(await two.TryAcquireLeaseAsync(BlobNames.SchedulerLock, TimeSpan.FromSeconds(30)));

        await one.ReleaseLeaseAsync(BlobNames.SchedulerLock, first);

        Assert.NotNull(await two.TryAcquireLeaseAsync(BlobNames.SchedulerLock, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task OnlyTheHolderCanRenewALease()
    {
        var store = NewBackend()();
        var lease = await store.TryAcquireLeaseAsync("locks/renew", TimeSpan.FromSeconds(30));
        Assert.NotNull(lease);

        Assert.True(await store.RenewLeaseAsync("locks/renew", lease));
        Assert.False(await store.RenewLeaseAsync("locks/renew", Guid.NewGuid().ToString()));
    }

    [Fact]
    public async Task ReleasingALeaseOneDoesNotHoldChangesNothing()
    {
        var store = NewBackend()();
        var lease = await store.TryAcquireLeaseAsync("locks/keep", TimeSpan.FromSeconds(30));
        Assert.NotNull(lease);

        await store.ReleaseLeaseAsync("locks/keep", Guid.NewGuid().ToString());

        Assert.Null(await store.TryAcquireLeaseAsync("locks/keep", TimeSpan.FromSeconds(30)));
        Assert.True(await store.RenewLeaseAsync("locks/keep", lease));
    }

    [Fact]
    public async Task ALeaseOnAMissingBlobCreatesTheBlob()
    {
        var store = NewBackend()();

        Assert.NotNull(await store.TryAcquireLeaseAsync("locks/new", TimeSpan.FromSeconds(15)));

        Assert.NotNull(await store.GetAsync("locks/new"));
    }

    [Theory]
    [InlineData("19:abc@thread.tacv2;messageid=1")]
    [InlineData("a:1xyz/../..")]
    [InlineData("会议 2026-09")]
    public async Task TeamsIdsMakeSingleSegmentNamesThatDecodeBack(string id)
    {
        var store = NewBackend()();
        var name = BlobNames.Meeting(id);

        await store.PutAsync(name, BinaryData.FromString("x"), BlobCondition.CreateOnly);

        var entries = new List<string>();
        await foreach (var entry in store.ListAsync("meetings/"))
        {
            entries.Add(entry.Name);
        }

        var listed = Assert.Single(entries);
        Assert.Equal(name, listed);
        Assert.Equal(3, listed.Split('/').Length);
        Assert.Equal(id, BlobNames.DecodeSegment(listed.Split('/')[1]));
    }

    /// <summary>Ids no Teams client sends but an attacker may: each must still make names both backends store and list.</summary>
    public static TheoryData<string, string> HostileIds() => new()
    {
        { "100,000 characters", new string('a', 100_000) },
        { "231 characters", new string('b', 231) },
        { "50 emoji", string.Concat(Enumerable.Repeat("😀", 50)) },
        { "300 CJK", new string('会', 300) },
        { "path-like", "../../etc/passwd" },
        { "backslashes", "..\\..\\windows" },
        { "NUL", "a:1\0b" },
        { "URL delimiters", "19:x?y=1#frag%2F;messageid=1" },
        { "dots", ".." },
        { "trailing dot", "abc." },
        { "1,024 percent signs", new string('%', 1024) },
    };

    [Theory]
    [MemberData(nameof(HostileIds))]
    public async Task AnyIdMakesNamesThisBackendStoresListsAndReadsBack(string label, string id)
    {
        var store = NewBackend()();
        string[] names =
        [
            BlobNames.Meeting(id),
            BlobNames.Progress(id, id, new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero), BlobNames.UpdateId(id, id)),
            BlobNames.Reminder(id, id, id),
            BlobNames.Conversation(id, id),
        ];

        foreach (var name in names)
        {
            Assert.True(name.Length <= 1024, $"{label}: {name.Length} characters");
            Assert.All(name.Split('/'), part => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(part), 1, BlobNames.MaxSegmentLength));
            await store.PutAsync(name, BinaryData.FromString(label), BlobCondition.CreateOnly);
        }

        foreach (var name in names)
        {
            Assert.Equal(label, (await store.GetAsync(name))!.Content.ToString());
            var listed = new List<string>();
            await foreach (var entry in store.ListAsync(name[..(name.LastIndexOf('/') + 1)]))
            {
                listed.Add(entry.Name);
            }

            Assert.Contains(name, listed);
        }
    }
}

public sealed class LocalBlobStoreContractTests : BlobStoreContract, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "followup-tests", Guid.NewGuid().ToString("N"));

    internal override Func<IBlobStore> NewBackend()
    {
        var folder = Path.Combine(_root, Guid.NewGuid().ToString("N"));
        return () => new LocalBlobStore(folder);
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
public sealed class AzureBlobStoreContractTests(AzuriteFixture azurite) : BlobStoreContract, IClassFixture<AzuriteFixture>
{
    internal override Func<IBlobStore> NewBackend() => azurite.NewContainer();
}
