using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FollowUpBot.Checklists;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;

namespace FollowUpBot.Summaries;

/// <summary>One row of the ledger (督办台账): an item and one of its departments.</summary>
internal sealed record LedgerRow(
    int? Number,
    string Section,
    string Task,
    string Lead,
    string Support,
    string Department,
    string Role,
    string Due,
    string Status,
    string LastReport,
    string History);

/// <summary>
/// The ledger export (督办台账) as an .xlsx workbook written with DocumentFormat.OpenXml: a header and
/// one row per item and department, with the item's number, section, task, lead and supporting
/// departments, due date, the department's status, its last report and its whole history.
/// </summary>
internal static class LedgerExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The header keys in column order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["export.number", "export.section", "export.task", "export.lead", "export.support", "export.department", "export.role", "export.due", "export.status", "export.lastReport", "export.history"];

    private static readonly double[] Widths = [7, 14, 60, 22, 22, 22, 10, 12, 18, 48, 80];

    public static IReadOnlyList<LedgerRow> Rows(MeetingDocument meeting, IReadOnlyDictionary<string, IReadOnlyList<HistoryEntry>> history, UiLocale locale)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(history);
        var rows = new List<LedgerRow>();
        foreach (var item in meeting.Items.OrderBy(i => i.Number ?? int.MaxValue).ThenBy(i => i.Id, StringComparer.Ordinal))
        {
            var entries = history.TryGetValue(item.Id, out var found) ? found : [];
            var due = item.CurrentDue is { } d ? SummaryCard.Date(d) : item.DeadlineText ?? string.Empty;
            var lead = string.Join("、", item.Lead);
            var support = string.Join("、", item.Support);
            var parts = item.Departments.Count > 0 ? item.Departments : [new DepartmentProgress { Department = string.Empty }];
            foreach (var part in parts)
            {
                var mine = MeetingHistory.For(entries, part.Department).ToList();
                var last = mine.LastOrDefault();
                rows.Add(new LedgerRow(
                    item.Number,
                    item.Section ?? string.Empty,
                    item.Task,
                    lead,
                    support,
                    part.Department,
                    part.Department.Length == 0 ? string.Empty : Texts.Get(locale, part.Role == DepartmentRole.Lead ? "checklist.lead" : "checklist.support"),
                    due,
                    ChecklistCard.StatusText(locale, part.Status),
                    last is null ? Texts.Get(locale, "checklist.noReport") : MeetingHistory.Describe(locale, last.Record),
                    string.Join('\n', mine.Select(e => MeetingHistory.Describe(locale, e.Record)))));
            }
        }

        return rows;
    }

    /// <summary>Writes the workbook of <paramref name="rows"/> to <paramref name="output"/> (a seekable stream).</summary>
    public static void Write(Stream output, IReadOnlyList<LedgerRow> rows, UiLocale locale)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.Append(Row(1, [.. Columns.Select(k => Text(Texts.Get(locale, k)))], style: 1));
        uint index = 2;
        foreach (var row in rows)
        {
            data.Append(Row(index++,
            [
                row.Number is { } n ? new Cell { DataType = CellValues.Number, CellValue = new CellValue(n) } : Text(string.Empty),
                Text(row.Section), Text(row.Task), Text(row.Lead), Text(row.Support), Text(row.Department), Text(row.Role),
                Text(row.Due), Text(row.Status), Text(row.LastReport), Text(row.History),
            ], style: 2));
        }

        var columns = new Columns([.. Widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true })]);
        var views = new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 });
        sheetPart.Worksheet = new Worksheet(views, columns, data);
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = Texts.Get(locale, "export.sheet") }));
        workbook.Workbook.Save();
    }

    private static Row Row(uint index, Cell[] cells, uint style)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i].CellReference = ColumnName(i) + index.ToString(CultureInfo.InvariantCulture);
            cells[i].StyleIndex = style;
        }

        return new Row(cells) { RowIndex = index };
    }

    private static Cell Text(string value) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(Clean(value)) { Space = SpaceProcessingModeValues.Preserve }) };

    /// <summary>A cell holds at most 32,767 characters and no control characters other than tab and line feed.</summary>
    private static string Clean(string value)
    {
        var clean = new string([.. value.Where(c => c is '\n' or '\t' || !char.IsControl(c))]);
        return clean.Length <= 32_767 ? clean : clean[..32_766] + "…";
    }

    private static string ColumnName(int index) => ((char)('A' + index)).ToString();

    /// <summary>Style 0: default; 1: bold header; 2: top-aligned, wrapped body.</summary>
    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true, Alignment = new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center }, ApplyAlignment = true },
            new CellFormat { Alignment = new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }, ApplyAlignment = true }));
}
