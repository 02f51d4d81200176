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
    /// The longest segment written as is. Every name of the layout then stays valid on both backends: a
    /// file name (the segment plus at most 25 characters of time stamp and ".json") within 255 bytes, an
    /// Azure blob name (at most three segments) within 1,024 characters.
    /// </summary>
    public const int MaxPlainSegment = 230;

    /// <summary>How much of a long id's encoding a hashed segment keeps in front, so a person can still tell it apart.</summary>
    private const int HashedPrefix = 150;

    /// <summary>Between the kept prefix and the hash; a plain segment never holds it ('~' always starts "~XX").</summary>
    private const string HashMark = "~~";

    /// <summary>
    /// Makes an id safe as one path segment: letters, digits, '-', '_' and '.' pass; anything else
    /// (':', '/', '@', ';', '%', NUL, non-ASCII) is written as '%XX' of its UTF-8 bytes, then '%' as '~'
    /// so the result needs no further URL escaping, and a trailing '.' (which Windows and some URL
    /// parsers drop) is escaped too. The mapping is one-to-one. An encoding longer than
    /// <see cref="MaxPlainSegment"/> becomes its first characters, "~~" and a SHA-256 of the id: still one
    /// name per id (no plain segment contains "~~"), but not decodable, so documents under such names
    /// carry the original id inside.
    /// </summary>
    public static string Segment(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var bytes = Encoding.UTF8.GetBytes(id);
        var builder = new StringBuilder(Math.Min(bytes.Length, MaxPlainSegment) + 8);
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' || (c == '.' && i < bytes.Length - 1))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('~').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }

            if (builder.Length > MaxPlainSegment)
            {
                return Hashed(builder, bytes);
            }
        }

        var segment = builder.ToString();
        // ".." is not a name a folder can hold ("." already ends in an escaped dot); written as before the trailing-dot rule.
        return segment is ".~2E" ? "~2E~2E" : segment;
    }

    /// <summary>Whether a segment stands for a long id by its hash (and so cannot be decoded).</summary>
    public static bool IsHashed(string segment) => segment.Contains(HashMark, StringComparison.Ordinal);

    private static string Hashed(StringBuilder encoded, byte[] id)
    {
        // Cut before an escape that the prefix would split, so the prefix reads as the id's beginning.
        var cut = HashedPrefix;
        for (var back = 1; back <= 2; back++)
        {
            if (encoded[cut - back] == '~')
            {
                cut -= back;
                break;
            }
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(id)[..20]);
        return string.Concat(encoded.ToString(0, cut), HashMark, hash);
    }

    /// <summary>The id a <see cref="Segment"/> was made from; a hashed segment (<see cref="IsHashed"/>) cannot be decoded.</summary>
    public static string DecodeSegment(string segment)
    {
        ArgumentException.ThrowIfNullOrEmpty(segment);
        if (IsHashed(segment))
        {
            throw new FormatException($"The segment '{segment}' stands for a long id by its hash; the id is kept inside the document.");
        }

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

    /// <summary>The longest path segment either backend takes (Azure: 254 per segment; a file name: 255 bytes).</summary>
    public const int MaxSegmentLength = 254;

    /// <summary>Refuses names that could leave the container or the data folder, or that a backend cannot hold.</summary>
    public static void Validate(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.StartsWith('/') || name.EndsWith('/') || name.Contains('\\', StringComparison.Ordinal) || name.Length > 1024)
        {
            throw Invalid(name);
        }

        foreach (var part in name.Split('/'))
        {
            if (part.Length == 0 || part is "." or ".." || part.Any(char.IsControl) || Encoding.UTF8.GetByteCount(part) > MaxSegmentLength)
            {
                throw Invalid(name);
            }
        }
    }

    // The name may be an attacker's 100,000 characters: the message keeps its start only.
    private static ArgumentException Invalid(string name) =>
        new($"'{(name.Length > 200 ? name[..200] + "…" : name)}' is not a valid blob name.", nameof(name));
}
