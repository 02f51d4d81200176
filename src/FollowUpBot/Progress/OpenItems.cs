using FollowUpBot.Ledger;

namespace FollowUpBot.Progress;

/// <summary>
/// The items a department still has to act on, across every published meeting: one read of the department's index
/// (<c>index/departments/{department}.json</c>) per department, whatever the size of the ledger.
/// </summary>
internal sealed class OpenItemFinder(MeetingLedger ledger)
{
    public async Task<List<OpenItem>> ForDepartmentsAsync(IReadOnlyCollection<string> departments, CancellationToken cancellationToken = default)
    {
        if (departments.Count == 0)
        {
            return [];
        }

        var open = await ledger.Index.OpenItemsAsync(departments, cancellationToken).ConfigureAwait(false);
        return [.. open.Select(o => new OpenItem(o.Entry, o.Department))];
    }
}
