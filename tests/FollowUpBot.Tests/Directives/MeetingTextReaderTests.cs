using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using FollowUpBot.Directives;

namespace FollowUpBot.Tests.Directives;

public sealed class MeetingTextReaderTests
{
    private const string Sample = "会议要求，由市委宣传部牵头制定宣传方案。\n各区要在3月底前完成。";

    static MeetingTextReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Utf8WithoutBomIsReadAsIs()
    {
        var text = MeetingTextReader.Read(Encoding.UTF8.GetBytes(Sample), "a.txt");

        Assert.Equal(Sample, text.Text);
        Assert.Equal("utf-8", text.Encoding);
    }

    [Fact]
    public void Utf8BomIsRemovedSoOffsetsStartAtTheText()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Sample)).ToArray();

        var text = MeetingTextReader.Read(bytes, "a.txt");

        Assert.Equal(Sample, text.Text);
        Assert.Equal('会', text.Text[0]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16WithBomIsDecodedInEitherByteOrder(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(Sample)).ToArray();

        Assert.Equal(Sample, MeetingTextReader.Read(bytes, "a.txt").Text);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16WithoutBomIsRecognisedByItsNulPattern(bool bigEndian)
    {
        var mixed = "Minutes 2026\n" + Sample + "\nACTION: Finance to report.";
        var bytes = new UnicodeEncoding(bigEndian, byteOrderMark: false).GetBytes(mixed);

        Assert.Equal(mixed, MeetingTextReader.Read(bytes, "a.txt").Text);
    }

    [Theory]
    [InlineData("GB18030")]
    [InlineData("GBK")]
    public void LegacyChineseEncodingsAreDetectedWithoutMojibake(string encodingName)
    {
        var bytes = Encoding.GetEncoding(encodingName).GetBytes(Sample);

        var text = MeetingTextReader.Read(bytes, "a.txt");

        Assert.Equal(Sample, text.Text);
        Assert.Equal("gb18030", text.Encoding);
    }

    [Fact]
    public void BinaryContentIsRefused()
    {
        byte[] bytes = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x03, 0x00, 0x3E, 0x00, 0x01, 0x00, 0xFF, 0xFE, 0x10, 0x11];

        var error = Assert.Throws<MeetingTextException>(() => MeetingTextReader.Read(bytes, "a.txt"));

        Assert.Equal(MeetingTextError.Binary, error.Error);
    }

    [Fact]
    public void BytesThatAreNoKnownEncodingAreRefused()
    {
        // Valid neither as UTF-8 nor as GB18030 (0xFF is never a GB18030 lead byte).
        byte[] bytes = [0xFF, 0x41, 0xFF, 0x42, 0xFF, 0x43, 0x80, 0x0A, 0xFF];

        var error = Assert.Throws<MeetingTextException>(() => MeetingTextReader.Read(bytes, "a.txt"));

        Assert.Equal(MeetingTextError.UnknownEncoding, error.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \r\n\t \n")]
    public void EmptyOrBlankInputIsRefused(string content)
    {
        var error = Assert.Throws<MeetingTextException>(() => MeetingTextReader.Read(Encoding.UTF8.GetBytes(content), "a.txt"));

        Assert.Equal(MeetingTextError.Empty, error.Error);
    }

    [Fact]
    public void InputOverTheConfiguredSizeIsRefused()
    {
        var options = new MeetingTextReaderOptions { MaxBytes = 10 };

        var error = Assert.Throws<MeetingTextException>(() => MeetingTextReader.Read(Encoding.UTF8.GetBytes(Sample), "a.txt", options));

        Assert.Equal(MeetingTextError.TooLarge, error.Error);
    }

    [Fact]
    public async Task AMissingFileIsAnUnreadableInputNotACrash()
    {
        var error = await Assert.ThrowsAsync<MeetingTextException>(() =>
            MeetingTextReader.ReadFileAsync(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".txt")));

        Assert.Equal(MeetingTextError.Unreadable, error.Error);
    }

    [Fact]
    public void ACorruptDocxIsRefusedWithAClearError()
    {
        var bytes = "PK\u0003\u0004 this is not really a zip archive"u8.ToArray();

        var error = Assert.Throws<MeetingTextException>(() => MeetingTextReader.Read(bytes, "minutes.docx"));

        Assert.Equal(MeetingTextError.CorruptDocument, error.Error);
    }

    [Fact]
    public void ADocxNameOnTextContentIsRefused()
    {
        var error = Assert.Throws<MeetingTextException>(() => MeetingTextReader.Read(Encoding.UTF8.GetBytes(Sample), "minutes.docx"));

        Assert.Equal(MeetingTextError.CorruptDocument, error.Error);
    }

    [Fact]
    public void DocxParagraphsNumberedListsAndTablesBecomeLines()
    {
        var bytes = BuildDocx();

        var text = MeetingTextReader.Read(bytes, "minutes.docx");

        Assert.Equal(MeetingTextFormat.Docx, text.Format);
        Assert.Equal(
            "会议纪要\n一、市财政局要在5个工作日内拨付资金。\n二、市教育局要加快学位建设。\n事项\t责任单位\n排查隐患\t市应急管理局",
            text.Text);
    }

    [Fact]
    public void DirectivesFromADocxPointIntoTheDecodedText()
    {
        var text = MeetingTextReader.Read(BuildDocx(), "minutes.docx").Text;

        var directives = new DirectiveExtractor().Extract(text, new DateOnly(2026, 3, 2));

        // The table's 责任单位 column assigns its row.
        Assert.Equal(["市财政局", "市教育局", "市应急管理局"], directives.Select(d => d.Lead.Single()));
        Assert.Equal("排查隐患", directives[2].Task);
        Assert.All(directives, d => Assert.Equal(d.Quote, text.Substring(d.Start, d.Length)));
        Assert.Equal("一", directives[0].Section);
        Assert.Equal("二", directives[1].Section);
    }

    private static byte[] BuildDocx()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new Numbering(
                new AbstractNum(
                    new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.ChineseCounting }, new LevelText { Val = "%1、" })
                    {
                        LevelIndex = 0,
                    })
                {
                    AbstractNumberId = 1,
                },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 7 });
            main.Document = new Document(new Body(
                Paragraph("会议纪要"),
                Numbered("市财政局要在5个工作日内拨付资金。"),
                Numbered("市教育局要加快学位建设。"),
                new Table(Row("事项", "责任单位"), Row("排查隐患", "市应急管理局"))));
        }

        return stream.ToArray();

        static Paragraph Paragraph(string text) => new(new Run(new Text(text)));

        static Paragraph Numbered(string text) => new(
            new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 7 })),
            new Run(new Text(text)));

        static TableRow Row(params string[] cells) => new(cells.Select(c => new TableCell(Paragraph(c))).Cast<OpenXmlElement>());
    }
}
