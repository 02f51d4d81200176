using FollowUpBot.Ledger;
using FollowUpBot.Progress;
using FollowUpBot.Storage;
using FollowUpBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FollowUpBot.IntegrationTests.Progress;

/// <summary>The item a conversation was last asked about, on a real Azurite: kept for a day, cleared by a send that names several items, any conversation id.</summary>
[Trait("Category", "Integration")]
public sealed class LastAskedItemsTests : IAsyncLifetime, IDisposable
{
    private const string Tenant = "tenant-1";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private readonly ListLoggerProvider _logs = new();
    private Azurite _azurite = null!;
    private AzureBlobStore _store = null!;
    private LastAskedItems _asked = null!;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        _store = AzureBlobStore.Create(new StorageOptions { ConnectionString = _azurite.ConnectionString, Container = "asked" + Guid.NewGuid().ToString("N")[..8] });
        _asked = new LastAskedItems(_store, _time, _logs.For<LastAskedItems>());
    }

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task TheOneItemOfTheLastSendIsTheDefaultForADay()
    {
        var item = new ItemReference("m1", "i3");
        await _asked.RecordAsync(Tenant, "a:chat-1", [item]);

        Assert.Equal(item, await _asked.GetAsync(Tenant, "a:chat-1"));
        Assert.Null(await _asked.GetAsync(Tenant, "a:chat-2"));

        _time.Advance(LastAskedItems.DefaultFor - TimeSpan.FromMinutes(1));
        Assert.Equal(item, await _asked.GetAsync(Tenant, "a:chat-1"));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await _asked.GetAsync(Tenant, "a:chat-1"));
    }

    [Fact]
    public async Task ASendThatNamesSeveralItemsLeavesNoDefault()
    {
        await _asked.RecordAsync(Tenant, "a:chat-1", [new ItemReference("m1", "i3")]);
        await _asked.RecordAsync(Tenant, "a:chat-1", [new ItemReference("m1", "i3"), new ItemReference("m1", "i4")]);

        Assert.Null(await _asked.GetAsync(Tenant, "a:chat-1"));
        var names = new List<string>();
        await foreach (var entry in _store.ListAsync("asked/"))
        {
            names.Add(entry.Name);
        }

        // One small document per conversation, replaced by each send.
        Assert.Single(names);
    }

    [Fact]
    public async Task AnyConversationIdMapsToOneDocumentAndAChannelThreadToItsChannel()
    {
        var longId = "19:" + new string('x', 5000) + "@thread.tacv2";
        var item = new ItemReference("m1", "i1");
        await _asked.RecordAsync(Tenant, longId, [item]);
        await _asked.RecordAsync(Tenant, "19:channel@thread.tacv2", [new ItemReference("m1", "i2")]);

        Assert.Equal(item, await _asked.GetAsync(Tenant, longId));
        Assert.Equal(new ItemReference("m1", "i2"), await _asked.GetAsync(Tenant, "19:channel@thread.tacv2;messageid=1733300000000"));
    }

    [Fact]
    public async Task AnUnreadableDocumentIsLoggedAndMeansNoDefault()
    {
        var name = LastAskedItems.BlobName(Tenant, "a:chat-1");
        await _store.PutAsync(name, BinaryData.FromString("{not json"), BlobCondition.None);

        Assert.Null(await _asked.GetAsync(Tenant, "a:chat-1"));
        Assert.Single(_logs.Find(name, Microsoft.Extensions.Logging.LogLevel.Error));
    }
}
