using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FollowUpBot.Cli.Packaging;

/// <summary>What differs per deployment in the Teams app package.</summary>
internal sealed record TeamsAppSettings(Guid AppId, Uri PublicBaseUrl, string? AppVersion = null)
{
    /// <summary>The base URL without a trailing slash, so "/dashboard" can be appended.</summary>
    public string BaseUrl => PublicBaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');

    public string Host => PublicBaseUrl.IdnHost;
}

/// <summary>
/// Builds the .zip that Teams accepts from the committed manifest folder (manifest/README.md):
/// the manifest's placeholder app id and host are replaced, and the manifest goes into the zip
/// root together with exactly the files it names (icons, localization files).
/// </summary>
internal static partial class TeamsAppPackage
{
    public const string ManifestFileName = "manifest.json";
    public const string PlaceholderAppId = "00000000-0000-0000-0000-000000000000";
    public const string PlaceholderBaseUrl = "https://followupbot.invalid";
    public const string PlaceholderHost = "followupbot.invalid";

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        // The manifest is UTF-8 and Teams reads it as such: keep any non-ASCII text readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Parses an Entra app id: a GUID, and not the placeholder.</summary>
    public static Guid ParseAppId(string? value, string source)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new CliUsageException("no app id: pass --app-id GUID or set Bot__AppId (or MicrosoftAppId).");
        }

        if (!Guid.TryParseExact(value.Trim(), "D", out var appId))
        {
            throw new CliUsageException($"the app id from {source} must be a GUID such as 1b2c3d4e-0000-4000-8000-123456789abc (the bot's Entra application id); got '{value}'.");
        }

        return appId == Guid.Empty
            ? throw new CliUsageException($"the app id from {source} is the manifest's placeholder; use the bot's Entra application id.")
            : appId;
    }

    /// <summary>Parses the bot's public base URL: absolute https, no query, fragment or user info, not the placeholder host.</summary>
    public static Uri ParsePublicBaseUrl(string? value, string source)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new CliUsageException("no public base URL: pass --public-base-url https://HOST or set FollowUp__PublicBaseUrl.");
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new CliUsageException($"the public base URL from {source} must be an absolute https URL such as https://followup.example.com; got '{value}'.");
        }

        if (url.Scheme != Uri.UriSchemeHttps)
        {
            throw new CliUsageException($"the public base URL from {source} must use https (Teams loads tabs and calls bots only over https); got '{value}'.");
        }

        if (url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0)
        {
            throw new CliUsageException($"the public base URL from {source} must be a plain https://HOST[/PATH], without query, fragment or user name; got '{value}'.");
        }

        return string.Equals(url.Host, PlaceholderHost, StringComparison.OrdinalIgnoreCase)
            ? throw new CliUsageException($"the public base URL from {source} is the manifest's placeholder; use the bot's public address.")
            : url;
    }

    /// <summary>Parses an app version for the manifest: MAJOR.MINOR.PATCH, as the schema requires.</summary>
    public static string ParseAppVersion(string value) =>
        SemVer().IsMatch(value)
            ? value
            : throw new CliUsageException($"--app-version must be MAJOR.MINOR.PATCH such as 1.0.3; got '{value}'.");

    /// <summary>The manifest with the placeholders replaced in every string value (the template itself is left alone).</summary>
    public static JsonObject Fill(JsonObject template, TeamsAppSettings settings)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(settings);
        var manifest = (JsonObject)template.DeepClone();
        Replace(manifest, settings);
        if (settings.AppVersion is { } version)
        {
            manifest["version"] = version;
        }

        return manifest;
    }

    /// <summary>The files besides manifest.json that the manifest names and the package must hold.</summary>
    public static IReadOnlyList<string> ReferencedFiles(JsonObject manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var files = new List<string?>
        {
            (string?)manifest["icons"]?["color"],
            (string?)manifest["icons"]?["outline"],
            (string?)manifest["icons"]?["color32x32"],
            (string?)manifest["localizationInfo"]?["defaultLanguageFile"],
        };
        if (manifest["localizationInfo"]?["additionalLanguages"] is JsonArray languages)
        {
            files.AddRange(languages.Select(l => (string?)l?["file"]));
        }

        return files.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Reads the manifest folder, fills the placeholders and writes the zip to <paramref name="output"/>;
    /// returns the entry names. Throws <see cref="CliUsageException"/> when the folder is not a usable manifest.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(string manifestDirectory, TeamsAppSettings settings, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var manifestPath = Path.Combine(manifestDirectory, ManifestFileName);
        if (!File.Exists(manifestPath))
        {
            throw new CliUsageException($"no {ManifestFileName} in '{manifestDirectory}': run from the repository root or pass --manifest-dir.");
        }

        JsonObject template;
        try
        {
            var text = await File.ReadAllTextAsync(manifestPath, cancellationToken).ConfigureAwait(false);
            template = JsonNode.Parse(text) as JsonObject
                ?? throw new CliUsageException($"{manifestPath} is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new CliUsageException($"{manifestPath} is not valid JSON: {e.Message}", e);
        }

        var manifest = Fill(template, settings);
        var files = ReferencedFiles(manifest);
        foreach (var file in files)
        {
            // Teams reads the package flat: every file the manifest names sits beside it at the zip root.
            if (file.Contains('/', StringComparison.Ordinal) || file.Contains('\\', StringComparison.Ordinal) || file == ManifestFileName)
            {
                throw new CliUsageException($"{manifestPath} names '{file}'; the package is flat, so name files in the manifest folder itself.");
            }

            if (!File.Exists(Path.Combine(manifestDirectory, file)))
            {
                throw new CliUsageException($"{manifestPath} names '{file}', which is not in '{manifestDirectory}'.");
            }
        }

        var entries = new List<string> { ManifestFileName };
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var manifestEntry = zip.CreateEntry(ManifestFileName, CompressionLevel.Optimal);
            await using (var stream = await manifestEntry.OpenAsync(cancellationToken).ConfigureAwait(false))
            {
                await JsonSerializer.SerializeAsync(stream, manifest, WriteOptions, cancellationToken).ConfigureAwait(false);
            }

            foreach (var file in files)
            {
                var entry = zip.CreateEntry(file, CompressionLevel.Optimal);
                await using var target = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using var source = File.OpenRead(Path.Combine(manifestDirectory, file));
                await source.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
                entries.Add(file);
            }
        }

        return entries;
    }

    private static void Replace(JsonNode? node, TeamsAppSettings settings)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (child is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        obj[key] = ReplaceText(text, settings);
                    }
                    else
                    {
                        Replace(child, settings);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        array[i] = ReplaceText(text, settings);
                    }
                    else
                    {
                        Replace(array[i], settings);
                    }
                }

                break;
        }
    }

    // URLs first (they carry the base path), then any bare host left (validDomains, the SSO resource).
    private static string ReplaceText(string text, TeamsAppSettings settings) =>
        text.Replace(PlaceholderBaseUrl, settings.BaseUrl, StringComparison.OrdinalIgnoreCase)
            .Replace(PlaceholderHost, settings.Host, StringComparison.OrdinalIgnoreCase)
            .Replace(PlaceholderAppId, settings.AppId.ToString("D"), StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex SemVer();
}
