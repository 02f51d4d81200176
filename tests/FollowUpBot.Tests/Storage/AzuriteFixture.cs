using Azure.Storage.Blobs;
using FollowUpBot.Storage;
using FollowUpBot.Testing;

namespace FollowUpBot.Tests.Storage;

/// <summary>One Azurite per test class that asks for it; each test takes its own container, so tests never see each other's blobs.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private Azurite? _azurite;

    internal Azurite Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    /// <summary>A factory of stores on one new, empty container: each call is another "instance" of the bot on the same data.</summary>
    internal Func<IBlobStore> NewContainer(StorageOptions? options = null)
    {
        var settings = options ?? new StorageOptions();
        settings.ConnectionString = Azurite.ConnectionString;
        settings.Container = "t" + Guid.NewGuid().ToString("N");
        return () => AzureBlobStore.Create(settings);
    }

    internal BlobContainerClient Container(IBlobStore store) =>
        new BlobServiceClient(Azurite.ConnectionString).GetBlobContainerClient(((AzureBlobStore)store).ContainerUri.Segments[^1]);

    public async Task InitializeAsync() => _azurite = await Azurite.StartAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
