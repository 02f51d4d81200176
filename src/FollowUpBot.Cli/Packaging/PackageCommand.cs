namespace FollowUpBot.Cli.Packaging;

/// <summary>
/// <c>followup package</c>: fills the app id and host into manifest/ and writes the Teams app .zip.
/// Values not given as options come from the same environment variables the web app reads.
/// </summary>
internal sealed class PackageCommand : ICliCommand
{
    private const string DefaultOut = "artifacts/followupbot-teams-app.zip";
    private readonly Func<string, string?> _environment;

    public PackageCommand()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    /// <param name="environment">Reads an environment variable; tests pass their own.</param>
    public PackageCommand(Func<string, string?> environment)
    {
        _environment = environment;
    }

    public string Name => "package";

    public string Summary => "Write the Teams app package (.zip) for a deployment";

    public string Usage => $"[--app-id GUID] [--public-base-url https://HOST] [--out FILE.zip] [--manifest-dir DIR] [--app-version X.Y.Z]  (defaults: $Bot__AppId or $MicrosoftAppId, $FollowUp__PublicBaseUrl, {DefaultOut}, ./manifest)";

    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var cli = new CliArgs(args, new HashSet<string>(StringComparer.Ordinal));
        var appIdOption = cli.Option("app-id");
        var baseUrlOption = cli.Option("public-base-url");
        var outPath = cli.Option("out") ?? DefaultOut;
        var manifestDir = cli.Option("manifest-dir") ?? DefaultManifestDirectory();
        var version = cli.Option("app-version");
        cli.ThrowIfUnknownOptions();
        if (cli.Positional.Count > 0)
        {
            throw new CliUsageException($"unexpected argument '{cli.Positional[0]}'.");
        }

        var (appIdText, appIdSource) = FirstOf(("--app-id", appIdOption), ("Bot__AppId", _environment("Bot__AppId")), ("MicrosoftAppId", _environment("MicrosoftAppId")));
        var (baseUrlText, baseUrlSource) = FirstOf(("--public-base-url", baseUrlOption), ("FollowUp__PublicBaseUrl", _environment("FollowUp__PublicBaseUrl")));
        var settings = new TeamsAppSettings(
            TeamsAppPackage.ParseAppId(appIdText, appIdSource),
            TeamsAppPackage.ParsePublicBaseUrl(baseUrlText, baseUrlSource),
            version is null ? null : TeamsAppPackage.ParseAppVersion(version));
        if (!outPath.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliUsageException($"--out must name a .zip file; got '{outPath}'.");
        }

        var fullOut = Path.GetFullPath(outPath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullOut)!);
        // Build in memory first: a failed package leaves no half-written zip behind.
        using var buffer = new MemoryStream();
        var entries = await TeamsAppPackage.WriteAsync(manifestDir, settings, buffer, cancellationToken).ConfigureAwait(false);
        await File.WriteAllBytesAsync(fullOut, buffer.ToArray(), cancellationToken).ConfigureAwait(false);

        await output.WriteLineAsync($"Wrote {fullOut}").ConfigureAwait(false);
        await output.WriteLineAsync($"  app id {settings.AppId:D}, host {settings.Host}, dashboard {settings.BaseUrl}/dashboard").ConfigureAwait(false);
        await output.WriteLineAsync($"  entries: {string.Join(", ", entries)}").ConfigureAwait(false);
        return 0;
    }

    private static (string? Value, string Source) FirstOf(params (string Source, string? Value)[] candidates)
    {
        foreach (var (source, value) in candidates)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                return (value, source);
            }
        }

        return (null, candidates[0].Source);
    }

    // From the repository root the committed folder is ./manifest; a published CLI carries a copy beside itself.
    private static string DefaultManifestDirectory()
    {
        const string folder = "manifest";
        return File.Exists(Path.Combine(folder, TeamsAppPackage.ManifestFileName))
            ? folder
            : Path.Combine(AppContext.BaseDirectory, folder);
    }
}
