using System.Buffers.Binary;
using System.Text;

namespace FollowUpBot.Directives;

/// <summary>
/// Plain text of a Word 97–2003 document (.doc; WPS writes the same format as .wps), read from its piece table ([MS-DOC]):
/// the main story only (headers, footers, footnotes and comments are separate stories and are left out), paragraphs joined
/// by <c>\n</c>, table cells by <c>\t</c> and rows by <c>\n</c> like <see cref="DocxText"/>, field codes dropped and field
/// results kept. Automatic list numbers, which live in the list tables and not in the text, are written out from them
/// (<see cref="WordLists"/>) as <see cref="DocxText"/> writes them.
/// </summary>
internal static class LegacyWordText
{
    private const ushort WordIdent = 0xA5EC;
    private const ushort FirstWord97Fib = 0x00C1;
    private const int ClxIndex = 33;
    private const int PlcfBtePapxIndex = 13;
    private const int StshfIndex = 1;
    private const int PlfLstIndex = 73;
    private const int PlfLfoIndex = 74;
    private const int FkpSize = 512;
    private const ushort SprmPFInTable = 0x2416;
    private const ushort SprmPFTtp = 0x2417;
    private const ushort SprmPFInnerTtp = 0x244C;
    private const ushort SprmPFInnerTableCell = 0x244B;
    private const ushort SprmTDefTable = 0xD608;
    private const ushort SprmPChgTabs = 0xC615;
    private const ushort SprmTVertMerge = 0xD62B;
    internal const ushort SprmPIlvl = 0x260A;
    internal const ushort SprmPIlfo = 0x460B;
    private const ushort TcVertMerge = 0x0020;
    private const ushort TcVertRestart = 0x0040;

    // While a document is read, table cells are separated by this (a control character Word never keeps in text), so
    // a tab typed inside a cell is not taken for a column; rows are laid out on their table's grid at the end.
    private const char CellSeparator = '\u001F';

    // "Compressed" pieces hold one byte per character in Windows-1252.
    private static readonly Lazy<string> Windows1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = new byte[256];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)i;
        }

        return Encoding.GetEncoding(1252).GetString(bytes);
    });

    /// <summary>The text of the Word document in <paramref name="file"/>; the caller has checked it holds a WordDocument stream.</summary>
    public static string Extract(CompoundFile file)
    {
        try
        {
            var word = file.ReadStream("WordDocument") ?? throw new FormatException("no WordDocument stream");
            var fib = Fib.Read(word);
            var table = file.ReadStream(fib.TableStream)
                ?? throw new MeetingTextException(MeetingTextError.CorruptDocument, $"The Word document has no {fib.TableStream} stream.") { Document = "Word (.doc)" };
            var pieces = Pieces(table, fib.FcClx, fib.LcbClx);
            var paragraphs = ParagraphRuns(word, table, fib.FcPlcfBtePapx, fib.LcbPlcfBtePapx);
            var lists = WordLists.Read(table, fib.FcPlfLst, fib.LcbPlfLst, fib.FcPlfLfo, fib.LcbPlfLfo, fib.FcStshf, fib.LcbStshf);
            return Compose(word, pieces, paragraphs, lists, fib.CcpText);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            throw new MeetingTextException(MeetingTextError.CorruptDocument, $"The Word 97-2003 document cannot be read: {e.Message}", e) { Document = "Word (.doc)" };
        }
    }

    private static List<Piece> Pieces(byte[] table, uint fcClx, uint lcbClx)
    {
        if ((ulong)fcClx + lcbClx > (ulong)table.Length || lcbClx == 0)
        {
            throw new FormatException("the piece table lies outside the table stream");
        }

        var clx = table.AsSpan((int)fcClx, (int)lcbClx);
        var at = 0;
        while (at < clx.Length && clx[at] == 0x01)
        {
            // Prc: formatting of pieces, which plain text does not need.
            at += 3 + BinaryPrimitives.ReadInt16LittleEndian(clx[(at + 1)..]);
        }

        if (at + 5 > clx.Length || clx[at] != 0x02)
        {
            throw new FormatException("no piece table in the CLX");
        }

        var lcb = BinaryPrimitives.ReadInt32LittleEndian(clx[(at + 1)..]);
        var plc = clx.Slice(at + 5, lcb);
        var count = (lcb - 4) / 12;
        var pieces = new List<Piece>(count);
        for (var i = 0; i < count; i++)
        {
            var cpStart = BinaryPrimitives.ReadInt32LittleEndian(plc[(i * 4)..]);
            var cpEnd = BinaryPrimitives.ReadInt32LittleEndian(plc[((i + 1) * 4)..]);
            var fc = BinaryPrimitives.ReadUInt32LittleEndian(plc[(((count + 1) * 4) + (i * 8) + 2)..]);
            var compressed = (fc & 0x40000000) != 0;
            var offset = compressed ? (fc & 0x3FFFFFFF) / 2 : fc & 0x3FFFFFFF;
            if (cpEnd < cpStart)
            {
                throw new FormatException("a piece ends before it starts");
            }

            pieces.Add(new Piece(cpStart, cpEnd, offset, compressed));
        }

        return pieces;
    }

    /// <summary>Each paragraph's byte range in the WordDocument stream and whether it sits in a table or ends a table row,
    /// from the paragraph property pages (PapxFkp). Empty when the document has none, which <see cref="Compose"/> tolerates.</summary>
    private static List<ParagraphRun> ParagraphRuns(byte[] word, byte[] table, uint fc, uint lcb)
    {
        var runs = new List<ParagraphRun>();
        if (lcb < 8 || (ulong)fc + lcb > (ulong)table.Length)
        {
            return runs;
        }

        var plc = table.AsSpan((int)fc, (int)lcb);
        var count = (int)((lcb - 4) / 8);
        for (var i = 0; i < count; i++)
        {
            var pn = BinaryPrimitives.ReadUInt32LittleEndian(plc[(((count + 1) * 4) + (i * 4))..]) & 0x003FFFFF;
            var pageOffset = (long)pn * FkpSize;
            if (pageOffset + FkpSize > word.Length)
            {
                continue;
            }

            var page = word.AsSpan((int)pageOffset, FkpSize);
            int crun = page[FkpSize - 1];
            for (var r = 0; r < crun && ((crun + 1) * 4) + (r * 13) < FkpSize - 1; r++)
            {
                var start = BinaryPrimitives.ReadUInt32LittleEndian(page[(r * 4)..]);
                var end = BinaryPrimitives.ReadUInt32LittleEndian(page[((r + 1) * 4)..]);
                var bOffset = page[((crun + 1) * 4) + (r * 13)] * 2;
                var properties = bOffset == 0 ? ParagraphProperties.Plain : Properties(page, bOffset);
                runs.Add(new ParagraphRun(start, end, properties.InTable, properties.RowEnd, properties.Layout, properties.Istd, properties.Ilfo, properties.Ilvl));
            }
        }

        runs.Sort((a, b) => a.Start.CompareTo(b.Start));
        return runs;
    }

    /// <summary>Reads the sprms of the PapxInFkp at <paramref name="offset"/> that the text needs: whether the paragraph is
    /// in a table, whether it ends a row and, for a row end, the row's cell layout; its list and list level. Stops quietly
    /// at anything it cannot size.</summary>
    private static ParagraphProperties Properties(ReadOnlySpan<byte> page, int offset)
    {
        if (offset >= page.Length - 1)
        {
            return ParagraphProperties.Plain;
        }

        int cb = page[offset];
        var (start, length) = cb != 0 ? (offset + 1, (2 * cb) - 1) : (offset + 2, 2 * page[offset + 1]);
        if (start + length > page.Length || length < 2)
        {
            return ParagraphProperties.Plain;
        }

        var istd = BinaryPrimitives.ReadUInt16LittleEndian(page[start..]);
        var grpprl = page.Slice(start + 2, length - 2);
        bool inTable = false, rowEnd = false;
        int ilfo = -1, ilvl = -1;
        RowLayout? layout = null;
        var at = 0;
        while (at + 2 <= grpprl.Length)
        {
            var sprm = BinaryPrimitives.ReadUInt16LittleEndian(grpprl[at..]);
            at += 2;
            var size = OperandSize(sprm, grpprl, at);
            if (size < 0)
            {
                break;
            }

            var on = grpprl[at] != 0;
            switch (sprm)
            {
                case SprmPFInTable or SprmPFInnerTableCell:
                    inTable |= on;
                    break;
                case SprmPFTtp or SprmPFInnerTtp:
                    rowEnd |= on;
                    break;
                case SprmTDefTable:
                    layout = RowLayout.Read(grpprl.Slice(at + 2, size - 2));
                    break;
                case SprmTVertMerge when layout is not null && size >= 3:
                    layout.SetVerticalMerge(grpprl[at + 1], grpprl[at + 2]);
                    break;
                case SprmPIlfo:
                    ilfo = BinaryPrimitives.ReadUInt16LittleEndian(grpprl[at..]);
                    break;
                case SprmPIlvl:
                    ilvl = grpprl[at];
                    break;
                default:
                    break;
            }

            at += size;
        }

        return new ParagraphProperties(inTable || rowEnd, rowEnd, layout, istd, ilfo, ilvl);
    }

    /// <summary>The size of the operand of <paramref name="sprm"/> at <paramref name="at"/> in <paramref name="grpprl"/>, or
    /// -1 when it cannot be sized or runs past the end.</summary>
    internal static int OperandSize(ushort sprm, ReadOnlySpan<byte> grpprl, int at)
    {
        var size = (sprm >> 13) switch
        {
            0 or 1 => 1,
            2 or 4 or 5 => 2,
            3 => 4,
            7 => 3,
            _ when sprm == SprmTDefTable && at + 2 <= grpprl.Length => BinaryPrimitives.ReadUInt16LittleEndian(grpprl[at..]) + 1,
            _ when sprm == SprmPChgTabs && at < grpprl.Length && grpprl[at] == 255 => -1,
            _ when at < grpprl.Length => grpprl[at] + 1,
            _ => -1,
        };
        return size < 0 || at + size > grpprl.Length ? -1 : size;
    }

    private static string Compose(byte[] word, List<Piece> pieces, List<ParagraphRun> paragraphs, WordLists lists, int ccpText)
    {
        var text = new StringBuilder();
        var rows = new List<(int Start, int End, RowLayout? Layout)>();
        var lineStart = 0;
        var paragraphStart = 0;
        var fields = new Stack<bool>();
        var showing = 0;
        var run = 0;
        foreach (var piece in pieces.OrderBy(p => p.CpStart))
        {
            var end = Math.Min(piece.CpEnd, ccpText);
            for (var cp = piece.CpStart; cp < end; cp++)
            {
                var fc = piece.Offset + ((long)(cp - piece.CpStart) * (piece.Compressed ? 1 : 2));
                if (fc + (piece.Compressed ? 1 : 2) > word.Length)
                {
                    throw new FormatException("a piece lies outside the WordDocument stream");
                }

                var c = piece.Compressed
                    ? Windows1252.Value[word[fc]]
                    : (char)BinaryPrimitives.ReadUInt16LittleEndian(word.AsSpan((int)fc, 2));
                switch (c)
                {
                    case '\u0013':
                        fields.Push(false);
                        continue;
                    case '\u0014' when fields.Count > 0:
                        if (!fields.Pop())
                        {
                            showing++;
                        }

                        fields.Push(true);
                        continue;
                    case '\u0015' when fields.Count > 0:
                        if (fields.Pop())
                        {
                            showing--;
                        }

                        continue;
                    default:
                        break;
                }

                if (fields.Count > showing)
                {
                    // Inside a field code (HYPERLINK "…", PAGE, TOC \o): not text anyone reads.
                    continue;
                }

                switch (c)
                {
                    case '\r' or '\u0007':
                        var paragraph = ParagraphAt(paragraphs, fc, ref run);
                        if (paragraph is not null && lists.Label(paragraph.Istd, paragraph.Ilfo, paragraph.Ilvl) is { Length: > 0 } label)
                        {
                            text.Insert(paragraphStart, label);
                        }

                        if (AppendMark(text, c, paragraph, paragraphs.Count > 0))
                        {
                            rows.Add((lineStart, text.Length - 1, paragraph?.Layout));
                        }

                        if (text.Length > 0 && text[^1] == '\n')
                        {
                            lineStart = text.Length;
                        }

                        paragraphStart = text.Length;
                        break;
                    case '\u000B':
                        text.Append(' ');
                        break;
                    case '\u000C':
                        text.Append('\n');
                        lineStart = text.Length;
                        paragraphStart = text.Length;
                        break;
                    case '\u001E':
                        // Word's non-breaking hyphen.
                        text.Append('\u2011');
                        break;
                    case '\u00A0':
                        text.Append(' ');
                        break;
                    case '\t':
                        text.Append('\t');
                        break;
                    case < ' ':
                        // Pictures, drawn objects, note references, annotation marks: no text.
                        break;
                    default:
                        text.Append(c);
                        break;
                }
            }
        }

        LayOutTables(text, rows);
        return text.Replace(CellSeparator, '\t').ToString().TrimEnd();
    }

    /// <summary>Writes a paragraph or cell mark; true when it ended a table row.</summary>
    private static bool AppendMark(StringBuilder text, char mark, ParagraphRun? paragraph, bool known)
    {
        if (mark == '\r')
        {
            text.Append(paragraph?.InTable == true ? ' ' : '\n');
            return false;
        }

        // A cell mark; the row's last mark (a paragraph of its own) ends the row.
        var endsRow = known ? paragraph?.RowEnd == true : text.Length > 0 && text[^1] == CellSeparator;
        if (endsRow)
        {
            while (text.Length > 0 && text[^1] == CellSeparator)
            {
                text.Length--;
            }

            text.Append('\n');
            return true;
        }

        while (text.Length > 0 && text[^1] == ' ')
        {
            text.Length--;
        }

        text.Append(CellSeparator);
        return false;
    }

    /// <summary>
    /// Puts each table's cells on the table's grid: the columns are the union of every row's cell edges, a cell wider
    /// than one column is followed by empty ones so cells stay under their headers, and an empty cell merged down from
    /// the row above (fVertMerge) repeats the text of the cell that starts the merge — one 牵头单位 for a block of tasks.
    /// </summary>
    private static void LayOutTables(StringBuilder text, List<(int Start, int End, RowLayout? Layout)> rows)
    {
        var tableEnd = rows.Count;
        for (var i = rows.Count - 1; i >= 0; i--)
        {
            // A table is a run of rows each starting where the previous one ended; lay out from the last table backwards
            // so earlier offsets stay valid.
            if (i == 0 || rows[i - 1].End + 1 != rows[i].Start)
            {
                LayOutTable(text, rows.GetRange(i, tableEnd - i));
                tableEnd = i;
            }
        }
    }

    private static void LayOutTable(StringBuilder text, List<(int Start, int End, RowLayout? Layout)> rows)
    {
        if (rows.Any(r => r.Layout is null))
        {
            return;
        }

        var edges = rows.SelectMany(r => r.Layout!.Edges).Distinct().Order().ToList();
        var merged = new Dictionary<int, string>();
        var laidOut = new List<string>(rows.Count);
        foreach (var (start, end, layout) in rows)
        {
            var cells = text.ToString(start, end - start).Split(CellSeparator);
            var line = new List<string>();
            for (var c = 0; c < cells.Length; c++)
            {
                var cell = cells[c];
                if (c >= layout!.Edges.Count - 1)
                {
                    line.Add(cell);
                    continue;
                }

                var column = edges.IndexOf(layout.Edges[c]);
                var span = Math.Max(1, edges.IndexOf(layout.Edges[c + 1]) - column);
                var flags = layout.Flags(c);
                if ((flags & TcVertRestart) != 0)
                {
                    merged[column] = cell;
                }
                else if ((flags & TcVertMerge) != 0)
                {
                    cell = cell.Length == 0 ? merged.GetValueOrDefault(column, cell) : cell;
                }
                else
                {
                    merged.Remove(column);
                }

                while (line.Count < column)
                {
                    line.Add(string.Empty);
                }

                line.Add(cell);
                line.AddRange(Enumerable.Repeat(string.Empty, span - 1));
            }

            while (line.Count > 0 && line[^1].Length == 0)
            {
                line.RemoveAt(line.Count - 1);
            }

            laidOut.Add(string.Join('\t', line));
        }

        for (var r = rows.Count - 1; r >= 0; r--)
        {
            text.Remove(rows[r].Start, rows[r].End - rows[r].Start).Insert(rows[r].Start, laidOut[r]);
        }
    }

    private static ParagraphRun? ParagraphAt(List<ParagraphRun> paragraphs, long fc, ref int hint)
    {
        if (paragraphs.Count == 0)
        {
            return null;
        }

        // Pieces run forward through the stream almost always; start from the last hit and fall back to a search.
        if (hint >= paragraphs.Count || paragraphs[hint].Start > fc)
        {
            hint = 0;
        }

        for (var i = hint; i < paragraphs.Count; i++)
        {
            if (paragraphs[i].Start <= fc && fc < paragraphs[i].End)
            {
                hint = i;
                return paragraphs[i];
            }

            if (paragraphs[i].Start > fc)
            {
                break;
            }
        }

        return null;
    }

    private sealed record Piece(int CpStart, int CpEnd, long Offset, bool Compressed);

    /// <summary>A paragraph's extent and the properties the text needs; <see cref="Ilfo"/> and <see cref="Ilvl"/> are -1 when
    /// the paragraph leaves them to its style (<see cref="Istd"/>).</summary>
    private sealed record ParagraphRun(uint Start, uint End, bool InTable, bool RowEnd, RowLayout? Layout, int Istd, int Ilfo, int Ilvl);

    private readonly record struct ParagraphProperties(bool InTable, bool RowEnd, RowLayout? Layout, int Istd, int Ilfo, int Ilvl)
    {
        public static ParagraphProperties Plain { get; } = new(false, false, null, 0, -1, -1);
    }

    /// <summary>A table row's cells from sprmTDefTable: their left and right edges (in twips) and each cell's TC80 flags.</summary>
    private sealed class RowLayout
    {
        private readonly ushort[] _flags;

        private RowLayout(List<short> edges, ushort[] flags)
        {
            Edges = edges;
            _flags = flags;
        }

        public List<short> Edges { get; }

        public static RowLayout? Read(ReadOnlySpan<byte> operand)
        {
            if (operand.Length < 1)
            {
                return null;
            }

            int cells = operand[0];
            if (operand.Length < 1 + ((cells + 1) * 2))
            {
                return null;
            }

            var edges = new List<short>(cells + 1);
            for (var i = 0; i <= cells; i++)
            {
                edges.Add(BinaryPrimitives.ReadInt16LittleEndian(operand[(1 + (i * 2))..]));
            }

            // Edges must rise; a row that says otherwise is left as written rather than guessed at.
            for (var i = 1; i < edges.Count; i++)
            {
                if (edges[i] <= edges[i - 1])
                {
                    return null;
                }
            }

            var flags = new ushort[cells];
            var tc = operand[(1 + ((cells + 1) * 2))..];
            for (var i = 0; i < cells && (i * 20) + 2 <= tc.Length; i++)
            {
                flags[i] = BinaryPrimitives.ReadUInt16LittleEndian(tc[(i * 20)..]);
            }

            return new RowLayout(edges, flags);
        }

        public ushort Flags(int cell) => cell < _flags.Length ? _flags[cell] : (ushort)0;

        /// <summary>sprmTVertMerge: 0 not merged, 1 merged with the cell above, 3 starts a merge.</summary>
        public void SetVerticalMerge(int cell, byte merge)
        {
            if (cell < _flags.Length)
            {
                var rest = (ushort)(_flags[cell] & ~(TcVertMerge | TcVertRestart));
                _flags[cell] = merge switch
                {
                    1 => (ushort)(rest | TcVertMerge),
                    3 => (ushort)(rest | TcVertMerge | TcVertRestart),
                    _ => rest,
                };
            }
        }
    }

    /// <summary>The parts of the File Information Block the text needs.</summary>
    private sealed record Fib(string TableStream, int CcpText, uint FcClx, uint LcbClx, uint FcPlcfBtePapx, uint LcbPlcfBtePapx, uint FcPlfLst, uint LcbPlfLst, uint FcPlfLfo, uint LcbPlfLfo, uint FcStshf, uint LcbStshf)
    {
        public static Fib Read(byte[] word)
        {
            if (word.Length < 68 || BinaryPrimitives.ReadUInt16LittleEndian(word) != WordIdent)
            {
                throw new FormatException("the WordDocument stream does not start with a Word file information block");
            }

            var nFib = BinaryPrimitives.ReadUInt16LittleEndian(word.AsSpan(2));
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(word.AsSpan(0x0A));
            if ((flags & 0x0100) != 0)
            {
                throw new MeetingTextException(MeetingTextError.Encrypted, "The Word document is password-protected.") { Document = "Word (.doc)" };
            }

            if (nFib < FirstWord97Fib)
            {
                throw new MeetingTextException(MeetingTextError.Unsupported, "The file is a Word 6.0/95 document, which is not read; save it as .docx.") { Document = "Word 6.0/95 (.doc)" };
            }

            var csw = BinaryPrimitives.ReadUInt16LittleEndian(word.AsSpan(32));
            var lw = 34 + (csw * 2);
            var cslw = BinaryPrimitives.ReadUInt16LittleEndian(word.AsSpan(lw));
            var ccpText = BinaryPrimitives.ReadInt32LittleEndian(word.AsSpan(lw + 2 + 12));
            var fcLcb = lw + 2 + (cslw * 4);
            var cbRgFcLcb = BinaryPrimitives.ReadUInt16LittleEndian(word.AsSpan(fcLcb));
            if (cbRgFcLcb <= ClxIndex || fcLcb + 2 + ((ClxIndex + 1) * 8) > word.Length || ccpText < 0)
            {
                throw new FormatException("the file information block is short");
            }

            var pairs = word.AsSpan(fcLcb + 2);
            var hasLists = cbRgFcLcb > PlfLfoIndex && fcLcb + 2 + ((PlfLfoIndex + 1) * 8) <= word.Length;
            uint Pair(int index, int half) => hasLists ? BinaryPrimitives.ReadUInt32LittleEndian(word.AsSpan(fcLcb + 2 + (index * 8) + (half * 4))) : 0;
            return new Fib(
                (flags & 0x0200) != 0 ? "1Table" : "0Table",
                ccpText,
                BinaryPrimitives.ReadUInt32LittleEndian(pairs[(ClxIndex * 8)..]),
                BinaryPrimitives.ReadUInt32LittleEndian(pairs[((ClxIndex * 8) + 4)..]),
                BinaryPrimitives.ReadUInt32LittleEndian(pairs[(PlcfBtePapxIndex * 8)..]),
                BinaryPrimitives.ReadUInt32LittleEndian(pairs[((PlcfBtePapxIndex * 8) + 4)..]),
                Pair(PlfLstIndex, 0),
                Pair(PlfLstIndex, 1),
                Pair(PlfLfoIndex, 0),
                Pair(PlfLfoIndex, 1),
                Pair(StshfIndex, 0),
                Pair(StshfIndex, 1));
        }
    }
}
