using FollowUpBot.Ledger;

namespace FollowUpBot.Progress;

/// <summary>An open item of a published meeting, seen from one of its departments, as the department's index lists it.</summary>
internal sealed record OpenItem(OpenItemEntry Entry, string Department)
{
    public string MeetingId => Entry.MeetingId;

    public string ItemId => Entry.ItemId;

    public int? Number => Entry.Number;
}
