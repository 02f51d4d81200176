using System.Buffers.Binary;
using System.Text;

namespace FollowUpBot.Directives;

/// <summary>
/// Plain text of an Excel 97–2003 workbook (.xls; WPS's .et is the same format), read from its BIFF8 records ([MS-XLS]):
/// each visible worksheet's cells written by <see cref="SheetGrid"/> like an .xlsx, so a 任务分解表 kept in the old format
/// reads the same. Strings come from the shared string table (split over CONTINUE records as the format allows), numbers
/// from NUMBER/RK/MULRK cells, formula results when they are strings or numbers; date cells (by their number format) are
/// written yyyy-MM-dd.
/// </summary>
internal static class XlsText
{
    private const ushort Bof = 0x0809;
    private const ushort Eof = 0x000A;
    private const ushort FilePass = 0x002F;
    private const ushort DateMode = 0x0022;
    private const ushort BoundSheet = 0x0085;
    private const ushort Sst = 0x00FC;
    private const ushort Continue = 0x003C;
    private const ushort Format = 0x041E;
    private const ushort ExtendedFormat = 0x00E0;
    private const ushort LabelSst = 0x00FD;
    private const ushort Label = 0x0204;
    private const ushort RString = 0x00D6;
    private const ushort Number = 0x0203;
    private const ushort Rk = 0x027E;
    private const ushort MulRk = 0x00BD;
    private const ushort Formula = 0x0006;
    private const ushort StringResult = 0x0207;
    private const ushort MergeCells = 0x00E5;
    private const ushort Biff8 = 0x0600;

    public static string Extract(CompoundFile file)
    {
        try
        {
            var stream = file.ReadStream("Workbook") ?? file.ReadStream("Book") ?? throw new FormatException("no Workbook stream");
            var globals = Globals.Read(stream);
            var sheets = new List<string>();
            foreach (var (offset, visible) in globals.Sheets)
            {
                if (visible)
                {
                    var text = SheetText(stream, offset, globals);
                    if (text.Length > 0)
                    {
                        sheets.Add(text);
                    }
                }
            }

            return string.Join("\n\n", sheets);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            throw new MeetingTextException(MeetingTextError.CorruptDocument, $"The Excel 97-2003 workbook cannot be read: {e.Message}", e) { Document = "Excel 97-2003 (.xls)" };
        }
    }

    private static string SheetText(byte[] stream, uint offset, Globals globals)
    {
        var grid = new SheetGrid();
        var records = Records(stream, (int)offset).GetEnumerator();
        if (!records.MoveNext() || records.Current.Type != Bof)
        {
            throw new FormatException("a sheet does not start with BOF");
        }

        (uint Row, int Column)? pendingString = null;
        while (records.MoveNext())
        {
            var (type, data) = records.Current;
            switch (type)
            {
                case Eof:
                    return grid.Text();
                case Bof:
                    // An embedded chart's substream: skip to its own EOF.
                    while (records.MoveNext() && records.Current.Type != Eof)
                    {
                    }

                    break;
                case LabelSst when data.Length >= 10:
                    var index = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(6));
                    grid.Set(Row(data), Column(data), index < globals.Strings.Count ? globals.Strings[(int)index] : string.Empty);
                    break;
                case Label or RString when data.Length >= 9:
                    grid.Set(Row(data), Column(data), new Cursor([data], 6).UnicodeString(BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(6)), skipLength: 2));
                    break;
                case Number when data.Length >= 14:
                    grid.Set(Row(data), Column(data), globals.Show(Xf(data), BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64LittleEndian(data.AsSpan(6)))));
                    break;
                case Rk when data.Length >= 10:
                    grid.Set(Row(data), Column(data), globals.Show(Xf(data), RkValue(BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(6)))));
                    break;
                case MulRk when data.Length >= 6:
                    var first = Column(data);
                    var count = (data.Length - 6) / 6;
                    for (var i = 0; i < count; i++)
                    {
                        var at = 4 + (i * 6);
                        var xf = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(at));
                        grid.Set(Row(data), first + i, globals.Show(xf, RkValue(BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(at + 2)))));
                    }

                    break;
                case Formula when data.Length >= 14:
                    pendingString = null;
                    var result = data.AsSpan(6, 8);
                    if (result[6] == 0xFF && result[7] == 0xFF)
                    {
                        if (result[0] == 0)
                        {
                            pendingString = (Row(data), Column(data));
                        }
                    }
                    else
                    {
                        grid.Set(Row(data), Column(data), globals.Show(Xf(data), BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64LittleEndian(result))));
                    }

                    break;
                case StringResult when pendingString is { } cell && data.Length >= 3:
                    grid.Set(cell.Row, cell.Column, new Cursor([data], 0).UnicodeString(BinaryPrimitives.ReadUInt16LittleEndian(data), skipLength: 2));
                    pendingString = null;
                    break;
                case MergeCells when data.Length >= 2:
                    var ranges = Math.Min(BinaryPrimitives.ReadUInt16LittleEndian(data), (data.Length - 2) / 8);
                    for (var i = 0; i < ranges; i++)
                    {
                        var at = 2 + (i * 8);
                        grid.MergeDown(
                            BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(at)),
                            BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(at + 2)),
                            BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(at + 4)));
                    }

                    break;
                default:
                    break;
            }
        }

        // A sheet cut off before its EOF: keep what was read, as a damaged download still shows its first rows.
        return grid.Text();
    }

    private static uint Row(byte[] data) => BinaryPrimitives.ReadUInt16LittleEndian(data);

    private static int Column(byte[] data) => BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(2));

    private static ushort Xf(byte[] data) => BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(4));

    /// <summary>An RK number: a 30-bit integer or the top 30 bits of a double, optionally divided by 100.</summary>
    private static double RkValue(uint rk)
    {
        var value = (rk & 0x02) != 0
            ? (int)rk >> 2
            : BitConverter.Int64BitsToDouble((long)(rk & 0xFFFFFFFC) << 32);
        return (rk & 0x01) != 0 ? value / 100 : value;
    }

    private static IEnumerable<(ushort Type, byte[] Data)> Records(byte[] stream, int offset)
    {
        var at = offset;
        while (at + 4 <= stream.Length)
        {
            var type = BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(at));
            var size = BinaryPrimitives.ReadUInt16LittleEndian(stream.AsSpan(at + 2));
            if (at + 4 + size > stream.Length)
            {
                throw new FormatException("a record runs past the end of the workbook");
            }

            yield return (type, stream.AsSpan(at + 4, size).ToArray());
            at += 4 + size;
        }
    }

    /// <summary>The workbook globals: sheets, shared strings, which cell formats are dates, the date system.</summary>
    private sealed class Globals
    {
        public List<(uint Offset, bool Visible)> Sheets { get; } = [];

        public List<string> Strings { get; } = [];

        private readonly List<int> _formats = [];
        private readonly HashSet<int> _dateFormats = [];
        private bool _from1904;

        public static Globals Read(byte[] stream)
        {
            var globals = new Globals();
            // The globals substream only: the sheets are read from their own offsets.
            var records = Records(stream, 0).TakeWhile(r => r.Type != Eof).ToList();
            if (records.Count == 0 || records[0].Type != Bof || records[0].Data.Length < 4)
            {
                throw new FormatException("the workbook does not start with BOF");
            }

            var version = BinaryPrimitives.ReadUInt16LittleEndian(records[0].Data);
            if (version != Biff8)
            {
                throw new MeetingTextException(MeetingTextError.Unsupported, "The workbook is in an Excel 5.0/95 format, which is not read; save it as .xlsx.") { Document = "Excel 5.0/95 (.xls)" };
            }

            for (var i = 1; i < records.Count; i++)
            {
                var (type, data) = records[i];
                switch (type)
                {
                    case FilePass:
                        throw new MeetingTextException(MeetingTextError.Encrypted, "The workbook is password-protected.") { Document = "Excel 97-2003 (.xls)" };
                    case DateMode when data.Length >= 2:
                        globals._from1904 = BinaryPrimitives.ReadUInt16LittleEndian(data) == 1;
                        break;
                    case BoundSheet when data.Length >= 6:
                        // Worksheets only (type 0), not charts or macro sheets; hidden and very hidden sheets are not read.
                        if (data[5] == 0)
                        {
                            globals.Sheets.Add((BinaryPrimitives.ReadUInt32LittleEndian(data), (data[4] & 0x03) == 0));
                        }

                        break;
                    case Format when data.Length >= 5:
                        var id = BinaryPrimitives.ReadUInt16LittleEndian(data);
                        var code = new Cursor([data], 2).UnicodeString(BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(2)), skipLength: 2);
                        if (SheetGrid.IsDateFormatCode(code))
                        {
                            globals._dateFormats.Add(id);
                        }

                        break;
                    case ExtendedFormat when data.Length >= 4:
                        globals._formats.Add(BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(2)));
                        break;
                    case Sst:
                        var segments = new List<byte[]> { data };
                        while (i + 1 < records.Count && records[i + 1].Type == Continue)
                        {
                            segments.Add(records[++i].Data);
                        }

                        globals.ReadStrings(segments);
                        break;
                    default:
                        break;
                }
            }

            return globals;
        }

        /// <summary>A number as its cell shows it: a date when the cell's format is a date format.</summary>
        public string Show(int xf, double value)
        {
            var format = xf < _formats.Count ? _formats[xf] : 0;
            return (SheetGrid.IsBuiltInDateFormat(format) || _dateFormats.Contains(format)) && SheetGrid.Date(value, _from1904) is { } date
                ? date
                : SheetGrid.Number(value);
        }

        private void ReadStrings(List<byte[]> segments)
        {
            var cursor = new Cursor(segments, 0);
            cursor.Skip(4);
            var unique = cursor.UInt32();
            for (var n = 0u; n < unique && !cursor.AtEnd; n++)
            {
                var length = cursor.UInt16();
                Strings.Add(cursor.UnicodeString(length, skipLength: 0));
            }
        }
    }

    /// <summary>Reads across a record and its CONTINUE records: at each boundary inside a string's characters the next
    /// record starts with a fresh option byte saying whether the characters go on in one byte or two.</summary>
    private sealed class Cursor(List<byte[]> segments, int position)
    {
        private int _segment;
        private int _position = position;

        public bool AtEnd
        {
            get
            {
                Settle();
                return _segment >= segments.Count;
            }
        }

        public byte Byte()
        {
            Settle();
            if (_segment >= segments.Count)
            {
                throw new FormatException("a string table runs past its records");
            }

            return segments[_segment][_position++];
        }

        public ushort UInt16() => (ushort)(Byte() | (Byte() << 8));

        public uint UInt32() => UInt16() | ((uint)UInt16() << 16);

        public void Skip(long count)
        {
            for (var i = 0L; i < count; i++)
            {
                Byte();
            }
        }

        /// <summary>An XLUnicodeRichExtendedString's body after its character count (<paramref name="skipLength"/> bytes
        /// of count already known to sit before the option byte are stepped over).</summary>
        public string UnicodeString(int length, int skipLength)
        {
            Skip(skipLength);
            var options = Byte();
            var wide = (options & 0x01) != 0;
            var runs = (options & 0x08) != 0 ? UInt16() : 0;
            var extended = (options & 0x04) != 0 ? UInt32() : 0;
            var text = new StringBuilder(length);
            for (var i = 0; i < length; i++)
            {
                if (_position >= segments[Math.Min(_segment, segments.Count - 1)].Length && _segment + 1 < segments.Count)
                {
                    // Characters continue in the next record, after an option byte of their own.
                    _segment++;
                    _position = 0;
                    wide = (Byte() & 0x01) != 0;
                }

                // A one-byte character is the low byte of a UTF-16 code unit whose high byte is zero.
                text.Append(wide ? (char)UInt16() : (char)Byte());
            }

            Skip((runs * 4L) + extended);
            return text.ToString();
        }

        private void Settle()
        {
            while (_segment < segments.Count && _position >= segments[_segment].Length)
            {
                _segment++;
                _position = 0;
            }
        }
    }
}
