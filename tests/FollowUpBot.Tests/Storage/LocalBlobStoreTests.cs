using System.Diagnostics;
using System.Globalization;
using FollowUpBot.Storage;

namespace FollowUpBot.Tests.Storage;

public sealed class LocalBlobStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "followup-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task TwoProcessesAndThisOneSharingAFolderLoseNoUpdateAndWinEachClaimOnce()
    {
        const int Increments = 150;
        const int Claims = 300;
        var children = Enumerable.Range(0, 2).Select(_ => RunChildAsync(Increments, Claims)).ToList();
        var local = Enumerable.Range(0, 2).Select(_ => Task.Run(() => CrossProcessWorker.RaceAsync(new LocalBlobStore(_root), Increments, Claims))).ToList();

        var childWins = await Task.WhenAll(children);
        var localWins = await Task.WhenAll(local);

        var store = new LocalBlobStore(_root);
        Assert.Equal((4 * Increments).ToString(CultureInfo.InvariantCulture), (await store.GetAsync("counter"))!.Content.ToString());
        var allWins = childWins.Concat(localWins).SelectMany(w => w).ToList();
        Assert.Equal(Enumerable.Range(0, Claims), allWins.Order());
    }

    [Fact]
    public async Task AWriteLeavesNoTempFileAndOnlyWholeDocumentsAreRead()
    {
        var store = new LocalBlobStore(_root);
        var big = new string('x', 1 << 20);
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++)
            {
                await store.PutAsync("big.json", BinaryData.FromString(i % 2 == 0 ? big : "small"), BlobCondition.None);
            }
        });

        while (!writer.IsCompleted)
        {
            var blob = await store.GetAsync("big.json");
            Assert.True(blob is null || blob.Content.ToString() is "small" || blob.Content.ToMemory().Length == big.Length);
        }

        await writer;
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_root, ".tmp")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private async Task<List<int>> RunChildAsync(int increments, int claims)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { typeof(CrossProcessWorker).Assembly.Location, CrossProcessWorker.Command, _root, increments.ToString(CultureInfo.InvariantCulture), claims.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"worker exited with {process.ExitCode}: {await error}");
        var text = (await output).Trim();
        return text.Length == 0 ? [] : [.. text.Split(' ').Select(w => int.Parse(w, CultureInfo.InvariantCulture))];
    }
}
