using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace FollowUpBot.Directives;

/// <summary>
/// Plain text of a Word document: paragraphs joined by <c>\n</c>, table cells by <c>\t</c> and rows by <c>\n</c>.
/// Automatic list numbering is written out (一、 / 1. / （1）) because the outline reader needs it.
/// </summary>
internal static class DocxText
{
    // A zip of a few megabytes can inflate to gigabytes of XML; no real meeting text comes near this.
    internal const long MaxCharactersInPart = 64L * 1024 * 1024;

    public static bool LooksLikeZip(ReadOnlySpan<byte> bytes) => bytes.StartsWith("PK\u0003\u0004"u8);

    public static string Extract(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = WordprocessingDocument.Open(stream, isEditable: false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new MeetingTextException(MeetingTextError.CorruptDocument, "The Word document has no body.") { Document = "Word (.docx)" };
            var lines = new List<string>();
            var numbering = new ListNumbering(document.MainDocumentPart.NumberingDefinitionsPart?.Numbering);
            AppendBlocks(body.ChildElements, lines, numbering);
            return string.Join('\n', lines);
        }
        catch (MeetingTextException)
        {
            throw;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or XmlException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new MeetingTextException(MeetingTextError.CorruptDocument, $"The Word document cannot be read: {e.Message}", e) { Document = "Word (.docx)" };
        }
    }

    private static void AppendBlocks(OpenXmlElementList elements, List<string> lines, ListNumbering numbering)
    {
        foreach (var element in elements)
        {
            switch (element)
            {
                case Paragraph paragraph:
                    lines.Add(numbering.Label(paragraph) + ParagraphText(paragraph));
                    break;
                case Table table:
                    AppendTable(table, lines);
                    break;
                case SdtBlock block when block.SdtContentBlock is not null:
                    AppendBlocks(block.SdtContentBlock.ChildElements, lines, numbering);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>A row per line, a cell per grid column: a cell spanning columns is followed by empty ones, so every row's
    /// cells stay under their headers; a cell merged down from the row above repeats that cell's text (one 牵头单位 for
    /// a block of tasks gives each of them its owner).</summary>
    private static void AppendTable(Table table, List<string> lines)
    {
        var restarts = new Dictionary<int, string>();
        foreach (var row in table.Elements<TableRow>())
        {
            var cells = new List<string>();
            var before = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
            cells.AddRange(Enumerable.Repeat(string.Empty, Math.Clamp(before, 0, 64)));
            foreach (var cell in row.Elements<TableCell>())
            {
                var column = cells.Count;
                var text = string.Join(' ', cell.Elements<Paragraph>().Select(ParagraphText).Where(t => t.Length > 0));
                var merge = cell.TableCellProperties?.VerticalMerge;
                if (merge is null)
                {
                    restarts.Remove(column);
                }
                else if (merge.Val?.Value == MergedCellValues.Restart)
                {
                    restarts[column] = text;
                }
                else if (text.Length == 0)
                {
                    text = restarts.GetValueOrDefault(column, text);
                }

                cells.Add(text);
                var span = cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1;
                cells.AddRange(Enumerable.Repeat(string.Empty, Math.Clamp(span, 1, 64) - 1));
            }

            while (cells.Count > 0 && cells[^1].Length == 0)
            {
                cells.RemoveAt(cells.Count - 1);
            }

            lines.Add(string.Join('\t', cells));
        }
    }

    private static string ParagraphText(Paragraph paragraph)
    {
        var builder = new StringBuilder();
        foreach (var node in paragraph.Descendants())
        {
            switch (node)
            {
                case Text text:
                    builder.Append(text.Text);
                    break;
                case TabChar:
                    builder.Append('\t');
                    break;
                case Break or CarriageReturn:
                    builder.Append(' ');
                    break;
                default:
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Counts list items per numbering instance and level and renders the level's format.</summary>
    private sealed class ListNumbering(Numbering? numbering)
    {
        private readonly Dictionary<(int NumId, int Level), int> _counters = [];

        public string Label(Paragraph paragraph)
        {
            var properties = paragraph.ParagraphProperties?.NumberingProperties;
            var numId = properties?.NumberingId?.Val?.Value;
            if (numbering is null || numId is null or 0)
            {
                return string.Empty;
            }

            var level = properties!.NumberingLevelReference?.Val?.Value ?? 0;
            var instance = numbering.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
            var abstractId = instance?.AbstractNumId?.Val?.Value;
            var definition = numbering.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId)?
                .Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level);
            if (definition is null)
            {
                return string.Empty;
            }

            var count = _counters.GetValueOrDefault((numId.Value, level)) + 1;
            _counters[(numId.Value, level)] = count;
            foreach (var deeper in _counters.Keys.Where(k => k.NumId == numId.Value && k.Level > level).ToList())
            {
                _counters.Remove(deeper);
            }

            var format = definition.NumberingFormat?.Val?.Value;
            if (format == NumberFormatValues.Bullet)
            {
                return "• ";
            }

            var number = Render(count, format);
            var pattern = definition.LevelText?.Val?.Value ?? "%1.";
            var label = pattern.Replace($"%{level + 1}", number, StringComparison.Ordinal);
            return IsChinese(format) || label.EndsWith('、') || label.EndsWith('）') ? label : label + " ";
        }

        private static bool IsChinese(NumberFormatValues? format) =>
            format == NumberFormatValues.ChineseCounting || format == NumberFormatValues.ChineseCountingThousand
            || format == NumberFormatValues.IdeographTraditional || format == NumberFormatValues.DecimalEnclosedCircleChinese;

        private static string Render(int count, NumberFormatValues? format)
        {
            if (format == NumberFormatValues.ChineseCounting || format == NumberFormatValues.ChineseCountingThousand)
            {
                return ChineseNumerals.Render(count);
            }

            if (format == NumberFormatValues.DecimalEnclosedCircle || format == NumberFormatValues.DecimalEnclosedCircleChinese)
            {
                return count is >= 1 and <= 20 ? ((char)('\u2460' + count - 1)).ToString() : count.ToString(CultureInfo.InvariantCulture);
            }

            if (format == NumberFormatValues.LowerLetter || format == NumberFormatValues.UpperLetter)
            {
                var letter = (char)('a' + ((count - 1) % 26));
                return format == NumberFormatValues.UpperLetter ? char.ToUpperInvariant(letter).ToString() : letter.ToString();
            }

            return count.ToString(CultureInfo.InvariantCulture);
        }
    }
}
