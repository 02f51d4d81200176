using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace FollowUpBot.Directives;

/// <summary>
/// Plain text of an Excel workbook (.xlsx), the usual form of a 任务分解表 or an action log: each visible sheet's rows as
/// lines of tab-separated cells, which <see cref="TaskTable"/> reads like a pasted table. A cell merged down several rows
/// (one 牵头单位 for a block of tasks) is repeated on each of them, so every row names its owner; dates are written as
/// yyyy-MM-dd. Sheets are separated by a blank line.
/// </summary>
internal static class XlsxText
{
    public static string Extract(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var document = SpreadsheetDocument.Open(stream, isEditable: false, new OpenSettings { MaxCharactersInPart = DocxText.MaxCharactersInPart });
            var workbook = document.WorkbookPart ?? throw new MeetingTextException(MeetingTextError.CorruptDocument, "The workbook has no workbook part.") { Document = "Excel (.xlsx)" };
            var strings = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(ItemText).ToArray() ?? [];
            var dates = DateStyles(workbook.WorkbookStylesPart?.Stylesheet);
            var from1904 = workbook.Workbook?.WorkbookProperties?.Date1904?.Value == true;
            var sheets = new List<string>();
            foreach (var sheet in workbook.Workbook?.Sheets?.Elements<Sheet>() ?? [])
            {
                if (sheet.State?.Value is { } state && state != SheetStateValues.Visible)
                {
                    continue;
                }

                if (sheet.Id?.Value is { } id && workbook.GetPartById(id) is WorksheetPart part && part.Worksheet is { } worksheet)
                {
                    var text = SheetText(worksheet, strings, dates, from1904);
                    if (text.Length > 0)
                    {
                        sheets.Add(text);
                    }
                }
            }

            return string.Join("\n\n", sheets);
        }
        catch (MeetingTextException)
        {
            throw;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or XmlException or InvalidOperationException or ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new MeetingTextException(MeetingTextError.CorruptDocument, $"The workbook cannot be read: {e.Message}", e) { Document = "Excel (.xlsx)" };
        }
    }

    private static string SheetText(Worksheet worksheet, string[] strings, HashSet<uint> dates, bool from1904)
    {
        var grid = new SheetGrid();
        var previous = 0u;
        foreach (var row in worksheet.Descendants<Row>())
        {
            var rowIndex = row.RowIndex?.Value ?? previous + 1;
            previous = rowIndex;
            var next = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnOf(reference) : next;
                next = column + 1;
                grid.Set(rowIndex, column, CellText(cell, strings, dates, from1904));
            }
        }

        foreach (var merge in worksheet.Descendants<MergeCell>())
        {
            if (merge.Reference?.Value?.Split(':') is [var from, var to]
                && TryParseReference(from, out var top, out var column) && TryParseReference(to, out var bottom, out _))
            {
                grid.MergeDown(top, bottom, column);
            }
        }

        return grid.Text();
    }

    private static string CellText(Cell cell, string[] strings, HashSet<uint> dates, bool from1904)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? ItemText(inline) : string.Empty;
        }

        var raw = cell.CellValue?.Text ?? string.Empty;
        if (raw.Length == 0)
        {
            return string.Empty;
        }

        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < strings.Length
                ? strings[index]
                : string.Empty;
        }

        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "TRUE" : "FALSE";
        }

        if ((type is null || type == CellValues.Number) && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return cell.StyleIndex?.Value is { } style && dates.Contains(style) && SheetGrid.Date(number, from1904) is { } date
                ? date
                : SheetGrid.Number(number);
        }

        return raw;
    }

    /// <summary>The cell styles (indexes into cellXfs) whose number format shows a date.</summary>
    private static HashSet<uint> DateStyles(Stylesheet? stylesheet)
    {
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null && SheetGrid.IsDateFormatCode(f.FormatCode?.Value))
            .Select(f => f.NumberFormatId!.Value)
            .ToHashSet() ?? [];
        var styles = new HashSet<uint>();
        var index = 0u;
        foreach (var format in stylesheet?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id && (SheetGrid.IsBuiltInDateFormat((int)id) || custom.Contains(id)))
            {
                styles.Add(index);
            }

            index++;
        }

        return styles;
    }

    private static string ItemText(OpenXmlElement item) =>
        string.Concat(item.Descendants<Text>().Where(t => t.Parent is not PhoneticRun).Select(t => t.Text));

    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                column = (column * 26) + (c - 'A' + 1);
            }
            else if (c is >= 'a' and <= 'z')
            {
                column = (column * 26) + (c - 'a' + 1);
            }
            else if (c != '$')
            {
                break;
            }

            if (column > 16_384)
            {
                throw new FormatException($"The cell reference {reference} is beyond the last column.");
            }
        }

        return Math.Max(0, column - 1);
    }

    private static bool TryParseReference(string reference, out uint row, out int column)
    {
        column = ColumnOf(reference);
        var digits = reference.AsSpan().TrimStart("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz$");
        return uint.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out row);
    }
}
