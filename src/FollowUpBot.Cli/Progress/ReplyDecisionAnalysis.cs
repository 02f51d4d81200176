using System.Globalization;
using System.Text;

using FollowUpBot.Progress;

namespace FollowUpBot.Cli.Progress;

/// <summary>
/// <c>followup train-replies --decision</c>: where the rules and the classifier disagree, by leave-one-batch-out over the
/// public batches (rules fixed, classifier retrained per fold): who is right when, how accuracy follows the rules'
/// confidence and the classifier's probability, which statuses are confused, what each doubt threshold costs (wrong
/// readings stored against right readings sent to the picker), and a stacked combiner
/// (<see cref="ReplyDecisionCombiner"/>) scored by nested leave-one-batch-out: for each left-out batch it is trained
/// only on classifier readings of the other batches made by models that saw neither batch.
/// </summary>
internal static class ReplyDecisionAnalysis
{
    private static readonly string[] Names = ["notStarted", "inProgress", "blocked", "completion", "extension", "none"];

    public static string Run(IReadOnlyList<string> names, List<IReadOnlyList<LabelledReplyRow>> sets, ReplyClassifierOptions options, ReplyLearnedPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(sets);
        var batches = Enumerable.Range(0, sets.Count).Where(s => names[s].StartsWith("public-batch-", StringComparison.Ordinal)).ToList();
        var rows = Rows(sets, batches);
        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"decision analysis: {rows.Count} rows of {batches.Count} public batches, leave-one-batch-out (rules fixed, classifier retrained per fold); policy switch {policy.SwitchAbove} doubt {policy.DoubtBelow} (not started {policy.DoubtFor(ReplyStatus.NotStarted)}, completion {policy.DoubtFor(ReplyStatus.CompletionRequested)})\n");

        // Outer folds: batch b left out. Inner folds: batches b and c left out, c read (the combiner's training rows for fold b).
        var outer = new Reading?[rows.Count];
        var inner = new Dictionary<(int Outer, int Row), Reading>();
        var jobs = new List<(int B, int C)>();
        foreach (var b in batches)
        {
            jobs.Add((b, -1));
            jobs.AddRange(batches.Where(c => c != b).Select(c => (b, c)));
        }

        var cues = new System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<Cue>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            cues.TryAdd(row.Folded, row.Cues);
        }

        var gate = new object();
        Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = 2 }, job =>
        {
            var training = ReplyClassifierTraining.Examples(Enumerable.Range(0, sets.Count).Where(s => s != job.B && s != job.C).Select(s => sets[s]));
            var model = ReplyClassifierTraining.Train(training, options, f => cues.GetOrAdd(f, ReplyCues.Find));
            var read = job.C < 0 ? job.B : job.C;
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i].Set != read)
                {
                    continue;
                }

                var probabilities = new double[ReplyClassifier.Classes];
                var prediction = model.Predict(rows[i].Folded, rows[i].Cues, probabilities);
                var reading = new Reading(prediction, probabilities);
                lock (gate)
                {
                    if (job.C < 0)
                    {
                        outer[i] = reading;
                    }
                    else
                    {
                        inner[(job.B, i)] = reading;
                    }
                }
            }
        });

        Agreement(report, rows, outer, policy);
        Bands(report, rows, outer);
        Confusions(report, rows, outer, policy);

        report.Append("doubt threshold (the shipped policy otherwise): status right, confident wrong, right readings sent to the picker, all sent to the picker\n");
        foreach (var doubt in new[] { 0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4 })
        {
            var p = policy with { DoubtBelow = doubt, NotStartedDoubtBelow = -1, CompletionDoubtBelow = -1 };
            report.Append(CultureInfo.InvariantCulture, $"  doubt {doubt:0.00}: {Tally(rows, batches, i => Shipped(rows[i], outer[i]!, p))}\n");
        }

        report.Append("switch threshold (a confident classifier replaces an unsure rules status; doubt as shipped)\n");
        foreach (var change in new[] { 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95 })
        {
            var p = policy with { SwitchAbove = change };
            report.Append(CultureInfo.InvariantCulture, $"  switch {change:0.00}: {Tally(rows, batches, i => Shipped(rows[i], outer[i]!, p))}\n");
        }

        // The stacked combiner, nested: fold b's combiner learns from inner readings of the other batches.
        var stacked = new (ReplyStatus? Status, double[] Q)[rows.Count];
        foreach (var b in batches)
        {
            var examples = new List<(ReplyVerdicts, ReplyStatus)>();
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i].Set != b && inner.TryGetValue((b, i), out var r))
                {
                    examples.Add((Verdicts(rows[i], r), rows[i].Label));
                }
            }

            var combiner = ReplyDecisionCombiner.Train(examples);
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i].Set == b)
                {
                    var q = new double[ReplyClassifier.Classes];
                    var status = combiner.Predict(Verdicts(rows[i], outer[i]!), q);
                    stacked[i] = (outer[i]!.Prediction.Evidence < policy.MinEvidence ? rows[i].Rules.Status : status, q);
                }
            }
        }

        report.Append("doubt threshold by the status read (confident wrong / right sent to the picker, at doubt 0.1 0.2 0.3 0.4):\n");
        for (var s = 0; s < ReplyClassifier.Classes; s++)
        {
            var parts = new List<string>();
            foreach (var doubt in new[] { 0.1, 0.2, 0.3, 0.4 })
            {
                var p = policy with { DoubtBelow = doubt, NotStartedDoubtBelow = -1, CompletionDoubtBelow = -1 };
                int wrong = 0, asked = 0;
                for (var i = 0; i < rows.Count; i++)
                {
                    var (status, confidence) = Shipped(rows[i], outer[i]!, p);
                    if (status is { } read && (int)read == s)
                    {
                        wrong += read != rows[i].Label && confidence >= ReplyParser.ConfirmBelow ? 1 : 0;
                        asked += read == rows[i].Label && confidence < ReplyParser.ConfirmBelow ? 1 : 0;
                    }
                }

                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{wrong}/{asked}"));
            }

            report.Append(CultureInfo.InvariantCulture, $"  {Names[s]}: {string.Join(" ", parts)}\n");
        }

        report.Append("doubt per status read by the rules (notStarted inProgress blocked completion extension):\n");
        foreach (var doubts in new[] { new[] { 0.1, 0.1, 0.1, 0.1, 0.1 }, [0.2, 0.1, 0.1, 0.4, 0.1], [0.2, 0.1, 0.1, 0.3, 0.1], [0.2, 0.1, 0.2, 0.3, 0.1], [0.1, 0.1, 0.1, 0.3, 0.1], [0.2, 0.2, 0.2, 0.3, 0.1], [0.2, 0.2, 0.2, 0.4, 0.2] })
        {
            report.Append(CultureInfo.InvariantCulture, $"  {string.Join(" ", doubts.Select(d => d.ToString("0.0", CultureInfo.InvariantCulture)))}: {Tally(rows, batches, i => Shipped(rows[i], outer[i]!, policy with { DoubtBelow = rows[i].Rules.Status is { } r ? doubts[(int)r] : policy.DoubtBelow, NotStartedDoubtBelow = -1, CompletionDoubtBelow = -1 }))}\n");
        }

        report.Append("stacked combiner (nested leave-one-batch-out): status = the combiner's most probable, stored without asking when ...\n");
        foreach (var t in new[] { 0.6, 0.7, 0.8, 0.85, 0.9 })
        {
            report.Append(CultureInfo.InvariantCulture, $"  its probability >= {t:0.00}: {Tally(rows, batches, i => (stacked[i].Status, stacked[i].Status is { } s && stacked[i].Q[(int)s] >= t ? 1 : 0))}\n");
        }

        foreach (var t in new[] { 0.7, 0.75, 0.8, 0.85, 0.9 })
        {
            report.Append(CultureInfo.InvariantCulture, $"  the shipped reading is sure of the same status and its probability >= {t:0.00}: {Tally(rows, batches, i =>
            {
                var (status, confidence) = Shipped(rows[i], outer[i]!, policy);
                return (stacked[i].Status, stacked[i].Status is { } s && s == status && confidence >= ReplyParser.ConfirmBelow && stacked[i].Q[(int)s] >= t ? 1 : 0);
            })}\n");
        }

        report.Append(CultureInfo.InvariantCulture, $"  shipped when sure, else the combiner's status (the picker's pre-filled guess): {Tally(rows, batches, i =>
        {
            var (status, confidence) = Shipped(rows[i], outer[i]!, policy);
            return status is not null && confidence >= ReplyParser.ConfirmBelow ? (status, confidence) : (stacked[i].Status, 0);
        })}\n");
        report.Append(CultureInfo.InvariantCulture, $"  switch 0.9, doubted when the combiner gives it < 0.8: {Tally(rows, batches, i =>
        {
            var (status, confidence) = Shipped(rows[i], outer[i]!, policy with { SwitchAbove = 0.9 });
            return (status, status is { } s && stacked[i].Q[(int)s] < 0.8 ? Math.Min(confidence, ReplyParser.DoubtedConfidence) : confidence);
        })}\n");
        foreach (var t in new[] { 0.6, 0.7, 0.75, 0.8, 0.85, 0.9 })
        {
            report.Append(CultureInfo.InvariantCulture, $"  shipped status, doubted when the combiner gives it < {t:0.00}: {Tally(rows, batches, i =>
            {
                var (status, confidence) = Shipped(rows[i], outer[i]!, policy);
                return (status, status is { } s && stacked[i].Q[(int)s] < t ? Math.Min(confidence, ReplyParser.DoubtedConfidence) : confidence);
            })}\n");
        }

        return report.ToString();
    }

    private static ReplyVerdicts Verdicts(Row row, Reading reading) => new(row.Rules.Status, row.Rules.Confidence, row.Cues, reading.Probabilities);

    private static (ReplyStatus? Status, double Confidence) Shipped(Row row, Reading reading, ReplyLearnedPolicy policy)
    {
        var (status, confidence, _) = ReplyParser.Combine(row.Rules.Status, row.Rules.Confidence, reading.Prediction, reading.Probabilities, policy);
        return (status, confidence);
    }

    private static void Agreement(StringBuilder report, List<Row> rows, Reading?[] outer, ReplyLearnedPolicy policy)
    {
        report.Append("who is right (rules' status, classifier's most probable status; LOBO), with the shipped combination's status right:\n");
        var cells = new SortedDictionary<string, (int N, int Shipped)>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var rules = rows[i].Rules.Status is null ? "rules none" : rows[i].Rules.Status == rows[i].Label ? "rules right" : "rules wrong";
            var classifier = outer[i]!.Prediction.Status == rows[i].Label ? "classifier right" : "classifier wrong";
            var sure = rows[i].Rules.Status is null ? string.Empty : rows[i].Rules.Confidence >= ReplyParser.ConfirmBelow ? " (sure)" : " (unsure)";
            var key = $"{rules}{sure}, {classifier}";
            var shipped = Shipped(rows[i], outer[i]!, policy).Status == rows[i].Label ? 1 : 0;
            cells[key] = cells.TryGetValue(key, out var v) ? (v.N + 1, v.Shipped + shipped) : (1, shipped);
        }

        foreach (var (key, (n, shipped)) in cells)
        {
            report.Append(CultureInfo.InvariantCulture, $"  {key}: {n} ({(double)n / rows.Count:P1}); shipped right {shipped}\n");
        }
    }

    private static void Bands(StringBuilder report, List<Row> rows, Reading?[] outer)
    {
        report.Append("rules' accuracy by their confidence (rows, right):\n");
        foreach (var (low, high) in new[] { (0.0, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01) })
        {
            var band = Enumerable.Range(0, rows.Count).Where(i => rows[i].Rules.Status is not null && rows[i].Rules.Confidence >= low && rows[i].Rules.Confidence < high).ToList();
            report.Append(CultureInfo.InvariantCulture, $"  [{low:0.0}, {Math.Min(high, 1):0.0}{(high > 1 ? "]" : ")")}: {band.Count}, {Share(band.Count(i => rows[i].Rules.Status == rows[i].Label), band.Count):P1}\n");
        }

        report.Append(CultureInfo.InvariantCulture, $"  no status: {rows.Count(r => r.Rules.Status is null)}\n");
        report.Append("classifier's accuracy by its top probability (rows, right; right where the rules were wrong or silent):\n");
        foreach (var (low, high) in new[] { (0.0, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 0.9), (0.9, 1.01) })
        {
            var band = Enumerable.Range(0, rows.Count).Where(i => outer[i]!.Prediction.Probability >= low && outer[i]!.Prediction.Probability < high).ToList();
            var rulesMiss = band.Where(i => rows[i].Rules.Status != rows[i].Label).ToList();
            report.Append(CultureInfo.InvariantCulture, $"  [{low:0.0}, {Math.Min(high, 1):0.0}{(high > 1 ? "]" : ")")}: {band.Count}, {Share(band.Count(i => outer[i]!.Prediction.Status == rows[i].Label), band.Count):P1}; {rulesMiss.Count} rules misses, classifier right on {rulesMiss.Count(i => outer[i]!.Prediction.Status == rows[i].Label)}\n");
        }
    }

    private static void Confusions(StringBuilder report, List<Row> rows, Reading?[] outer, ReplyLearnedPolicy policy)
    {
        report.Append("labelled status (rows) -> status read by the shipped combination (LOBO):\n");
        report.Append(CultureInfo.InvariantCulture, $"  {"label",-12}{string.Concat(Names.Select(n => $"{n,12}"))}\n");
        for (var g = 0; g < ReplyClassifier.Classes; g++)
        {
            var counts = new int[6];
            for (var i = 0; i < rows.Count; i++)
            {
                if ((int)rows[i].Label == g)
                {
                    counts[Shipped(rows[i], outer[i]!, policy).Status is { } s ? (int)s : 5]++;
                }
            }

            report.Append(CultureInfo.InvariantCulture, $"  {Names[g],-12}{string.Concat(counts.Select(c => $"{c,12}"))}\n");
        }
    }

    private static string Tally(List<Row> rows, List<int> batches, Func<int, (ReplyStatus? Status, double Confidence)> read)
    {
        int right = 0, none = 0, confidentWrong = 0, rightAsked = 0, asked = 0;
        var perBatch = new Dictionary<int, (int N, int Right)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var (status, confidence) = read(i);
            var ok = status == rows[i].Label;
            var sure = status is not null && confidence >= ReplyParser.ConfirmBelow;
            right += ok ? 1 : 0;
            none += status is null ? 1 : 0;
            confidentWrong += !ok && sure ? 1 : 0;
            rightAsked += ok && !sure ? 1 : 0;
            asked += sure ? 0 : 1;
            var b = perBatch.TryGetValue(rows[i].Set, out var v) ? v : (N: 0, Right: 0);
            perBatch[rows[i].Set] = (b.N + 1, b.Right + (ok ? 1 : 0));
        }

        var mean = batches.Average(b => Share(perBatch[b].Right, perBatch[b].N));
        var last = perBatch[batches[^1]];
        var each = string.Join(" ", batches.Select(b => perBatch[b].Right.ToString(CultureInfo.InvariantCulture)));
        return string.Create(CultureInfo.InvariantCulture, $"status {Share(right, rows.Count):P1} (batch mean {mean:P1}, last batch {Share(last.Right, last.N):P1}), no status {none}, confident wrong {confidentWrong}, right sent to the picker {rightAsked}, picker {asked}; right per batch {each}");
    }

    private static double Share(int n, int of) => of == 0 ? 0 : (double)n / of;

    private static List<Row> Rows(List<IReadOnlyList<LabelledReplyRow>> sets, List<int> batches)
    {
        var rows = new List<Row>();
        foreach (var s in batches)
        {
            foreach (var row in sets[s])
            {
                if (row.ScoreStatus && row.Status is { } name && ReplyClassifierTraining.FromContractName(name) is { } label)
                {
                    var folded = ReplyText.Fold(row.Text);
                    rows.Add(new Row(s, label, folded, ReplyCues.Find(folded), ReplyParser.Parse(row.Text, row.Context, null, ReplyLearnedPolicy.Chosen)));
                }
            }
        }

        return rows;
    }

    private sealed record Row(int Set, ReplyStatus Label, string Folded, IReadOnlyList<Cue> Cues, ParsedReply Rules);

    private sealed record Reading(ReplyPrediction Prediction, double[] Probabilities);
}
