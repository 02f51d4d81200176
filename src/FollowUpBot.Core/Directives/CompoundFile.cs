using System.Buffers.Binary;
using System.Text;

namespace FollowUpBot.Directives;

/// <summary>
/// A reader of the Compound File Binary format ([MS-CFB]) that Word 97–2003 (.doc), WPS (.wps) and Excel 97–2003 (.xls)
/// files are stored in: a little FAT file system of named streams. Only reading top-level streams is supported, which is
/// all the document readers need. Every inconsistency (a chain that loops or leaves the file, a sector out of range) is a
/// <see cref="FormatException"/>; nothing reads outside the bytes it is given.
/// </summary>
internal sealed class CompoundFile
{
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint NoStream = 0xFFFFFFFF;
    private const int HeaderSize = 512;
    private const int DirectoryEntrySize = 128;

    private static readonly byte[] Signature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private readonly byte[] _bytes;
    private readonly int _sectorSize;
    private readonly int _miniSectorSize;
    private readonly uint _miniStreamCutoff;
    private readonly uint[] _fat;
    private readonly List<Entry> _entries;
    private uint[]? _miniFat;
    private byte[]? _miniStream;
    private readonly uint _firstMiniFatSector;

    private CompoundFile(byte[] bytes)
    {
        _bytes = bytes;
        if (bytes.Length < HeaderSize || !LooksLikeCompoundFile(bytes))
        {
            throw new FormatException("not a compound file");
        }

        var sectorShift = U16(0x1E);
        var miniSectorShift = U16(0x20);
        if (sectorShift is not (9 or 12) || miniSectorShift != 6)
        {
            throw new FormatException($"unsupported sector sizes (2^{sectorShift}, 2^{miniSectorShift})");
        }

        _sectorSize = 1 << sectorShift;
        _miniSectorSize = 1 << miniSectorShift;
        _miniStreamCutoff = U32(0x38);
        _firstMiniFatSector = U32(0x3C);
        _fat = ReadFat(U32(0x2C), U32(0x44), U32(0x48));
        _entries = ReadDirectory(U32(0x30));
    }

    public static bool LooksLikeCompoundFile(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Signature);

    /// <summary>Opens <paramref name="bytes"/>; throws <see cref="FormatException"/> when they are not a sound compound file.</summary>
    public static CompoundFile Open(byte[] bytes) => new(bytes);

    /// <summary>The names of the streams and storages directly under the root.</summary>
    public IEnumerable<string> TopLevelNames => TopLevel().Select(e => e.Name);

    /// <summary>The content of the top-level stream <paramref name="name"/> (compared without case, as the format does), or null.</summary>
    public byte[]? ReadStream(string name)
    {
        var entry = TopLevel().FirstOrDefault(e => e.Type == EntryType.Stream && string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
        if (entry is null)
        {
            return null;
        }

        if (entry.Size < _miniStreamCutoff)
        {
            return ReadChain(MiniStream(), MiniFat(), _miniSectorSize, entry.Start, entry.Size, dataOffset: 0);
        }

        return ReadChain(_bytes, _fat, _sectorSize, entry.Start, entry.Size, dataOffset: _sectorSize);
    }

    private IEnumerable<Entry> TopLevel()
    {
        // The children of a storage form a tree through their left/right sibling links; walk it without trusting it.
        var root = _entries.Count > 0 && _entries[0].Type == EntryType.Root ? _entries[0] : throw new FormatException("no root entry");
        var pending = new Stack<uint>();
        var seen = new HashSet<uint>();
        pending.Push(root.Child);
        while (pending.Count > 0)
        {
            var id = pending.Pop();
            if (id == NoStream || id >= _entries.Count || !seen.Add(id))
            {
                continue;
            }

            var entry = _entries[(int)id];
            yield return entry;
            pending.Push(entry.Right);
            pending.Push(entry.Left);
        }
    }

    private uint[] ReadFat(uint fatSectors, uint firstDifat, uint difatSectors)
    {
        var sectorCount = (uint)((_bytes.Length + _sectorSize - 1) / _sectorSize);
        if (fatSectors > sectorCount)
        {
            throw new FormatException("more FAT sectors than the file holds");
        }

        var fatSectorIds = new List<uint>((int)fatSectors);
        for (var i = 0; i < 109 && fatSectorIds.Count < fatSectors; i++)
        {
            fatSectorIds.Add(U32(0x4C + (i * 4)));
        }

        var difat = firstDifat;
        var perDifat = (_sectorSize / 4) - 1;
        for (var n = 0; n < difatSectors && fatSectorIds.Count < fatSectors; n++)
        {
            var offset = SectorOffset(difat, _sectorSize);
            for (var i = 0; i < perDifat && fatSectorIds.Count < fatSectors; i++)
            {
                fatSectorIds.Add(BinaryPrimitives.ReadUInt32LittleEndian(_bytes.AsSpan(offset + (i * 4), 4)));
            }

            difat = BinaryPrimitives.ReadUInt32LittleEndian(_bytes.AsSpan(offset + (perDifat * 4), 4));
        }

        if (fatSectorIds.Count < fatSectors)
        {
            throw new FormatException("the FAT sector list is short");
        }

        var perSector = _sectorSize / 4;
        var fat = new uint[fatSectorIds.Count * perSector];
        for (var s = 0; s < fatSectorIds.Count; s++)
        {
            var offset = SectorOffset(fatSectorIds[s], _sectorSize);
            for (var i = 0; i < perSector; i++)
            {
                fat[(s * perSector) + i] = BinaryPrimitives.ReadUInt32LittleEndian(_bytes.AsSpan(offset + (i * 4), 4));
            }
        }

        return fat;
    }

    private List<Entry> ReadDirectory(uint firstSector)
    {
        var directory = ReadChain(_bytes, _fat, _sectorSize, firstSector, size: null, dataOffset: _sectorSize);
        var entries = new List<Entry>(directory.Length / DirectoryEntrySize);
        for (var offset = 0; offset + DirectoryEntrySize <= directory.Length; offset += DirectoryEntrySize)
        {
            var raw = directory.AsSpan(offset, DirectoryEntrySize);
            var nameBytes = Math.Clamp((int)BinaryPrimitives.ReadUInt16LittleEndian(raw[64..]), 2, 64);
            var name = Encoding.Unicode.GetString(raw[..(nameBytes - 2)]);
            var type = (EntryType)raw[66];
            var size = _sectorSize == 512
                ? BinaryPrimitives.ReadUInt32LittleEndian(raw[120..])
                : BinaryPrimitives.ReadUInt64LittleEndian(raw[120..]);
            entries.Add(new Entry(
                name,
                type,
                BinaryPrimitives.ReadUInt32LittleEndian(raw[68..]),
                BinaryPrimitives.ReadUInt32LittleEndian(raw[72..]),
                BinaryPrimitives.ReadUInt32LittleEndian(raw[76..]),
                BinaryPrimitives.ReadUInt32LittleEndian(raw[116..]),
                size));
        }

        return entries;
    }

    private byte[] MiniStream()
    {
        if (_miniStream is null)
        {
            var root = _entries[0];
            _miniStream = root.Start == EndOfChain ? [] : ReadChain(_bytes, _fat, _sectorSize, root.Start, root.Size, dataOffset: _sectorSize);
        }

        return _miniStream;
    }

    private uint[] MiniFat()
    {
        if (_miniFat is null)
        {
            var bytes = _firstMiniFatSector == EndOfChain ? [] : ReadChain(_bytes, _fat, _sectorSize, _firstMiniFatSector, size: null, dataOffset: _sectorSize);
            _miniFat = new uint[bytes.Length / 4];
            for (var i = 0; i < _miniFat.Length; i++)
            {
                _miniFat[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * 4, 4));
            }
        }

        return _miniFat;
    }

    /// <summary>Follows a sector chain through <paramref name="table"/>, copying whole sectors (or <paramref name="size"/> bytes).
    /// <paramref name="dataOffset"/> is where sector 0 starts in <paramref name="data"/> (after the header for regular sectors).</summary>
    private static byte[] ReadChain(byte[] data, uint[] table, int sectorSize, uint start, ulong? size, int dataOffset)
    {
        var capacity = (ulong)Math.Max(0, data.Length - dataOffset);
        if (size > capacity)
        {
            throw new FormatException("a stream is larger than the file");
        }

        using var output = new MemoryStream(size is { } known ? (int)known : sectorSize * 4);
        var sector = start;
        var steps = 0;
        while (sector != EndOfChain && (size is null || (ulong)output.Length < size))
        {
            if (sector >= table.Length || ++steps > table.Length)
            {
                throw new FormatException("a sector chain leaves the table or loops");
            }

            var offset = dataOffset + ((long)sector * sectorSize);
            if (offset + sectorSize > data.Length)
            {
                // The last sector of a file may be cut short; take what is there.
                if (offset >= data.Length)
                {
                    throw new FormatException("a sector lies outside the file");
                }

                output.Write(data, (int)offset, data.Length - (int)offset);
            }
            else
            {
                output.Write(data, (int)offset, sectorSize);
            }

            sector = table[sector];
        }

        if (size is { } wanted)
        {
            if ((ulong)output.Length < wanted)
            {
                throw new FormatException("a stream ends before its size");
            }

            output.SetLength((long)wanted);
        }

        return output.ToArray();
    }

    private int SectorOffset(uint sector, int sectorSize)
    {
        // The header fills the first sector-sized block, so sector n starts at (n + 1) sectors.
        var offset = (sector + 1L) * sectorSize;
        if (sector >= 0xFFFFFFFA || offset + sectorSize > _bytes.Length)
        {
            throw new FormatException("a sector lies outside the file");
        }

        return (int)offset;
    }

    private ushort U16(int offset) => BinaryPrimitives.ReadUInt16LittleEndian(_bytes.AsSpan(offset, 2));

    private uint U32(int offset) => BinaryPrimitives.ReadUInt32LittleEndian(_bytes.AsSpan(offset, 4));

    private enum EntryType : byte
    {
        Unknown = 0,
        Storage = 1,
        Stream = 2,
        Root = 5,
    }

    private sealed record Entry(string Name, EntryType Type, uint Left, uint Right, uint Child, uint Start, ulong Size);
}
