using FollowUpBot.Storage;

namespace FollowUpBot.Cli;

/// <summary>The bot's storage as the commands that read it (export, bulletin) open it: a local data folder or an Azure Storage account.</summary>
internal static class CliStorage
{
    public static IBlobStore Open(CliArgs parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var data = parsed.Option("data");
        var connection = parsed.Option("connection-string");
        var container = parsed.Option("container");
        if (string.IsNullOrWhiteSpace(data) == string.IsNullOrWhiteSpace(connection))
        {
            throw new CliUsageException("give exactly one of --data DIR and --connection-string CS.");
        }

        if (!string.IsNullOrWhiteSpace(container) && string.IsNullOrWhiteSpace(connection))
        {
            throw new CliUsageException("--container goes with --connection-string.");
        }

        if (string.IsNullOrWhiteSpace(connection))
        {
            return new LocalBlobStore(Path.GetFullPath(data!));
        }

        var options = new StorageOptions { ConnectionString = connection, Container = container ?? new StorageOptions().Container };
        return options.Validate() is { Count: > 0 } problems ? throw new CliUsageException(string.Join(" ", problems)) : AzureBlobStore.Create(options);
    }
}
