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
    // Built-in number formats that show a date (ECMA-376 18.8.30, with the zh-CN/ja/ko ones from 27 up).
    private static readonly HashSet<uint> DateFormats = [14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58];

    // A zip of a few megabytes can inflate to gigabytes of XML; no real task table comes near this.
    private const long MaxCharactersInPart = 64L * 1024 * 1024;

    public static string Extract(ReadOnlySpan<byte> bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes.ToArray(), writable: false);
            using var document = SpreadsheetDocument.Open(stream, isEditable: false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
            var workbook = document.WorkbookPart ?? throw new MeetingTextException(MeetingTextError.CorruptDocument, "The workbook has no workbook part.") { Document = "Excel (.xlsx)" };
            var strings = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(ItemText).ToArray() ?? [];
            var dates = DateStyles(workbook.WorkbookStylesPart?.Stylesheet);
            var sheets = new List<string>();
            foreach (var sheet in workbook.Workbook?.Sheets?.Elements<Sheet>() ?? [])
            {
                if (sheet.State?.Value is { } state && state != SheetStateValues.Visible)
                {
                    continue;
                }

                if (sheet.Id?.Value is { } id && workbook.GetPartById(id) is WorksheetPart part && part.Worksheet is { } worksheet)
                {
                    var text = SheetText(worksheet, strings, dates);
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

    private static string SheetText(Worksheet worksheet, string[] strings, HashSet<uint> dates)
    {
        var rows = new SortedDictionary<uint, SortedDictionary<int, string>>();
        foreach (var row in worksheet.Descendants<Row>())
        {
            var rowIndex = row.RowIndex?.Value ?? (rows.Count == 0 ? 1 : rows.Keys.Last() + 1);
            var cells = new SortedDictionary<int, string>();
            var next = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnOf(reference) : next;
                next = column + 1;
                var value = CellText(cell, strings, dates);
                if (value.Length > 0)
                {
                    cells[column] = value;
                }
            }

            if (cells.Count > 0)
            {
                rows[rowIndex] = cells;
            }
        }

        FillMergedDown(worksheet, rows);
        var lines = rows.Values.Select(cells =>
        {
            var line = new StringBuilder();
            for (var column = 0; column <= cells.Keys.Last(); column++)
            {
                if (column > 0)
                {
                    line.Append('\t');
                }

                line.Append(cells.GetValueOrDefault(column));
            }

            return line.ToString();
        });
        return string.Join('\n', lines);
    }

    /// <summary>A range merged over several rows shows its value on each row, in the range's first column.</summary>
    private static void FillMergedDown(Worksheet worksheet, SortedDictionary<uint, SortedDictionary<int, string>> rows)
    {
        foreach (var merge in worksheet.Descendants<MergeCell>())
        {
            var range = merge.Reference?.Value?.Split(':');
            if (range is not { Length: 2 } || !TryParseReference(range[0], out var top, out var column) || !TryParseReference(range[1], out var bottom, out _))
            {
                continue;
            }

            if (bottom <= top || bottom - top > 10_000 || !rows.TryGetValue(top, out var first) || !first.TryGetValue(column, out var value))
            {
                continue;
            }

            for (var r = top + 1; r <= bottom; r++)
            {
                if (rows.TryGetValue(r, out var cells))
                {
                    cells.TryAdd(column, value);
                }
            }
        }
    }

    private static string CellText(Cell cell, string[] strings, HashSet<uint> dates)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? Clean(ItemText(inline)) : string.Empty;
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
                ? Clean(strings[index])
                : string.Empty;
        }

        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "TRUE" : "FALSE";
        }

        if ((type is null || type == CellValues.Number)
            && cell.StyleIndex?.Value is { } style && dates.Contains(style)
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2958466)
        {
            return DateTime.FromOADate(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return Clean(raw);
    }

    /// <summary>The cell styles (indexes into cellXfs) whose number format shows a date.</summary>
    private static HashSet<uint> DateStyles(Stylesheet? stylesheet)
    {
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null && IsDateFormatCode(f.FormatCode?.Value))
            .Select(f => f.NumberFormatId!.Value)
            .ToHashSet() ?? [];
        var styles = new HashSet<uint>();
        var index = 0u;
        foreach (var format in stylesheet?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id && (DateFormats.Contains(id) || custom.Contains(id)))
            {
                styles.Add(index);
            }

            index++;
        }

        return styles;
    }

    /// <summary>A custom format shows a date when, outside quotes, brackets and escapes, it has a year or day code.</summary>
    private static bool IsDateFormatCode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return false;
        }

        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            switch (c)
            {
                case '"':
                    quoted = !quoted;
                    break;
                case '[' when !quoted:
                    bracket = true;
                    break;
                case ']' when !quoted:
                    bracket = false;
                    break;
                case '\\' or '_' or '*' when !quoted:
                    i++;
                    break;
                case 'y' or 'Y' or 'd' or 'D' when !quoted && !bracket:
                    return true;
                default:
                    break;
            }
        }

        return false;
    }

    private static string ItemText(OpenXmlElement item) =>
        string.Concat(item.Descendants<Text>().Where(t => t.Parent is not PhoneticRun).Select(t => t.Text));

    // A line break inside a cell (Alt+Enter) would split the row; tabs would add a column.
    private static string Clean(string value) => value.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ').Trim();

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
