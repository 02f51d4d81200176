using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FollowUpBot.Bulletins;
using FollowUpBot.Cli;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Storage;
using FollowUpBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace FollowUpBot.Tests.Bulletins;

public sealed class BulletinDocumentTests : IDisposable
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private readonly string _root = Path.Combine(Path.GetTempPath(), "followup-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task ThePageIsA4WithTheStandardsMarginsAndAGridOf22LinesOf28Characters()
    {
        using var document = WordprocessingDocument.Open(await WriteAsync(UiLocale.ZhCN), isEditable: false);

        var section = document.MainDocumentPart!.Document.Body!.GetFirstChild<SectionProperties>()!;
        var size = section.GetFirstChild<PageSize>()!;
        var margins = section.GetFirstChild<PageMargin>()!;
        var grid = section.GetFirstChild<DocGrid>()!;
        Assert.Equal((210.0, 297.0), (Mm(size.Width!.Value), Mm(size.Height!.Value)));
        Assert.Equal(37.0, Mm(margins.Top!.Value), 1);
        Assert.Equal(35.0, Mm(margins.Bottom!.Value), 1);
        Assert.Equal(28.0, Mm(margins.Left!.Value), 1);
        Assert.Equal(26.0, Mm(margins.Right!.Value), 1);
        Assert.Equal(DocGridValues.Lines, grid.Type!.Value);
        // 225 mm of text block in 22 lines: 28.95 pt each, and every paragraph keeps to that pitch.
        Assert.Equal(28.95, grid.LinePitch!.Value / 20.0, 1);
        Assert.Equal(22, (int)Math.Round((size.Height!.Value - margins.Top!.Value - margins.Bottom!.Value) / (double)grid.LinePitch!.Value));
        var body = document.MainDocumentPart.Document.Body.Elements<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == BulletinDocument.BodyStyle && p.InnerText.Length > 0).ToList();
        Assert.All(body, p => Assert.Equal(grid.LinePitch!.Value.ToString(CultureInfo.InvariantCulture), p.ParagraphProperties!.SpacingBetweenLines!.Line!.Value));
        // 156 mm of line holds 28 characters of 16 pt at the runs' spacing, and not 29.
        var advance = 16 + (int)body[0].Elements<Run>().First().RunProperties!.Spacing!.Val!.Value / 20.0;
        var line = (size.Width!.Value - (int)margins.Left!.Value - (int)margins.Right!.Value) / 20.0;
        Assert.Equal(28, (int)Math.Floor(line / advance));
    }

    [Fact]
    public async Task TitleHeadingsAndBodyHaveTheStandardsFontsAndSizes()
    {
        using var document = WordprocessingDocument.Open(await WriteAsync(UiLocale.ZhCN), isEditable: false);
        var paragraphs = Paragraphs(document);

        var title = Assert.Single(paragraphs, p => Style(p) == BulletinDocument.TitleStyle);
        Assert.Equal("关于《2026年第四季度重点工作推进会》议定事项落实情况的通报", title.InnerText);
        AssertRuns(title, "方正小标宋简体", 22);
        Assert.Equal(JustificationValues.Center, title.ParagraphProperties!.Justification!.Val!.Value);

        var headings = paragraphs.Where(p => Style(p) == BulletinDocument.HeadingStyle).ToList();
        Assert.Equal(6, headings.Count);
        Assert.All(headings, h => AssertRuns(h, "黑体", 16));
        var subheadings = paragraphs.Where(p => Style(p) == BulletinDocument.SubheadingStyle).ToList();
        Assert.All(subheadings, h => AssertRuns(h, "楷体_GB2312", 16));
        Assert.StartsWith("（一）", subheadings[1].InnerText, StringComparison.Ordinal);
        var body = paragraphs.Where(p => Style(p) == BulletinDocument.BodyStyle && p.InnerText.Length > 0).ToList();
        Assert.True(body.Count > 20);
        Assert.All(body, b => AssertRuns(b, "仿宋_GB2312", 16));

        // The font table names a fallback for each Chinese font a machine may lack.
        var fonts = document.MainDocumentPart!.FontTablePart!.Fonts.Elements<Font>().ToDictionary(f => f.Name!.Value!, f => f.GetFirstChild<AltName>()?.Val?.Value);
        Assert.Equal("宋体", fonts["方正小标宋简体"]);
        Assert.Equal("仿宋", fonts["仿宋_GB2312"]);
        Assert.Equal("楷体", fonts["楷体_GB2312"]);
    }

    [Fact]
    public async Task SectionsComeInTheStandardOrderAndEveryItemOfTheLedgerIsInExactlyOneOfThem()
    {
        var (meeting, _) = await StoredAsync();
        using var document = WordprocessingDocument.Open(await WriteAsync(UiLocale.ZhCN), isEditable: false);
        var paragraphs = Paragraphs(document);

        var headings = paragraphs.Where(p => Style(p) == BulletinDocument.HeadingStyle).Select(p => p.InnerText).ToList();
        Assert.Equal(["一、已办结事项", "二、按时推进事项", "三、逾期未办事项", "四、已延期事项", "五、受阻事项", "六、有关要求"], headings.Select(h => h.Split('（')[0]));

        // Which section each item's heading stands under, read back from the document.
        var placed = new Dictionary<string, List<int>>();
        string? current = null;
        foreach (var paragraph in paragraphs)
        {
            if (Style(paragraph) == BulletinDocument.HeadingStyle)
            {
                current = paragraph.InnerText;
            }
            else if (Style(paragraph) == BulletinDocument.SubheadingStyle && current is not null && paragraph.InnerText.Contains("项：", StringComparison.Ordinal))
            {
                var number = int.Parse(paragraph.InnerText.Split('第')[1].Split('项')[0], CultureInfo.InvariantCulture);
                (placed.TryGetValue(current, out var list) ? list : placed[current] = []).Add(number);
            }
        }

        var all = placed.Values.SelectMany(n => n).Order().ToList();
        Assert.Equal(meeting.Items.Select(i => i.Number!.Value).Order(), all);
        Assert.Equal(11, all.Count);
        foreach (var item in meeting.Items)
        {
            var section = BulletinRules.Place(item, BulletinFixture.Today);
            var heading = Assert.Single(placed, p => p.Value.Contains(item.Number!.Value)).Key;
            Assert.Contains(Texts.Format(UiLocale.ZhCN, "bulletin.section." + section, string.Empty).Split('（')[0], heading, StringComparison.Ordinal);
        }

        // Each section's count in its heading matches what it lists, and every section has something in it here.
        foreach (var (heading, numbers) in placed)
        {
            Assert.Contains($"（{numbers.Count}项）", heading, StringComparison.Ordinal);
        }

        Assert.Equal(5, placed.Count);
    }

    [Fact]
    public async Task ReportsAreQuotedAsStoredWithWhoAndWhen()
    {
        var (meeting, _) = await StoredAsync();
        using var document = WordprocessingDocument.Open(await WriteAsync(UiLocale.ZhCN), isEditable: false);
        var text = Paragraphs(document).Select(p => p.InnerText).ToList();

        var blocked = Assert.Single(text, t => t.Contains(BulletinFixture.BlockedNote, StringComparison.Ordinal));
        Assert.Contains($"“{BulletinFixture.BlockedNote}”", blocked, StringComparison.Ordinal);
        Assert.Contains("市教育局 王芳于2026年12月9日 15:05报送", blocked, StringComparison.Ordinal);
        Assert.Contains("受阻，进度30%", blocked, StringComparison.Ordinal);
        foreach (var item in meeting.Items)
        {
            var latest = item.Departments.Where(d => d.At is not null).MaxBy(d => d.At);
            if (latest?.Note is { Length: > 0 } note)
            {
                Assert.Contains(text, t => t.Contains($"“{note}”", StringComparison.Ordinal));
            }
        }

        Assert.Contains(text, t => t.StartsWith("2026年11月20日召开的《2026年第四季度重点工作推进会》共议定督办事项11项。截至2026年12月10日，已办结2项", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PagesAreNumberedInTheFooterWithAPageFieldBetweenDashesIn14Point()
    {
        using var document = WordprocessingDocument.Open(await WriteAsync(UiLocale.ZhCN), isEditable: false);

        var footers = document.MainDocumentPart!.FooterParts.ToList();
        Assert.Equal(2, footers.Count);
        Assert.NotNull(document.MainDocumentPart.DocumentSettingsPart!.Settings.GetFirstChild<EvenAndOddHeaders>());
        foreach (var footer in footers)
        {
            var paragraph = footer.Footer.Elements<Paragraph>().Single();
            Assert.Equal(" PAGE ", paragraph.Descendants<FieldCode>().Single().Text);
            Assert.StartsWith("— ", paragraph.InnerText, StringComparison.Ordinal);
            Assert.EndsWith(" —", paragraph.InnerText, StringComparison.Ordinal);
            Assert.All(paragraph.Descendants<FontSize>(), s => Assert.Equal("28", s.Val!.Value));
        }
    }

    [Fact]
    public async Task TheEnglishVariantHasTheSameSectionsInEnglish()
    {
        using var document = WordprocessingDocument.Open(await WriteAsync(UiLocale.EnUS), isEditable: false);
        var paragraphs = Paragraphs(document);

        Assert.Equal("Progress bulletin: 2026年第四季度重点工作推进会", Assert.Single(paragraphs, p => Style(p) == BulletinDocument.TitleStyle).InnerText);
        var headings = paragraphs.Where(p => Style(p) == BulletinDocument.HeadingStyle).Select(p => p.InnerText.Split(" (")[0]).ToList();
        Assert.Equal(["1. Completed", "2. On schedule", "3. Overdue", "4. Extended", "5. Blocked", "6. Requirements"], headings);
        Assert.Contains(paragraphs, p => p.InnerText.Contains($"\u201c{BulletinFixture.BlockedNote}\u201d", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnEditedTitleAndTheOrganisersRequirementsAreUsed()
    {
        var (meeting, _) = await StoredAsync();
        var bulletin = BulletinRules.Build(meeting, BulletinFixture.Today, UiLocale.ZhCN, Shanghai, title: "第十二期督办通报", requirements: "一要压实责任。\n二要按期销号。");
        var path = Path.Combine(_root, "edited.docx");
        await using (var file = File.Create(path))
        {
            BulletinDocument.Write(file, bulletin);
        }

        using var document = WordprocessingDocument.Open(path, isEditable: false);
        var text = Paragraphs(document).Select(p => p.InnerText).ToList();
        Assert.Contains("第十二期督办通报", text);
        Assert.Equal(["一要压实责任。", "二要按期销号。"], text.SkipWhile(t => !t.StartsWith("六、", StringComparison.Ordinal)).Skip(1).Take(2));
    }

    [Theory]
    [InlineData("closed", "overdue", "Closed")]
    [InlineData("blocked", "overdue", "Overdue")]
    [InlineData("blocked", "future", "Blocked")]
    [InlineData("inProgress", "extended", "Extended")]
    [InlineData("inProgress", "extendedButOverdue", "Overdue")]
    [InlineData("completionRequested", "future", "OnSchedule")]
    [InlineData("notStarted", "none", "OnSchedule")]
    public void EachItemGoesToTheFirstSectionWhoseRuleHolds(string status, string due, string expected)
    {
        var today = new DateOnly(2026, 12, 10);
        var parsed = Enum.Parse<ProgressStatus>(status, ignoreCase: true);
        var item = new MeetingItem
        {
            Id = "x",
            Task = "t",
            Lead = ["A"],
            Status = parsed,
            Due = due switch { "overdue" => today.AddDays(-1), "future" => today.AddDays(5), "none" => null, _ => today.AddDays(-20) },
            Extended = due switch { "extended" => new DueChange(today.AddDays(10), "r"), "extendedButOverdue" => new DueChange(today.AddDays(-2), "r"), _ => null },
            Departments = [new DepartmentProgress { Department = "A", Role = DepartmentRole.Lead, Status = parsed }],
        };

        Assert.Equal(Enum.Parse<BulletinSection>(expected), BulletinRules.Place(item, today));
    }

    [Fact]
    public async Task TheCliWritesTheBulletinOfAMeetingInALocalDataFolder()
    {
        var data = Path.Combine(_root, "data");
        await BulletinFixture.StoreAsync(new MeetingLedger(new LocalBlobStore(data), TimeProvider.System, NullLogger<MeetingLedger>.Instance));
        var output = Path.Combine(_root, "out", "通报.docx");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 10, 2, 0, 0, TimeSpan.Zero));

        var code = await new BulletinCommand(clock).RunAsync(["--meeting", SummaryFixture.MeetingId, "--data", data, "--out", output, "--lang", "en-US", "--since", "2026-12-01"], stdout, stderr, CancellationToken.None);

        Assert.True(code == 0, stderr.ToString());
        using var document = WordprocessingDocument.Open(output, isEditable: false);
        var text = Paragraphs(document).Select(p => p.InnerText).ToList();
        Assert.Contains("(1 December 2026 to 10 December 2026)", text);
        // Item 5's latest report (29 November) is older than the period: still quoted, and said to be older.
        var item5 = Assert.Single(text, t => t.Contains("配合完成管线迁改", StringComparison.Ordinal));
        Assert.EndsWith(Texts.Get(UiLocale.EnUS, "bulletin.reportOld"), item5, StringComparison.Ordinal);
        Assert.DoesNotContain(text, t => t.Contains("方案已报市政府审定", StringComparison.Ordinal) && t.Contains(Texts.Get(UiLocale.EnUS, "bulletin.reportOld"), StringComparison.Ordinal));
        Assert.Contains("Closed 2, OnSchedule", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains(CliApp.Commands, c => c.Name == "bulletin");
    }

    [Theory]
    [InlineData("--meeting", "no-such-meeting")]
    [InlineData("--since", "2026-13-40")]
    [InlineData("--lang", "fr-FR")]
    public async Task TheCliRefusesBadInputWithExitCode2AndWritesNoFile(string option, string value)
    {
        var data = Path.Combine(_root, "data");
        await BulletinFixture.StoreAsync(new MeetingLedger(new LocalBlobStore(data), TimeProvider.System, NullLogger<MeetingLedger>.Instance));
        var output = Path.Combine(_root, "bad.docx");
        var args = new List<string> { "bulletin", "--data", data, "--out", output };
        args.AddRange(option == "--meeting" ? [option, value] : ["--meeting", SummaryFixture.MeetingId, option, value]);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await CliApp.RunAsync([.. args], stdout, stderr, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.False(File.Exists(output));
        Assert.Contains(value, stderr.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private async Task<(MeetingDocument Meeting, MeetingLedger Ledger)> StoredAsync()
    {
        var ledger = new MeetingLedger(new LocalBlobStore(Path.Combine(_root, "data-" + Guid.NewGuid().ToString("N")[..6])), TimeProvider.System, NullLogger<MeetingLedger>.Instance);
        await BulletinFixture.StoreAsync(ledger);
        return ((await ledger.GetMeetingAsync(SummaryFixture.MeetingId))!.Document, ledger);
    }

    private async Task<string> WriteAsync(UiLocale locale)
    {
        var (meeting, _) = await StoredAsync();
        var bulletin = BulletinRules.Build(meeting, BulletinFixture.Today, locale, Shanghai);
        var path = Path.Combine(_root, $"bulletin-{locale.Tag()}.docx");
        await using (var file = File.Create(path))
        {
            BulletinDocument.Write(file, bulletin);
        }

        return path;
    }

    private static List<Paragraph> Paragraphs(WordprocessingDocument document) => [.. document.MainDocumentPart!.Document.Body!.Elements<Paragraph>()];

    private static string? Style(Paragraph paragraph) => paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

    private static void AssertRuns(Paragraph paragraph, string eastAsiaFont, double points)
    {
        var runs = paragraph.Elements<Run>().Where(r => r.InnerText.Length > 0).ToList();
        Assert.NotEmpty(runs);
        Assert.All(runs, r =>
        {
            Assert.Equal(eastAsiaFont, r.RunProperties!.RunFonts!.EastAsia!.Value);
            Assert.Equal(points * 2, double.Parse(r.RunProperties.FontSize!.Val!.Value!, CultureInfo.InvariantCulture));
        });
    }

    private static double Mm(double twips) => Math.Round(twips / 1440 * 25.4, 1);
}
