using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FollowUpBot.Directives;
using FollowUpBot.Directives.Evaluation;
using FollowUpBot.Testing;
using Xunit.Abstractions;

namespace FollowUpBot.IntegrationTests.Meetings;

/// <summary>
/// Every labelled real meeting text (tests/fixtures/eval/real), printed to PDF by LibreOffice and read back as an
/// organiser's PDF would be: the directives found in the PDF must score as they do in the text. A PDF wraps every long
/// line and starts each page under its running head, so this holds the reading of wrapped lines and page breaks
/// (<c>PdfLayout</c>) to the text's own score. A PDF's text differs from the source in whitespace only (a space LibreOffice
/// drew as a gap, or did not), so each label's quote, task and deadline are found again in the PDF's text with
/// whitespace ignored. The documents and PDFs stay in <c>pdf-roundtrip/</c> of the test output.
/// The same documents saved by LibreOffice as Word 97–2003 (.doc, the binary format WPS also writes) must read back as
/// the text itself, line for line: the running heads live in other stories of the file and must not appear.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class DocumentRoundTripTests(ITestOutputHelper output)
{
    private static readonly DateOnly MeetingDate = new(2026, 12, 4);
    private static readonly string[] TextExtensions = [".txt", ".md"];

    [Fact]
    public async Task EveryRealTextPrintedToPdfScoresAsTheTextDoes()
    {
        var texts = RealTexts();
        var pdfs = await SaveAllAsync(texts, "pdf-roundtrip", "pdf");
        var extractor = new DirectiveExtractor();
        var fromText = new Dictionary<string, EvalCounts>(StringComparer.Ordinal);
        var fromPdf = new Dictionary<string, EvalCounts>(StringComparer.Ordinal);
        var lost = new List<string>();
        foreach (var (labelsPath, textPath) in texts)
        {
            var language = LanguageOf(labelsPath);
            var labels = LabelledDirective.Parse(await File.ReadAllTextAsync(labelsPath));
            var text = MeetingTextReader.Read(await File.ReadAllBytesAsync(textPath!), textPath).Text;
            var pdfPath = Path.Combine(pdfs, Path.GetFileNameWithoutExtension(textPath) + ".pdf");
            Assert.True(File.Exists(pdfPath), $"LibreOffice wrote no PDF for {textPath}");
            var pdf = MeetingTextReader.Read(await File.ReadAllBytesAsync(pdfPath), pdfPath);
            Assert.Equal(MeetingTextFormat.Pdf, pdf.Format);

            var relocated = new List<LabelledDirective>();
            foreach (var label in labels)
            {
                if (Relocate(pdf.Text, label) is { } found)
                {
                    relocated.Add(found);
                }
                else
                {
                    lost.Add($"{Path.GetFileName(textPath)}: {label.Quote}");
                }
            }

            var textCounts = DirectiveScorer.Score(text, labels, extractor.Extract(text, MeetingDate)).Counts;
            var pdfCounts = DirectiveScorer.Score(pdf.Text, relocated, extractor.Extract(pdf.Text, MeetingDate)).Counts;
            if (pdfCounts.Matched != textCounts.Matched || pdfCounts.Predicted != textCounts.Predicted)
            {
                output.WriteLine($"{Path.GetFileName(textPath)}: matched {textCounts.Matched}/{textCounts.Predicted} from the text, {pdfCounts.Matched}/{pdfCounts.Predicted} from the PDF");
            }

            fromText[language] = fromText.GetValueOrDefault(language, EvalCounts.Zero) + textCounts;
            fromPdf[language] = fromPdf.GetValueOrDefault(language, EvalCounts.Zero) + pdfCounts;
        }

        foreach (var language in fromText.Keys.Order(StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{language}: text F1 {fromText[language].F1:0.000} (gold {fromText[language].Gold}), PDF F1 {fromPdf[language].F1:0.000}"));
        }

        // Every label's sentence is still in the PDF's text: nothing was dropped as a running head or cut apart.
        Assert.Empty(lost);
        foreach (var language in fromText.Keys)
        {
            Assert.True(
                fromPdf[language].F1 >= fromText[language].F1 - 0.02,
                string.Create(CultureInfo.InvariantCulture, $"{language}: PDF F1 {fromPdf[language].F1:0.000} is below the text's {fromText[language].F1:0.000}"));
        }
    }

    [Fact]
    public async Task EveryRealTextSavedAsWord97ReadsBackAsTheText()
    {
        var texts = RealTexts();
        var docs = await SaveAllAsync(texts, "doc-roundtrip", "doc:MS Word 97");
        var differing = new List<string>();
        foreach (var (_, textPath) in texts)
        {
            var docPath = Path.Combine(docs, Path.GetFileNameWithoutExtension(textPath) + ".doc");
            Assert.True(File.Exists(docPath), $"LibreOffice wrote no .doc for {textPath}");
            var doc = MeetingTextReader.Read(await File.ReadAllBytesAsync(docPath), docPath);
            Assert.Equal(MeetingTextFormat.Doc, doc.Format);
            var text = MeetingTextReader.Read(await File.ReadAllBytesAsync(textPath!), textPath).Text;
            if (Lines(doc.Text) != Lines(text))
            {
                differing.Add(Path.GetFileName(textPath)!);
            }
        }

        output.WriteLine($"{texts.Count} texts saved as .doc, {differing.Count} read back differently");
        Assert.Empty(differing);
    }

    /// <summary>
    /// Each text as a word-processor document (one paragraph per line) with the running heads minutes have — its title at
    /// the top of every page, the page number at the bottom — saved by LibreOffice with <paramref name="filter"/> into
    /// <paramref name="folder"/>/out of the test output; returns that folder.
    /// </summary>
    private static async Task<string> SaveAllAsync(List<(string Labels, string? Text)> texts, string folder, string filter)
    {
        var work = Path.Combine(AppContext.BaseDirectory, folder);
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        var inputs = Path.Combine(work, "in");
        Directory.CreateDirectory(inputs);
        foreach (var (labels, text) in texts)
        {
            var document = FlatDocument(await File.ReadAllLinesAsync(text!), LanguageOf(labels) == "en");
            await File.WriteAllTextAsync(Path.Combine(inputs, Path.GetFileNameWithoutExtension(text) + ".fodt"), document);
        }

        var outputs = Path.Combine(work, "out");
        var profile = Directory.CreateTempSubdirectory("followup-lo-").FullName;
        try
        {
            // A hundred files a run: LibreOffice passes its command line on through a pipe that takes about 32 KB, and
            // silently converts only the files that fit (246 of 277 paths here).
            foreach (var chunk in Directory.GetFiles(inputs).Order(StringComparer.Ordinal).Chunk(100))
            {
                await RunAsync("soffice", ["--headless", "--norestore", $"-env:UserInstallation=file://{profile}", "--convert-to", filter, "--outdir", outputs, .. chunk]);
            }
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }

        return outputs;
    }

    private static List<(string Labels, string? Text)> RealTexts()
    {
        var real = RepoPaths.Fixture("eval/real");
        var texts = Directory.GetDirectories(real)
            .Where(d => Path.GetFileName(d) != "second-labeller")
            .SelectMany(d => Directory.GetFiles(d, "*.labels.json"))
            .Select(labels => (Labels: labels, Text: TextOf(labels)))
            .Where(p => p.Text is not null)
            .OrderBy(p => p.Labels, StringComparer.Ordinal)
            .ToList();
        Assert.True(texts.Count >= 150, $"expected the real texts, found {texts.Count}");
        return texts;
    }

    /// <summary>The text as a word processor keeps it: a paragraph's outer whitespace is not kept, nor are trailing empty
    /// lines; a no-break space reads as a space (the .doc reader writes Word's no-break space as one).</summary>
    private static string Lines(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Replace('\u00A0', ' ').Split('\n').Select(l => l.Trim())).TrimEnd('\n');

    /// <summary>An OpenDocument text (flat XML) of the lines, with a running head (the title) and a page-number footer.</summary>
    private static string FlatDocument(string[] lines, bool english)
    {
        var title = lines.Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? string.Empty;
        title = title.Length > 40 ? title[..40] : title;
        var footer = english
            ? "Page <text:page-number text:select-page=\"current\">1</text:page-number> of <text:page-count>1</text:page-count>"
            : "— <text:page-number text:select-page=\"current\">1</text:page-number> —";
        var body = new StringBuilder();
        foreach (var line in lines)
        {
            body.Append("<text:p text:style-name=\"Body\">").Append(Inline(line)).Append("</text:p>\n");
        }

        return $$"""
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
            <office:styles>
            <style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:line-height="130%"/><style:text-properties fo:font-size="12pt" style:font-size-asian="14pt" style:font-name-asian="Noto Serif CJK SC"/></style:style>
            <style:style style:name="Edge" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/></style:style>
            </office:styles>
            <office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/><style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.4cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout></office:automatic-styles>
            <office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">
            <style:header><text:p text:style-name="Edge">{{Inline(title)}}</text:p></style:header>
            <style:footer><text:p text:style-name="Edge">{{footer}}</text:p></style:footer>
            </style:master-page></office:master-styles>
            <office:body><office:text>
            {{body}}
            </office:text></office:body></office:document>
            """;
    }

    /// <summary>A line as paragraph content: escaped, with its tabs and runs of spaces kept.</summary>
    private static string Inline(string line)
    {
        var escaped = System.Security.SecurityElement.Escape(line.TrimEnd('\r')) ?? string.Empty;
        escaped = escaped.Replace("\t", "<text:tab/>", StringComparison.Ordinal);
        return Spaces().Replace(escaped, m => $" <text:s text:c=\"{m.Length - 1}\"/>");
    }

    [GeneratedRegex(" {2,}")]
    private static partial Regex Spaces();

    private static string? TextOf(string labels)
    {
        var stem = labels[..^".labels.json".Length];
        return TextExtensions.Select(ext => stem + ext).FirstOrDefault(File.Exists);
    }

    private static string LanguageOf(string labels) =>
        Path.GetFileName(labels).Split('_') is [_, var language, ..] && language is "en" ? "en" : "zh";

    /// <summary>The label with each of its strings as the PDF's text writes them (whitespace may differ).</summary>
    private static LabelledDirective? Relocate(string text, LabelledDirective label)
    {
        var quote = Find(text, label.Quote);
        if (quote is null)
        {
            return null;
        }

        return label with
        {
            Quote = quote,
            Task = label.Task is null ? null : Find(text, label.Task) ?? label.Task,
            Deadline = label.Deadline is null ? null : Find(text, label.Deadline) ?? label.Deadline,
        };
    }

    private static string? Find(string text, string value)
    {
        var pattern = new StringBuilder();
        foreach (var c in value.Where(c => !char.IsWhiteSpace(c)))
        {
            pattern.Append(pattern.Length == 0 ? string.Empty : @"\s*").Append(Regex.Escape(c.ToString()));
        }

        var match = Regex.Match(text, pattern.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
        return match.Success ? match.Value : null;
    }

    private static Task RunAsync(string file, string[] args) => ExternalTool.RunAsync(file, args, TimeSpan.FromMinutes(6));
}
