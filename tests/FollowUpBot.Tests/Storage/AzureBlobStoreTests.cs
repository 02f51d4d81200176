using System.Net;
using System.Net.Sockets;
using FollowUpBot.Storage;
using FollowUpBot.Testing;

namespace FollowUpBot.Tests.Storage;

[Trait("Category", "Integration")]
public sealed class AzureBlobStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task TheContainerIsCreatedOnFirstUse()
    {
        var options = new StorageOptions { ConnectionString = azurite.Azurite.ConnectionString, Container = "c" + Guid.NewGuid().ToString("N") };
        var store = AzureBlobStore.Create(options);

        await store.PutAsync("a.json", BinaryData.FromString("1"), BlobCondition.CreateOnly);

        Assert.True((await azurite.Container(store).ExistsAsync()).Value);
    }

    [Fact]
    public async Task AnUnreachableAccountFailsWithinSecondsWithAnErrorNamingTheBlob()
    {
        // A port nobody listens on: the connection is refused, retried by the SDK's policy, then reported.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var options = new StorageOptions
        {
            ConnectionString = $"DefaultEndpointsProtocol=http;AccountName={Azurite.AccountName};AccountKey={Azurite.AccountKey};BlobEndpoint=http://127.0.0.1:{port}/{Azurite.AccountName};",
        };
        var store = AzureBlobStore.Create(options);
        var started = TimeProvider.System.GetTimestamp();

        var error = await Assert.ThrowsAsync<BlobStoreException>(() => store.GetAsync("meetings/m1/meeting.json"));

        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(15));
        Assert.Contains("followup", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<IOException>(error);
    }
}

public sealed class StorageOptionsTests
{
    [Fact]
    public void TheDefaultsDescribeAUsableLocalFolder()
    {
        var options = new StorageOptions();

        Assert.Empty(options.Validate());
        Assert.False(options.UsesAzure);
    }

    [Theory]
    [InlineData("https://acct.blob.core.windows.net", true)]
    [InlineData("http://127.0.0.1:10000/devstoreaccount1", true)]
    [InlineData("http://acct.blob.core.windows.net", false)]
    public void AnAccountUrlMustBeHttpsUnlessItIsALoopbackEmulator(string url, bool valid)
    {
        var options = new StorageOptions { AccountUrl = new Uri(url) };

        Assert.Equal(valid, options.Validate().Count == 0);
        Assert.True(options.UsesAzure);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Followup")]
    [InlineData("follow--up")]
    [InlineData("-followup")]
    public void InvalidContainerNamesAreRefusedByName(string container)
    {
        var errors = new StorageOptions { Container = container }.Validate();

        Assert.Contains(errors, e => e.StartsWith("Storage:Container", StringComparison.Ordinal));
    }
}
