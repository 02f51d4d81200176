using System.Globalization;
using System.Text;

using FollowUpBot.Progress;

namespace FollowUpBot.Cli.Progress;

/// <summary>
/// <c>followup train-replies --encoder FILE</c>: would a pretrained sentence encoder's embeddings help the learned fallback?
/// Leave-one-batch-out over the public batches (rules fixed, every model retrained per fold), scored by language
/// (a reply with a Chinese character is Chinese). FILE holds one embedding per reply text (base64 of the UTF-8 text, a
/// tab, then the vector's numbers separated by spaces), made once outside the bot by the encoder under test, so the bot
/// and this repository need not carry the encoder to measure it. Compared: the shipped classifier (bag of n-grams);
/// a logistic over the embedding alone; one logistic over [bag ; embedding]; the bag's and the embedding's logistic
/// multiplied (a product of experts); and the bag mixed with a nearest-neighbour vote over the training embeddings.
/// Each reading then meets the rules through the shipped policy (<see cref="ReplyParser.Combine"/>).
/// </summary>
internal static class ReplyEncoderExperiment
{
    // Embeddings are unit vectors of a few hundred numbers each near ±0.05: scaled up so one step size fits both parts.
    private const double Scale = 10;

    public static Dictionary<string, float[]> ReadEmbeddings(string tsv)
    {
        ArgumentNullException.ThrowIfNull(tsv);
        var embeddings = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var line in tsv.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0)
            {
                throw new FormatException("an embedding line is base64 text, a tab and numbers.");
            }

            var text = Encoding.UTF8.GetString(Convert.FromBase64String(line[..tab]));
            embeddings[text] = [.. line[(tab + 1)..].Split(' ').Select(n => float.Parse(n, CultureInfo.InvariantCulture))];
        }

        return embeddings;
    }

    public static string Run(IReadOnlyList<string> names, List<IReadOnlyList<LabelledReplyRow>> sets, Dictionary<string, float[]> embeddings, ReplyClassifierOptions options, ReplyLearnedPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(embeddings);
        var batches = Enumerable.Range(0, sets.Count).Where(s => names[s].StartsWith("public-batch-", StringComparison.Ordinal)).ToList();
        var missing = sets.SelectMany(s => s).Count(r => !embeddings.ContainsKey(r.Text));
        if (missing > 0)
        {
            throw new FormatException($"{missing} labelled replies have no embedding in the file.");
        }

        var rows = new List<Row>();
        foreach (var s in batches)
        {
            foreach (var row in sets[s])
            {
                if (row.ScoreStatus && row.Status is { } name && ReplyClassifierTraining.FromContractName(name) is { } label)
                {
                    var folded = ReplyText.Fold(row.Text);
                    rows.Add(new Row(s, label, folded, ReplyCues.Find(folded), ReplyParser.Parse(row.Text, row.Context, null, policy), Chinese(row.Text), embeddings[row.Text]));
                }
            }
        }

        var cues = new System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<Cue>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            cues.TryAdd(row.Folded, row.Cues);
        }

        // variant -> row -> (probabilities, evidence)
        var variants = new[] { "bag (shipped)", "embedding alone", "joint [bag; embedding]", "bag x embedding", "bag + 0.3 kNN-15", "bag + 0.5 kNN-15" };
        var readings = variants.Select(_ => new Reading[rows.Count]).ToArray();
        var gate = new object();
        Parallel.ForEach(batches, new ParallelOptions { MaxDegreeOfParallelism = 2 }, b =>
        {
            var training = new List<(ReplyExample Example, float[] Vector)>();
            foreach (var s in Enumerable.Range(0, sets.Count).Where(s => s != b))
            {
                foreach (var example in ReplyClassifierTraining.Examples([sets[s]]))
                {
                    training.Add((example, embeddings[example.Text]));
                }
            }

            var bag = ReplyClassifierTraining.Train([.. training.Select(t => t.Example)], options, f => cues.GetOrAdd(f, ReplyCues.Find));
            var dense = Dense.Train(training, options, withBag: false, cues);
            var joint = Dense.Train(training, options, withBag: true, cues);
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i].Set != b)
                {
                    continue;
                }

                var p = new double[ReplyClassifier.Classes];
                var prediction = bag.Predict(rows[i].Folded, rows[i].Cues, p);
                var e = dense.Probabilities(rows[i].Folded, rows[i].Cues, rows[i].Vector);
                var j = joint.Probabilities(rows[i].Folded, rows[i].Cues, rows[i].Vector);
                var poe = Normalise(p.Zip(e, (x, y) => Math.Exp(Math.Log(Math.Max(x, 1e-12)) + Math.Log(Math.Max(y, 1e-12)))).ToArray());
                var knn = Neighbours(training, rows[i].Vector, 15);
                var mix3 = p.Zip(knn, (x, y) => (0.7 * x) + (0.3 * y)).ToArray();
                var mix5 = p.Zip(knn, (x, y) => (0.5 * x) + (0.5 * y)).ToArray();
                lock (gate)
                {
                    readings[0][i] = new Reading(p, prediction.Evidence);
                    readings[1][i] = new Reading(e, prediction.Evidence);
                    readings[2][i] = new Reading(j, prediction.Evidence);
                    readings[3][i] = new Reading(poe, prediction.Evidence);
                    readings[4][i] = new Reading(mix3, prediction.Evidence);
                    readings[5][i] = new Reading(mix5, prediction.Evidence);
                }
            }
        });

        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"encoder experiment: {rows.Count} rows of {batches.Count} public batches ({rows.Count(r => r.Chinese)} Chinese, {rows.Count(r => !r.Chinese)} English), leave-one-batch-out, rules fixed, shipped policy\n");
        report.Append("variant | language | classifier alone | rules + classifier | confident wrong | right sent to the picker | picker | last batch\n");
        for (var v = 0; v < variants.Length; v++)
        {
            foreach (var (language, chinese) in new[] { ("all", (bool?)null), ("zh", true), ("en", false) })
            {
                var subset = Enumerable.Range(0, rows.Count).Where(i => chinese is null || rows[i].Chinese == chinese).ToList();
                report.Append(CultureInfo.InvariantCulture, $"{variants[v]} | {language} | {Tally(rows, subset, readings[v], policy, batches[^1])}\n");
            }
        }

        // The embedding used for English only: Chinese rows keep the bag's reading.
        for (var v = 2; v < variants.Length; v++)
        {
            var mixed = Enumerable.Range(0, rows.Count).Select(i => rows[i].Chinese ? readings[0][i] : readings[v][i]).ToArray();
            report.Append(CultureInfo.InvariantCulture, $"{variants[v]}, English only | all | {Tally(rows, [.. Enumerable.Range(0, rows.Count)], mixed, policy, batches[^1])}\n");
        }

        return report.ToString();
    }

    private static string Tally(List<Row> rows, List<int> subset, Reading[] readings, ReplyLearnedPolicy policy, int lastBatch)
    {
        int alone = 0, right = 0, confidentWrong = 0, rightAsked = 0, asked = 0, lastN = 0, lastRight = 0;
        var perBatch = new SortedDictionary<int, int>();
        foreach (var i in subset)
        {
            var p = readings[i].Probabilities;
            var best = 0;
            for (var c = 1; c < p.Length; c++)
            {
                best = p[c] > p[best] ? c : best;
            }

            alone += (ReplyStatus)best == rows[i].Label ? 1 : 0;
            var prediction = new ReplyPrediction((ReplyStatus)best, p[best], readings[i].Evidence, []);
            var (status, confidence, _) = ReplyParser.Combine(rows[i].Rules.Status, rows[i].Rules.Confidence, prediction, p, policy);
            var ok = status == rows[i].Label;
            var sure = status is not null && confidence >= ReplyParser.ConfirmBelow;
            right += ok ? 1 : 0;
            perBatch[rows[i].Set] = perBatch.GetValueOrDefault(rows[i].Set) + (ok ? 1 : 0);
            confidentWrong += !ok && sure ? 1 : 0;
            rightAsked += ok && !sure ? 1 : 0;
            asked += sure ? 0 : 1;
            if (rows[i].Set == lastBatch)
            {
                lastN++;
                lastRight += ok ? 1 : 0;
            }
        }

        static double Share(int n, int of) => of == 0 ? 0 : (double)n / of;
        return string.Create(CultureInfo.InvariantCulture, $"{Share(alone, subset.Count):P1} | {Share(right, subset.Count):P1} ({right}/{subset.Count}) | {confidentWrong} | {rightAsked} | {asked} | {Share(lastRight, lastN):P1} | right per batch {string.Join(" ", perBatch.Values)}");
    }

    private static double[] Neighbours(List<(ReplyExample Example, float[] Vector)> training, float[] vector, int k)
    {
        var nearest = training
            .Select((t, i) => (Similarity: Dot(t.Vector, vector), Index: i))
            .OrderByDescending(n => n.Similarity).ThenBy(n => n.Index)
            .Take(k);
        var votes = new double[ReplyClassifier.Classes];
        foreach (var (similarity, index) in nearest)
        {
            votes[(int)training[index].Example.Status] += Math.Max(similarity, 0);
        }

        for (var c = 0; c < votes.Length; c++)
        {
            votes[c] += 0.01;
        }

        return Normalise(votes);
    }

    private static double Dot(float[] a, float[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static double[] Normalise(double[] values)
    {
        var sum = values.Sum();
        return [.. values.Select(v => v / sum)];
    }

    private static bool Chinese(string text) => text.Any(c => c is >= '\u3400' and <= '\u9fff');

    private sealed record Row(int Set, ReplyStatus Label, string Folded, IReadOnlyList<Cue> Cues, ParsedReply Rules, bool Chinese, float[] Vector);

    private sealed record Reading(double[] Probabilities, int Evidence);

    /// <summary>A multinomial logistic over the embedding (and, joint, the bag's features too), fitted as the shipped one is.</summary>
    private sealed class Dense
    {
        private readonly Dictionary<string, int> _index;
        private readonly double[] _weights;
        private readonly double[] _bias;
        private readonly int _dimension;
        private readonly ReplyClassifierOptions _options;
        private readonly bool _withBag;

        private Dense(Dictionary<string, int> index, double[] weights, double[] bias, int dimension, ReplyClassifierOptions options, bool withBag)
        {
            _index = index;
            _weights = weights;
            _bias = bias;
            _dimension = dimension;
            _options = options;
            _withBag = withBag;
        }

        public static Dense Train(List<(ReplyExample Example, float[] Vector)> training, ReplyClassifierOptions options, bool withBag, System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<Cue>> cues)
        {
            const int k = ReplyClassifier.Classes;
            var dimension = training[0].Vector.Length;
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var bags = new List<(int Feature, double Count)[]>();
            if (withBag)
            {
                var counted = training.Select(t => Bag(ReplyText.Fold(t.Example.Text), options, cues)).ToList();
                foreach (var name in counted.SelectMany(b => b.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                {
                    index.Add(name, dimension + index.Count);
                }

                bags.AddRange(counted.Select(b => b.Select(p => (index[p.Key], (double)p.Value)).OrderBy(p => p.Item1).ToArray()));
            }

            var features = dimension + index.Count;
            var rows = training.Select((t, i) => t.Vector.Select((x, d) => (Feature: d, Count: x * Scale)).Concat(withBag ? bags[i] : []).ToArray()).ToArray();
            var labels = training.Select(t => (int)t.Example.Status).ToArray();
            var (weights, bias) = ReplyClassifierTraining.Fit(rows, labels, features, [.. Enumerable.Repeat(1.0, k)], options);
            return new Dense(index, weights, bias, dimension, options, withBag);
        }

        public double[] Probabilities(string folded, IReadOnlyList<Cue> cues, float[] vector)
        {
            const int k = ReplyClassifier.Classes;
            var scores = (double[])_bias.Clone();
            for (var d = 0; d < _dimension; d++)
            {
                for (var c = 0; c < k; c++)
                {
                    scores[c] += _weights[(d * k) + c] * vector[d] * Scale;
                }
            }

            if (_withBag)
            {
                var bag = new Dictionary<string, int>(StringComparer.Ordinal);
                var sink = new CollectingSink();
                ReplyFeatures.Each(folded, _options.CjkGrams, _options.Extras, cues, ref sink);
                foreach (var feature in sink.Features)
                {
                    if (_index.TryGetValue(feature, out var f))
                    {
                        for (var c = 0; c < k; c++)
                        {
                            scores[c] += _weights[(f * k) + c];
                        }
                    }
                }
            }

            ReplyClassifierTraining.Softmax(scores);
            return scores;
        }

        private static Dictionary<string, int> Bag(string folded, ReplyClassifierOptions options, System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<Cue>> cues)
        {
            var sink = new CollectingSink();
            ReplyFeatures.Each(folded, options.CjkGrams, options.Extras, (options.Extras & ReplyFeatureExtras.Cues) != 0 ? cues.GetOrAdd(folded, ReplyCues.Find) : null, ref sink);
            var bag = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var feature in sink.Features)
            {
                bag[feature] = bag.GetValueOrDefault(feature) + 1;
            }

            return bag;
        }
    }

    private struct CollectingSink() : IReplyFeatureSink
    {
        public List<string> Features { get; } = [];

        public readonly void Add(scoped ReadOnlySpan<char> feature) => Features.Add(feature.ToString());
    }
}
