using FollowUpBot.Cli;
using FollowUpBot.Directives;
using static FollowUpBot.Tests.Directives.PhrasingExtraction;

namespace FollowUpBot.Tests.Directives;

/// <summary>
/// Round nine: the learned additions inside the extractor. The loose reading offers nothing where the rules reject an
/// obligation on purpose (their own tests, recorded by the pass), reads the text the rules read (so a hard-wrapped paragraph
/// gives the same additions), and the shipped model is what training on the committed folders writes. Examples written
/// for the tests.
/// </summary>
public sealed class NinthRoundTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("followup-ninth-").FullName;

    [Theory]
    [InlineData("Clerk to write to the Highways Authority?")]
    [InlineData("- Clerk to write to Highways - done")]
    [InlineData("John was asked to draft the letter and has done so.")]
    [InlineData("RCA: The chair group should make a definitive list of the candidates.")]
    // Since round 12 minutes' "The Treasurer would circulate the accounts." opening a sentence is read; a wish is still rejected.
    [InlineData("The Treasurer would like to circulate the accounts.")]
    public void TheLooseReadingOffersNothingTheEnglishRulesRejectOnPurpose(string text)
    {
        // The loose reading alone sees a party before an obligation cue; where the rules read the same cue and rejected it,
        // the extractor neither offers it to the scorer nor adds it.
        Assert.NotEmpty(LooseCandidates.Find(text));

        var reading = new DirectiveExtractor().Read(text, MeetingDate);

        Assert.Empty(reading.Loose);
        Assert.Empty(Assigned(text));
    }

    [Theory]
    [InlineData("各部门要不要提前介入？")]
    [InlineData("由县交通局负责的第3件事项进展滞后。")]
    [InlineData("各责任单位主要负责人切实履行第一责任人职责。")]
    public void TheLooseReadingOffersNothingTheChineseRulesRejectOnPurpose(string text)
    {
        var reading = new DirectiveExtractor().Read(text, MeetingDate);

        Assert.Empty(reading.Loose);
        Assert.Empty(Assigned(text));
    }

    [Fact]
    public void AChineseCueCountsOnlyWhereTheRulesSeeAMarker()
    {
        // 要 after the party is the rules' marker; 切实 is an adverb, no obligation of its own.
        Assert.Contains(LooseCandidates.Find("各牵头单位要认真结合工作实际。"), c => c.Rule == "loose.zh.opening.要");
        Assert.Empty(LooseCandidates.Find("各牵头单位切实结合工作实际。"));
    }

    [Fact]
    public void AWrappedParagraphGivesTheSameAdditionsAsItsUnwrappedText()
    {
        const string unwrapped =
            "Action items from the technical steering committee meeting held on the first Tuesday of the month:\n" +
            "- [Maria] to send the revised budget to the board and to copy the treasurer on every message about it before the next meeting.\n" +
            "- The group discussed the release schedule and the state of the documentation at some length without a decision.\n";
        var wrapped = Wrap(unwrapped, 48);
        Assert.NotEqual(unwrapped.Count(c => c == '\n'), wrapped.Count(c => c == '\n'));

        var fromUnwrapped = All(unwrapped);
        var fromWrapped = All(wrapped);

        // The addition (no rule reads "[Maria] to …") is there in both, with the same owner, quote and task up to the
        // line breaks, each cut from its own text.
        var added = Assert.Single(fromUnwrapped);
        Assert.Equal(["Maria"], added.Lead);
        Assert.Equal(fromUnwrapped.Select(Shape), fromWrapped.Select(Shape));
        Assert.All(fromWrapped, d => Assert.Equal(wrapped.Substring(d.Start, d.Length), d.Quote));
    }

    [Fact]
    public async Task TheCommittedModelIsWhatTrainingOnTheCommittedFoldersWrites()
    {
        var path = Path.Combine(_folder, "directive-additions.tsv");
        using var output = new StringWriter();

        Assert.Equal(0, await CliApp.RunAsync(["train-directives", Testing.RepoPaths.Fixture("eval/real"), "--out", path], output, output, CancellationToken.None));

        var committed = Path.Combine(Testing.RepoPaths.Root, "src", "FollowUpBot.Core", "Directives", "directive-additions.tsv");
        Assert.Equal(await File.ReadAllBytesAsync(committed), await File.ReadAllBytesAsync(path));

        // And the extractor embeds that file.
        using var stream = typeof(CandidateScorer).Assembly.GetManifestResourceStream(CandidateScorer.ResourceName);
        Assert.NotNull(stream);
        using var embedded = new MemoryStream();
        await stream.CopyToAsync(embedded);
        Assert.Equal(await File.ReadAllBytesAsync(committed), embedded.ToArray());
        Assert.True(CandidateScorer.Additions.TrainedOn > 100);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Shape(Directive d) =>
        string.Join("|", string.Join("、", d.Lead), Squeeze(d.Quote), Squeeze(d.Task), d.Deadline?.Due?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "-");

    private static string Squeeze(string s) => string.Join(' ', s.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Each line wrapped at a width on spaces, as plain-text exports do.</summary>
    private static string Wrap(string text, int width)
    {
        var lines = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            var current = string.Empty;
            foreach (var word in line.Split(' '))
            {
                if (current.Length > 0 && current.Length + 1 + word.Length > width)
                {
                    lines.Add(current);
                    current = word;
                }
                else
                {
                    current = current.Length == 0 ? word : current + " " + word;
                }
            }

            lines.Add(current);
        }

        return string.Join('\n', lines);
    }
}
