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
            var numbering = new ListNumbering(document.MainDocumentPart.NumberingDefinitionsPart?.Numbering, document.MainDocumentPart.StyleDefinitionsPart?.Styles);
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

    /// <summary>
    /// Counts list items per numbering instance and level and renders each level's format and level text. A paragraph is
    /// numbered by its own w:numPr or by its style's (Heading 1 linked to a numbered list), following w:basedOn.
    /// </summary>
    private sealed class ListNumbering(Numbering? numbering, Styles? styles)
    {
        private const int MaxStyleChain = 16;

        private readonly ListNumbers<int> _numbers = new();
        private Dictionary<string, Style>? _styles;

        public string Label(Paragraph paragraph)
        {
            if (numbering is null)
            {
                return string.Empty;
            }

            var properties = paragraph.ParagraphProperties?.NumberingProperties;
            var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
            var styled = StyleNumbering(styleId);
            var numId = properties?.NumberingId?.Val?.Value ?? styled.NumId;
            if (numId is null or 0)
            {
                return string.Empty;
            }

            var level = properties?.NumberingLevelReference?.Val?.Value ?? styled.Level ?? LinkedLevel(numId.Value, styleId) ?? 0;
            var instance = numbering.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
            var abstractId = instance?.AbstractNumId?.Val?.Value;
            var levels = numbering.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId)?
                .Elements<Level>().ToList() ?? [];
            var definition = levels.FirstOrDefault(l => l.LevelIndex?.Value == level);
            if (definition is null)
            {
                return string.Empty;
            }

            Level? Definition(int at) => levels.FirstOrDefault(l => l.LevelIndex?.Value == at);
            int StartAt(int at) =>
                instance!.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == at)?.StartOverrideNumberingValue?.Val?.Value
                ?? Definition(at)?.StartNumberingValue?.Val?.Value ?? 1;
            var counts = _numbers.Next(numId.Value, level, StartAt);
            if (definition.NumberingFormat?.Val?.Value == NumberFormatValues.Bullet)
            {
                return "• ";
            }

            var template = Template(definition.LevelText?.Val?.Value ?? $"%{level + 1}.");
            return ListNumberText.Label(template, counts, at => Format(Definition(at)?.NumberingFormat?.Val?.Value));
        }

        /// <summary>The numbering a paragraph style gives, from the style or the styles it is based on.</summary>
        private (int? NumId, int? Level) StyleNumbering(string? styleId)
        {
            int? numId = null, level = null;
            if (styleId is null || styles is null)
            {
                return (null, null);
            }

            _styles ??= styles.Elements<Style>().Where(s => s.StyleId?.Value is not null)
                .GroupBy(s => s.StyleId!.Value!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            for (var depth = 0; styleId is not null && depth < MaxStyleChain; depth++)
            {
                var style = _styles.GetValueOrDefault(styleId);
                var numPr = style?.StyleParagraphProperties?.NumberingProperties;
                numId ??= numPr?.NumberingId?.Val?.Value;
                level ??= numPr?.NumberingLevelReference?.Val?.Value;
                if (numId is not null && level is not null)
                {
                    break;
                }

                styleId = style?.BasedOn?.Val?.Value;
            }

            return (numId, level);
        }

        /// <summary>The level of the numbering that names the style in its w:pStyle, for a style that gives no level.</summary>
        private int? LinkedLevel(int numId, string? styleId)
        {
            if (styleId is null)
            {
                return null;
            }

            var abstractId = numbering!.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId)?.AbstractNumId?.Val?.Value;
            return numbering.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId)?
                .Elements<Level>().FirstOrDefault(l => l.ParagraphStyleIdInLevel?.Val?.Value == styleId)?.LevelIndex?.Value;
        }

        /// <summary>w:lvlText as literals and level references: "%1.%2" is level 0, ".", level 1.</summary>
        private static List<(string? Literal, int Level)> Template(string levelText)
        {
            var parts = new List<(string? Literal, int Level)>();
            var literal = new StringBuilder();
            for (var i = 0; i < levelText.Length; i++)
            {
                if (levelText[i] == '%' && i + 1 < levelText.Length && levelText[i + 1] is >= '1' and <= '9')
                {
                    if (literal.Length > 0)
                    {
                        parts.Add((literal.ToString(), 0));
                        literal.Clear();
                    }

                    parts.Add((null, levelText[i + 1] - '1'));
                    i++;
                    continue;
                }

                literal.Append(levelText[i]);
            }

            if (literal.Length > 0)
            {
                parts.Add((literal.ToString(), 0));
            }

            return parts;
        }

        private static ListNumberFormat Format(NumberFormatValues? format)
        {
            if (format is null || format == NumberFormatValues.Decimal || format == NumberFormatValues.DecimalZero)
            {
                return ListNumberFormat.Decimal;
            }

            if (format == NumberFormatValues.ChineseCounting || format == NumberFormatValues.ChineseCountingThousand
                || format == NumberFormatValues.TaiwaneseCounting || format == NumberFormatValues.TaiwaneseCountingThousand
                || format == NumberFormatValues.JapaneseCounting || format == NumberFormatValues.IdeographTraditional)
            {
                return format == NumberFormatValues.IdeographTraditional ? ListNumberFormat.Decimal : ListNumberFormat.ChineseCounting;
            }

            if (format == NumberFormatValues.DecimalEnclosedCircle || format == NumberFormatValues.DecimalEnclosedCircleChinese)
            {
                return ListNumberFormat.EnclosedCircle;
            }

            if (format == NumberFormatValues.LowerLetter)
            {
                return ListNumberFormat.LowerLetter;
            }

            if (format == NumberFormatValues.UpperLetter)
            {
                return ListNumberFormat.UpperLetter;
            }

            if (format == NumberFormatValues.LowerRoman)
            {
                return ListNumberFormat.LowerRoman;
            }

            if (format == NumberFormatValues.UpperRoman)
            {
                return ListNumberFormat.UpperRoman;
            }

            return format == NumberFormatValues.None ? ListNumberFormat.None : ListNumberFormat.Decimal;
        }
    }
}
