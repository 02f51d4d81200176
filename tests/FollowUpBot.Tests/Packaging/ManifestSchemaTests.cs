using System.IO.Compression;
using System.Text.Json.Nodes;
using FollowUpBot.Cli.Packaging;
using FollowUpBot.Testing;
using NJsonSchema;

namespace FollowUpBot.Tests.Packaging;

public sealed class ManifestSchemaTests
{
    private const string AppId = "6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b";
    private const string Host = "followup-prod.azurewebsites.net";

    private static string ManifestDir => Path.Combine(RepoPaths.Root, "manifest");

    [Fact]
    public async Task CommittedManifestIsValidAgainstTheV129Schema()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(ManifestDir, "manifest.json"));

        await AssertValidAsync("teams-app-manifest-schema-v1.29.json", text);
        var manifest = JsonNode.Parse(text)!;
        Assert.Equal("1.29", (string?)manifest["manifestVersion"]);
        Assert.Equal("https://developer.microsoft.com/en-us/json-schemas/teams/v1.29/MicrosoftTeams.schema.json", (string?)manifest["$schema"]);
    }

    [Fact]
    public async Task PackagedManifestIsValidAgainstTheV129Schema()
    {
        var entries = await PackageAsync();

        await AssertValidAsync("teams-app-manifest-schema-v1.29.json", entries["manifest.json"]);
    }

    [Fact]
    public async Task EveryLocalizationFileIsValidAgainstTheLocalizationSchema()
    {
        var entries = await PackageAsync();
        var manifest = JsonNode.Parse(entries["manifest.json"])!;
        var languages = manifest["localizationInfo"]!["additionalLanguages"]!.AsArray();

        Assert.Contains(languages, l => (string?)l!["languageTag"] == "zh-cn");
        foreach (var language in languages)
        {
            await AssertValidAsync("teams-app-manifest-localization-schema-v1.29.json", entries[(string)language!["file"]!]);
        }
    }

    [Fact]
    public async Task LocalizationKeysNameStringsThatTheManifestHas()
    {
        var entries = await PackageAsync();
        var manifest = JsonNode.Parse(entries["manifest.json"])!;
        var zh = JsonNode.Parse(entries["zh-cn.json"])!.AsObject();

        foreach (var (key, value) in zh.Where(p => p.Key != "$schema"))
        {
            var original = Resolve(manifest, key);
            Assert.True(original is not null, $"zh-cn.json translates '{key}', which the manifest does not have");
            Assert.NotEqual((string?)original, (string?)value);
        }

        // Every command the bot lists is translated, in every list.
        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray();
        for (var l = 0; l < lists.Count; l++)
        {
            for (var c = 0; c < lists[l]!["commands"]!.AsArray().Count; c++)
            {
                Assert.True(zh.ContainsKey($"bots[0].commandLists[{l}].commands[{c}].title"), $"command {c} of list {l} has no zh-CN title");
            }
        }
    }

    [Fact]
    public async Task PackagedManifestCarriesTheAppIdAndHostWhereTeamsLooks()
    {
        var entries = await PackageAsync();
        var text = entries["manifest.json"];
        var manifest = JsonNode.Parse(text)!;

        Assert.DoesNotContain(TeamsAppPackage.PlaceholderAppId, text, StringComparison.Ordinal);
        Assert.DoesNotContain(TeamsAppPackage.PlaceholderHost, text, StringComparison.Ordinal);
        Assert.Equal(AppId, (string?)manifest["id"]);
        var bot = manifest["bots"]![0]!;
        Assert.Equal(AppId, (string?)bot["botId"]);
        Assert.True((bool?)bot["supportsFiles"]);
        Assert.Equal(["personal", "team", "groupChat"], bot["scopes"]!.AsArray().Select(s => (string?)s));
        Assert.Equal(
            ["help", "import", "summary", "my tasks"],
            bot["commandLists"]![0]!["commands"]!.AsArray().Select(c => (string?)c!["title"]));
        Assert.Equal(AppId, (string?)manifest["webApplicationInfo"]!["id"]);
        Assert.Equal($"api://{Host}/botid-{AppId}", (string?)manifest["webApplicationInfo"]!["resource"]);
        var dashboard = manifest["staticTabs"]!.AsArray().Single(t => (string?)t!["entityId"] == "dashboard")!;
        Assert.Equal($"https://{Host}/dashboard", (string?)dashboard["contentUrl"]);
        Assert.Equal([Host], manifest["validDomains"]!.AsArray().Select(d => (string?)d));
    }

    private static async Task<Dictionary<string, string>> PackageAsync()
    {
        using var zip = new MemoryStream();
        var settings = new TeamsAppSettings(Guid.Parse(AppId), new Uri($"https://{Host}/"));
        await TeamsAppPackage.WriteAsync(ManifestDir, settings, zip);
        zip.Position = 0;
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read);
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in archive.Entries.Where(e => e.Name.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            entries[entry.FullName] = await reader.ReadToEndAsync();
        }

        return entries;
    }

    private static async Task AssertValidAsync(string schemaFile, string json)
    {
        var schema = await JsonSchema.FromFileAsync(RepoPaths.Fixture(Path.Combine("schemas", schemaFile)));
        var errors = schema.Validate(json);
        Assert.True(errors.Count == 0, $"{schemaFile}: " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind} {e.Property}")));
    }

    // "bots[0].commandLists[1].commands[2].title" → that node of the manifest.
    private static JsonNode? Resolve(JsonNode root, string path)
    {
        JsonNode? node = root;
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            node = node?[bracket < 0 ? part : part[..bracket]];
            if (bracket >= 0)
            {
                foreach (var index in part[(bracket + 1)..^1].Split("]["))
                {
                    var i = int.Parse(index, System.Globalization.CultureInfo.InvariantCulture);
                    node = node is JsonArray array && i < array.Count ? array[i] : null;
                }
            }
        }

        return node;
    }
}
