using System.Globalization;

namespace FollowUpBot.Directives;

/// <summary>One candidate for training: its features (<see cref="CandidateFeatures"/>) and whether it matched a gold directive.</summary>
internal sealed record CandidateExample(IReadOnlyList<string> Features, bool Directive);

/// <summary>How the candidate scorer is trained and where it draws the line.</summary>
internal sealed record CandidateScorerOptions(double L2, int Epochs, double Threshold, double AddThreshold)
{
    /// <summary>
    /// The options chosen by <c>followup eval-lobo</c> (docs/evaluation/extraction.md, rounds 8–9): an addition needs a probability
    /// of 0.5 (0.6 gave the same English F1 over all folders, 0.4 and 0.7 less).
    /// </summary>
    public static CandidateScorerOptions Chosen { get; } = new(L2: 0.01, Epochs: 400, Threshold: 0.5, AddThreshold: 0.5);

    /// <summary>The options an additions scorer is trained with: its threshold is the addition threshold.</summary>
    public CandidateScorerOptions ForAdditions => this with { Threshold = AddThreshold };
}

/// <summary>
/// A logistic-regression judge of the rules' candidates: the probability that a candidate is a directive with the right
/// owner, from its features. Trained by <c>followup train-directives</c> (full-batch gradient descent, features in order of
/// first appearance, so training twice gives identical weights). Immutable and thread-safe.
/// </summary>
internal sealed class CandidateScorer
{
    public const string ResourceName = "FollowUpBot.Directives.directive-additions.tsv";

    private static readonly Lazy<CandidateScorer> Embedded = new(() =>
    {
        using var stream = typeof(CandidateScorer).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Read(reader);
    });

    private readonly Dictionary<string, double> _weights;

    public CandidateScorer(IReadOnlyList<string> names, IReadOnlyList<double> weights, double bias, CandidateScorerOptions options, int trainedOn)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(weights);
        if (names.Count != weights.Count)
        {
            throw new ArgumentException("a weight per feature is needed.", nameof(weights));
        }

        Names = names;
        Weights = weights;
        _weights = new Dictionary<string, double>(names.Count, StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            _weights[names[i]] = weights[i];
        }

        Bias = bias;
        Options = options;
        TrainedOn = trainedOn;
    }

    /// <summary>
    /// The shipped scorer of loose candidates (<see cref="LooseCandidates"/>), trained by <c>followup train-directives</c> on
    /// every labelled real text and embedded as <c>directive-additions.tsv</c>; loaded once.
    /// </summary>
    public static CandidateScorer Additions => Embedded.Value;

    public IReadOnlyList<string> Names { get; }

    public IReadOnlyList<double> Weights { get; }

    public double Bias { get; }

    public CandidateScorerOptions Options { get; }

    /// <summary>How many candidates it was trained on.</summary>
    public int TrainedOn { get; }

    public double Probability(IReadOnlyList<string> features)
    {
        var score = Bias;
        foreach (var feature in features)
        {
            score += _weights.GetValueOrDefault(feature);
        }

        return 1 / (1 + Math.Exp(-score));
    }

    public bool Keeps(string text, DirectiveCandidate candidate) => Probability(CandidateFeatures.Of(text, candidate)) >= Options.Threshold;

    /// <summary>
    /// The rules' directives and, where none of them lies, each loose candidate the scorer accepts (the first of any that
    /// overlap), in text order.
    /// </summary>
    public List<Directive> WithAdditions(IReadOnlyList<DirectiveCandidate> rules, IReadOnlyList<LooseCandidate> loose)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(loose);
        var result = rules.Select(c => c.Directive).ToList();
        var taken = new IntervalIndex(result.Select(d => (d.Start, d.Start + d.Length)));

        // In text order, an addition overlaps an earlier one exactly when it starts before the furthest end added so far.
        var addedEnd = int.MinValue;
        var added = false;
        foreach (var candidate in loose.OrderBy(c => c.Candidate.Directive.Start))
        {
            var d = candidate.Candidate.Directive;
            if (d.Start < addedEnd || taken.Overlaps(d.Start, d.Start + d.Length) || Probability(candidate.Features) < Options.Threshold)
            {
                continue;
            }

            addedEnd = Math.Max(addedEnd, d.Start + d.Length);
            result.Add(d);
            added = true;
        }

        return added ? [.. result.OrderBy(d => d.Start)] : result;
    }

    public static CandidateScorer Train(IReadOnlyList<CandidateExample> examples, CandidateScorerOptions options)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var rows = new int[examples.Count][];
        for (var e = 0; e < examples.Count; e++)
        {
            var row = new List<int>(examples[e].Features.Count);
            foreach (var feature in examples[e].Features)
            {
                if (!index.TryGetValue(feature, out var i))
                {
                    i = names.Count;
                    index[feature] = i;
                    names.Add(feature);
                }

                if (!row.Contains(i))
                {
                    row.Add(i);
                }
            }

            rows[e] = [.. row];
        }

        var weights = new double[names.Count];
        var gradient = new double[names.Count];
        var bias = 0.0;
        var n = Math.Max(1, examples.Count);
        const double Rate = 1.0;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            Array.Clear(gradient);
            var biasGradient = 0.0;
            for (var e = 0; e < examples.Count; e++)
            {
                var score = bias;
                foreach (var i in rows[e])
                {
                    score += weights[i];
                }

                var error = (1 / (1 + Math.Exp(-score))) - (examples[e].Directive ? 1 : 0);
                biasGradient += error;
                foreach (var i in rows[e])
                {
                    gradient[i] += error;
                }
            }

            bias -= Rate * biasGradient / n;
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] -= Rate * ((gradient[i] / n) + (options.L2 * weights[i]));
            }
        }

        return new CandidateScorer(names, weights, bias, options, examples.Count);
    }

    /// <summary>The model as tab-separated text: an options line, the bias, then one feature and weight a line.</summary>
    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"#candidate-scorer\tl2={Options.L2:R}\tepochs={Options.Epochs}\tthreshold={Options.Threshold:R}\ttrained={TrainedOn}\n"));
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"(bias)\t{Bias:R}\n"));
        for (var i = 0; i < Names.Count; i++)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{Names[i]}\t{Weights[i]:R}\n"));
        }
    }

    public static CandidateScorer Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine();
        if (header is null || !header.StartsWith("#candidate-scorer\t", StringComparison.Ordinal))
        {
            throw new FormatException("not a candidate scorer: its first line must start with #candidate-scorer.");
        }

        var options = header.Split('\t')[1..].Select(part => part.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : string.Empty, StringComparer.Ordinal);
        double Number(string key) => options.TryGetValue(key, out var value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"the candidate scorer's header lacks {key}.");

        var parsed = new CandidateScorerOptions(Number("l2"), (int)Number("epochs"), Number("threshold"), Number("threshold"));
        var names = new List<string>();
        var weights = new List<double>();
        double? bias = null;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var tab = line.LastIndexOf('\t');
            if (tab <= 0 || !double.TryParse(line.AsSpan(tab + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
            {
                throw new FormatException($"not a feature and a weight: {line}");
            }

            if (line[..tab] == "(bias)")
            {
                bias = weight;
                continue;
            }

            names.Add(line[..tab]);
            weights.Add(weight);
        }

        return new CandidateScorer(names, weights, bias ?? throw new FormatException("the candidate scorer has no (bias) line."), parsed, (int)Number("trained"));
    }
}
