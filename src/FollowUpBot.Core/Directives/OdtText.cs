using System.IO.Compression;
using System.Text;
using System.Xml;

namespace FollowUpBot.Directives;

/// <summary>
/// Plain text of an OpenDocument text (.odt, as LibreOffice and some WPS builds save it) from its content.xml, written
/// like <see cref="DocxText"/>: paragraphs and headings joined by <c>\n</c>, table cells by <c>\t</c> and rows by
/// <c>\n</c>, a cell's paragraphs by spaces, list numbers written out from the list styles (<see cref="OdtLists"/>).
/// Footnotes, comments and tracked deletions are not body text and are left out.
/// </summary>
internal static class OdtText
{
    internal const string TextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private const string TableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private const string OfficeNs = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    internal const string StyleNs = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";

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
            var lists = new OdtLists();
            if (zip.GetEntry("styles.xml") is { } styles)
            {
                // Named list styles live in styles.xml; automatic ones in content.xml, read as the body is.
                using var stylesStream = styles.Open();
                using var stylesReader = CreateReader(stylesStream);
                while (stylesReader.Read())
                {
                    lists.ReadStyle(stylesReader);
                }
            }

            using var stream = content.Open();
            using var reader = CreateReader(stream);
            return new ContentReader(lists).Read(reader);
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

    private static XmlReader CreateReader(Stream stream) =>
        XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = DocxText.MaxCharactersInPart, IgnoreWhitespace = false });

    private static bool IsSkipped(XmlReader reader) =>
        (reader.NamespaceURI == TextNs && reader.LocalName is "note" or "tracked-changes" or "sequence-decls" or "variable-decls" or "user-field-decls")
        || (reader.NamespaceURI == OfficeNs && reader.LocalName is "annotation" or "forms")
        || (reader.NamespaceURI == TableNs && reader.LocalName is "table-header-columns" or "table-columns" or "table-column");

    /// <summary>One pass over content.xml: paragraphs, tables and list numbers into lines.</summary>
    private sealed class ContentReader(OdtLists lists)
    {
        private readonly List<string> _lines = [];
        private readonly StringBuilder _paragraph = new();
        private readonly Stack<List<string>> _cells = new();
        private readonly Stack<Cell> _cellText = new();
        private readonly Stack<Dictionary<int, (string Text, int Rows)>> _spans = new();
        private int _inParagraph;

        public string Read(XmlReader reader)
        {
            var skipDepth = -1;
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

                        lists.ReadStyle(reader);
                        StartElement(reader);
                        break;
                    case XmlNodeType.EndElement:
                        EndElement(reader);
                        break;
                    case XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA when _inParagraph > 0:
                        _paragraph.Append(reader.Value);
                        break;
                    default:
                        break;
                }
            }

            return string.Join('\n', _lines);
        }

        private void StartElement(XmlReader reader)
        {
            var empty = reader.IsEmptyElement;
            switch (reader.NamespaceURI, reader.LocalName)
            {
                case (TextNs, "list"):
                    lists.StartList(reader);
                    break;
                case (TextNs, "list-item" or "list-header"):
                    lists.StartItem(reader);
                    break;
                case (TextNs, "p" or "h"):
                    if (reader.LocalName == "h" && _inParagraph == 0)
                    {
                        lists.StartHeading(reader);
                    }

                    if (!empty)
                    {
                        if (_inParagraph == 0)
                        {
                            _paragraph.Clear();
                            _paragraph.Append(lists.TakeLabel());
                        }

                        _inParagraph++;
                    }
                    else if (_cellText.Count > 0)
                    {
                        _cellText.Peek().Paragraphs.Add(lists.TakeLabel().TrimEnd());
                    }

                    break;
                case (TextNs, "s") when _inParagraph > 0:
                    var count = int.TryParse(reader.GetAttribute("c", TextNs), out var c) ? Math.Clamp(c, 1, 1000) : 1;
                    _paragraph.Append(' ', count);
                    break;
                case (TextNs, "tab") when _inParagraph > 0:
                    _paragraph.Append('\t');
                    break;
                case (TextNs, "line-break") when _inParagraph > 0:
                    _paragraph.Append(' ');
                    break;
                case (TableNs, "table"):
                    _spans.Push([]);
                    break;
                case (TableNs, "table-row"):
                    _cells.Push([]);
                    break;
                case (TableNs, "table-cell" or "covered-table-cell"):
                    var column = _cells.Count > 0 ? _cells.Peek().Count : 0;
                    if (empty)
                    {
                        // A repeated empty cell stands for many; it matters only between cells with text.
                        var repeat = int.TryParse(reader.GetAttribute("number-columns-repeated", TableNs), out var r) ? Math.Clamp(r, 1, 64) : 1;
                        for (var i = 0; i < repeat && _cells.Count > 0; i++)
                        {
                            _cells.Peek().Add(i == 0 && reader.LocalName == "covered-table-cell" ? SpannedText(_spans, column) : string.Empty);
                        }
                    }
                    else
                    {
                        var rows = int.TryParse(reader.GetAttribute("number-rows-spanned", TableNs), out var n) ? Math.Clamp(n, 1, 10_000) : 1;
                        _cellText.Push(new Cell([], column, rows, reader.LocalName == "covered-table-cell"));
                    }

                    break;
                default:
                    break;
            }

            if (empty && reader.NamespaceURI == TextNs && reader.LocalName == "list")
            {
                lists.EndList();
            }
        }

        private void EndElement(XmlReader reader)
        {
            switch (reader.NamespaceURI, reader.LocalName)
            {
                case (TextNs, "list"):
                    lists.EndList();
                    break;
                case (TextNs, "p" or "h") when _inParagraph > 0:
                    if (--_inParagraph == 0)
                    {
                        var text = _paragraph.ToString();
                        if (_cellText.Count > 0)
                        {
                            _cellText.Peek().Paragraphs.Add(text.Trim());
                        }
                        else
                        {
                            _lines.Add(text);
                        }

                        _paragraph.Clear();
                    }

                    break;
                case (TableNs, "table-cell" or "covered-table-cell") when _cellText.Count > 0:
                    var cell = _cellText.Pop();
                    var joined = string.Join(' ', cell.Paragraphs.Where(t => t.Length > 0)).Replace('\t', ' ');
                    if (cell.Covered && joined.Length == 0)
                    {
                        joined = SpannedText(_spans, cell.Column);
                    }
                    else if (cell.Rows > 1 && _spans.Count > 0)
                    {
                        _spans.Peek()[cell.Column] = (joined, cell.Rows - 1);
                    }

                    if (_cells.Count > 0)
                    {
                        _cells.Peek().Add(joined);
                    }
                    else
                    {
                        _lines.Add(joined);
                    }

                    break;
                case (TableNs, "table") when _spans.Count > 0:
                    _spans.Pop();
                    break;
                case (TableNs, "table-row") when _cells.Count > 0:
                    var row = _cells.Pop();
                    while (row.Count > 0 && row[^1].Length == 0)
                    {
                        row.RemoveAt(row.Count - 1);
                    }

                    var line = string.Join('\t', row);
                    if (_cellText.Count > 0)
                    {
                        // A table nested in a cell: its rows become part of that cell's text.
                        _cellText.Peek().Paragraphs.Add(line.Replace('\t', ' '));
                    }
                    else
                    {
                        _lines.Add(line);
                    }

                    break;
                default:
                    break;
            }
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
