using System.Text.Json;
using FollowUpBot.Ledger;

namespace FollowUpBot.Tests.Storage;

/// <summary>
/// <see cref="MeetingProjection.Normalize(MeetingItem)"/> gives an already normalized item back as it is (no copies per
/// record applied); these tests hold it to the copying normalization it had before, written out here as the reference.
/// </summary>
public sealed class MeetingProjectionNormalizeTests
{
    private static readonly string[] Names = ["发改委", "财政局", "住建局", "交通局"];
    private static readonly ProgressStatus[] Statuses = Enum.GetValues<ProgressStatus>();

    [Fact]
    public void ANormalizedItemIsGivenBackAsItIs()
    {
        var item = MeetingProjection.Normalize(new MeetingItem { Id = "i1", Task = "任务", Lead = ["发改委"], Support = ["财政局"] });

        Assert.True(MeetingProjection.IsNormalized(item));
        Assert.Same(item, MeetingProjection.Normalize(item));
    }

    [Fact]
    public void AnyItemNormalizesAsTheCopyingReferenceDoesAndOnlyANormalizedOneIsKept()
    {
        var random = new Random(12);
        var kept = 0;
        for (var n = 0; n < 5_000; n++)
        {
            var item = RandomItem(random);
            var expected = Reference(item);
            var normalized = MeetingProjection.Normalize(item);

            Assert.Equal(Json(expected), Json(normalized));
            Assert.Equal(Json(expected) == Json(item), MeetingProjection.IsNormalized(item));
            Assert.Same(normalized, MeetingProjection.Normalize(normalized));
            kept += ReferenceEquals(item, normalized) ? 1 : 0;
        }

        // The random items include normalized ones, so the fast path itself is held to the reference too.
        Assert.InRange(kept, 100, 4_900);
    }

    [Fact]
    public void DeriveIsTheLeastAdvancedLeadStatusOrOfAllDepartmentsWithoutALead()
    {
        var item = new MeetingItem
        {
            Id = "i1",
            Task = "任务",
            Lead = ["发改委", "财政局"],
            Departments =
            [
                new DepartmentProgress { Department = "发改委", Status = ProgressStatus.Closed },
                new DepartmentProgress { Department = "财政局", Status = ProgressStatus.Blocked },
                new DepartmentProgress { Department = "住建局", Status = ProgressStatus.NotStarted },
            ],
        };

        Assert.Equal(ProgressStatus.Blocked, MeetingProjection.Derive(item));
        Assert.Equal(ProgressStatus.NotStarted, MeetingProjection.Derive(item with { Lead = ["发改委", "交通局"] }));
        Assert.Equal(ProgressStatus.NotStarted, MeetingProjection.Derive(item with { Lead = [] }));
        Assert.Equal(ProgressStatus.Closed, MeetingProjection.Derive(item with { Lead = [], Departments = [item.Departments[0]] }));
        Assert.Equal(ProgressStatus.NotStarted, MeetingProjection.Derive(item with { Lead = [], Departments = [] }));
    }

    private static MeetingItem RandomItem(Random random)
    {
        string[] Pick(int max) => [.. Enumerable.Range(0, random.Next(max + 1)).Select(_ => Names[random.Next(Names.Length)])];
        var item = new MeetingItem
        {
            Id = "i1",
            Task = "任务",
            Lead = Pick(2),
            Support = Pick(2),
            Status = Statuses[random.Next(Statuses.Length)],
            Departments = [.. Pick(4).Select(name => new DepartmentProgress
            {
                Department = name,
                Role = random.Next(2) == 0 ? DepartmentRole.Lead : DepartmentRole.Support,
                Status = Statuses[random.Next(Statuses.Length)],
                Reports = random.Next(3),
            })],
        };

        // Half of them normalized first (then sometimes disturbed in one field), so that both paths are taken often.
        if (random.Next(2) == 0)
        {
            item = Reference(item);
            if (random.Next(3) == 0)
            {
                item = item with { Status = Statuses[random.Next(Statuses.Length)] };
            }
        }

        return item;
    }

    /// <summary>Normalization as it was written before the fast path: always copies.</summary>
    private static MeetingItem Reference(MeetingItem item)
    {
        var departments = new List<DepartmentProgress>();
        foreach (var name in item.Lead.Concat(item.Support).Distinct(StringComparer.Ordinal))
        {
            var role = item.Lead.Contains(name, StringComparer.Ordinal) ? DepartmentRole.Lead : DepartmentRole.Support;
            var existing = item.Departments.FirstOrDefault(d => d.Department == name);
            departments.Add(existing is null ? new DepartmentProgress { Department = name, Role = role } : existing with { Role = role });
        }

        departments.AddRange(item.Departments.Where(d => d.Reports > 0 && !departments.Exists(x => x.Department == d.Department)));
        var normalized = item with { Departments = departments };
        var names = normalized.Lead.Count > 0 ? normalized.Lead : [.. normalized.Departments.Select(d => d.Department)];
        var status = names.Count == 0
            ? ProgressStatus.NotStarted
            : names.Select(n => normalized.Departments.FirstOrDefault(d => d.Department == n)?.Status ?? ProgressStatus.NotStarted).MinBy(MeetingProjection.Rank);
        return normalized with { Status = status };
    }

    private static string Json(MeetingItem item) => JsonSerializer.Serialize(item, LedgerJsonContext.Default.MeetingItem);
}
