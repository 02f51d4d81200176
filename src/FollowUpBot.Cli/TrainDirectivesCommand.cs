using System.Globalization;
using FollowUpBot.Directives;
using FollowUpBot.Directives.Evaluation;

namespace FollowUpBot.Cli;

/// <summary>
/// <c>followup train-directives ROOT --out FILE</c>: trains the scorer of loose candidates the extractor adds where the
/// rules found nothing (<see cref="CandidateScorer.Additions"/>, <see cref="LooseCandidates"/>) on every labelled text under
/// ROOT's subfolders with <see cref="CandidateScorerOptions.Chosen"/> and writes the model file the extractor embeds
/// (src/FollowUpBot.Core/Directives/directive-additions.tsv; docs/evaluation/extraction.md, round 9). Deterministic: the same texts give the
/// same file, byte for byte.
/// </summary>
internal sealed class TrainDirectivesCommand : ICliCommand
{
    public string Name => "train-directives";

    public string Summary => "train the scorer of the extractor's loose candidates (directive-additions.tsv) from the labelled meeting texts";

    public string Usage => "ROOT --out FILE [--meeting-date YYYY-MM-DD]";

    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var parsed = new CliArgs(args, new HashSet<string>(StringComparer.Ordinal));
        var dateText = parsed.Option("meeting-date") ?? "2026-12-04";
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new CliUsageException($"--meeting-date {dateText} is not a YYYY-MM-DD date.");
        }

        var outPath = parsed.Option("out") ?? throw new CliUsageException("give --out FILE.");
        parsed.ThrowIfUnknownOptions();
        if (parsed.Positional.Count != 1 || !Directory.Exists(parsed.Positional[0]))
        {
            throw new CliUsageException("give one ROOT folder whose subfolders hold NAME.txt + NAME.labels.json pairs.");
        }

        try
        {
            var texts = await LabelledFolders.ReadBatchesAsync(parsed.Positional[0], cancellationToken).ConfigureAwait(false);
            var examples = LeaveOneBatchOut.AdditionExamples(texts, date);
            var scorer = CandidateScorer.Train(examples, CandidateScorerOptions.Chosen.ForAdditions);
            await using (var writer = new StreamWriter(outPath, append: false, new System.Text.UTF8Encoding(false)))
            {
                scorer.Write(writer);
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{examples.Count} candidates ({examples.Count(e => e.Directive)} directives) from {texts.Count} texts; {scorer.Names.Count} features -> {outPath}")).ConfigureAwait(false);
            return 0;
        }
        catch (Exception e) when (e is MeetingTextException or FormatException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"followup train-directives: {e.Message}").ConfigureAwait(false);
            return 2;
        }
    }
}
