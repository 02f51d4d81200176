using System.Globalization;
using FollowUpBot.Directives;
using FollowUpBot.Directives.Evaluation;

namespace FollowUpBot.Cli;

/// <summary>
/// <c>followup eval</c>: scores the extractor against hand labels (LABELLING.md "Scoring"), per file and overall.
/// Exit 1 when overall F1 is below <c>--min-f1</c>.
/// </summary>
internal sealed class EvalCommand(TimeProvider time) : ICliCommand
{
    public EvalCommand()
        : this(TimeProvider.System)
    {
    }

    public string Name => "eval";

    public string Summary => "score extraction against labelled texts (NAME.txt, .md, .docx or .pdf + NAME.labels.json)";

    public string Usage => "(--text FILE --labels FILE.labels.json | FOLDER) [--min-f1 X] [--verbose] [--meeting-date YYYY-MM-DD] [--calendar FILE]";

    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var parsed = new CliArgs(args, new HashSet<string>(["verbose"]));
        var settings = await ExtractionSettings.FromArgsAsync(parsed, time, cancellationToken).ConfigureAwait(false);
        var verbose = parsed.Flag("verbose");
        double? minF1 = null;
        if (parsed.Option("min-f1") is { } minText)
        {
            minF1 = double.TryParse(minText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1
                ? value
                : throw new CliUsageException($"--min-f1 {minText} is not a number between 0 and 1.");
        }

        var pairs = Pairs(parsed);
        parsed.ThrowIfUnknownOptions();
        var extractor = new DirectiveExtractor(settings.Calendar);
        var total = EvalCounts.Zero;
        await output.WriteLineAsync("| file | gold | pred | matched | P | R | F1 | lead acc | support acc | deadline acc | unassigned |").ConfigureAwait(false);
        await output.WriteLineAsync("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|").ConfigureAwait(false);
        var misses = new List<(string File, EvalMiss Miss)>();
        foreach (var (textPath, labelsPath) in pairs)
        {
            EvalResult result;
            try
            {
                var text = await MeetingTextReader.ReadFileAsync(textPath, cancellationToken: cancellationToken).ConfigureAwait(false);
                var labels = LabelledDirective.Parse(await File.ReadAllTextAsync(labelsPath, cancellationToken).ConfigureAwait(false));
                result = DirectiveScorer.Score(text.Text, labels, extractor.Extract(text.Text, settings.MeetingDate));
            }
            catch (Exception e) when (e is MeetingTextException or FormatException or IOException)
            {
                await error.WriteLineAsync($"followup eval: {textPath}: {e.Message}").ConfigureAwait(false);
                return 2;
            }

            total += result.Counts;
            misses.AddRange(result.Misses.Select(m => (Path.GetFileName(textPath), m)));
            await output.WriteLineAsync(Row(Path.GetFileNameWithoutExtension(textPath), result.Counts)).ConfigureAwait(false);
        }

        if (pairs.Count > 1)
        {
            await output.WriteLineAsync(Row("**overall**", total)).ConfigureAwait(false);
        }

        if (verbose)
        {
            foreach (var (file, miss) in misses)
            {
                await output.WriteLineAsync($"{file}: {miss.Kind}: {miss.Quote}").ConfigureAwait(false);
            }
        }

        if (minF1 is { } threshold && total.F1 < threshold)
        {
            await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"followup eval: F1 {total.F1:0.000} is below --min-f1 {threshold:0.000}.")).ConfigureAwait(false);
            return 1;
        }

        return 0;
    }

    private static List<(string Text, string Labels)> Pairs(CliArgs parsed)
    {
        var textPath = parsed.Option("text");
        var labelsPath = parsed.Option("labels");
        if (textPath is not null || labelsPath is not null)
        {
            if (textPath is null || labelsPath is null || parsed.Positional.Count > 0)
            {
                throw new CliUsageException("give --text and --labels together, or a FOLDER.");
            }

            return [(textPath, labelsPath)];
        }

        if (parsed.Positional.Count != 1 || !Directory.Exists(parsed.Positional[0]))
        {
            throw new CliUsageException("give --text FILE --labels FILE, or one FOLDER that holds NAME.txt and NAME.labels.json.");
        }

        var pairs = LabelledFolders.PairsIn(parsed.Positional[0]);
        return pairs.Count > 0 ? pairs : throw new CliUsageException($"{parsed.Positional[0]} holds no NAME.txt + NAME.labels.json pair.");
    }

    private static string Row(string name, EvalCounts c) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {name} | {c.Gold} | {c.Predicted} | {c.Matched} | {c.Precision:0.00} | {c.Recall:0.00} | {c.F1:0.00} | {c.LeadAccuracy:0.00} | {c.SupportAccuracy:0.00} | {c.DeadlineAccuracy:0.00} | {c.Candidates} |");
}
