using System.Buffers.Binary;

namespace FollowUpBot.Directives;

/// <summary>
/// The automatic lists of a Word 97–2003 document ([MS-DOC] PlfLst, LVL, PlfLfo): a paragraph names a list override
/// (ilfo, 1-based) and a level; the override names a list (lsid) and may restart a level; each of the list's levels has a
/// start value, a number format (nfc) and a level text in which characters 0–8 stand for the numbers of levels 0–8. A
/// paragraph that names no list takes its style's ([MS-DOC] STSH: the paragraph style's UpxPapx, then the style it is
/// based on), which is how Word numbers headings.
/// A table it cannot read gives no labels rather than failing the document: the numbers are a help to the outline reader,
/// the words are what matter.
/// </summary>
internal sealed class WordLists
{
    private const int LstfSize = 28;
    private const int LvlfSize = 28;
    private const int LfoSize = 16;
    private const int MaxLists = 32_767;

    private const int MaxStyleChain = 16;

    private static readonly WordLists Empty = new([], [], []);

    private readonly Dictionary<int, Level[]> _lists;
    private readonly List<Override> _overrides;
    private readonly List<StyleList> _styles;
    private readonly ListNumbers<int> _numbers = new();

    private WordLists(Dictionary<int, Level[]> lists, List<Override> overrides, List<StyleList> styles)
    {
        _lists = lists;
        _overrides = overrides;
        _styles = styles;
    }

    public static WordLists Read(byte[] table, uint fcPlfLst, uint lcbPlfLst, uint fcPlfLfo, uint lcbPlfLfo, uint fcStshf = 0, uint lcbStshf = 0)
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
            if (lists.Count == 0 || overrides.Count == 0)
            {
                return Empty;
            }

            return new WordLists(lists, overrides, ReadStyles(table, fcStshf, lcbStshf));
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException or FormatException or OverflowException)
        {
            return Empty;
        }
    }

    /// <summary>
    /// The label of the next paragraph of style <paramref name="istd"/> with list override <paramref name="ilfo"/> at
    /// <paramref name="ilvl"/> (-1 for either: the style's), or empty when the paragraph is in no list.
    /// </summary>
    public string Label(int istd, int ilfo, int ilvl)
    {
        if (ilfo < 0 || ilvl < 0)
        {
            var (styleIlfo, styleIlvl) = StyleNumbering(istd);
            ilfo = ilfo < 0 ? styleIlfo : ilfo;
            ilvl = ilvl < 0 ? Math.Max(styleIlvl, 0) : ilvl;
        }

        return Label(ilfo, ilvl);
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

    /// <summary>The list override and level a paragraph style gives, from the style or the styles it is based on; -1 where none does.</summary>
    private (int Ilfo, int Ilvl) StyleNumbering(int istd)
    {
        int ilfo = -1, ilvl = -1;
        for (var depth = 0; depth < MaxStyleChain && istd >= 0 && istd < _styles.Count; depth++)
        {
            var style = _styles[istd];
            ilfo = ilfo < 0 ? style.Ilfo : ilfo;
            ilvl = ilvl < 0 ? style.Ilvl : ilvl;
            if (ilfo >= 0 && ilvl >= 0)
            {
                break;
            }

            istd = style.Base;
        }

        return (ilfo, ilvl);
    }

    /// <summary>Each style's base and, for a paragraph style, the list sprms of its UpxPapx; an empty list when the sheet is unreadable.</summary>
    private static List<StyleList> ReadStyles(byte[] table, uint fcStshf, uint lcbStshf)
    {
        var styles = new List<StyleList>();
        if (lcbStshf < 6 || (ulong)fcStshf + lcbStshf > (ulong)table.Length)
        {
            return styles;
        }

        var sheet = table.AsSpan((int)fcStshf, (int)lcbStshf);
        var cbStshi = BinaryPrimitives.ReadUInt16LittleEndian(sheet);
        var cstd = BinaryPrimitives.ReadUInt16LittleEndian(sheet[2..]);
        var cbStdBase = BinaryPrimitives.ReadUInt16LittleEndian(sheet[4..]);
        var at = 2 + cbStshi;
        for (var istd = 0; istd < cstd && at + 2 <= sheet.Length; istd++)
        {
            var cbStd = BinaryPrimitives.ReadUInt16LittleEndian(sheet[at..]);
            at += 2;
            var std = sheet.Slice(at, cbStd);
            at += cbStd;
            styles.Add(cbStd < Math.Max((int)cbStdBase, 10) ? StyleList.None : ReadStyle(std, cbStdBase));
        }

        return styles;
    }

    private static StyleList ReadStyle(ReadOnlySpan<byte> std, int cbStdBase)
    {
        var kind = BinaryPrimitives.ReadUInt16LittleEndian(std[2..]);
        var istdBase = kind >> 4;
        if ((kind & 0x0F) != 1)
        {
            return StyleList.None with { Base = istdBase == 0x0FFF ? -1 : istdBase };
        }

        // The name (a length, the characters and a terminating zero), then the UpxPapx: its length, the istd, the sprms.
        var at = cbStdBase;
        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(std[at..]);
        at += 2 + (nameLength * 2) + 2;
        var cbUpx = BinaryPrimitives.ReadUInt16LittleEndian(std[at..]);
        var grpprl = cbUpx > 2 ? std.Slice(at + 4, cbUpx - 2) : [];
        int ilfo = -1, ilvl = -1;
        for (var g = 0; g + 2 <= grpprl.Length;)
        {
            var sprm = BinaryPrimitives.ReadUInt16LittleEndian(grpprl[g..]);
            g += 2;
            var size = LegacyWordText.OperandSize(sprm, grpprl, g);
            if (size < 0)
            {
                break;
            }

            if (sprm == LegacyWordText.SprmPIlfo)
            {
                ilfo = BinaryPrimitives.ReadUInt16LittleEndian(grpprl[g..]);
            }
            else if (sprm == LegacyWordText.SprmPIlvl)
            {
                ilvl = grpprl[g];
            }

            g += size;
        }

        return new StyleList(istdBase == 0x0FFF ? -1 : istdBase, ilfo, ilvl);
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

    private sealed record StyleList(int Base, int Ilfo, int Ilvl)
    {
        public static readonly StyleList None = new(-1, -1, -1);
    }
}
