using Microsoft.Extensions.Options;

namespace FollowUpBot.FollowUp;

/// <summary>The follow-up settings (configuration section <c>FollowUp</c>; names fixed by DESIGN.md).</summary>
internal sealed class FollowUpOptions
{
    public const string Section = "FollowUp";

    /// <summary>The bot's public https address, used in links (dashboard, export) and the manifest.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Entra object ids of the organisers: only they import, edit, publish, approve and export.</summary>
    public IList<string> Organisers { get; } = [];

    /// <summary>The department directory file that seeds <c>directory/departments.json</c>.</summary>
    public string? DirectoryPath { get; set; }

    /// <summary>Default meeting time zone (IANA).</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Working-day calendar file; empty means the calendar shipped with the app.</summary>
    public string? CalendarPath { get; set; }

    /// <summary>
    /// The app's id in the organisation's Teams app catalog (not the manifest id): what Microsoft Graph installs for a
    /// contact who never opened the app. Empty: no proactive installation.
    /// </summary>
    public string? TeamsAppCatalogId { get; set; }

    /// <summary>The largest meeting text or file the bot imports.</summary>
    public long MaxImportBytes { get; set; } = 5 * 1024 * 1024;

    public bool IsOrganiser(string? aadObjectId) =>
        !string.IsNullOrWhiteSpace(aadObjectId) && Organisers.Any(o => string.Equals(o.Trim(), aadObjectId.Trim(), StringComparison.OrdinalIgnoreCase));
}

internal sealed class FollowUpOptionsValidation(IHostEnvironment environment) : IValidateOptions<FollowUpOptions>
{
    public ValidateOptionsResult Validate(string? name, FollowUpOptions options)
    {
        var failures = new List<string>();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            failures.Add($"FollowUp:TimeZone '{options.TimeZone}' is not a known IANA time zone (e.g. Asia/Shanghai).");
        }

        foreach (var (key, path) in new[] { ("FollowUp:DirectoryPath", options.DirectoryPath), ("FollowUp:CalendarPath", options.CalendarPath) })
        {
            if (!string.IsNullOrWhiteSpace(path) && !File.Exists(Path.GetFullPath(path, environment.ContentRootPath)))
            {
                failures.Add($"{key} '{path}' does not exist (relative paths are read from {environment.ContentRootPath}).");
            }
        }

        if (options.PublicBaseUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && !url.IsLoopback)))
        {
            failures.Add($"FollowUp:PublicBaseUrl '{url}' must be an absolute https URL.");
        }

        if (options.MaxImportBytes <= 0)
        {
            failures.Add("FollowUp:MaxImportBytes must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
