using System.Text.RegularExpressions;
using FollowUpBot.Bulletins;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Storage;
using FollowUpBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace FollowUpBot.IntegrationTests.Bulletins;

/// <summary>
/// The bulletin as people see it: converted to PDF by LibreOffice (headless, a private profile) and to PNG by
/// pdftoppm; the PDF's text must hold the title, every department and the page numbers. The files stay in
/// <c>bulletin-render/</c> of the test output for a person to look at.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class BulletinRenderingTests
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public async Task TheBulletinRendersWithItsTitleEveryDepartmentAndPageNumbers(string lang)
    {
        var locale = UiLocales.FromTag(lang);
        var output = Path.Combine(AppContext.BaseDirectory, "bulletin-render", lang);
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        Directory.CreateDirectory(output);
        var data = Directory.CreateTempSubdirectory("followup-bulletin-").FullName;
        var profile = Directory.CreateTempSubdirectory("followup-lo-").FullName;
        try
        {
            var ledger = new MeetingLedger(new LocalBlobStore(data), TimeProvider.System, NullLogger<MeetingLedger>.Instance);
            await BulletinFixture.StoreAsync(ledger);
            var meeting = (await ledger.GetMeetingAsync(SummaryFixture.MeetingId))!.Document;
            var bulletin = BulletinRules.Build(meeting, BulletinFixture.Today, locale, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
            var docx = Path.Combine(output, "bulletin.docx");
            await using (var file = File.Create(docx))
            {
                BulletinDocument.Write(file, bulletin);
            }

            await RunAsync("soffice", ["--headless", "--norestore", $"-env:UserInstallation=file://{profile}", "--convert-to", "pdf", "--outdir", output, docx]);
            var pdf = Path.Combine(output, "bulletin.pdf");
            Assert.True(File.Exists(pdf), "LibreOffice wrote no PDF");
            await RunAsync("pdftotext", ["-layout", pdf, Path.Combine(output, "bulletin.txt")]);
            await RunAsync("pdftoppm", ["-png", "-r", "50", pdf, Path.Combine(output, "page")]);

            var text = await File.ReadAllTextAsync(Path.Combine(output, "bulletin.txt"));
            var flat = Whitespace().Replace(text, string.Empty);
            Assert.Contains(Whitespace().Replace(bulletin.Title, string.Empty), flat, StringComparison.Ordinal);
            Assert.Equal(8, bulletin.Departments.Count);
            Assert.All(bulletin.Departments, d => Assert.Contains(d, flat, StringComparison.Ordinal));
            Assert.Contains(Whitespace().Replace(BulletinFixture.BlockedNote, string.Empty), flat, StringComparison.Ordinal);

            // One number per page, "— n —", from the PAGE field (pages are separated by form feeds).
            var pages = text.Split('\f').Where(p => p.Trim().Length > 0).ToList();
            Assert.True(pages.Count >= 3, $"expected several pages, got {pages.Count}");
            for (var i = 0; i < pages.Count; i++)
            {
                Assert.Matches($"—\\s*{i + 1}\\s*—", pages[i]);
            }

            var pngs = Directory.GetFiles(output, "page-*.png").Order(StringComparer.Ordinal).ToList();
            Assert.Equal(pages.Count, pngs.Count);
            Assert.All(pngs, png => Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, File.ReadAllBytes(png)[..4]));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
            Directory.Delete(profile, recursive: true);
        }
    }

    private static Task RunAsync(string file, string[] args) => ExternalTool.RunAsync(file, args, TimeSpan.FromMinutes(4));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
