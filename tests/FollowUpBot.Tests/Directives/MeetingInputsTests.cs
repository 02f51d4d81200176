using FollowUpBot.Directives;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace FollowUpBot.Tests.Directives;

/// <summary>The inputs organisers have besides .txt and .docx: text PDFs, scans, and Teams meeting transcripts (.vtt).</summary>
public sealed class MeetingInputsTests
{
    private static readonly DateOnly MeetingDate = new(2026, 3, 5);

    [Fact]
    public void ATextPdfMadeByLibreOfficeIsReadAndItsDirectivesExtracted()
    {
        var bytes = File.ReadAllBytes(Testing.RepoPaths.Fixture("inputs/cn_minutes_for_pdf.pdf"));

        var text = MeetingTextReader.Read(bytes, "纪要.pdf");
        var directives = new DirectiveExtractor().Extract(text.Text, MeetingDate);

        Assert.Equal(MeetingTextFormat.Pdf, text.Format);
        Assert.Contains(directives, d => d.Lead.SequenceEqual(["市财政局"]) && d.Task.Contains("拨付第一批补助资金", StringComparison.Ordinal));
        Assert.Contains(directives, d => d.Lead.SequenceEqual(["市住建局"]) && d.Support.Contains("市规划和自然资源局"));
    }

    [Fact]
    public void APdfWrittenInTheTestIsReadPageByPage()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(PageSize.A4).AddText("ACTION: Finance team to publish the budget by 31 March.", 11, new UglyToad.PdfPig.Core.PdfPoint(40, 760), font);
        builder.AddPage(PageSize.A4).AddText("The Clerk will circulate the minutes.", 11, new UglyToad.PdfPig.Core.PdfPoint(40, 760), font);

        var text = MeetingTextReader.Read(builder.Build(), "minutes.pdf").Text;
        var directives = new DirectiveExtractor().Extract(text, MeetingDate);

        Assert.Contains(directives, d => d.Lead.SequenceEqual(["Finance team"]) && d.Deadline?.Text == "by 31 March");
        Assert.Contains(directives, d => d.Lead.SequenceEqual(["Clerk"]));
    }

    [Fact]
    public void AScannedPdfWithoutATextLayerIsRefusedAsAScan()
    {
        var bytes = File.ReadAllBytes(Testing.RepoPaths.Fixture("inputs/scanned_minutes.pdf"));

        var error = Assert.Throws<MeetingTextException>(() => MeetingTextReader.Read(bytes, "scan.pdf"));

        Assert.Equal(MeetingTextError.NoTextLayer, error.Error);
        Assert.Contains("scan", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFileNamedPdfThatIsNotOneIsRefused()
    {
        var error = Assert.Throws<MeetingTextException>(() => MeetingTextReader.Read("not a pdf at all"u8, "minutes.pdf"));

        Assert.Equal(MeetingTextError.CorruptDocument, error.Error);
    }

    [Fact]
    public void ATruncatedPdfIsRefusedAsCorrupt()
    {
        var bytes = File.ReadAllBytes(Testing.RepoPaths.Fixture("inputs/cn_minutes_for_pdf.pdf"));

        var error = Assert.Throws<MeetingTextException>(() => MeetingTextReader.Read(bytes.AsSpan(0, 600), "minutes.pdf"));

        Assert.Equal(MeetingTextError.CorruptDocument, error.Error);
    }

    [Fact]
    public void ATeamsTranscriptKeepsEachSpeakerAsTheOwnerOfWhatTheyCommitTo()
    {
        var bytes = File.ReadAllBytes(Testing.RepoPaths.Fixture("inputs/teams_transcript.vtt"));

        var text = MeetingTextReader.Read(bytes, "transcript.vtt");
        var directives = new DirectiveExtractor().Extract(text.Text, MeetingDate);

        Assert.Equal(MeetingTextFormat.Transcript, text.Format);
        Assert.Contains("Adele Vance: I'll send the revised budget", text.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<v", text.Text, StringComparison.Ordinal);

        // Two cues of one speaker in a row are one line.
        Assert.Contains("Isaiah Langer: Sounds good. I will draft the vendor contract", text.Text, StringComparison.Ordinal);
        var adele = Assert.Single(directives, d => d.Lead.SequenceEqual(["Adele Vance"]));
        Assert.Equal("by Friday", adele.Deadline?.Text);
        Assert.Contains(directives, d => d.Lead.SequenceEqual(["Isaiah Langer"]) && d.Task.Contains("draft the vendor contract", StringComparison.Ordinal));
        Assert.DoesNotContain(directives, d => d.Lead.Contains("Megan Bowen"));
    }

    [Fact]
    public void AMalformedCueTimingIsRefusedWithItsLineNumber()
    {
        var bytes = File.ReadAllBytes(Testing.RepoPaths.Fixture("inputs/malformed_transcript.vtt"));

        var error = Assert.Throws<MeetingTextException>(() => MeetingTextReader.Read(bytes, "transcript.vtt"));

        Assert.Equal(MeetingTextError.MalformedTranscript, error.Error);
        Assert.Contains("Line 4", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("just some notes\n00:00:01.000 --> 00:00:02.000\nhello")]
    [InlineData("WEBVTT\n\nNOTE no cues here\n")]
    public void AVttWithoutHeaderOrCuesIsRefused(string content)
    {
        var error = Assert.Throws<MeetingTextException>(() => MeetingTextReader.Read(System.Text.Encoding.UTF8.GetBytes(content), "t.vtt"));

        Assert.Equal(MeetingTextError.MalformedTranscript, error.Error);
    }
}
