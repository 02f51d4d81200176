using FollowUpBot.Directives;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace FollowUpBot.Tests.Directives;

/// <summary>
/// PDFs as minutes come: paragraphs wrapped line by line and page by page, a running head and a page number on every
/// page, tables drawn as columns. The reader gives the extractor paragraphs, not lines (<see cref="PdfLayout"/>).
/// </summary>
public sealed class PdfLayoutTests
{
    private static readonly DateOnly MeetingDate = new(2026, 3, 5);

    private static readonly string[] Filler =
    [
        "The Chair welcomed members and noted apologies from two councillors.",
        "Minutes of the previous meeting were approved as a correct record.",
        "Members received the quarterly report on the leisure centre.",
        "The Clerk reported that the footpath survey had been completed.",
        "A resident asked about street lighting on the northern estate.",
        "The treasurer presented the accounts for the second quarter.",
    ];

    [Fact]
    public void ADirectiveWrappedOverAPageBreakIsReadWholeWithoutTheRunningHeads()
    {
        using var pdf = new FlowingPdf("CITY OF ASHFORD - REGULAR MEETING MINUTES", page => $"Page {page}");
        for (var i = 0; pdf.LinesLeftOnPage > 2; i++)
        {
            pdf.Paragraph($"{i + 1}. {Filler[i % Filler.Length]}");
        }

        pdf.Paragraph("ACTION: The Finance Director to publish the revised capital budget for the library roof repairs, set out the reserves it draws on and circulate it to all members of the committee by 31 March.");
        pdf.Paragraph("The meeting closed at 9.05 pm.");

        var text = MeetingTextReader.Read(pdf.Build(), "minutes.pdf").Text;
        var directives = new DirectiveExtractor().Extract(text, MeetingDate);

        Assert.Equal(2, pdf.Pages);
        Assert.DoesNotContain("CITY OF ASHFORD", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Page 1", text, StringComparison.Ordinal);
        Assert.Contains("draws on and circulate it to all members of the committee by 31 March.", text, StringComparison.Ordinal);
        var action = Assert.Single(directives, d => d.Lead.SequenceEqual(["Finance Director"]));
        Assert.Equal("by 31 March", action.Deadline?.Text);
        Assert.DoesNotContain('\n', action.Quote);
    }

    [Fact]
    public void ALineRepeatedInTheBodyIsKeptWhileTheRunningHeadGoes()
    {
        using var pdf = new FlowingPdf("Parish Council - Minutes", page => $"- {page} -");
        pdf.Paragraph("Motion: to adopt the play area policy.");
        pdf.Paragraph("The motion was carried.");
        for (var i = 0; pdf.Pages == 1; i++)
        {
            pdf.Paragraph(Filler[i % Filler.Length]);
        }

        pdf.Paragraph("Motion: to adopt the allotments policy.");
        pdf.Paragraph("The motion was carried.");
        pdf.Paragraph("The Clerk will write to the allotment holders.");

        var text = MeetingTextReader.Read(pdf.Build(), "minutes.pdf").Text;

        Assert.Equal(2, text.Split("The motion was carried.").Length - 1);
        Assert.DoesNotContain("Parish Council - Minutes", text, StringComparison.Ordinal);
        Assert.DoesNotContain("- 2 -", text, StringComparison.Ordinal);
        Assert.Contains(new DirectiveExtractor().Extract(text, MeetingDate), d => d.Lead.SequenceEqual(["Clerk"]));
    }

    [Fact]
    public void APageNumberAloneAtTheFootOfAOnePageNoticeIsDropped()
    {
        using var pdf = new FlowingPdf(header: null, page => $"- {page} -");
        pdf.Paragraph("ACTION: Parks team to repair the bench on Mill Lane by 30 April.");

        var text = MeetingTextReader.Read(pdf.Build(), "notice.pdf").Text;

        Assert.Equal("ACTION: Parks team to repair the bench on Mill Lane by 30 April.", text.Trim());
    }

    [Fact]
    public void ATableDrawnInColumnsIsReadAsATaskTable()
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        string[][] rows =
        [
            ["Action", "Owner", "Due"],
            ["Repair the bench on Mill Lane", "Parks team", "30 April"],
            ["Publish the allotment waiting list", "Clerk", "15 May"],
        ];
        var y = 760.0;
        foreach (var row in rows)
        {
            page.AddText(row[0], 10, new PdfPoint(60, y), font);
            page.AddText(row[1], 10, new PdfPoint(320, y), font);
            page.AddText(row[2], 10, new PdfPoint(460, y), font);
            y -= 16;
        }

        var text = MeetingTextReader.Read(builder.Build(), "actions.pdf").Text;
        var directives = new DirectiveExtractor().Extract(text, MeetingDate);

        Assert.Contains("Repair the bench on Mill Lane\tParks team\t30 April", text, StringComparison.Ordinal);
        Assert.Contains(directives, d => d.Lead.SequenceEqual(["Parks team"]) && d.Deadline?.Text == "30 April");
        Assert.Contains(directives, d => d.Lead.SequenceEqual(["Clerk"]) && d.Task.Contains("allotment waiting list", StringComparison.Ordinal));
    }

    [Fact]
    public void ChineseMinutesExportedWithARunningHeadReadAsParagraphs()
    {
        // Made by LibreOffice from minutes_with_running_heads.fodt beside it: 16 pt text, first-line indents, a header
        // (the document number) and a footer ("— 1 —") on each of three pages; item 三 runs over the first page break.
        var bytes = File.ReadAllBytes(Testing.RepoPaths.Fixture("inputs/minutes_with_running_heads.pdf"));

        var text = MeetingTextReader.Read(bytes, "纪要.pdf").Text;
        var directives = new DirectiveExtractor().Extract(text, MeetingDate);

        Assert.DoesNotContain("〔2026〕7号", text, StringComparison.Ordinal);
        Assert.DoesNotContain("— 2 —", text, StringComparison.Ordinal);
        Assert.Contains("确保资金尽快形成实物工作量。", text, StringComparison.Ordinal);
        Assert.All(directives, d => Assert.DoesNotContain('\n', d.Quote));
        Assert.DoesNotContain(directives, d => d.Lead.Any(l => l.Contains("以来", StringComparison.Ordinal)));
        Assert.Contains(directives, d => d.Lead.SequenceEqual(["市发展改革委"]) && d.Support.SequenceEqual(["市财政局", "市自然资源和规划局"]) && d.Deadline?.Text == "2026年3月31日前");
        Assert.Contains(directives, d => d.Lead.SequenceEqual(["市财政局"]) && d.Support.SequenceEqual(["市发展改革委"]));
        Assert.Contains(directives, d => d.Lead.SequenceEqual(["市住房城乡建设局"]) && d.Deadline?.Text == "4月15日前");
        Assert.Contains(directives, d => d.Lead.SequenceEqual(["市政府督查室"]) && d.Task == "将会议议定事项纳入督办范围");
    }

    /// <summary>A document written as a word processor would: paragraphs wrapped at the right margin, flowing onto new
    /// pages, each page with a running head and a page number.</summary>
    private sealed class FlowingPdf : IDisposable
    {
        private const double Left = 72;
        private const double Right = 523;
        private const double Top = 760;
        private const double Bottom = 90;
        private const double Size = 11;
        private const double Leading = 14;

        private readonly PdfDocumentBuilder _builder = new();
        private readonly PdfDocumentBuilder.AddedFont _font;
        private readonly string? _header;
        private readonly Func<int, string> _footer;
        private PdfPageBuilder _page = null!;
        private double _y;

        public FlowingPdf(string? header, Func<int, string> footer)
        {
            _font = _builder.AddStandard14Font(Standard14Font.Helvetica);
            _header = header;
            _footer = footer;
            NewPage();
        }

        public int Pages { get; private set; }

        public int LinesLeftOnPage => (int)Math.Floor((_y - Bottom) / Leading) + 1;

        public void Paragraph(string text)
        {
            var line = string.Empty;
            foreach (var word in text.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && Width(candidate) > Right - Left)
                {
                    Write(line);
                    candidate = word;
                }

                line = candidate;
            }

            Write(line);
            _y -= 4; // paragraph spacing
        }

        public byte[] Build() => _builder.Build();

        public void Dispose() => _builder.Dispose();

        private double Width(string text)
        {
            var letters = _page.MeasureText(text, Size, new PdfPoint(Left, _y), _font);
            return letters[^1].EndBaseLine.X - Left;
        }

        private void Write(string line)
        {
            if (_y < Bottom)
            {
                NewPage();
            }

            _page.AddText(line, Size, new PdfPoint(Left, _y), _font);
            _y -= Leading;
        }

        private void NewPage()
        {
            _page = _builder.AddPage(PageSize.A4);
            Pages++;
            if (_header is not null)
            {
                _page.AddText(_header, 8, new PdfPoint(Left, 800), _font);
            }

            _page.AddText(_footer(Pages), 8, new PdfPoint(290, 40), _font);
            _y = Top;
        }
    }
}
