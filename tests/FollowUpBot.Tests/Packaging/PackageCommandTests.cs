using System.IO.Compression;
using System.Text.Json.Nodes;
using FollowUpBot.Cli;
using FollowUpBot.Cli.Packaging;
using FollowUpBot.Testing;

namespace FollowUpBot.Tests.Packaging;

public sealed class PackageCommandTests : IDisposable
{
    private const string AppId = "6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "followup-tests", Guid.NewGuid().ToString("N"));
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    private static string ManifestDir => Path.Combine(RepoPaths.Root, "manifest");

    private string OutZip => Path.Combine(_folder, "app.zip");

    [Fact]
    public async Task ZipHoldsTheManifestItsIconsAndItsLocalizationAtTheRootAndNothingElse()
    {
        var exit = await RunAsync("--app-id", AppId, "--public-base-url", "https://bot.example.com", "--out", OutZip, "--manifest-dir", ManifestDir);

        Assert.Equal(0, exit);
        using var zip = ZipFile.OpenRead(OutZip);
        Assert.Equal(
            ["color.png", "manifest.json", "outline.png", "zh-cn.json"],
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        // The icons go in byte for byte.
        using var color = new MemoryStream();
        await using (var entry = zip.GetEntry("color.png")!.Open())
        {
            await entry.CopyToAsync(color);
        }

        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(ManifestDir, "color.png")), color.ToArray());
    }

    [Theory]
    [InlineData("not-a-guid", "must be a GUID")]
    [InlineData("6f1c2a3b4d5e4f608a9b0c1d2e3f4a5b", "must be a GUID")]
    [InlineData("00000000-0000-0000-0000-000000000000", "placeholder")]
    public async Task BadAppIdExitsWithUsageErrorAndWritesNothing(string appId, string message)
    {
        var exit = await CliApp.RunAsync(["package", "--app-id", appId, "--public-base-url", "https://bot.example.com", "--out", OutZip, "--manifest-dir", ManifestDir], _output, _error, default);

        Assert.Equal(2, exit);
        Assert.Contains(message, _error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(OutZip));
    }

    [Theory]
    [InlineData("http://bot.example.com", "must use https")]
    [InlineData("bot.example.com", "absolute https URL")]
    [InlineData("https://bot.example.com/?x=1", "without query")]
    [InlineData("https://followupbot.invalid", "placeholder")]
    public async Task BadPublicBaseUrlExitsWithUsageErrorAndWritesNothing(string url, string message)
    {
        var exit = await CliApp.RunAsync(["package", "--app-id", AppId, "--public-base-url", url, "--out", OutZip, "--manifest-dir", ManifestDir], _output, _error, default);

        Assert.Equal(2, exit);
        Assert.Contains(message, _error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(OutZip));
    }

    [Fact]
    public async Task MissingManifestFolderExitsWithUsageError()
    {
        var exit = await CliApp.RunAsync(["package", "--app-id", AppId, "--public-base-url", "https://bot.example.com", "--out", OutZip, "--manifest-dir", Path.Combine(_folder, "nowhere")], _output, _error, default);

        Assert.Equal(2, exit);
        Assert.Contains("no manifest.json", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnvironmentVariablesOfTheWebAppFillTheOptionsLeftOut()
    {
        var environment = new Dictionary<string, string>
        {
            ["MicrosoftAppId"] = AppId,
            ["FollowUp__PublicBaseUrl"] = "https://env.example.com/followup/",
        };
        var command = new PackageCommand(environment.GetValueOrDefault);

        var exit = await command.RunAsync(["--out", OutZip, "--manifest-dir", ManifestDir, "--app-version", "1.2.3"], _output, _error, default);

        Assert.Equal(0, exit);
        var manifest = await ReadManifestAsync();
        Assert.Equal(AppId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal("1.2.3", (string?)manifest["version"]);
        Assert.Equal("https://env.example.com/followup/dashboard", (string?)manifest["staticTabs"]![1]!["contentUrl"]);
        Assert.Equal("env.example.com", (string?)manifest["validDomains"]![0]);
    }

    [Fact]
    public async Task AppIdOptionWinsOverTheEnvironment()
    {
        var command = new PackageCommand(new Dictionary<string, string> { ["Bot__AppId"] = "11111111-1111-1111-1111-111111111111" }.GetValueOrDefault);

        var exit = await command.RunAsync(["--app-id", AppId, "--public-base-url", "https://bot.example.com", "--out", OutZip, "--manifest-dir", ManifestDir], _output, _error, default);

        Assert.Equal(0, exit);
        Assert.Equal(AppId, (string?)(await ReadManifestAsync())["id"]);
    }

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private Task<int> RunAsync(params string[] args) => CliApp.RunAsync(["package", .. args], _output, _error, default);

    private async Task<JsonNode> ReadManifestAsync()
    {
        using var zip = ZipFile.OpenRead(OutZip);
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        return JsonNode.Parse(await reader.ReadToEndAsync())!;
    }
}
