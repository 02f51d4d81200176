using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace FollowUpBot.Directives;

/// <summary>
/// The text layer of a PDF (minutes and notices exported from Word or WPS), page by page in reading order, its wrapped
/// lines joined into paragraphs and its running heads removed (<see cref="PdfLayout"/>).
/// A PDF without one (a scan) is refused: reading it would need OCR, and an empty draft would look like "no directives".
/// </summary>
internal static class PdfText
{
    public static bool LooksLikePdf(ReadOnlySpan<byte> bytes)
    {
        // "%PDF-" may follow a few bytes of junk; readers accept it within the first kilobyte.
        var head = bytes[..Math.Min(bytes.Length, 1024)];
        return head.IndexOf("%PDF-"u8) >= 0;
    }

    public static string Extract(ReadOnlySpan<byte> bytes)
    {
        string text;
        int pages;
        try
        {
            using var document = PdfDocument.Open(bytes.ToArray());
            pages = document.NumberOfPages;
            var lines = new List<List<PdfLayout.Line>>(pages);
            var width = 0.0;
            foreach (var page in document.GetPages())
            {
                width = Math.Max(width, page.Width);
                lines.Add(LinesOf(page));
            }

            PdfLayout.RemoveRunningHeads(lines);
            text = PdfLayout.Compose(lines, width);
        }
        catch (Exception e) when (e is not MeetingTextException and not OutOfMemoryException)
        {
            // PdfPig reports damaged, encrypted and unsupported files with several exception types of its own.
            throw new MeetingTextException(MeetingTextError.CorruptDocument, $"The PDF cannot be read ({e.GetType().Name}).", e) { Document = "PDF" };
        }

        if (pages > 0 && text.All(char.IsWhiteSpace))
        {
            throw new MeetingTextException(
                MeetingTextError.NoTextLayer,
                $"The PDF has {pages} page(s) but no text layer: it is a scan. Export the minutes from the word processor as PDF or .docx, or paste the text.");
        }

        return text;
    }

    /// <summary>A page's lines with their places; a page turned sideways (most letters not horizontal) is read in content
    /// order without places, so it is neither joined nor searched for running heads.</summary>
    private static List<PdfLayout.Line> LinesOf(Page page)
    {
        var letters = page.Letters;
        var upright = letters.Count(l => l.TextOrientation == TextOrientation.Horizontal);
        if (letters.Count == 0 || upright * 5 >= letters.Count * 4)
        {
            return PdfLayout.LinesOf(page);
        }

        return ContentOrderTextExtractor.GetText(page)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(PdfLayout.Line.Unplaced)
            .ToList();
    }
}
