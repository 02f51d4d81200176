namespace FollowUpBot.Testing;

/// <summary>Where things are in the repository, found from the test binary's folder (compiled into every test project).</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FollowUpBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No FollowUpBot.sln above {AppContext.BaseDirectory}.");
    });

    /// <summary>The folder that holds FollowUpBot.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>A file the tests read, copied next to the test binary from tests/fixtures.</summary>
    public static string Fixture(string relativePath) => Path.Combine(AppContext.BaseDirectory, "fixtures", relativePath);

    /// <summary>A program installed by <c>npm ci</c> from the committed lock file (node_modules/.bin).</summary>
    public static string NodeBin(string name)
    {
        var path = Path.Combine(Root, "node_modules", ".bin", name);
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} is missing: run ./test.sh (or npm ci) at the repository root first.");
    }
}
