using System.Globalization;
using FollowUpBot.Storage;

namespace FollowUpBot.Tests.Storage;

/// <summary>
/// The test assembly's entry point. The test host never calls it; a test starts the built assembly as
/// a second process (<c>dotnet FollowUpBot.Tests.dll local-store-worker …</c>) to race a local store
/// from outside the test process.
/// </summary>
internal static class CrossProcessWorker
{
    public const string Command = "local-store-worker";

    public static async Task<int> Main(string[] args)
    {
        if (args is not [Command, var root, var countText, var claimsText])
        {
            await Console.Error.WriteLineAsync($"usage: {Command} ROOT INCREMENTS CLAIMS");
            return 2;
        }

        var store = new LocalBlobStore(root);
        var wins = await RaceAsync(store, int.Parse(countText, CultureInfo.InvariantCulture), int.Parse(claimsText, CultureInfo.InvariantCulture));
        Console.WriteLine(string.Join(' ', wins));
        return 0;
    }

    /// <summary>Increments "counter" with If-Match, then tries to create each claim blob; returns the claims it won.</summary>
    public static async Task<List<int>> RaceAsync(IBlobStore store, int increments, int claims)
    {
        for (var n = 0; n < increments; n++)
        {
            while (true)
            {
                var current = await store.GetAsync("counter");
                try
                {
                    if (current is null)
                    {
                        await store.PutAsync("counter", BinaryData.FromString("1"), BlobCondition.CreateOnly);
                    }
                    else
                    {
                        var next = int.Parse(current.Content.ToString(), CultureInfo.InvariantCulture) + 1;
                        await store.PutAsync("counter", BinaryData.FromString(next.ToString(CultureInfo.InvariantCulture)), BlobCondition.Match(current.ETag));
                    }

                    break;
                }
                catch (BlobConflictException)
                {
                    // Another writer got there first: read again.
                }
            }
        }

        var wins = new List<int>();
        for (var claim = 0; claim < claims; claim++)
        {
            try
            {
                await store.PutAsync($"claims/{claim}", BinaryData.FromString(Environment.ProcessId.ToString(CultureInfo.InvariantCulture)), BlobCondition.CreateOnly);
                wins.Add(claim);
            }
            catch (BlobConflictException)
            {
                // Claimed by another writer.
            }
        }

        return wins;
    }
}
