using FollowUpBot.Ledger;

namespace FollowUpBot.Progress;

/// <summary>An item of a published meeting, seen from one of its departments.</summary>
internal sealed record OpenItem(MeetingDocument Meeting, MeetingItem Item, string Department)
{
    public DepartmentProgress? Progress => Item.FindDepartment(Department);
}

/// <summary>The items a department still has to act on, across every published meeting.</summary>
internal sealed class OpenItemFinder(MeetingLedger ledger)
{
    public async Task<List<OpenItem>> ForDepartmentsAsync(IReadOnlyCollection<string> departments, CancellationToken cancellationToken = default)
    {
        var open = new List<OpenItem>();
        if (departments.Count == 0)
        {
            return open;
        }

        await foreach (var meetingId in ledger.ListMeetingIdsAsync(cancellationToken).ConfigureAwait(false))
        {
            var meeting = (await ledger.GetMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false))?.Document;
            if (meeting is not { State: MeetingState.Published })
            {
                continue;
            }

            foreach (var item in meeting.Items)
            {
                foreach (var department in item.Lead.Concat(item.Support).Where(departments.Contains))
                {
                    if (item.Status != ProgressStatus.Closed && item.FindDepartment(department)?.Status != ProgressStatus.Closed)
                    {
                        open.Add(new OpenItem(meeting, item, department));
                    }
                }
            }
        }

        return [.. open.OrderByDescending(o => o.Meeting.PublishedAt).ThenBy(o => o.Item.Number)];
    }
}
