using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace FollowUpBot.Directives;

/// <summary>
/// The text layer of a PDF (minutes and notices exported from Word or WPS), page by page in reading order.
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
        var builder = new StringBuilder();
        int pages;
        try
        {
            using var document = PdfDocument.Open(bytes.ToArray());
            pages = document.NumberOfPages;
            foreach (var page in document.GetPages())
            {
                var text = ContentOrderTextExtractor.GetText(page);
                if (!string.IsNullOrWhiteSpace(text))
                {
                    builder.Append(text.Trim()).Append('\n');
                }
            }
        }
        catch (Exception e) when (e is not MeetingTextException and not OutOfMemoryException)
        {
            // PdfPig reports damaged, encrypted and unsupported files with several exception types of its own.
            throw new MeetingTextException(MeetingTextError.CorruptDocument, $"The PDF cannot be read ({e.GetType().Name}).", e);
        }

        if (pages > 0 && builder.ToString().All(char.IsWhiteSpace))
        {
            throw new MeetingTextException(
                MeetingTextError.NoTextLayer,
                $"The PDF has {pages} page(s) but no text layer: it is a scan. Export the minutes from the word processor as PDF or .docx, or paste the text.");
        }

        return builder.ToString();
    }
}
