using System.Text.RegularExpressions;

namespace FollowUpBot.Storage;

/// <summary>Where the ledger lives (configuration section <c>Storage</c>; DESIGN.md names the keys).</summary>
internal sealed partial class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>An Azure Storage connection string (Azurite's too).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>An account URL such as https://acct.blob.core.windows.net, used with DefaultAzureCredential.</summary>
    public Uri? AccountUrl { get; set; }

    /// <summary>The local data folder of the embedded default; ignored when an account is configured (the app logs which backend it uses).</summary>
    public string? LocalPath { get; set; }

    public string Container { get; set; } = "followup";

    public string Queue { get; set; } = "followup-reminders";

    /// <summary>The queue that hands stored progress records to the projectors (Azure only; the local folder uses an in-process channel).</summary>
    public string ProjectionQueue { get; set; } = "followup-projections";

    /// <summary>How long one storage request may take before the SDK gives up on it and retries.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many times the SDK retries a request that failed for a transient reason.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>How often the background reconciler applies progress records the meeting documents miss.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromMinutes(10);

    public bool UsesAzure => !string.IsNullOrWhiteSpace(ConnectionString) || AccountUrl is not null;

    /// <summary>The folder used when no storage is configured: beside the app's content root.</summary>
    public string ResolveLocalPath(string contentRoot) =>
        string.IsNullOrWhiteSpace(LocalPath) ? Path.Combine(contentRoot, ".data") : Path.GetFullPath(LocalPath, contentRoot);

    /// <summary>Every problem of this configuration, each naming the key to fix; empty when it is usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(ConnectionString) && AccountUrl is not null)
        {
            errors.Add("Set Storage:ConnectionString or Storage:AccountUrl, not both.");
        }

        if (AccountUrl is not null
            && (!AccountUrl.IsAbsoluteUri || (AccountUrl.Scheme != Uri.UriSchemeHttps && !AccountUrl.IsLoopback)))
        {
            errors.Add($"Storage:AccountUrl must be an absolute https URL such as https://ACCOUNT.blob.core.windows.net (http only for a loopback emulator); got '{AccountUrl}'.");
        }

        if (!string.IsNullOrWhiteSpace(ConnectionString) && !ConnectionString.Contains('=', StringComparison.Ordinal))
        {
            errors.Add("Storage:ConnectionString is not a storage connection string (expected Key=Value;… pairs, e.g. AccountName=…;AccountKey=… or UseDevelopmentStorage=true).");
        }

        // Azure's naming rules for containers and queues: 3-63 of a-z, 0-9 and single inner hyphens.
        if (Container is null || !ResourceName().IsMatch(Container))
        {
            errors.Add($"Storage:Container '{Container}' is not a valid container name (3-63 characters: lower-case letters, digits and single hyphens, starting and ending with a letter or digit).");
        }

        if (Queue is null || !ResourceName().IsMatch(Queue))
        {
            errors.Add($"Storage:Queue '{Queue}' is not a valid queue name (3-63 characters: lower-case letters, digits and single hyphens, starting and ending with a letter or digit).");
        }

        if (ProjectionQueue is null || !ResourceName().IsMatch(ProjectionQueue) || ProjectionQueue == Queue)
        {
            errors.Add($"Storage:ProjectionQueue '{ProjectionQueue}' is not a valid queue name distinct from Storage:Queue (3-63 characters: lower-case letters, digits and single hyphens, starting and ending with a letter or digit).");
        }

        if (NetworkTimeout <= TimeSpan.Zero || NetworkTimeout > TimeSpan.FromMinutes(10))
        {
            errors.Add($"Storage:NetworkTimeout must be between 00:00:00.001 and 00:10:00; got {NetworkTimeout}.");
        }

        if (MaxRetries is < 0 or > 10)
        {
            errors.Add($"Storage:MaxRetries must be between 0 and 10; got {MaxRetries}.");
        }

        if (ReconcileInterval < TimeSpan.FromSeconds(1))
        {
            errors.Add($"Storage:ReconcileInterval must be at least 00:00:01; got {ReconcileInterval}.");
        }

        return errors;
    }

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9]))*$", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceName();
}
