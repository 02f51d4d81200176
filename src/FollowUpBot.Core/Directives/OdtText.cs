using System.IO.Compression;
using System.Text;
using System.Xml;

namespace FollowUpBot.Directives;

/// <summary>
/// Plain text of an OpenDocument text (.odt, as LibreOffice and some WPS builds save it) from its content.xml, written
/// like <see cref="DocxText"/>: paragraphs and headings joined by <c>\n</c>, table cells by <c>\t</c> and rows by
/// <c>\n</c>, a cell's paragraphs by spaces. Footnotes, comments and tracked deletions are not body text and are left out.
/// </summary>
internal static class OdtText
{
    private const string TextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private const string TableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private const string OfficeNs = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";

    public static bool IsTextDocument(ZipArchive zip)
    {
        var mimetype = zip.GetEntry("mimetype");
        if (mimetype is null || mimetype.Length > 200)
        {
            return false;
        }

        using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
        return reader.ReadToEnd().Trim() == "application/vnd.oasis.opendocument.text";
    }

    public static string Extract(ZipArchive zip)
    {
        try
        {
            var content = zip.GetEntry("content.xml")
                ?? throw new MeetingTextException(MeetingTextError.CorruptDocument, "The OpenDocument file has no content.xml.") { Document = "OpenDocument (.odt)" };
            using var stream = content.Open();
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = DocxText.MaxCharactersInPart, IgnoreWhitespace = false });
            return Read(reader);
        }
        catch (MeetingTextException)
        {
            throw;
        }
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException)
        {
            throw new MeetingTextException(MeetingTextError.CorruptDocument, $"The OpenDocument file cannot be read: {e.Message}", e) { Document = "OpenDocument (.odt)" };
        }
    }

    private static string Read(XmlReader reader)
    {
        var lines = new List<string>();
        var paragraph = new StringBuilder();
        var cells = new Stack<List<string>>();
        var cellText = new Stack<Cell>();
        var spans = new Stack<Dictionary<int, (string Text, int Rows)>>();
        var skipDepth = -1;
        var inParagraph = 0;
        while (reader.Read())
        {
            if (skipDepth >= 0)
            {
                if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == skipDepth)
                {
                    skipDepth = -1;
                }

                continue;
            }

            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (IsSkipped(reader))
                    {
                        if (!reader.IsEmptyElement)
                        {
                            skipDepth = reader.Depth;
                        }

                        break;
                    }

                    StartElement(reader, paragraph, cells, cellText, spans, ref inParagraph);
                    break;
                case XmlNodeType.EndElement:
                    EndElement(reader, lines, paragraph, cells, cellText, spans, ref inParagraph);
                    break;
                case XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA when inParagraph > 0:
                    paragraph.Append(reader.Value);
                    break;
                default:
                    break;
            }
        }

        return string.Join('\n', lines);
    }

    private static bool IsSkipped(XmlReader reader) =>
        (reader.NamespaceURI == TextNs && reader.LocalName is "note" or "tracked-changes" or "sequence-decls" or "variable-decls" or "user-field-decls")
        || (reader.NamespaceURI == OfficeNs && reader.LocalName is "annotation" or "forms")
        || (reader.NamespaceURI == TableNs && reader.LocalName is "table-header-columns" or "table-columns" or "table-column");

    private static void StartElement(XmlReader reader, StringBuilder paragraph, Stack<List<string>> cells, Stack<Cell> cellText, Stack<Dictionary<int, (string Text, int Rows)>> spans, ref int inParagraph)
    {
        var empty = reader.IsEmptyElement;
        switch (reader.NamespaceURI, reader.LocalName)
        {
            case (TextNs, "p" or "h"):
                if (!empty)
                {
                    if (inParagraph == 0)
                    {
                        paragraph.Clear();
                    }

                    inParagraph++;
                }
                else if (cellText.Count > 0)
                {
                    cellText.Peek().Paragraphs.Add(string.Empty);
                }

                break;
            case (TextNs, "s") when inParagraph > 0:
                var count = int.TryParse(reader.GetAttribute("c", TextNs), out var c) ? Math.Clamp(c, 1, 1000) : 1;
                paragraph.Append(' ', count);
                break;
            case (TextNs, "tab") when inParagraph > 0:
                paragraph.Append('\t');
                break;
            case (TextNs, "line-break") when inParagraph > 0:
                paragraph.Append(' ');
                break;
            case (TableNs, "table"):
                spans.Push([]);
                break;
            case (TableNs, "table-row"):
                cells.Push([]);
                break;
            case (TableNs, "table-cell" or "covered-table-cell"):
                var column = cells.Count > 0 ? cells.Peek().Count : 0;
                if (empty)
                {
                    // A repeated empty cell stands for many; it matters only between cells with text.
                    var repeat = int.TryParse(reader.GetAttribute("number-columns-repeated", TableNs), out var r) ? Math.Clamp(r, 1, 64) : 1;
                    for (var i = 0; i < repeat && cells.Count > 0; i++)
                    {
                        cells.Peek().Add(i == 0 && reader.LocalName == "covered-table-cell" ? SpannedText(spans, column) : string.Empty);
                    }
                }
                else
                {
                    var rows = int.TryParse(reader.GetAttribute("number-rows-spanned", TableNs), out var n) ? Math.Clamp(n, 1, 10_000) : 1;
                    cellText.Push(new Cell([], column, rows, reader.LocalName == "covered-table-cell"));
                }

                break;
            default:
                break;
        }
    }

    private static void EndElement(XmlReader reader, List<string> lines, StringBuilder paragraph, Stack<List<string>> cells, Stack<Cell> cellText, Stack<Dictionary<int, (string Text, int Rows)>> spans, ref int inParagraph)
    {
        switch (reader.NamespaceURI, reader.LocalName)
        {
            case (TextNs, "p" or "h") when inParagraph > 0:
                if (--inParagraph == 0)
                {
                    var text = paragraph.ToString();
                    if (cellText.Count > 0)
                    {
                        cellText.Peek().Paragraphs.Add(text.Trim());
                    }
                    else
                    {
                        lines.Add(text);
                    }

                    paragraph.Clear();
                }

                break;
            case (TableNs, "table-cell" or "covered-table-cell") when cellText.Count > 0:
                var cell = cellText.Pop();
                var joined = string.Join(' ', cell.Paragraphs.Where(t => t.Length > 0)).Replace('\t', ' ');
                if (cell.Covered && joined.Length == 0)
                {
                    joined = SpannedText(spans, cell.Column);
                }
                else if (cell.Rows > 1 && spans.Count > 0)
                {
                    spans.Peek()[cell.Column] = (joined, cell.Rows - 1);
                }

                if (cells.Count > 0)
                {
                    cells.Peek().Add(joined);
                }
                else
                {
                    lines.Add(joined);
                }

                break;
            case (TableNs, "table") when spans.Count > 0:
                spans.Pop();
                break;
            case (TableNs, "table-row") when cells.Count > 0:
                var row = cells.Pop();
                while (row.Count > 0 && row[^1].Length == 0)
                {
                    row.RemoveAt(row.Count - 1);
                }

                var line = string.Join('\t', row);
                if (cellText.Count > 0)
                {
                    // A table nested in a cell: its rows become part of that cell's text.
                    cellText.Peek().Paragraphs.Add(line.Replace('\t', ' '));
                }
                else
                {
                    lines.Add(line);
                }

                break;
            default:
                break;
        }
    }

    /// <summary>A covered cell under a cell merged down over several rows takes that cell's text, so each row has its owner.</summary>
    private static string SpannedText(Stack<Dictionary<int, (string Text, int Rows)>> spans, int column)
    {
        if (spans.Count == 0 || !spans.Peek().TryGetValue(column, out var span))
        {
            return string.Empty;
        }

        if (span.Rows <= 1)
        {
            spans.Peek().Remove(column);
        }
        else
        {
            spans.Peek()[column] = (span.Text, span.Rows - 1);
        }

        return span.Text;
    }

    private sealed record Cell(List<string> Paragraphs, int Column, int Rows, bool Covered);
}
