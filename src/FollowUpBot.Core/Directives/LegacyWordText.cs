using System.Buffers.Binary;
using System.Text;

namespace FollowUpBot.Directives;

/// <summary>
/// Plain text of a Word 97–2003 document (.doc; WPS writes the same format as .wps), read from its piece table ([MS-DOC]):
/// the main story only (headers, footers, footnotes and comments are separate stories and are left out), paragraphs joined
/// by <c>\n</c>, table cells by <c>\t</c> and rows by <c>\n</c> like <see cref="DocxText"/>, field codes dropped and field
/// results kept. Automatic list numbers live in the list tables, not in the text, and are not written out.
/// </summary>
internal static class LegacyWordText
{
    private const ushort WordIdent = 0xA5EC;
    private const ushort FirstWord97Fib = 0x00C1;
    private const int ClxIndex = 33;
    private const int PlcfBtePapxIndex = 13;
    private const int FkpSize = 512;
    private const ushort SprmPFInTable = 0x2416;
    private const ushort SprmPFTtp = 0x2417;
    private const ushort SprmPFInnerTtp = 0x244C;
    private const ushort SprmPFInnerTableCell = 0x244B;
    private const ushort SprmTDefTable = 0xD608;
    private const ushort SprmPChgTabs = 0xC615;

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
            return Compose(word, pieces, paragraphs, fib.CcpText);
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
                var (inTable, rowEnd) = bOffset == 0 ? (false, false) : TableFlags(page, bOffset);
                runs.Add(new ParagraphRun(start, end, inTable, rowEnd));
            }
        }

        runs.Sort((a, b) => a.Start.CompareTo(b.Start));
        return runs;
    }

    /// <summary>Reads the table sprms of the PapxInFkp at <paramref name="offset"/>; stops quietly at anything it cannot size.</summary>
    private static (bool InTable, bool RowEnd) TableFlags(ReadOnlySpan<byte> page, int offset)
    {
        if (offset >= page.Length - 1)
        {
            return (false, false);
        }

        int cb = page[offset];
        var (start, length) = cb != 0 ? (offset + 1, (2 * cb) - 1) : (offset + 2, 2 * page[offset + 1]);
        if (start + length > page.Length || length < 2)
        {
            return (false, false);
        }

        var grpprl = page.Slice(start + 2, length - 2);
        bool inTable = false, rowEnd = false;
        var at = 0;
        while (at + 2 <= grpprl.Length)
        {
            var sprm = BinaryPrimitives.ReadUInt16LittleEndian(grpprl[at..]);
            at += 2;
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
            if (size < 0 || at + size > grpprl.Length)
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
                default:
                    break;
            }

            at += size;
        }

        return (inTable || rowEnd, rowEnd);
    }

    private static string Compose(byte[] word, List<Piece> pieces, List<ParagraphRun> paragraphs, int ccpText)
    {
        var text = new StringBuilder();
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
                        var (inTable, rowEnd) = ParagraphAt(paragraphs, fc, ref run);
                        AppendMark(text, c, inTable, rowEnd, paragraphs.Count > 0);
                        break;
                    case '\u000B':
                        text.Append(' ');
                        break;
                    case '\u000C':
                        text.Append('\n');
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

        return text.ToString().TrimEnd();
    }

    private static void AppendMark(StringBuilder text, char mark, bool inTable, bool rowEnd, bool known)
    {
        if (mark == '\r')
        {
            text.Append(inTable ? ' ' : '\n');
            return;
        }

        // A cell mark; the row's last mark (a paragraph of its own) ends the row.
        var endsRow = known ? rowEnd : text.Length > 0 && text[^1] == '\t';
        if (endsRow)
        {
            if (text.Length > 0 && text[^1] == '\t')
            {
                text.Length--;
            }

            text.Append('\n');
        }
        else
        {
            while (text.Length > 0 && text[^1] == ' ')
            {
                text.Length--;
            }

            text.Append('\t');
        }
    }

    private static (bool InTable, bool RowEnd) ParagraphAt(List<ParagraphRun> paragraphs, long fc, ref int hint)
    {
        if (paragraphs.Count == 0)
        {
            return (false, false);
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
                return (paragraphs[i].InTable, paragraphs[i].RowEnd);
            }

            if (paragraphs[i].Start > fc)
            {
                break;
            }
        }

        return (false, false);
    }

    private sealed record Piece(int CpStart, int CpEnd, long Offset, bool Compressed);

    private sealed record ParagraphRun(uint Start, uint End, bool InTable, bool RowEnd);

    /// <summary>The parts of the File Information Block the text needs.</summary>
    private sealed record Fib(string TableStream, int CcpText, uint FcClx, uint LcbClx, uint FcPlcfBtePapx, uint LcbPlcfBtePapx)
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
            return new Fib(
                (flags & 0x0200) != 0 ? "1Table" : "0Table",
                ccpText,
                BinaryPrimitives.ReadUInt32LittleEndian(pairs[(ClxIndex * 8)..]),
                BinaryPrimitives.ReadUInt32LittleEndian(pairs[((ClxIndex * 8) + 4)..]),
                BinaryPrimitives.ReadUInt32LittleEndian(pairs[(PlcfBtePapxIndex * 8)..]),
                BinaryPrimitives.ReadUInt32LittleEndian(pairs[((PlcfBtePapxIndex * 8) + 4)..]));
        }
    }
}
