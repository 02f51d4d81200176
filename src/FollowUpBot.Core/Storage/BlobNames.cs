using System.Security.Cryptography;
using System.Text;

namespace FollowUpBot.Storage;

/// <summary>
/// Blob names of the layout in DESIGN.md, and the rule that keeps ids from outside (Teams ids such as
/// <c>a:1xyz</c> or <c>19:abc@thread.tacv2;messageid=1</c>) safe as path segments on every backend.
/// </summary>
internal static class BlobNames
{
    public const string SchedulerLock = "locks/scheduler";
    public const string Directory = "directory/departments.json";
    public const string MeetingsIndex = "index/meetings.json";
    public const string PendingIndex = "index/pending.json";

    /// <summary>The open items of one department (see <c>LedgerIndex</c>).</summary>
    public static string DepartmentIndex(string department) => $"index/departments/{Segment(department)}.json";

    /// <summary>The blob whose lease makes one projector per meeting at a time.</summary>
    public static string MeetingLock(string meetingId) => $"locks/meetings/{Segment(meetingId)}";

    public static string Meeting(string meetingId) => $"meetings/{Segment(meetingId)}/meeting.json";

    public static string MeetingSource(string meetingId) => $"meetings/{Segment(meetingId)}/source.txt";

    public static string ProgressPrefix(string meetingId, string? itemId = null) =>
        itemId is null ? $"meetings/{Segment(meetingId)}/progress/" : $"meetings/{Segment(meetingId)}/progress/{Segment(itemId)}/";

    public static string Progress(string meetingId, string itemId, DateTimeOffset timestamp, string updateId) =>
        $"{ProgressPrefix(meetingId, itemId)}{timestamp.UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}-{Segment(updateId)}.json";

    public static string Reminder(string tenantId, string recipientAadId, string slotKey) =>
        $"reminders/{Segment(tenantId)}/{Segment(recipientAadId)}/{Segment(slotKey)}.json";

    public static string Conversation(string tenantId, string userOrConversationId) =>
        $"conversations/{Segment(tenantId)}/{Segment(userOrConversationId)}.json";

    /// <summary>A stable id for a progress record: a hash of the conversation id and the activity id, so a retried activity maps to one name.</summary>
    public static string UpdateId(string conversationId, string activityId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(conversationId + "\n" + activityId));
        return Convert.ToHexStringLower(hash[..12]);
    }

    /// <summary>
    /// Makes an id safe as one path segment: letters, digits, '-', '_' and '.' pass; anything else
    /// (':', '/', '@', ';', '%', non-ASCII) is written as '%XX' of its UTF-8 bytes, then '%' as '~'
    /// so the result needs no further URL escaping. The mapping is one-to-one.
    /// </summary>
    public static string Segment(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var builder = new StringBuilder(id.Length + 8);
        foreach (var b in Encoding.UTF8.GetBytes(id))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('~').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var segment = builder.ToString();
        // "." and ".." are not names a folder can hold.
        return segment is "." or ".." ? segment.Replace(".", "~2E", StringComparison.Ordinal) : segment;
    }

    /// <summary>The id a <see cref="Segment"/> was made from.</summary>
    public static string DecodeSegment(string segment)
    {
        ArgumentException.ThrowIfNullOrEmpty(segment);
        var bytes = new List<byte>(segment.Length);
        for (var i = 0; i < segment.Length; i++)
        {
            if (segment[i] == '~' && i + 2 < segment.Length && byte.TryParse(segment.AsSpan(i + 1, 2), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var b))
            {
                bytes.Add(b);
                i += 2;
            }
            else
            {
                bytes.Add((byte)segment[i]);
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>Refuses names that could leave the container or the data folder.</summary>
    public static void Validate(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.StartsWith('/') || name.EndsWith('/') || name.Contains('\\', StringComparison.Ordinal) || name.Length > 1024)
        {
            throw new ArgumentException($"'{name}' is not a valid blob name.", nameof(name));
        }

        foreach (var part in name.Split('/'))
        {
            if (part.Length == 0 || part is "." or ".." || part.Any(char.IsControl))
            {
                throw new ArgumentException($"'{name}' is not a valid blob name.", nameof(name));
            }
        }
    }
}
