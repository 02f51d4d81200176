using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FollowUpBot.Cli;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Storage;
using FollowUpBot.Summaries;
using FollowUpBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace FollowUpBot.Tests.Summaries;

public sealed class LedgerExportTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "followup-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task TheWorkbookHasOneRowPerItemAndDepartmentWithItsHistoryAndReopensWithTheSameCells()
    {
        var ledger = new MeetingLedger(new LocalBlobStore(Path.Combine(_root, "data")), TimeProvider.System, NullLogger<MeetingLedger>.Instance);
        await SummaryFixture.StoreAsync(ledger);
        var meeting = (await ledger.GetMeetingAsync(SummaryFixture.MeetingId))!.Document;
        var history = await MeetingHistory.ReadAsync(ledger, meeting);
        var path = Path.Combine(_root, "ledger.xlsx");
        await using (var file = File.Create(path))
        {
            LedgerExport.Write(file, LedgerExport.Rows(meeting, history, UiLocale.ZhCN), UiLocale.ZhCN);
        }

        var sheet = ReadSheet(path);

        Assert.Equal(LedgerExport.Columns.Select(k => Texts.Get(UiLocale.ZhCN, k)), sheet[0]);
        Assert.Equal(meeting.Items.Sum(i => i.Departments.Count), sheet.Count - 1);
        var (records, _) = SummaryFixture.Progress();
        foreach (var item in meeting.Items)
        {
            foreach (var part in item.Departments)
            {
                var row = sheet.Single(r => r[0] == item.Number!.Value.ToString(CultureInfo.InvariantCulture) && r[5] == part.Department);
                Assert.Equal(item.Task, row[2]);
                Assert.Equal(string.Join("、", item.Lead), row[3]);
                Assert.Equal(item.CurrentDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty, row[7]);
                Assert.Equal(FollowUpBot.Checklists.ChecklistCard.StatusText(UiLocale.ZhCN, part.Status), row[8]);
                var mine = records.Where(r => r.ItemId == item.Id && (r.Department == part.Department || r.Department is null)).ToList();
                Assert.Equal(mine.Count, row[10].Length == 0 ? 0 : row[10].Split('\n').Length);
                foreach (var record in mine)
                {
                    Assert.Contains($"{SummaryCard.Time(record.At)} {record.By.Name}", row[10], StringComparison.Ordinal);
                }

                if (mine.Count > 0)
                {
                    Assert.Contains(mine[^1].By.Name, row[9], StringComparison.Ordinal);
                }
            }
        }
    }

    [Fact]
    public async Task TheCliExportsTheLedgerOfAMeetingInALocalDataFolder()
    {
        var data = Path.Combine(_root, "data");
        var ledger = new MeetingLedger(new LocalBlobStore(data), TimeProvider.System, NullLogger<MeetingLedger>.Instance);
        await SummaryFixture.StoreAsync(ledger);
        var output = Path.Combine(_root, "out", "台账.xlsx");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await CliApp.RunAsync(["export", "--meeting", SummaryFixture.MeetingId, "--data", data, "--out", output, "--lang", "en-US"], stdout, stderr, CancellationToken.None);

        Assert.True(code == 0, stderr.ToString());
        var sheet = ReadSheet(output);
        Assert.Equal(Texts.Get(UiLocale.EnUS, "export.task"), sheet[0][2]);
        Assert.Equal(SummaryFixture.Meeting().Items.Sum(i => i.Lead.Count + i.Support.Count), sheet.Count - 1);
        Assert.Contains(output, stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCliRefusesAnUnknownMeetingWithoutWritingAFile()
    {
        var output = Path.Combine(_root, "none.xlsx");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await CliApp.RunAsync(["export", "--meeting", "no-such-meeting", "--data", Path.Combine(_root, "empty"), "--out", output], stdout, stderr, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.False(File.Exists(output));
        Assert.Contains("no-such-meeting", stderr.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    /// <summary>The first sheet's cells as text, row by row (inline strings and numbers).</summary>
    private static List<string[]> ReadSheet(string path)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Descendants<Sheet>().First();
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return [.. part.Worksheet.Descendants<Row>().Select(row => row.Elements<Cell>()
            .Select(c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? string.Empty)
            .ToArray())];
    }
}
