using System.Globalization;
using System.Text;

using FollowUpBot.Progress;

namespace FollowUpBot.Cli.Progress;

/// <summary>
/// <c>followup train-replies --compare</c>: scores candidate option sets of the learned fallback and meeting policies
/// two ways — K-fold cross-validation on every tuned row, and leave-one-batch-out (train on every set but one public
/// batch, score that batch; the figure closest to a batch nobody tuned to). The rules stay fixed (they were written from
/// all these batches, so the rules' share of each figure is optimistic); only the classifier is retrained per fold.
/// </summary>
internal static class ReplyModelComparison
{
    private const int Epochs = 300;

    private static readonly ReplyClassifierOptions Round4 = new(0, 2, 2, 1, false, ReplyClassifierMethod.Logistic, 0.001, Epochs);

    /// <summary>The option sets compared; the first is round 4's.</summary>
    /// <remarks>
    /// Round 6 also measured L2 0.0003/0.003/0.01, min-documents 3, stems with negation scopes and 600 epochs
    /// (docs/evaluation/replies.md); none gained in leave-one-batch-out, so they left the list.
    /// </remarks>
    public static IReadOnlyList<(string Name, ReplyClassifierOptions Options)> Candidates { get; } =
    [
        ("cjk 3 (round 5)", Round4 with { CjkGrams = 3 }),
        ("cjk 3 min-documents 1", Round4 with { CjkGrams = 3, MinDocuments = 1 }),
        ("cjk 3 stems", Round4 with { CjkGrams = 3, Extras = ReplyFeatureExtras.Stems }),
        ("cjk 3 min-documents 1 stems", Round4 with { CjkGrams = 3, MinDocuments = 1, Extras = ReplyFeatureExtras.Stems }),
    ];

    /// <summary>The meeting policies compared: round 4's (never switch) and a confident classifier deciding where the rules are unsure.</summary>
    public static IReadOnlyList<ReplyLearnedPolicy> Policies { get; } =
    [
        new(4, 0.3, 1.01, 0.1, 0.65),
        new(4, 0.3, 0.8, 0.1, 0.65),
        new(4, 0.3, 0.7, 0.1, 0.65),
        new(4, 0.3, 0.6, 0.1, 0.65),
        new(4, 0.3, 0.5, 0.1, 0.65),
        new(4, 0.3, 0.6, 0.05, 0.65),
        new(4, 0.3, 0.6, 0.2, 0.65),
    ];

    public static string Run(IReadOnlyList<string> names, List<IReadOnlyList<LabelledReplyRow>> sets, int folds)
    {
        var rows = LabelledRows(sets);
        var rules = rows.Select(r => ReplyParser.Parse(r.Row.Text, r.Row.Context, null, ReplyLearnedPolicy.Chosen)).ToArray();
        var cues = new System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<Cue>>(StringComparer.Ordinal);
        foreach (var (row, _, _) in rows)
        {
            var folded = ReplyText.Fold(row.Text);
            cues.TryAdd(folded, ReplyCues.Find(folded));
        }

        IReadOnlyList<Cue> CuesOf(string folded) => cues.GetOrAdd(folded, f => ReplyCues.Find(f));
        var batches = Enumerable.Range(0, sets.Count).Where(s => names[s].StartsWith("public-batch-", StringComparison.Ordinal)).ToList();
        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"comparison: {rows.Count} rows; {folds}-fold CV (row i in fold i mod {folds}) and leave-one-batch-out over {batches.Count} public batches; rules fixed\n");
        report.Append(CultureInfo.InvariantCulture, $"rules alone: CV {Accuracy(rows, i => rules[i].Status, _ => true):P1}; per batch {string.Join(", ", batches.Select(b => $"{Short(names[b])} {Accuracy(rows, i => rules[i].Status, i => rows[i].Set == b):P1}"))}\n");
        foreach (var (name, options) in Candidates)
        {
            // Fold k of the CV holds rows i mod folds == k; fold of leave-one-batch-out b holds batch b.
            var cv = HeldOut(rows, options, folds, i => i % folds, CuesOf);
            var lobo = HeldOut(rows, options, batches.Count, i => batches.IndexOf(rows[i].Set), CuesOf);
            report.Append(CultureInfo.InvariantCulture, $"{name}: classifier alone CV {Accuracy(rows, i => cv[i]?.Prediction.Status, _ => true):P1}, LOBO {Accuracy(rows, i => lobo[i]?.Prediction.Status, i => lobo[i] is not null):P1}\n");
            foreach (var policy in Policies)
            {
                ReplyStatus? Combined(HeldReading?[] held, int i) => held[i] is { } h
                    ? ReplyParser.Combine(rules[i].Status, rules[i].Confidence, h.Prediction, h.Probabilities, policy).Status
                    : null;
                int ConfidentWrong(HeldReading?[] held, Func<int, bool> where) => Enumerable.Range(0, rows.Count).Count(i =>
                {
                    if (!where(i) || held[i] is not { } h)
                    {
                        return false;
                    }

                    var (status, confidence, _) = ReplyParser.Combine(rules[i].Status, rules[i].Confidence, h.Prediction, h.Probabilities, policy);
                    return status is not null && status != rows[i].Label && confidence >= ReplyParser.ConfirmBelow;
                });

                var perBatch = batches.Select(b => (Name: Short(names[b]), Accuracy: Accuracy(rows, i => Combined(lobo, i), i => rows[i].Set == b))).ToList();
                report.Append(CultureInfo.InvariantCulture, $"  switch {policy.SwitchAbove} doubt {policy.DoubtBelow}: CV {Accuracy(rows, i => Combined(cv, i), _ => true):P1} (confident wrong {ConfidentWrong(cv, _ => true)}); LOBO mean {perBatch.Average(p => p.Accuracy):P1} (confident wrong {ConfidentWrong(lobo, i => lobo[i] is not null)}): {string.Join(", ", perBatch.Select(p => $"{p.Name} {p.Accuracy:P1}"))}\n");
            }
        }

        return report.ToString();
    }

    /// <summary>
    /// The learning curve: with the rules fixed, the classifier trained on the non-batch sets plus public batches 1..k (in
    /// the order of <paramref name="names"/>) and scored on batch k+1, for every k from <paramref name="from"/> — the classifier
    /// alone and with the rules — then leave-one-batch-out over every batch with the same options and policy.
    /// </summary>
    public static string Curve(IReadOnlyList<string> names, List<IReadOnlyList<LabelledReplyRow>> sets, ReplyClassifierOptions options, ReplyLearnedPolicy policy, int from = 3)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(sets);
        var batches = Enumerable.Range(0, sets.Count).Where(s => names[s].StartsWith("public-batch-", StringComparison.Ordinal)).ToList();
        var others = Enumerable.Range(0, sets.Count).Where(s => !batches.Contains(s)).ToList();
        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"learning curve: {options.Format(0).Replace('\t', ' ')}, policy switch {policy.SwitchAbove} doubt {policy.DoubtBelow}; rules fixed\n");
        report.Append("  trained on -> scored: rows | classifier alone | rules alone | rules + classifier (no status, confident wrong) | training rows, features\n");
        for (var k = from; k < batches.Count; k++)
        {
            var training = others.Concat(batches.Take(k)).Select(s => sets[s]).ToList();
            var model = ReplyClassifierTraining.Train(ReplyClassifierTraining.Examples(training), options);
            var scored = sets[batches[k]];
            var alone = ClassifierAlone(scored, model);
            var rules = ReplyLabels.Score(scored, (ReplyClassifier?)null, policy);
            var both = ReplyLabels.Score(scored, model, policy);
            report.Append(CultureInfo.InvariantCulture, $"  {Short(names[others[0]])}+b1..b{k} -> {Short(names[batches[k]])}: {both.Scored} | {alone:P1} | {rules.StatusAccuracy:P1} | {both.StatusAccuracy:P1} ({both.NoStatusShare:P1}, {both.ConfidentWrong}) | {model.TrainedOn}, {model.FeatureCount}\n");
        }

        // The same growing training sets scored on the last batch only: more data, one target, so the batches' differing
        // difficulty does not hide the trend.
        var last = batches[^1];
        report.Append(CultureInfo.InvariantCulture, $"  the same training sets, all scored on {Short(names[last])}:\n");
        for (var k = 0; k < batches.Count; k++)
        {
            var training = others.Concat(batches.Take(k)).Select(s => sets[s]).ToList();
            var model = ReplyClassifierTraining.Train(ReplyClassifierTraining.Examples(training), options);
            var both = ReplyLabels.Score(sets[last], model, policy);
            report.Append(CultureInfo.InvariantCulture, $"  {Short(names[others[0]])}{(k == 0 ? string.Empty : $"+b1..b{k}")} -> {Short(names[last])}: {ClassifierAlone(sets[last], model):P1} | {both.StatusAccuracy:P1} ({both.NoStatusShare:P1}, {both.ConfidentWrong}) | {model.TrainedOn}, {model.FeatureCount}\n");
        }

        var sum = 0.0;
        var aloneSum = 0.0;
        var wrong = 0;
        var parts = new List<string>();
        foreach (var b in batches)
        {
            var model = ReplyClassifierTraining.Train(ReplyClassifierTraining.Examples(Enumerable.Range(0, sets.Count).Where(s => s != b).Select(s => sets[s])), options);
            var score = ReplyLabels.Score(sets[b], model, policy);
            var alone = ClassifierAlone(sets[b], model);
            sum += score.StatusAccuracy;
            aloneSum += alone;
            wrong += score.ConfidentWrong;
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{Short(names[b])} {score.StatusAccuracy:P1} ({alone:P1})"));
        }

        report.Append(CultureInfo.InvariantCulture, $"leave-one-batch-out over {batches.Count} batches: rules + classifier mean {sum / batches.Count:P1} (confident wrong {wrong}), classifier alone mean {aloneSum / batches.Count:P1}: {string.Join(", ", parts)}\n");
        return report.ToString();
    }

    /// <summary>The feature sets <see cref="ByLanguage"/> measures besides the shipped one.</summary>
    public static IReadOnlyList<(string Name, ReplyClassifierOptions Options)> FeatureCandidates { get; } =
    [
        ("shipped", ReplyClassifierOptions.Chosen),
        ("+ English stems", ReplyClassifierOptions.Chosen with { Extras = ReplyFeatureExtras.Stems }),
        ("+ negation scopes", ReplyClassifierOptions.Chosen with { Extras = ReplyFeatureExtras.Negation }),
        ("+ cue kinds", ReplyClassifierOptions.Chosen with { Extras = ReplyFeatureExtras.Cues }),
        ("cjk 2", ReplyClassifierOptions.Chosen with { CjkGrams = 2 }),
    ];

    /// <summary>
    /// <c>followup train-replies --lobo</c>: leave-one-batch-out over the public batches with the rules fixed and the shipped
    /// policy, pooled over every row and split by language (a reply with a Chinese character is Chinese), for each of
    /// <paramref name="candidates"/>: rules plus classifier right, the wrong statuses stored without asking (confident
    /// wrong), the rows sent to the picker, and the classifier alone.
    /// </summary>
    public static string ByLanguage(IReadOnlyList<string> names, List<IReadOnlyList<LabelledReplyRow>> sets, IReadOnlyList<(string Name, ReplyClassifierOptions Options)> candidates, ReplyLearnedPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(candidates);
        var batches = Enumerable.Range(0, sets.Count).Where(s => names[s].StartsWith("public-batch-", StringComparison.Ordinal)).ToList();

        // Every labelled row is trained on; a public batch's rows are read by the model trained without that batch.
        var rows = LabelledRows(sets);
        var scored = rows.Select(r => batches.Contains(r.Set)).ToArray();
        var rules = rows.Select(r => ReplyParser.Parse(r.Row.Text, r.Row.Context, null, policy)).ToArray();
        var chinese = rows.Select(r => r.Row.Text.Any(c => c is >= '\u3400' and <= '\u9fff')).ToArray();
        var cues = new System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<Cue>>(StringComparer.Ordinal);
        IReadOnlyList<Cue> CuesOf(string folded) => cues.GetOrAdd(folded, f => ReplyCues.Find(f));
        var languages = new (string Name, Func<int, bool> Where)[] { ("all", i => scored[i]), ("zh", i => scored[i] && chinese[i]), ("en", i => scored[i] && !chinese[i]) };
        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"leave-one-batch-out by language: {scored.Count(x => x)} rows of {batches.Count} public batches ({Enumerable.Range(0, rows.Count).Count(languages[1].Where)} Chinese, {Enumerable.Range(0, rows.Count).Count(languages[2].Where)} English), rules fixed, policy switch {policy.SwitchAbove} doubt {policy.DoubtBelow}\n");
        report.Append(CultureInfo.InvariantCulture, $"rules alone: {string.Join(", ", languages.Select(l => $"{l.Name} {Share(rows, i => rules[i].Status, l.Where)}"))}\n");
        report.Append("features | language | rules + classifier | confident wrong | picker | classifier alone\n");
        foreach (var (name, options) in candidates)
        {
            var held = HeldOut(rows, options, batches.Count, i => batches.IndexOf(rows[i].Set), CuesOf);
            var read = Enumerable.Range(0, rows.Count)
                .Select(i => held[i] is { } h ? ReplyParser.Combine(rules[i].Status, rules[i].Confidence, h.Prediction, h.Probabilities, policy) : default)
                .ToArray();
            foreach (var (language, where) in languages)
            {
                var confidentWrong = Enumerable.Range(0, rows.Count).Count(i => where(i) && read[i].Status is { } s && s != rows[i].Label && read[i].Confidence >= ReplyParser.ConfirmBelow);
                var picker = Enumerable.Range(0, rows.Count).Count(i => where(i) && (read[i].Status is null || read[i].Confidence < ReplyParser.ConfirmBelow));
                report.Append(CultureInfo.InvariantCulture, $"{name} | {language} | {Share(rows, i => read[i].Status, where)} | {confidentWrong} | {picker} | {Share(rows, i => held[i]?.Prediction.Status, where)}\n");
            }
        }

        return report.ToString();
    }

    /// <summary>The rows of the sets that carry a status label, with their set.</summary>
    private static List<(LabelledReplyRow Row, int Set, ReplyStatus Label)> LabelledRows(List<IReadOnlyList<LabelledReplyRow>> sets)
    {
        var rows = new List<(LabelledReplyRow Row, int Set, ReplyStatus Label)>();
        for (var s = 0; s < sets.Count; s++)
        {
            foreach (var row in sets[s])
            {
                if (row.ScoreStatus && row.Status is { } name && ReplyClassifierTraining.FromContractName(name) is { } label)
                {
                    rows.Add((row, s, label));
                }
            }
        }

        return rows;
    }

    private static string Share(List<(LabelledReplyRow Row, int Set, ReplyStatus Label)> rows, Func<int, ReplyStatus?> read, Func<int, bool> where)
    {
        var (right, n) = Tally(rows, read, where);
        return string.Create(CultureInfo.InvariantCulture, $"{(n == 0 ? 0 : (double)right / n):P1} ({right}/{n})");
    }

    // The share of a set's status-labelled rows whose most probable status is the label.
    private static double ClassifierAlone(IReadOnlyList<LabelledReplyRow> rows, ReplyClassifier model)
    {
        var examples = ReplyClassifierTraining.Examples([rows]);
        Span<double> probabilities = stackalloc double[ReplyClassifier.Classes];
        var right = 0;
        foreach (var example in examples)
        {
            right += model.Predict(ReplyText.Fold(example.Text), probabilities).Status == example.Status ? 1 : 0;
        }

        return examples.Count == 0 ? 0 : (double)right / examples.Count;
    }

    private static string Short(string name) => name.Replace("public-batch-", "b", StringComparison.Ordinal).Replace("-heldout", string.Empty, StringComparison.Ordinal).Replace(".json", string.Empty, StringComparison.Ordinal);

    private static double Accuracy(List<(LabelledReplyRow Row, int Set, ReplyStatus Label)> rows, Func<int, ReplyStatus?> read, Func<int, bool> where)
    {
        var (right, n) = Tally(rows, read, where);
        return n == 0 ? 0 : (double)right / n;
    }

    private static (int Right, int Of) Tally(List<(LabelledReplyRow Row, int Set, ReplyStatus Label)> rows, Func<int, ReplyStatus?> read, Func<int, bool> where)
    {
        int n = 0, right = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            if (where(i))
            {
                n++;
                right += read(i) == rows[i].Label ? 1 : 0;
            }
        }

        return (right, n);
    }

    /// <summary>Each row read by a model trained on the other folds; a row of no fold (fold &lt; 0) is only trained on.</summary>
    private static HeldReading?[] HeldOut(List<(LabelledReplyRow Row, int Set, ReplyStatus Label)> rows, ReplyClassifierOptions options, int folds, Func<int, int> foldOf, Func<string, IReadOnlyList<Cue>> cuesOf)
    {
        var held = new HeldReading?[rows.Count];
        Parallel.For(0, folds, new ParallelOptions { MaxDegreeOfParallelism = 2 }, k =>
        {
            var training = new List<ReplyExample>();
            for (var i = 0; i < rows.Count; i++)
            {
                if (foldOf(i) != k)
                {
                    training.Add(new ReplyExample(rows[i].Row.Text, rows[i].Label));
                }
            }

            var model = ReplyClassifierTraining.Train(training, options, cuesOf);
            for (var i = 0; i < rows.Count; i++)
            {
                if (foldOf(i) == k)
                {
                    var probabilities = new double[ReplyClassifier.Classes];
                    var folded = ReplyText.Fold(rows[i].Row.Text);
                    held[i] = new HeldReading(model.Predict(folded, cuesOf(folded), probabilities), probabilities);
                }
            }
        });

        return held;
    }

    private sealed record HeldReading(ReplyPrediction Prediction, double[] Probabilities);
}
