using Azure.Storage.Blobs;
using FollowUpBot.Ledger;
using FollowUpBot.Storage;
using FollowUpBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FollowUpBot.IntegrationTests.Storage;

public sealed class StorageRegistrationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "followup-it", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task WithNothingConfiguredTheLedgerLivesInALocalFolder()
    {
        await using var app = App(("Storage:LocalPath", _folder));

        var store = app.Services.GetRequiredService<IBlobStore>();
        await app.Services.GetRequiredService<MeetingLedger>().CreateMeetingAsync(new MeetingDocument { Id = "m1" }, "原文");

        var local = Assert.IsType<LocalBlobStore>(store);
        Assert.Equal(Path.GetFullPath(_folder), local.RootPath);
        Assert.True(File.Exists(Path.Combine(_folder, "blobs", "meetings", "m1", "meeting.json")));
    }

    [Fact]
    public async Task AConnectionStringPutsTheLedgerInThatAccountsContainer()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var app = App(("Storage:ConnectionString", azurite.ConnectionString), ("Storage:Container", "from-config"));

        await app.Services.GetRequiredService<MeetingLedger>().CreateMeetingAsync(new MeetingDocument { Id = "m1" }, "原文");

        Assert.IsType<AzureBlobStore>(app.Services.GetRequiredService<IBlobStore>());
        var blob = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("from-config").GetBlobClient("meetings/m1/source.txt");
        Assert.Equal("原文", (await blob.DownloadContentAsync()).Value.Content.ToString());
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

    private static WebApplicationFactory<Program> App(params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });
}
