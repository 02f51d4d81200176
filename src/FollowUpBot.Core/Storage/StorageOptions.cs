namespace FollowUpBot.Storage;

/// <summary>Where the ledger lives (configuration section <c>Storage</c>; DESIGN.md names the keys).</summary>
internal sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>An Azure Storage connection string (Azurite's too).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>An account URL such as https://acct.blob.core.windows.net, used with DefaultAzureCredential.</summary>
    public Uri? AccountUrl { get; set; }

    /// <summary>The local data folder of the embedded default.</summary>
    public string? LocalPath { get; set; }

    public string Container { get; set; } = "followup";

    public string Queue { get; set; } = "followup-reminders";

    public bool UsesAzure => !string.IsNullOrWhiteSpace(ConnectionString) || AccountUrl is not null;

    /// <summary>The folder used when no storage is configured: beside the app's content root.</summary>
    public string ResolveLocalPath(string contentRoot) =>
        string.IsNullOrWhiteSpace(LocalPath) ? Path.Combine(contentRoot, ".data") : Path.GetFullPath(LocalPath, contentRoot);
}
