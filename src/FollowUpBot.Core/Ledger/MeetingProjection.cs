namespace FollowUpBot.Ledger;

/// <summary>
/// How progress records become the state in <c>meeting.json</c>. Every piece of state a record can
/// set is a register that the record with the greatest key (its name: activity time, then update id)
/// wins, and a closed status wins over any open one. Applying is therefore idempotent and the order
/// records arrive in does not matter: racing writers end in the same state as a replay in name order.
/// Each item also lists the update ids it has applied, so counts stay exact and the reconciler sees
/// at a glance which records are missing.
/// </summary>
internal static class MeetingProjection
{
    /// <summary>A record's key: its blob name without folders and ".json" (<c>{yyyyMMddTHHmmssfffZ}-{updateId}</c>).</summary>
    public static string KeyOf(string recordName)
    {
        ArgumentException.ThrowIfNullOrEmpty(recordName);
        var file = recordName[(recordName.LastIndexOf('/') + 1)..];
        return file.EndsWith(".json", StringComparison.Ordinal) ? file[..^5] : file;
    }

    /// <summary>The update id part of a record key.</summary>
    public static string UpdateIdOf(string key) => key[(key.IndexOf('-', StringComparison.Ordinal) + 1)..];

    /// <summary>
    /// How far a status has come. A blocked department has started but cannot move, so it ranks
    /// behind one that is moving; an item shows the lowest rank among its lead departments.
    /// </summary>
    public static int Rank(ProgressStatus status) => status switch
    {
        ProgressStatus.NotStarted => 0,
        ProgressStatus.Blocked => 1,
        ProgressStatus.InProgress => 2,
        ProgressStatus.CompletionRequested => 3,
        ProgressStatus.Closed => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Gives every item an entry per lead and supporting department and its derived status.</summary>
    public static MeetingDocument Normalize(MeetingDocument meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return meeting with { Items = [.. meeting.Items.Select(Normalize)] };
    }

    public static MeetingItem Normalize(MeetingItem item)
    {
        ArgumentNullException.ThrowIfNull(item);

        // Every report's view and every projector batch normalizes the item it changes, which almost always is already:
        // give it back as it is instead of copying it and each of its departments.
        if (IsNormalized(item))
        {
            return item;
        }

        var departments = new List<DepartmentProgress>(item.Lead.Count + item.Support.Count);
        foreach (var name in item.Lead.Concat(item.Support).Distinct(StringComparer.Ordinal))
        {
            var role = item.Lead.Contains(name, StringComparer.Ordinal) ? DepartmentRole.Lead : DepartmentRole.Support;
            var existing = item.FindDepartment(name);
            departments.Add(existing is null ? new DepartmentProgress { Department = name, Role = role } : existing with { Role = role });
        }

        // A department taken off the item keeps its entry while it has history, so no report disappears.
        departments.AddRange(item.Departments.Where(d => d.Reports > 0 && !departments.Exists(x => x.Department == d.Department)));
        return item with { Departments = departments, Status = Derive(item.Lead, departments) };
    }

    /// <summary>
    /// Whether <see cref="Normalize(MeetingItem)"/> would give back an item equal to this one: an entry per distinct lead,
    /// then supporting, department in that order with its role; after them only departments with history named nowhere
    /// before; and the derived status.
    /// </summary>
    internal static bool IsNormalized(MeetingItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var departments = item.Departments;
        var named = item.Lead.Count + item.Support.Count;
        var k = 0;
        for (var i = 0; i < named; i++)
        {
            var name = NamedAt(item, i);
            if (NamedBefore(item, i, name))
            {
                continue;
            }

            var role = IndexOf(item.Lead, name) >= 0 ? DepartmentRole.Lead : DepartmentRole.Support;
            if (k >= departments.Count || departments[k].Department != name || departments[k].Role != role)
            {
                return false;
            }

            k++;
        }

        for (; k < departments.Count; k++)
        {
            if (departments[k].Reports <= 0 || IndexOf(departments, departments[k].Department, k) >= 0)
            {
                return false;
            }
        }

        return item.Status == Derive(item.Lead, departments);
    }

    /// <summary>The least advanced status of the lead departments (of all departments when none leads).</summary>
    public static ProgressStatus Derive(MeetingItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Derive(item.Lead, item.Departments);
    }

    private static ProgressStatus Derive(IReadOnlyList<string> lead, IReadOnlyList<DepartmentProgress> departments)
    {
        var count = lead.Count > 0 ? lead.Count : departments.Count;
        if (count == 0)
        {
            return ProgressStatus.NotStarted;
        }

        // Loops, not LINQ: this runs for every record applied. A department is its first entry, as in FindDepartment.
        var least = ProgressStatus.NotStarted;
        var leastRank = int.MaxValue;
        for (var i = 0; i < count; i++)
        {
            var name = lead.Count > 0 ? lead[i] : departments[i].Department;
            var at = IndexOf(departments, name, departments.Count);
            var status = at >= 0 ? departments[at].Status : ProgressStatus.NotStarted;
            var rank = Rank(status);
            if (rank < leastRank)
            {
                (least, leastRank) = (status, rank);
            }
        }

        return least;
    }

    /// <summary>Applies one record; returns the same instance when it was applied before or names an item the meeting lacks.</summary>
    public static MeetingDocument Apply(MeetingDocument meeting, string key, ProgressRecord record)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(record);
        var item = meeting.FindItem(record.ItemId);
        if (item is null)
        {
            return meeting;
        }

        var applied = Apply(item, key, record);
        if (ReferenceEquals(applied, item))
        {
            return meeting;
        }

        var items = new MeetingItem[meeting.Items.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = ReferenceEquals(meeting.Items[i], item) ? applied : meeting.Items[i];
        }

        return meeting with { Items = items };
    }

    public static MeetingItem Apply(MeetingItem item, string key, ProgressRecord record)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(record);
        var updateId = UpdateIdOf(key);
        if (item.Applied.Contains(updateId))
        {
            return item;
        }

        item = Normalize(item);
        var departments = new List<DepartmentProgress>(item.Departments.Count + 1);
        departments.AddRange(item.Departments);

        // An approval without a department closes the whole item: every department's part (a normalized item names each once).
        if (record.Department is { } department)
        {
            var index = IndexOf(departments, department, departments.Count);
            if (index < 0)
            {
                departments.Add(new DepartmentProgress { Department = department, Role = DepartmentRole.Support });
                index = departments.Count - 1;
            }

            departments[index] = ApplyToDepartment(departments[index], key, record);
        }
        else
        {
            for (var i = 0; i < departments.Count; i++)
            {
                departments[i] = ApplyToDepartment(departments[i], key, record);
            }
        }

        var extended = item.Extended;
        if (record is { Kind: ProgressKind.ExtensionApproval, Due: { } granted }
            && (extended is null || string.CompareOrdinal(key, extended.Record) > 0))
        {
            extended = new DueChange(granted, key);
        }

        return item with
        {
            Departments = departments,
            Extended = extended,
            Applied = item.Applied.Add(updateId),
            Status = Derive(item.Lead, departments),
        };
    }

    /// <summary>Replays records in name order onto the meeting's items as they were before any record: the reference the projection must equal.</summary>
    public static MeetingDocument Replay(MeetingDocument meeting, IEnumerable<(string Key, ProgressRecord Record)> records)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(records);
        var fresh = Normalize(meeting with
        {
            AppliedBefore = null,
            Items = [.. meeting.Items.Select(i => i with
            {
                Applied = [],
                Extended = null,
                Departments = [.. i.Departments.Where(d => i.Lead.Contains(d.Department) || i.Support.Contains(d.Department))
                    .Select(d => new DepartmentProgress { Department = d.Department, Role = d.Role })],
            })],
        });
        return records
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .Aggregate(fresh, (current, r) => Apply(current, r.Key, r.Record));
    }

    private static DepartmentProgress ApplyToDepartment(DepartmentProgress department, string key, ProgressRecord record)
    {
        var reports = department.Reports + 1;
        var status = record.Kind switch
        {
            // A report without a status still says the work is going.
            ProgressKind.Progress => record.Status ?? ProgressStatus.InProgress,
            ProgressKind.CompletionRequest => ProgressStatus.CompletionRequested,
            ProgressKind.CompletionApproval => ProgressStatus.Closed,
            ProgressKind.CompletionRejection => ProgressStatus.InProgress,
            _ => (ProgressStatus?)null,
        };
        if (status is { } s && StatusWins(s, key, department))
        {
            department = department with
            {
                Reports = reports,
                Status = s,
                Percent = record.Percent ?? (s == ProgressStatus.Closed ? 100 : null),
                Note = record.Note,
                By = record.By,
                At = record.At,
                Record = key,
            };
        }
        else
        {
            department = department with { Reports = reports };
        }

        var outcome = record.Kind switch
        {
            ProgressKind.ExtensionRequest => ExtensionOutcome.Pending,
            ProgressKind.ExtensionApproval => ExtensionOutcome.Approved,
            ProgressKind.ExtensionRejection => ExtensionOutcome.Rejected,
            _ => (ExtensionOutcome?)null,
        };
        if (outcome is { } o && (department.Extension is null || string.CompareOrdinal(key, department.Extension.Record) > 0))
        {
            department = department with
            {
                Extension = new ExtensionState
                {
                    // Only the record's own fields: what an earlier record said must not leak in, or order would matter.
                    Outcome = o,
                    RequestedDue = record.Due,
                    Reason = record.Note,
                    By = record.By,
                    At = record.At,
                    Record = key,
                },
            };
        }

        return department;
    }

    /// <summary>Closed beats open whatever the order; otherwise the later record wins.</summary>
    private static bool StatusWins(ProgressStatus candidate, string key, DepartmentProgress current)
    {
        if (current.Record is null)
        {
            return true;
        }

        var candidateClosed = candidate == ProgressStatus.Closed;
        var currentClosed = current.Status == ProgressStatus.Closed;
        return candidateClosed != currentClosed ? candidateClosed : string.CompareOrdinal(key, current.Record) > 0;
    }

    private static string NamedAt(MeetingItem item, int i) => i < item.Lead.Count ? item.Lead[i] : item.Support[i - item.Lead.Count];

    private static bool NamedBefore(MeetingItem item, int i, string name)
    {
        for (var j = 0; j < i; j++)
        {
            if (NamedAt(item, j) == name)
            {
                return true;
            }
        }

        return false;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The first of the first <paramref name="count"/> departments named <paramref name="name"/>, or -1.</summary>
    private static int IndexOf(IReadOnlyList<DepartmentProgress> departments, string name, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (departments[i].Department == name)
            {
                return i;
            }
        }

        return -1;
    }
}
