using FollowUpBot.Departments;
using FollowUpBot.Storage;
using Microsoft.Extensions.Time.Testing;

namespace FollowUpBot.Tests.Departments;

/// <summary>
/// Two instances starting on one store: a report that reaches an instance before the file has seeded the stored
/// directory must not leave that instance refusing every contact for the cache's half minute.
/// </summary>
public sealed class DirectoryStoreStartupTests : IDisposable
{
    private static readonly DepartmentDirectory FromFile = new([new Department("宣传部", [], [new Contact("aad-1", "甲")], null)]);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "followup-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task AReadBeforeTheDirectoryIsSeededIsNotRememberedAsEmpty()
    {
        var store = new LocalBlobStore(_root, _time);
        var starting = new DirectoryStore(store, _time);
        var seeding = new DirectoryStore(store, _time);

        Assert.Empty((await starting.GetAsync()).Departments);
        await seeding.SeedAsync(FromFile);

        // Well inside DirectoryStore.CacheFor: the instance that read nothing reads again.
        Assert.Equal(["宣传部"], (await starting.GetAsync()).Departments.Select(d => d.Name));
    }

    [Fact]
    public async Task SeedingWhatAnotherInstanceAlreadyWroteRefreshesTheCache()
    {
        var store = new LocalBlobStore(_root, _time);
        var first = new DirectoryStore(store, _time);
        var second = new DirectoryStore(store, _time);
        await first.SeedAsync(new DepartmentDirectory([new Department("财政局", [], [], null)]));
        Assert.Equal(["财政局"], (await second.GetAsync()).Departments.Select(d => d.Name));

        // The first instance seeds the new file; the second, seeding the same file, finds nothing to change.
        await first.SeedAsync(FromFile);
        await second.SeedAsync(FromFile);

        Assert.Equal(["宣传部"], (await second.GetAsync()).Departments.Select(d => d.Name));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
