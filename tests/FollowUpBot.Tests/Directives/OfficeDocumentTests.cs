using FollowUpBot.Directives;
using FollowUpBot.Testing;

namespace FollowUpBot.Tests.Directives;

/// <summary>
/// The documents offices send besides .docx: Word 97–2003 (.doc, also what WPS saves as .wps), OpenDocument (.odt) and
/// Excel task tables (.xlsx, and .xls as Excel 97–2003 and WPS save them). The fixtures were written by LibreOffice from the flat files beside them
/// (office_minutes.fodt, numbered_minutes.fodt, numbered_headings.fodt, merged_task_table.fodt, task_table.fods, long_task_table.fods), so each format carries the same minutes: a running head and page-number
/// footer, a footnote, a hyperlink field, and a task table with an empty cell, a two-paragraph cell and, in the workbook,
/// an owner merged over two rows, date cells and a hidden sheet.
/// </summary>
public sealed class OfficeDocumentTests
{
    private static readonly DateOnly MeetingDate = new(2026, 12, 4);

    [Theory]
    [InlineData("office_minutes.doc", "Doc")]
    [InlineData("office_minutes.odt", "OpenDocument")]
    public void AWordOrOpenDocumentFileReadsAsTheSameMinutesSavedAsDocx(string file, string format)
    {
        var docx = Read("office_minutes.docx");

        var text = Read(file);

        Assert.Equal(format, text.Format.ToString());
        Assert.Equal(docx.Text, text.Text);
    }

    [Theory]
    [InlineData("numbered_minutes.doc")]
    [InlineData("numbered_minutes.odt")]
    public void AutomaticListNumbersReadTheSameFromWord97OpenDocumentAndDocx(string file)
    {
        var docx = Read("numbered_minutes.docx");

        var text = Read(file);

        Assert.Equal(docx.Text, text.Text);
    }

    [Theory]
    [InlineData("numbered_minutes.docx")]
    [InlineData("numbered_minutes.doc")]
    [InlineData("numbered_minutes.odt")]
    public void AutomaticListNumbersAreWrittenOutAsTheWordProcessorDrawsThem(string file)
    {
        var lines = Read(file).Text.Split('\n');

        // Chinese counting with its own punctuation and no space; levels nest and restart under a new parent.
        Assert.Contains("一、关于老旧小区改造", lines);
        Assert.Contains("（二）各区政府要落实属地责任，每月5日前报送改造进展。", lines);
        Assert.Contains("二、关于项目资金保障", lines);
        Assert.Contains("（一）市发展改革委负责梳理项目资金需求，重点做好以下工作：", lines);
        Assert.Contains("2. 2027年2月底前提出专项债券申报计划。", lines);
        Assert.Contains("三、市政府督查室负责跟踪督办上述事项。", lines);

        // Decimal, letters and roman numerals with a space after the label.
        Assert.Contains("2. The Treasurer to present the budget by 31 January 2027.", lines);
        Assert.Contains("b) Cllr Jones to count the damaged slabs.", lines);
        Assert.Contains("ii. on the south side.", lines);

        // A new list starts again at 1; an item that restarts its list at 7 reads 7.
        Assert.Contains("1. The Chair to review the grant policy.", lines);
        Assert.Contains("7. The Clerk to renew the insurance before it lapses.", lines);
    }

    [Theory]
    [InlineData("numbered_headings.docx")]
    [InlineData("numbered_headings.doc")]
    [InlineData("numbered_headings.odt")]
    public void HeadingsNumberedByTheirStyleOrTheOutlineReadAsDrawn(string file)
    {
        var text = Read(file).Text;

        Assert.Equal(Read("numbered_headings.docx").Text, text);
        Assert.Contains("\n1. Apologies\n", text, StringComparison.Ordinal);
        Assert.Contains("\n2.1. Footpath on Church Lane\n", text, StringComparison.Ordinal);
        Assert.Contains("\n2.2. Speed signs\n", text, StringComparison.Ordinal);
        Assert.Contains("\n3. Finance\n", text, StringComparison.Ordinal);
        Assert.StartsWith("Minutes of the Parish Council meeting", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ATaskUnderANumberedHeadingInAWord97DocumentKeepsItsOwner()
    {
        var directives = new DirectiveExtractor().Extract(Read("numbered_minutes.doc").Text, MeetingDate);

        Assert.Contains(directives, d => d.Lead.SequenceEqual(["市住房城乡建设局"]) && d.Support.SequenceEqual(["市财政局"])
            && d.Deadline?.Due == new DateOnly(2027, 1, 31));
        Assert.Contains(directives, d => d.Lead.Contains("市财政局") && d.Task.Contains("统筹安排配套资金", StringComparison.Ordinal));
        Assert.Contains(directives, d => d.Task.Contains("present the budget", StringComparison.Ordinal)
            && d.Deadline?.Due == new DateOnly(2027, 1, 31));
    }

    [Fact]
    public void AWord97DocumentKeepsTheBodyAndLeavesOutHeadsFootnotesAndFieldCodes()
    {
        var text = Read("office_minutes.doc").Text;

        Assert.StartsWith("关于推进城市更新重点工作的专题会议纪要\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("滨江市人民政府办公室", text, StringComparison.Ordinal);
        Assert.DoesNotContain("汇报材料见附件一", text, StringComparison.Ordinal);
        Assert.DoesNotContain("HYPERLINK", text, StringComparison.Ordinal);
        Assert.Contains("详见项目清单，12月20日前完成", text, StringComparison.Ordinal);

        // One line per table row, an empty cell kept as an empty column, a cell's two paragraphs joined by a space.
        Assert.Contains("\n工作任务\t牵头单位\t配合单位\t完成时限\n", text, StringComparison.Ordinal);
        Assert.Contains("\n完善城市更新项目库\t市住房城乡建设局\t\t2027年3月底前\n", text, StringComparison.Ordinal);
        Assert.Contains("\n制定配套支持政策 （含财税、用地政策）\t市财政局\t市自然资源局\t2027年6月30日前\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("merged_task_table.docx")]
    [InlineData("merged_task_table.doc")]
    [InlineData("merged_task_table.odt")]
    public void ATableWithMergedCellsKeepsEveryCellUnderItsHeaderAndEveryRowItsOwner(string file)
    {
        // A section row across the table, a 牵头单位 merged down three rows, a task merged across two columns.
        var text = Read(file).Text;

        Assert.Equal(
            """
            2027年优化营商环境重点任务分工
            序号	重点任务	牵头单位	配合单位	完成时限
            一、提升政务服务效能
            1	推行企业开办全程网办	市政务服务管理局	市市场监管局	2027年3月底前
            2	推广“一件事一次办”	市政务服务管理局	市数据局	2027年6月底前
            3	建设政务服务好差评体系	市政务服务管理局		2027年9月底前
            4	清理规范涉企收费（由市发展改革委牵头）		市财政局	2027年12月底前
            """.ReplaceLineEndings("\n"),
            text.TrimEnd());
    }

    [Fact]
    public void AMergedOwnerIsTheLeadOfEveryTaskBesideIt()
    {
        var directives = new DirectiveExtractor().Extract(Read("merged_task_table.doc").Text, MeetingDate);

        var merged = directives.Where(d => d.Task.Contains("政务服务好差评", StringComparison.Ordinal) || d.Task.Contains("一件事一次办", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, merged.Count);
        Assert.All(merged, d => Assert.Equal(["市政务服务管理局"], d.Lead));
        Assert.DoesNotContain(directives, d => d.Lead.Contains("市财政局"));
    }

    [Fact]
    public void TheTaskTableInAWord97DocumentGivesOneDirectivePerRow()
    {
        var directives = new DirectiveExtractor().Extract(Read("office_minutes.doc").Text, MeetingDate);

        var policy = Assert.Single(directives, d => d.Task.Contains("制定配套支持政策", StringComparison.Ordinal));
        Assert.Equal(["市财政局"], policy.Lead);
        Assert.Equal(["市自然资源局"], policy.Support);
        Assert.Equal(new DateOnly(2027, 6, 30), policy.Deadline?.Due);
        Assert.Contains(directives, d => d.Lead.Contains("市住房城乡建设局") && d.Deadline?.Due == new DateOnly(2027, 1, 31));
    }

    [Fact]
    public void AWorkbookReadsAsItsVisibleSheetsRowsWithMergedOwnersRepeatedAndDatesWritten()
    {
        var text = Read("task_table.xlsx");

        Assert.Equal(MeetingTextFormat.Spreadsheet, text.Format);
        Assert.Equal(
            """
            2027年城市更新重点工作任务分解表
            序号	工作任务	牵头单位	配合单位	完成时限
            1	编制老旧小区改造年度计划	市住房城乡建设局	市财政局	2027-01-31
            2	完善城市更新项目库	市住房城乡建设局		2027-03-31
            3	制定配套支持政策	市财政局	市自然资源局、市税务局	2027年6月底前
            """.ReplaceLineEndings("\n"),
            text.Text);
    }

    [Fact]
    public void ATaskTableWorkbookGivesEveryRowItsOwnerAndDeadline()
    {
        var directives = new DirectiveExtractor().Extract(Read("task_table.xlsx").Text, MeetingDate);

        Assert.Equal(3, directives.Count);
        Assert.Equal(["市住房城乡建设局"], directives[1].Lead);
        Assert.Equal(new DateOnly(2027, 3, 31), directives[1].Deadline?.Due);
        Assert.Equal(["市自然资源局", "市税务局"], directives[2].Support);
        Assert.Equal(new DateOnly(2027, 6, 30), directives[2].Deadline?.Due);
    }

    [Fact]
    public void APasswordProtectedWordDocumentIsRefusedAsSuch()
    {
        var bytes = OfficeFixtures.PasswordProtected(Fixture("office_minutes.doc"));

        var e = Assert.Throws<MeetingTextException>(() => MeetingTextReader.Read(bytes, "minutes.doc"));

        Assert.Equal(MeetingTextError.Encrypted, e.Error);
        Assert.Equal("Word (.doc)", e.Document);
    }

    [Theory]
    [InlineData("task_table")]
    [InlineData("long_task_table")]
    public void AnExcel97WorkbookReadsAsTheSameWorkbookSavedAsXlsx(string name)
    {
        var xlsx = Read(name + ".xlsx");

        var xls = Read(name + ".xls");

        Assert.Equal(MeetingTextFormat.Spreadsheet, xls.Format);
        Assert.Equal(xlsx.Text, xls.Text);
    }

    [Fact]
    public void ALongWorkbooksStringsSplitOverContinueRecordsAndItsNumbersReadWhole()
    {
        // 360 rows of long unique strings fill the shared string table past one record (8,224 bytes), so strings run on
        // in CONTINUE records; the sheet has integers, hundredths (RK), a formula column and dates.
        var lines = Read("long_task_table.xls").Text.Split('\n');

        Assert.Equal(361, lines.Length);
        Assert.Equal("No.\tTask\t牵头单位\t配合单位\tBudget\tShare\tDue", lines[0]);
        var row = lines[298].Split('\t');
        Assert.Equal("298", row[0]);
        Assert.EndsWith("（第298项，Phase 298 review of the plan with stakeholders）", row[1], StringComparison.Ordinal);
        Assert.Equal("372500", row[4]);
        Assert.Equal("596", row[5]);
        Assert.Equal("2027-10-26", row[6]);
        Assert.Equal("3752.25", lines[3].Split('\t')[4]);
    }

    [Fact]
    public void AnExcel95WorkbookIsNamedWhenRefused()
    {
        var bytes = Fixture("task_table.xls");
        // The workbook's first record, BOF, with its version turned from BIFF8 (0x0600) to BIFF5 (0x0500).
        var bof = bytes.AsSpan().IndexOf((ReadOnlySpan<byte>)[0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]);
        Assert.True(bof > 0);
        bytes[bof + 5] = 0x05;

        var e = Assert.Throws<MeetingTextException>(() => MeetingTextReader.Read(bytes, "tasks.xls"));

        Assert.Equal(MeetingTextError.Unsupported, e.Error);
        Assert.Equal("Excel 5.0/95 (.xls)", e.Document);
    }

    [Theory]
    [InlineData("office_minutes.doc")]
    [InlineData("office_minutes.odt")]
    [InlineData("numbered_minutes.doc")]
    [InlineData("numbered_minutes.odt")]
    [InlineData("task_table.xlsx")]
    [InlineData("task_table.xls")]
    [InlineData("long_task_table.xls")]
    public void ADamagedDocumentIsRefusedWithAReasonNeverAnotherException(string file)
    {
        var original = Fixture(file);
        var random = new Random(20261205);
        var outcomes = new Dictionary<string, int>();
        for (var round = 0; round < 150; round++)
        {
            var bytes = (byte[])original.Clone();
            switch (round % 3)
            {
                case 0:
                    // Cut short, as an interrupted download leaves it.
                    bytes = bytes[..random.Next(8, bytes.Length)];
                    break;
                case 1:
                    // A burst of flipped bytes past the signature.
                    var at = random.Next(8, bytes.Length - 64);
                    for (var i = 0; i < 32; i++)
                    {
                        bytes[at + random.Next(64)] ^= (byte)random.Next(1, 256);
                    }

                    break;
                default:
                    // Scattered damage across the whole file, structures included.
                    for (var i = 0; i < 12; i++)
                    {
                        bytes[random.Next(8, bytes.Length)] = (byte)random.Next(256);
                    }

                    break;
            }

            try
            {
                MeetingTextReader.Read(bytes, file);
                outcomes["read"] = outcomes.GetValueOrDefault("read") + 1;
            }
            catch (MeetingTextException e)
            {
                outcomes[e.Error.ToString()] = outcomes.GetValueOrDefault(e.Error.ToString()) + 1;
            }
        }

        // Something was refused: the damage reached the reader rather than padding it never looks at.
        Assert.True(outcomes.Keys.Any(k => k != "read"), string.Join(", ", outcomes));
    }

    [Fact]
    public void ACompoundFileWhoseSectorChainLoopsIsRefusedQuickly()
    {
        var bytes = Fixture("office_minutes.doc");

        // Point the first FAT entry at itself: the directory chain (sector 0 onward) would never end.
        var fatSector = BitConverter.ToInt32(bytes, 0x4C);
        var fat = (fatSector + 1) * 512;
        var directory = BitConverter.ToInt32(bytes, 0x30);
        BitConverter.GetBytes(directory).CopyTo(bytes, fat + (directory * 4));

        var e = Assert.Throws<MeetingTextException>(() => MeetingTextReader.Read(bytes, "minutes.doc"));

        Assert.Equal(MeetingTextError.CorruptDocument, e.Error);
    }

    [Theory]
    [InlineData("office_minutes.docx", "word/document.xml")]
    [InlineData("task_table.xlsx", "xl/worksheets/sheet1.xml")]
    [InlineData("office_minutes.odt", "content.xml")]
    public void APackageWhosePartInflatesBeyondAnyMeetingTextIsRefusedAsDamaged(string file, string part)
    {
        // 80 million characters of one repeated letter deflate to well under a megabyte: a zip bomb in a small file.
        using var package = new MemoryStream();
        package.Write(Fixture(file));
        using (var zip = new System.IO.Compression.ZipArchive(package, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(part)!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(part).Open());
            writer.Write("<?xml version=\"1.0\"?><x>");
            var chunk = new string('a', 1 << 20);
            for (var i = 0; i < 80; i++)
            {
                writer.Write(chunk);
            }

            writer.Write("</x>");
        }

        Assert.True(package.Length < 1 << 20, $"the bomb is {package.Length} bytes");

        var e = Assert.Throws<MeetingTextException>(() => MeetingTextReader.Read(package.ToArray(), file));

        Assert.Equal(MeetingTextError.CorruptDocument, e.Error);
    }

    private static MeetingText Read(string file) => MeetingTextReader.Read(Fixture(file), file);

    private static byte[] Fixture(string file) => File.ReadAllBytes(RepoPaths.Fixture("inputs/" + file));
}
