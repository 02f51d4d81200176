using System.Globalization;
using System.Text;
using FollowUpBot.Directives;
using FollowUpBot.Directives.Evaluation;

namespace FollowUpBot.Cli;

/// <summary>
/// <c>followup eval-lobo ROOT</c>: leave-one-batch-out for extraction over the batches (subfolders) of ROOT. For each batch
/// and language it prints the rules alone and the rules with a candidate scorer trained on every other batch, the kinds of
/// error behind each (docs/evaluation/extraction.md, rounds 8–9), and the totals per language. Deterministic.
/// </summary>
internal sealed class EvalLoboCommand : ICliCommand
{
    public string Name => "eval-lobo";

    public string Summary => "leave-one-batch-out: the rules alone vs the rules with a candidate scorer trained on the other batches";

    public string Usage => "ROOT [--meeting-date YYYY-MM-DD] [--l2 X] [--epochs N] [--threshold X] [--add-threshold X] [--show BATCH]";

    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var parsed = new CliArgs(args, new HashSet<string>(StringComparer.Ordinal));
        var dateText = parsed.Option("meeting-date") ?? "2026-12-04";
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new CliUsageException($"--meeting-date {dateText} is not a YYYY-MM-DD date.");
        }

        var chosen = CandidateScorerOptions.Chosen;
        var options = new CandidateScorerOptions(
            Number(parsed, "l2", chosen.L2),
            (int)Number(parsed, "epochs", chosen.Epochs),
            Number(parsed, "threshold", chosen.Threshold),
            Number(parsed, "add-threshold", chosen.AddThreshold));
        var show = parsed.Option("show");
        parsed.ThrowIfUnknownOptions();
        if (parsed.Positional.Count != 1 || !Directory.Exists(parsed.Positional[0]))
        {
            throw new CliUsageException("give one ROOT folder whose subfolders hold NAME.txt + NAME.labels.json pairs.");
        }

        List<LabelledText> texts;
        try
        {
            texts = await LabelledFolders.ReadBatchesAsync(parsed.Positional[0], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MeetingTextException or FormatException or IOException)
        {
            await error.WriteLineAsync($"followup eval-lobo: {e.Message}").ConfigureAwait(false);
            return 2;
        }

        if (texts.Select(t => t.Batch).Distinct(StringComparer.Ordinal).Count() < 2)
        {
            throw new CliUsageException($"{parsed.Positional[0]} needs at least two subfolders of labelled texts.");
        }

        if (show is not null)
        {
            foreach (var (name, probability, directive, candidate) in LeaveOneBatchOut.LooseOf(texts, show, date, options).OrderByDescending(x => x.Probability))
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{probability:0.00} {(directive ? "gold " : "     ")} {name} {candidate.Rule} [{string.Join("、", candidate.Directive.Lead)}] {candidate.Directive.Quote}")).ConfigureAwait(false);
            }

            return 0;
        }

        await output.WriteAsync(Report(LeaveOneBatchOut.Run(texts, date, options), options).AsMemory(), cancellationToken).ConfigureAwait(false);
        return 0;
    }

    internal static string Report(IReadOnlyList<LoboRow> rows, CandidateScorerOptions options)
    {
        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"leave-one-batch-out, candidate scorers l2={options.L2} epochs={options.Epochs} keep>={options.Threshold} add>={options.AddThreshold}\n");
        report.Append("rules: the extractor as it is; filtered: its candidates kept by a scorer trained on the other batches; added: the rules plus loose candidates a scorer trained on the other batches accepts where the rules found nothing\n\n");
        report.Append("| batch | lang | texts | gold | rules pred | matched | P | R | F1 | filtered pred | matched | F1 | added pred | matched | P | R | F1 |\n");
        report.Append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var row in rows)
        {
            report.Append(Row(row.Batch, row.Language, row.Texts, row.Rules.Counts, row.Filtered.Counts, row.Added.Counts));
        }

        foreach (var language in (ReadOnlySpan<string>)["zh", "en"])
        {
            var of = rows.Where(r => r.Language == language).ToList();
            report.Append(Row("**all**", language, of.Sum(r => r.Texts), Sum(of.Select(r => r.Rules)).Counts, Sum(of.Select(r => r.Filtered)).Counts, Sum(of.Select(r => r.Added)).Counts));
        }

        report.Append("\nerror kinds, rules alone → rules + additions. Extra: not a directive / wrong owner / wrong span / duplicate; missed: no sentence found / found with a wrong owner / span only touched; lead sets differing on matched items\n\n");
        report.Append("| batch | lang | extra: not directive | wrong owner | wrong span | duplicate | missed: not found | wrong owner | span | lead mismatch |\n");
        report.Append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        foreach (var row in rows)
        {
            report.Append(Kinds(row.Batch, row.Language, row.Rules.Errors, row.Added.Errors));
        }

        foreach (var language in (ReadOnlySpan<string>)["zh", "en"])
        {
            var of = rows.Where(r => r.Language == language).ToList();
            report.Append(Kinds("**all**", language, Sum(of.Select(r => r.Rules)).Errors, Sum(of.Select(r => r.Added)).Errors));
        }

        return report.ToString();
    }

    private static LoboScore Sum(IEnumerable<LoboScore> scores) => scores.Aggregate(LoboScore.Zero, (a, b) => a + b);

    private static string Row(string batch, string language, int texts, EvalCounts rules, EvalCounts filtered, EvalCounts added) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {batch} | {language} | {texts} | {rules.Gold} | {rules.Predicted} | {rules.Matched} | {rules.Precision:0.00} | {rules.Recall:0.00} | {rules.F1:0.00} | {filtered.Predicted} | {filtered.Matched} | {filtered.F1:0.00} | {added.Predicted} | {added.Matched} | {added.Precision:0.00} | {added.Recall:0.00} | {added.F1:0.00} |\n");

    private static string Kinds(string batch, string language, ExtractionErrors a, ExtractionErrors b)
    {
        static string Pair(int x, int y) => x == y ? x.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{x}→{y}");
        return $"| {batch} | {language} | {Pair(a.NotDirective, b.NotDirective)} | {Pair(a.WrongOwner, b.WrongOwner)} | {Pair(a.WrongSpan, b.WrongSpan)} | {Pair(a.Duplicate, b.Duplicate)} | {Pair(a.MissedSentence, b.MissedSentence)} | {Pair(a.FoundWrongOwner, b.FoundWrongOwner)} | {Pair(a.MissedSpan, b.MissedSpan)} | {Pair(a.LeadMismatch, b.LeadMismatch)} |\n";
    }

    private static double Number(CliArgs parsed, string name, double fallback)
    {
        var text = parsed.Option(name);
        return text is null ? fallback
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value
            : throw new CliUsageException($"--{name} {text} is not a non-negative number.");
    }
}
