using System.Globalization;

namespace FollowUpBot.Progress;

/// <summary>
/// The learned fallback of the reply parser: a linear model over <see cref="ReplyFeatures"/> (Chinese character
/// n-grams, English words and word pairs) — multinomial naive Bayes or multinomial logistic regression, which score
/// a reply the same way (a weight per feature and status, summed, then a softmax) — trained on the repository's
/// labelled replies by <c>followup train-replies</c> and shipped as the embedded resource <c>reply-classifier.tsv</c>.
/// <see cref="ReplyParser"/> consults it where the rules abstain or are unsure (<c>ReplyParser.Learned.cs</c>).
/// Immutable and thread-safe; classifying allocates nothing but the prediction's few feature names.
/// </summary>
internal sealed class ReplyClassifier
{
    public const int Classes = 5;
    public const string ResourceName = "FollowUpBot.Progress.reply-classifier.tsv";

    // At most this many matched features are remembered to name the ones that decided (longer texts still score).
    private const int MaxRemembered = 256;

    private static readonly Lazy<ReplyClassifier> Embedded = new(LoadEmbedded);

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly string[] _names;
    private readonly double[] _weights;
    private readonly double[] _prior;

    public ReplyClassifier(IReadOnlyList<string> names, double[] weights, double[] prior, ReplyClassifierOptions options, int trainedOn)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(prior);
        ArgumentNullException.ThrowIfNull(options);
        if (weights.Length != names.Count * Classes || prior.Length != Classes)
        {
            throw new ArgumentException("a weight per feature and class, and a prior per class, are needed.", nameof(weights));
        }

        _names = [.. names];
        var index = new Dictionary<string, int>(_names.Length, StringComparer.Ordinal);
        for (var i = 0; i < _names.Length; i++)
        {
            index.Add(_names[i], i);
        }

        _lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
        _weights = weights;
        _prior = prior;
        Options = options;
        TrainedOn = trainedOn;
    }

    /// <summary>The model shipped with the bot.</summary>
    public static ReplyClassifier Default => Embedded.Value;

    public ReplyClassifierOptions Options { get; }

    /// <summary>How many labelled replies the model was trained on.</summary>
    public int TrainedOn { get; }

    public int FeatureCount => _names.Length;

    public string FeatureName(int index) => _names[index];

    /// <summary>The weight (log probability) of a feature for a class; used to write the model.</summary>
    public double Weight(int feature, int @class) => _weights[(feature * Classes) + @class];

    public double Prior(int @class) => _prior[@class];

    /// <summary>Classifies text already folded by <see cref="ReplyText.Fold"/>; <paramref name="probabilities"/> gets one value per <see cref="ReplyStatus"/>.</summary>
    /// <remarks>A model that reads the rules' cues finds them here; the parser, which has them already, passes them in.</remarks>
    public ReplyPrediction Predict(ReadOnlySpan<char> folded, Span<double> probabilities) =>
        Predict(folded, (Options.Extras & ReplyFeatureExtras.Cues) != 0 ? ReplyCues.Find(folded.ToString()) : null, probabilities);

    /// <summary>Classifies folded text whose rules' cues (<see cref="ReplyCues.Find"/>) are already known.</summary>
    public ReplyPrediction Predict(ReadOnlySpan<char> folded, IReadOnlyList<Cue>? cues, Span<double> probabilities)
    {
        if (probabilities.Length < Classes)
        {
            throw new ArgumentException($"room for {Classes} probabilities is needed.", nameof(probabilities));
        }

        Span<double> scores = stackalloc double[Classes];
        _prior.CopyTo(scores);
        Span<int> remembered = stackalloc int[MaxRemembered];
        var sink = new ScoringSink(_lookup, _weights, scores, remembered);
        ReplyFeatures.Each(folded, Options.CjkGrams, Options.Extras, cues, ref sink);

        var best = 0;
        for (var c = 1; c < Classes; c++)
        {
            if (scores[c] > scores[best])
            {
                best = c;
            }
        }

        var sum = 0.0;
        for (var c = 0; c < Classes; c++)
        {
            probabilities[c] = Math.Exp((scores[c] - scores[best]) / Options.Temperature);
            sum += probabilities[c];
        }

        for (var c = 0; c < Classes; c++)
        {
            probabilities[c] /= sum;
        }

        return new ReplyPrediction((ReplyStatus)best, probabilities[best], sink.Known, Deciding(remembered[..Math.Min(sink.Remembered, MaxRemembered)], best));
    }

    /// <summary>The probability of each status for raw text (folded here): for tests and the CLI.</summary>
    public double[] Probabilities(string text)
    {
        var probabilities = new double[Classes];
        Predict(ReplyText.Fold(text ?? string.Empty), probabilities);
        return probabilities;
    }

    // The three features that favour the winning class most over the runner-up average.
    private string[] Deciding(ReadOnlySpan<int> features, int best)
    {
        Span<int> top = [-1, -1, -1];
        Span<double> margin = [0, 0, 0];
        foreach (var f in features)
        {
            if (top.Contains(f))
            {
                continue;
            }

            var others = 0.0;
            for (var c = 0; c < Classes; c++)
            {
                others += c == best ? 0 : _weights[(f * Classes) + c];
            }

            var m = _weights[(f * Classes) + best] - (others / (Classes - 1));
            for (var k = 0; k < top.Length; k++)
            {
                if (m > margin[k])
                {
                    for (var j = top.Length - 1; j > k; j--)
                    {
                        top[j] = top[j - 1];
                        margin[j] = margin[j - 1];
                    }

                    top[k] = f;
                    margin[k] = m;
                    break;
                }
            }
        }

        var count = 0;
        while (count < top.Length && top[count] >= 0)
        {
            count++;
        }

        var names = new string[count];
        for (var k = 0; k < count; k++)
        {
            names[k] = _names[top[k]];
        }

        return names;
    }

    /// <summary>Reads a model written by <see cref="ReplyClassifierTraining.Write"/>; a malformed file is a <see cref="FormatException"/>.</summary>
    public static ReplyClassifier Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ReplyClassifierOptions? options = null;
        var trainedOn = 0;
        double[]? prior = null;
        var names = new List<string>();
        var weights = new List<double>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t');
            switch (fields[0])
            {
                case "#":
                    continue;
                case "!options":
                    options = ReplyClassifierOptions.Parse(fields.AsSpan(1), out trainedOn);
                    continue;
                case "!prior":
                    prior = Numbers(fields, lineNumber);
                    continue;
                default:
                    names.Add(fields[0]);
                    weights.AddRange(Numbers(fields, lineNumber));
                    continue;
            }
        }

        if (options is null || prior is null || names.Count == 0)
        {
            throw new FormatException("not a reply classifier: options, prior and feature lines are needed.");
        }

        return new ReplyClassifier(names, [.. weights], prior, options, trainedOn);
    }

    private static double[] Numbers(string[] fields, int line)
    {
        if (fields.Length != Classes + 1)
        {
            throw new FormatException($"line {line.ToString(CultureInfo.InvariantCulture)}: {Classes.ToString(CultureInfo.InvariantCulture)} numbers expected.");
        }

        var numbers = new double[Classes];
        for (var c = 0; c < Classes; c++)
        {
            numbers[c] = double.Parse(fields[c + 1], NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return numbers;
    }

    private static ReplyClassifier LoadEmbedded()
    {
        using var stream = typeof(ReplyClassifier).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Read(reader);
    }

    private ref struct ScoringSink(
        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup,
        double[] weights,
        Span<double> scores,
        Span<int> remembered) : IReplyFeatureSink
    {
        private readonly Span<double> _scores = scores;
        private readonly Span<int> _remembered = remembered;

        public int Known { get; private set; }

        public int Remembered { get; private set; }

        public void Add(scoped ReadOnlySpan<char> feature)
        {
            if (!lookup.TryGetValue(feature, out var f))
            {
                return;
            }

            Known++;
            if (Remembered < _remembered.Length)
            {
                _remembered[Remembered++] = f;
            }

            for (var c = 0; c < Classes; c++)
            {
                _scores[c] += weights[(f * Classes) + c];
            }
        }
    }
}

/// <summary>The classifier's reading of a reply.</summary>
/// <param name="Status">The most probable status.</param>
/// <param name="Probability">Its probability.</param>
/// <param name="Evidence">How many features of the reply the model knows (few: the reading means little).</param>
/// <param name="Deciding">The known features that favoured <paramref name="Status"/> most.</param>
internal readonly record struct ReplyPrediction(ReplyStatus Status, double Probability, int Evidence, IReadOnlyList<string> Deciding);

/// <summary>How the classifier is learned: counted (naive Bayes) or fitted (logistic regression).</summary>
internal enum ReplyClassifierMethod
{
    NaiveBayes,
    Logistic,
}

/// <summary>How the classifier is trained and reads replies; written into the model file.</summary>
/// <param name="Alpha">Additive smoothing of the feature counts (naive Bayes).</param>
/// <param name="CjkGrams">The longest run of Chinese characters read as one feature (2 or 3).</param>
/// <param name="MinDocuments">A feature counts only when at least this many training replies have it.</param>
/// <param name="Temperature">Scores are divided by this before the softmax: naive Bayes is overconfident.</param>
/// <param name="UniformPrior">Every status equally likely before the text is read (else the training shares; naive Bayes).</param>
/// <param name="Method">Naive Bayes (counted) or logistic regression (fitted by full-batch gradient descent).</param>
/// <param name="L2">The L2 penalty on the logistic weights (not the biases).</param>
/// <param name="Epochs">Full-batch AdaGrad steps of the logistic fit, from zero weights: deterministic.</param>
/// <param name="Extras">Features read besides n-grams and words (negation scopes, the rules' cue kinds; logistic only).</param>
/// <param name="Balanced">Each status weighs the same in the logistic fit, however many replies have it.</param>
internal sealed record ReplyClassifierOptions(
    double Alpha,
    int CjkGrams,
    int MinDocuments,
    double Temperature,
    bool UniformPrior,
    ReplyClassifierMethod Method = ReplyClassifierMethod.NaiveBayes,
    double L2 = 0,
    int Epochs = 0,
    ReplyFeatureExtras Extras = ReplyFeatureExtras.None,
    bool Balanced = false)
{
    /// <summary>The naive Bayes options chosen by cross-validation in round 3 (docs/evaluation/replies.md).</summary>
    public static ReplyClassifierOptions NaiveBayes { get; } = new(Alpha: 0.3, CjkGrams: 2, MinDocuments: 2, Temperature: 6, UniformPrior: false);

    /// <summary>
    /// The options the shipped model is trained with. Round 4 chose logistic regression by cross-validation (71.5% of held-out
    /// rows alone, naive Bayes 62.5%); round 5 added runs of three Chinese characters, the one richer feature set that gained
    /// in leave-one-batch-out with the rules (88.1% mean against 87.8%) without storing more wrong statuses
    /// (<c>followup train-replies --compare</c>, docs/evaluation/replies.md). Negation scopes, the rules' cue kinds and
    /// balanced class weights were measured and not chosen. Round 6 chose the L2 penalty and the other options by
    /// leave-one-batch-out over batches 1-9 (README): every feature seen in training counts (min-documents 1: 88.3% mean against
    /// 88.0%), L2 stays 0.001 (0.0003, 0.003, 0.01 were no better), English stems were measured and not chosen.
    /// </summary>
    public static ReplyClassifierOptions Chosen { get; } = new(Alpha: 0, CjkGrams: 3, MinDocuments: 1, Temperature: 1, UniformPrior: false, ReplyClassifierMethod.Logistic, L2: 0.001, Epochs: 300);

    public string Format(int trainedOn) => Method == ReplyClassifierMethod.Logistic
        ? string.Create(
            CultureInfo.InvariantCulture,
            $"!options\tmethod=logistic\tl2={L2:R}\tepochs={Epochs}\tcjk={CjkGrams}\tmin-documents={MinDocuments}\ttemperature={Temperature:R}{ExtrasField}{(Balanced ? "\tbalanced=true" : string.Empty)}\ttrained-on={trainedOn}")
        : string.Create(
            CultureInfo.InvariantCulture,
            $"!options\tmethod=naive-bayes\talpha={Alpha:R}\tcjk={CjkGrams}\tmin-documents={MinDocuments}\ttemperature={Temperature:R}\tprior={(UniformPrior ? "uniform" : "empirical")}\ttrained-on={trainedOn}");

    // Written only when set, so a model file of an earlier round reads as before.
    private string ExtrasField => Extras == ReplyFeatureExtras.None
        ? string.Empty
        : "\textras=" + string.Join('+', new[] { (ReplyFeatureExtras.Negation, "negation"), (ReplyFeatureExtras.Cues, "cues"), (ReplyFeatureExtras.Stems, "stems") }.Where(e => (Extras & e.Item1) != 0).Select(e => e.Item2));

    private static ReplyFeatureExtras ParseExtras(string? text)
    {
        var extras = ReplyFeatureExtras.None;
        foreach (var name in (text ?? string.Empty).Split('+', StringSplitOptions.RemoveEmptyEntries))
        {
            extras |= name switch
            {
                "negation" => ReplyFeatureExtras.Negation,
                "cues" => ReplyFeatureExtras.Cues,
                "stems" => ReplyFeatureExtras.Stems,
                _ => throw new FormatException($"extra feature '{name}' is not negation, cues or stems."),
            };
        }

        return extras;
    }

    public static ReplyClassifierOptions Parse(ReadOnlySpan<string> fields, out int trainedOn)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var eq = field.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"option '{field}' is not name=value.");
            }

            values[field[..eq]] = field[(eq + 1)..];
        }

        string Value(string name) => values.TryGetValue(name, out var v) ? v : throw new FormatException($"option '{name}' is missing.");
        trainedOn = int.Parse(Value("trained-on"), CultureInfo.InvariantCulture);
        var method = values.GetValueOrDefault("method", "naive-bayes");
        if (method == "logistic")
        {
            return new ReplyClassifierOptions(
                0,
                int.Parse(Value("cjk"), CultureInfo.InvariantCulture),
                int.Parse(Value("min-documents"), CultureInfo.InvariantCulture),
                double.Parse(Value("temperature"), CultureInfo.InvariantCulture),
                false,
                ReplyClassifierMethod.Logistic,
                double.Parse(Value("l2"), CultureInfo.InvariantCulture),
                int.Parse(Value("epochs"), CultureInfo.InvariantCulture),
                ParseExtras(values.GetValueOrDefault("extras")),
                values.GetValueOrDefault("balanced") == "true");
        }

        if (method != "naive-bayes")
        {
            throw new FormatException($"method '{method}' is not naive-bayes or logistic.");
        }

        return new ReplyClassifierOptions(
            double.Parse(Value("alpha"), CultureInfo.InvariantCulture),
            int.Parse(Value("cjk"), CultureInfo.InvariantCulture),
            int.Parse(Value("min-documents"), CultureInfo.InvariantCulture),
            double.Parse(Value("temperature"), CultureInfo.InvariantCulture),
            Value("prior") == "uniform");
    }
}
