using Azure.Storage.Blobs;
using FollowUpBot.Ledger;
using FollowUpBot.Storage;
using FollowUpBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FollowUpBot.IntegrationTests.Storage;

/// <summary>
/// The storage registration on a plain host with only configuration given, as the web app composes it.
/// These tests build hosts (some that must fail to start); built while other tests' WebApplicationFactory
/// is capturing its app's host, they made those tests flaky, so they run on their own.
/// </summary>
[Collection(nameof(StorageRegistrationTests))]
[Trait("Category", "Integration")]
public sealed class StorageRegistrationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "followup-it", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task WithoutAnAccountTheLedgerLivesInTheLocalFolder()
    {
        using var host = await StartAsync(("Storage:LocalPath", _folder));

        await host.Services.GetRequiredService<MeetingLedger>().CreateMeetingAsync(new MeetingDocument { Id = "m1" }, "原文");

        var local = Assert.IsType<LocalBlobStore>(host.Services.GetRequiredService<IBlobStore>());
        Assert.Equal(Path.GetFullPath(_folder), local.RootPath);
        Assert.True(File.Exists(Path.Combine(_folder, "blobs", "meetings", "m1", "meeting.json")));
        await host.StopAsync();
    }

    [Fact]
    public async Task AConnectionStringPutsTheLedgerInThatAccountsContainer()
    {
        await using var azurite = await Azurite.StartAsync();
        using var host = await StartAsync(("Storage:ConnectionString", azurite.ConnectionString), ("Storage:Container", "from-config"), ("Storage:LocalPath", _folder));

        await host.Services.GetRequiredService<MeetingLedger>().CreateMeetingAsync(new MeetingDocument { Id = "m1" }, "原文");

        Assert.IsType<AzureBlobStore>(host.Services.GetRequiredService<IBlobStore>());
        var blob = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("from-config").GetBlobClient("meetings/m1/source.txt");
        Assert.Equal("原文", (await blob.DownloadContentAsync()).Value.Content.ToString());
        Assert.False(Directory.Exists(Path.Combine(_folder, "blobs")));
        await host.StopAsync();
    }

    [Theory]
    [InlineData("Storage:AccountUrl", "https://acct.blob.core.windows.net", "Set Storage:ConnectionString or Storage:AccountUrl, not both.")]
    [InlineData("Storage:Container", "Bad_Name", "Storage:Container 'Bad_Name' is not a valid container name")]
    [InlineData("Storage:NetworkTimeout", "00:00:00", "Storage:NetworkTimeout must be between")]
    public async Task ABadStorageSettingStopsTheAppWithAMessageNamingTheKey(string key, string value, string message)
    {
        var error = await StartupCheck.RefusedAsync("Development", ("Storage:ConnectionString", "UseDevelopmentStorage=true"), (key, value));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static async Task<IHost> StartAsync(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.AddLedgerStorage();
        var host = builder.Build();
        try
        {
            await host.StartAsync();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}

[CollectionDefinition(nameof(StorageRegistrationTests), DisableParallelization = true)]
public sealed class StorageRegistrationRunsAlone;
