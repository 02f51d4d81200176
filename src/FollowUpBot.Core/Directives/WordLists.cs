using System.Buffers.Binary;

namespace FollowUpBot.Directives;

/// <summary>
/// The automatic lists of a Word 97–2003 document ([MS-DOC] PlfLst, LVL, PlfLfo): a paragraph names a list override
/// (ilfo, 1-based) and a level; the override names a list (lsid) and may restart a level; each of the list's levels has a
/// start value, a number format (nfc) and a level text in which characters 0–8 stand for the numbers of levels 0–8.
/// A table it cannot read gives no labels rather than failing the document: the numbers are a help to the outline reader,
/// the words are what matter.
/// </summary>
internal sealed class WordLists
{
    private const int LstfSize = 28;
    private const int LvlfSize = 28;
    private const int LfoSize = 16;
    private const int MaxLists = 32_767;

    private static readonly WordLists Empty = new([], []);

    private readonly Dictionary<int, Level[]> _lists;
    private readonly List<Override> _overrides;
    private readonly ListNumbers<int> _numbers = new();

    private WordLists(Dictionary<int, Level[]> lists, List<Override> overrides)
    {
        _lists = lists;
        _overrides = overrides;
    }

    public static WordLists Read(byte[] table, uint fcPlfLst, uint lcbPlfLst, uint fcPlfLfo, uint lcbPlfLfo)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (lcbPlfLst < 2 || lcbPlfLfo < 4 || fcPlfLst >= table.Length || fcPlfLfo >= table.Length)
        {
            return Empty;
        }

        try
        {
            var lists = ReadLists(table, (int)fcPlfLst);
            var overrides = ReadOverrides(table, (int)fcPlfLfo);
            return lists.Count == 0 || overrides.Count == 0 ? Empty : new WordLists(lists, overrides);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException or FormatException or OverflowException)
        {
            return Empty;
        }
    }

    /// <summary>The label of the next paragraph of list override <paramref name="ilfo"/> at <paramref name="ilvl"/>, or empty.</summary>
    public string Label(int ilfo, int ilvl)
    {
        if (ilfo < 1 || ilfo > _overrides.Count || ilvl is < 0 or > 8)
        {
            return string.Empty;
        }

        var listOverride = _overrides[ilfo - 1];
        if (!_lists.TryGetValue(listOverride.Lsid, out var levels) || levels.Length == 0)
        {
            return string.Empty;
        }

        var level = levels[Math.Min(ilvl, levels.Length - 1)];
        int StartAt(int at) => listOverride.StartAt.TryGetValue(at, out var start) ? start : levels[Math.Min(at, levels.Length - 1)].StartAt;
        var counts = _numbers.Next(ilfo, ilvl, StartAt);
        if (level.Format == ListNumberFormat.Bullet)
        {
            return "• ";
        }

        var template = level.Text.Select(c => c < 9 ? ((string?)null, (int)c) : (c.ToString(), 0));
        return ListNumberText.Label(template, counts, at => levels[Math.Min(at, levels.Length - 1)].Format);
    }

    private static Dictionary<int, Level[]> ReadLists(byte[] table, int at)
    {
        var count = BinaryPrimitives.ReadInt16LittleEndian(table.AsSpan(at));
        if (count is <= 0 or > MaxLists)
        {
            return [];
        }

        var headers = new List<(int Lsid, bool Simple)>(count);
        at += 2;
        for (var i = 0; i < count; i++, at += LstfSize)
        {
            var lstf = table.AsSpan(at, LstfSize);
            headers.Add((BinaryPrimitives.ReadInt32LittleEndian(lstf), (lstf[26] & 0x01) != 0));
        }

        // The LVLs follow the PlfLst: one per simple list, nine per other list, in the order of the lists.
        var lists = new Dictionary<int, Level[]>();
        foreach (var (lsid, simple) in headers)
        {
            var levels = new Level[simple ? 1 : 9];
            for (var l = 0; l < levels.Length; l++)
            {
                levels[l] = ReadLevel(table, ref at);
            }

            lists.TryAdd(lsid, levels);
        }

        return lists;
    }

    private static List<Override> ReadOverrides(byte[] table, int at)
    {
        var count = BinaryPrimitives.ReadInt32LittleEndian(table.AsSpan(at));
        if (count is <= 0 or > MaxLists)
        {
            return [];
        }

        var overrides = new List<(int Lsid, int Levels)>(count);
        at += 4;
        for (var i = 0; i < count; i++, at += LfoSize)
        {
            var lfo = table.AsSpan(at, LfoSize);
            overrides.Add((BinaryPrimitives.ReadInt32LittleEndian(lfo), lfo[12]));
        }

        // Then one LFOData per LFO: a cp, then an LFOLVL per overridden level, each followed by an LVL when it formats.
        var result = new List<Override>(count);
        foreach (var (lsid, levels) in overrides)
        {
            var startAt = new Dictionary<int, int>();
            if (levels > 0)
            {
                at += 4;
                for (var l = 0; l < levels; l++)
                {
                    var start = BinaryPrimitives.ReadInt32LittleEndian(table.AsSpan(at));
                    var flags = BinaryPrimitives.ReadUInt32LittleEndian(table.AsSpan(at + 4));
                    at += 8;
                    if ((flags & 0x10) != 0)
                    {
                        startAt[(int)(flags & 0x0F)] = start;
                    }

                    if ((flags & 0x20) != 0)
                    {
                        _ = ReadLevel(table, ref at);
                    }
                }
            }

            result.Add(new Override(lsid, startAt));
        }

        return result;
    }

    private static Level ReadLevel(byte[] table, ref int at)
    {
        var lvlf = table.AsSpan(at, LvlfSize);
        var startAt = BinaryPrimitives.ReadInt32LittleEndian(lvlf);
        var nfc = lvlf[4];
        int chpx = lvlf[24], papx = lvlf[25];
        at += LvlfSize + papx + chpx;
        var length = BinaryPrimitives.ReadUInt16LittleEndian(table.AsSpan(at));
        var text = new char[length];
        for (var i = 0; i < length; i++)
        {
            text[i] = (char)BinaryPrimitives.ReadUInt16LittleEndian(table.AsSpan(at + 2 + (i * 2)));
        }

        at += 2 + (length * 2);
        return new Level(startAt, Format(nfc), new string(text));
    }

    /// <summary>[MS-OSHARED] MSONFC to the formats the readers draw; the rest read as decimal.</summary>
    private static ListNumberFormat Format(byte nfc) => nfc switch
    {
        0x01 => ListNumberFormat.UpperRoman,
        0x02 => ListNumberFormat.LowerRoman,
        0x03 => ListNumberFormat.UpperLetter,
        0x04 => ListNumberFormat.LowerLetter,
        0x0B or 0x21 or 0x23 or 0x25 or 0x27 => ListNumberFormat.ChineseCounting,
        0x12 or 0x1C => ListNumberFormat.EnclosedCircle,
        0x17 => ListNumberFormat.Bullet,
        0xFF => ListNumberFormat.None,
        _ => ListNumberFormat.Decimal,
    };

    private sealed record Level(int StartAt, ListNumberFormat Format, string Text);

    private sealed record Override(int Lsid, Dictionary<int, int> StartAt);
}
