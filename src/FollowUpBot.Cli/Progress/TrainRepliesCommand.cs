using System.Globalization;
using System.Text;

using FollowUpBot.Progress;

namespace FollowUpBot.Cli.Progress;

/// <summary>
/// <c>followup train-replies --out FILE [--fixtures DIR] [--cv K]</c>: trains the reply parser's learned fallback
/// (<see cref="ReplyClassifier"/>) on the labelled sets of <see cref="ReplyClassifierTraining.TrainingSets"/> and
/// writes the model file the bot embeds (src/FollowUpBot.Core/Progress/reply-classifier.tsv). Deterministic: the
/// same fixtures give the same file. <c>--cv K</c> first prints a K-fold cross-validation on those sets — the
/// classifier alone for each option set, then rules plus classifier for each meeting policy — which is how
/// <see cref="ReplyClassifierOptions.Chosen"/> and <see cref="ReplyLearnedPolicy.Chosen"/> were picked until round 5;
/// <c>--compare</c> scores option sets by leave-one-batch-out (how round 6 chose) and <c>--curve</c> prints the learning
/// curve (<see cref="ReplyModelComparison.Curve"/>); <c>--lobo</c> prints leave-one-batch-out pooled and by language for a few
/// feature sets (<see cref="ReplyModelComparison.ByLanguage"/>).
/// </summary>
internal sealed class TrainRepliesCommand : ICliCommand
{
    public string Name => "train-replies";

    public string Summary => "train the reply parser's learned fallback from the labelled replies";

    public string Usage => "--out FILE [--fixtures tests/fixtures/replies] [--cv K] [--compare] [--curve] [--decision] [--lobo] [--encoder EMBEDDINGS.tsv]";

    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var cli = new CliArgs(args, new HashSet<string>(StringComparer.Ordinal) { "compare", "curve", "decision", "lobo" });
        var outPath = cli.Option("out");
        var fixtures = cli.Option("fixtures") ?? Path.Combine("tests", "fixtures", "replies");
        var cvText = cli.Option("cv");
        var compare = cli.Flag("compare");
        var curve = cli.Flag("curve");
        var decision = cli.Flag("decision");
        var lobo = cli.Flag("lobo");
        var encoderPath = cli.Option("encoder");
        cli.ThrowIfUnknownOptions();
        if (cli.Positional.Count > 0)
        {
            throw new CliUsageException("no positional arguments.");
        }

        if (outPath is null && cvText is null && !compare && !curve && !decision && !lobo && encoderPath is null)
        {
            throw new CliUsageException("give --out FILE (and/or --cv K, --compare, --curve, --decision, --lobo).");
        }

        var folds = 0;
        if (cvText is not null && (!int.TryParse(cvText, NumberStyles.None, CultureInfo.InvariantCulture, out folds) || folds < 2))
        {
            throw new CliUsageException($"--cv '{cvText}' is not a number of folds (2 or more).");
        }

        var sets = new List<IReadOnlyList<LabelledReplyRow>>();
        try
        {
            foreach (var name in ReplyClassifierTraining.TrainingSets)
            {
                var path = Path.Combine(fixtures, name);
                sets.Add(ReplyLabels.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            await error.WriteLineAsync($"followup train-replies: {e.Message}").ConfigureAwait(false);
            return 2;
        }

        if (folds > 0)
        {
            await output.WriteAsync(CrossValidate(sets, folds).AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        if (curve)
        {
            await output.WriteAsync(ReplyModelComparison.Curve([.. ReplyClassifierTraining.TrainingSets], sets, ReplyClassifierOptions.Chosen, ReplyLearnedPolicy.Chosen).AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        if (lobo)
        {
            await output.WriteAsync(ReplyModelComparison.ByLanguage([.. ReplyClassifierTraining.TrainingSets], sets, ReplyModelComparison.FeatureCandidates, ReplyLearnedPolicy.Chosen).AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        if (decision)
        {
            await output.WriteAsync(ReplyDecisionAnalysis.Run([.. ReplyClassifierTraining.TrainingSets], sets, ReplyClassifierOptions.Chosen, ReplyLearnedPolicy.Chosen).AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        if (encoderPath is not null)
        {
            Dictionary<string, float[]> embeddings;
            try
            {
                embeddings = ReplyEncoderExperiment.ReadEmbeddings(await File.ReadAllTextAsync(encoderPath, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                await error.WriteLineAsync($"followup train-replies: {e.Message}").ConfigureAwait(false);
                return 2;
            }

            await output.WriteAsync(ReplyEncoderExperiment.Run([.. ReplyClassifierTraining.TrainingSets], sets, embeddings, ReplyClassifierOptions.Chosen, ReplyLearnedPolicy.Chosen).AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        if (compare)
        {
            await output.WriteAsync(ReplyModelComparison.Run([.. ReplyClassifierTraining.TrainingSets], sets, folds > 0 ? folds : 10).AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        if (outPath is not null)
        {
            var model = ReplyClassifierTraining.Train(ReplyClassifierTraining.Examples(sets), ReplyClassifierOptions.Chosen);
            await File.WriteAllTextAsync(outPath, ReplyClassifierTraining.Write(model), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"wrote {outPath}: {model.FeatureCount} features from {model.TrainedOn} labelled replies ({model.Options.Format(model.TrainedOn).Replace('\t', ' ')})").AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    private static string CrossValidate(List<IReadOnlyList<LabelledReplyRow>> sets, int folds)
    {
        var rows = sets.SelectMany(s => s)
            .Where(r => r.ScoreStatus && r.Status is { } s && ReplyClassifierTraining.FromContractName(s) is not null)
            .ToList();
        var labels = rows.Select(r => ReplyClassifierTraining.FromContractName(r.Status!)!.Value).ToArray();
        var fold = Enumerable.Range(0, rows.Count).Select(i => i % folds).ToArray();
        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"cross-validation: {rows.Count} labelled replies of the tuned sets, {folds} folds (row i in fold i mod {folds})\n");

        // The classifier alone, for each option set (temperature does not change the argmax).
        ReplyClassifierOptions? best = null;
        var bestAccuracy = -1.0;
        report.Append("classifier alone (accuracy of the most probable status):\n");
        foreach (var alpha in new[] { 0.1, 0.3, 1.0 })
        {
            foreach (var cjk in new[] { 2, 3 })
            {
                foreach (var minDocuments in new[] { 1, 2 })
                {
                    foreach (var uniform in new[] { true, false })
                    {
                        var options = new ReplyClassifierOptions(alpha, cjk, minDocuments, 1, uniform);
                        var right = Predictions(rows, labels, fold, folds, options).Count(p => p.Right);
                        var accuracy = (double)right / rows.Count;
                        report.Append(CultureInfo.InvariantCulture, $"  alpha {alpha} cjk {cjk} min-documents {minDocuments} prior {(uniform ? "uniform" : "empirical")}: {accuracy:P1}\n");
                        if (accuracy > bestAccuracy + 1e-9)
                        {
                            bestAccuracy = accuracy;
                            best = options;
                        }
                    }
                }
            }
        }

        report.Append(CultureInfo.InvariantCulture, $"naive Bayes best: {best!.Format(rows.Count).Replace('\t', ' ')} {bestAccuracy:P1}\n");

        // Logistic regression over the same features, for each penalty.
        ReplyClassifierOptions? bestLogistic = null;
        var bestLogisticAccuracy = -1.0;
        report.Append("logistic regression alone (accuracy, log loss at temperature 1):\n");
        foreach (var l2 in new[] { 0.0001, 0.001, 0.01 })
        {
            foreach (var minDocuments in new[] { 1, 2 })
            {
                var options = new ReplyClassifierOptions(0, 2, minDocuments, 1, false, ReplyClassifierMethod.Logistic, l2, LogisticEpochs);
                var held = Predictions(rows, labels, fold, folds, options);
                var accuracy = (double)held.Count(p => p.Right) / rows.Count;
                var loss = held.Average(p => -Math.Log(Math.Max(1e-12, p.Probabilities[(int)p.Label])));
                report.Append(CultureInfo.InvariantCulture, $"  l2 {l2} min-documents {minDocuments} epochs {LogisticEpochs}: {accuracy:P1}, log loss {loss:0.000}\n");
                if (accuracy > bestLogisticAccuracy + 1e-9)
                {
                    bestLogisticAccuracy = accuracy;
                    bestLogistic = options;
                }
            }
        }

        report.Append(CultureInfo.InvariantCulture, $"logistic best: {bestLogistic!.Format(rows.Count).Replace('\t', ' ')} {bestLogisticAccuracy:P1}\n");

        var rules = rows.Select(r => ReplyParser.Parse(r.Text, r.Context, null, ReplyLearnedPolicy.Chosen)).ToList();
        report.Append(CultureInfo.InvariantCulture, $"rules alone: {Tally(rows.Count, i => (rules[i].Status, rules[i].Confidence), labels)}\n");
        foreach (var candidate in new[] { ReplyClassifierOptions.NaiveBayes, ReplyClassifierOptions.Chosen })
        {
            report.Append(Combined(rows, labels, fold, folds, candidate, rules));
        }

        var chosen = ReplyClassifierOptions.Chosen;
        report.Append(CultureInfo.InvariantCulture, $"shipped: {chosen.Format(rows.Count).Replace('\t', ' ')}, policy {Describe(ReplyLearnedPolicy.Chosen)}\n");
        return report.ToString();
    }

    // The logistic fit's full-batch steps: enough for the loss to settle on ~1,000 replies.
    private const int LogisticEpochs = 300;

    /// <summary>Temperature by log loss, then rules plus the classifier for each meeting policy, for one option set.</summary>
    private static string Combined(List<LabelledReplyRow> rows, ReplyStatus[] labels, int[] fold, int folds, ReplyClassifierOptions options, List<ParsedReply> rules)
    {
        var report = new StringBuilder();
        var name = options.Method == ReplyClassifierMethod.Logistic ? "logistic" : "naive Bayes";
        var raw = Predictions(rows, labels, fold, folds, options with { Temperature = 1 });
        report.Append(CultureInfo.InvariantCulture, $"{name} temperature (log loss of the held-out readings):\n");
        var bestT = 1.0;
        var bestLoss = double.MaxValue;
        foreach (var t in new[] { 1.0, 1.5, 2, 3, 4, 6, 8, 12 })
        {
            var loss = raw.Average(p => -Math.Log(Math.Max(1e-12, Tempered(p.Probabilities, t)[(int)p.Label])));
            report.Append(CultureInfo.InvariantCulture, $"  {t}: {loss:0.000}\n");
            if (loss < bestLoss)
            {
                bestLoss = loss;
                bestT = t;
            }
        }

        report.Append(CultureInfo.InvariantCulture, $"  lowest at {bestT}; the shipped temperature is {options.Temperature}\n");
        var tempered = options;
        var predictions = Predictions(rows, labels, fold, folds, tempered);
        var results = new List<(ReplyLearnedPolicy Policy, Outcome Outcome)>();
        foreach (var minEvidence in new[] { 2, 4, 6 })
        {
            foreach (var speak in new[] { 0.0, 0.3, 0.5 })
            {
                foreach (var switchAbove in new[] { 0.5, 0.6, 0.7, 0.8, 0.9, 1.01 })
                {
                    foreach (var doubt in new[] { 0.0, 0.05, 0.1, 0.2 })
                    {
                        var policy = new ReplyLearnedPolicy(minEvidence, speak, switchAbove, doubt, ReplyLearnedPolicy.Chosen.Cap);
                        results.Add((policy, Tally(rows.Count, i =>
                        {
                            var (status, confidence, _) = ReplyParser.Combine(rules[i].Status, rules[i].Confidence, predictions[i].Prediction, predictions[i].Probabilities, policy);
                            return (status, confidence);
                        }, labels)));
                    }
                }
            }
        }

        report.Append(CultureInfo.InvariantCulture, $"rules + {name} (temperature {tempered.Temperature}), best 8 policies by status accuracy, then fewest confident wrong:\n");
        foreach (var (policy, outcome) in results.OrderByDescending(r => r.Outcome.Right).ThenBy(r => r.Outcome.ConfidentWrong).Take(8))
        {
            report.Append(CultureInfo.InvariantCulture, $"  {Describe(policy)}: {outcome}\n");
        }

        report.Append("  the shipped policy's evidence, speak and switch with each doubt threshold:\n");
        foreach (var (policy, outcome) in results.Where(r => r.Policy with { DoubtBelow = 0 } == ReplyLearnedPolicy.Chosen with { DoubtBelow = 0 }))
        {
            report.Append(CultureInfo.InvariantCulture, $"    {Describe(policy)}: {outcome}\n");
        }

        var shipped = results.Find(r => r.Policy == ReplyLearnedPolicy.Chosen);
        report.Append(CultureInfo.InvariantCulture, $"  shipped policy {Describe(ReplyLearnedPolicy.Chosen)}: {(shipped.Policy is null ? "not in the grid" : shipped.Outcome.ToString())}\n");
        return report.ToString();
    }


    private static string Describe(ReplyLearnedPolicy p) => string.Create(
        CultureInfo.InvariantCulture,
        $"min-evidence {p.MinEvidence} speak {p.SpeakAbove} switch {p.SwitchAbove} doubt {p.DoubtBelow}");

    private static List<Held> Predictions(List<LabelledReplyRow> rows, ReplyStatus[] labels, int[] fold, int folds, ReplyClassifierOptions options)
    {
        var held = new Held[rows.Count];
        for (var k = 0; k < folds; k++)
        {
            var training = new List<ReplyExample>();
            for (var i = 0; i < rows.Count; i++)
            {
                if (fold[i] != k)
                {
                    training.Add(new ReplyExample(rows[i].Text, labels[i]));
                }
            }

            var model = ReplyClassifierTraining.Train(training, options);
            for (var i = 0; i < rows.Count; i++)
            {
                if (fold[i] == k)
                {
                    var probabilities = new double[ReplyClassifier.Classes];
                    var prediction = model.Predict(ReplyText.Fold(rows[i].Text), probabilities);
                    held[i] = new Held(prediction, probabilities, labels[i]);
                }
            }
        }

        return [.. held];
    }

    private static double[] Tempered(double[] probabilities, double t)
    {
        var tempered = probabilities.Select(p => Math.Pow(Math.Max(p, 1e-300), 1 / t)).ToArray();
        var sum = tempered.Sum();
        return tempered.Select(p => p / sum).ToArray();
    }

    private static Outcome Tally(int count, Func<int, (ReplyStatus? Status, double Confidence)> read, ReplyStatus[] labels)
    {
        int right = 0, none = 0, confidentWrong = 0, confidentRight = 0;
        for (var i = 0; i < count; i++)
        {
            var (status, confidence) = read(i);
            if (status is null)
            {
                none++;
            }
            else if (status == labels[i])
            {
                right++;
                confidentRight += confidence >= ReplyParser.ConfirmBelow ? 1 : 0;
            }
            else
            {
                confidentWrong += confidence >= ReplyParser.ConfirmBelow ? 1 : 0;
            }
        }

        return new Outcome(count, right, none, confidentWrong, confidentRight);
    }

    private sealed record Held(ReplyPrediction Prediction, double[] Probabilities, ReplyStatus Label)
    {
        public bool Right => Prediction.Status == Label;
    }

    private sealed record Outcome(int Count, int Right, int None, int ConfidentWrong, int ConfidentRight)
    {
        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"status {(double)Right / Count:P1}, no status {(double)None / Count:P1}, wrong {(double)(Count - Right - None) / Count:P1}, confident wrong {(double)ConfidentWrong / Count:P1} ({ConfidentWrong}), stored without asking {(double)(ConfidentWrong + ConfidentRight) / Count:P1}");
    }
}
