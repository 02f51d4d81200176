using System.Globalization;
using System.Text;

using FollowUpBot.Progress;

namespace FollowUpBot.Cli.Progress;

/// <summary>
/// What the stacked combiner of the rules and the learned classifier reads of one reply: the rules' status and
/// confidence, the kinds of cue the rules found, and the classifier's probability for each status.
/// </summary>
internal readonly record struct ReplyVerdicts(ReplyStatus? Rules, double Confidence, IReadOnlyList<Cue> Cues, double[] Probabilities);

/// <summary>
/// A small multinomial logistic regression over <see cref="ReplyVerdicts"/> (stacking): trained on the classifier's
/// out-of-fold probabilities for the labelled public batches, so it learns how far each reading is to be trusted on
/// text the classifier did not see. Deterministic: zero start, full-batch gradient steps in a fixed order, weights
/// rounded to 4 decimals. Round 7 measured it by nested leave-one-batch-out (docs/evaluation/replies.md).
/// </summary>
internal sealed class ReplyDecisionCombiner
{
    /// <summary>The dense features of <see cref="Features"/>.</summary>
    public const int Width = 1 + 6 + 5 + 5 + 5 + 5 + 1 + CueKinds;

    private const int CueKinds = 11;
    private const int Classes = ReplyClassifier.Classes;

    private readonly double[] _weights;

    public ReplyDecisionCombiner(double[] weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length != Width * Classes)
        {
            throw new ArgumentException($"{Width * Classes} weights are needed.", nameof(weights));
        }

        _weights = weights;
    }

    public double Weight(int feature, int @class) => _weights[(feature * Classes) + @class];

    /// <summary>The features of one reply's verdicts into <paramref name="x"/> (length <see cref="Width"/>).</summary>
    public static void Features(in ReplyVerdicts verdicts, Span<double> x)
    {
        x.Clear();
        var p = verdicts.Probabilities;
        x[0] = 1;
        x[1 + (verdicts.Rules is { } r ? (int)r : 5)] = 1;
        if (verdicts.Rules is { } rules)
        {
            x[7 + (int)rules] = verdicts.Confidence;
            x[27] = p[(int)rules];
        }

        for (var c = 0; c < Classes; c++)
        {
            x[12 + c] = p[c];
            x[17 + c] = Math.Log(Math.Max(p[c], 1e-4)) / 10;
            x[22 + c] = verdicts.Rules is null ? p[c] : 0;
        }

        foreach (var cue in verdicts.Cues)
        {
            if (cue.Kind != CueKind.Neutral)
            {
                x[28 + (int)cue.Kind - 1] = 1;
            }
        }
    }

    /// <summary>The probability of each status for one reply's verdicts.</summary>
    public ReplyStatus Predict(in ReplyVerdicts verdicts, Span<double> probabilities)
    {
        Span<double> x = stackalloc double[Width];
        Features(verdicts, x);
        return Softmax(_weights, x, probabilities);
    }

    /// <summary>Trains on verdicts and their labels; the same input always gives the same weights.</summary>
    public static ReplyDecisionCombiner Train(IReadOnlyList<(ReplyVerdicts Verdicts, ReplyStatus Label)> examples, double l2 = 0.001, int epochs = 400, double rate = 0.5)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var n = examples.Count;
        var xs = new double[n * Width];
        for (var i = 0; i < n; i++)
        {
            Features(examples[i].Verdicts, xs.AsSpan(i * Width, Width));
        }

        var w = new double[Width * Classes];
        var gradient = new double[Width * Classes];
        var q = new double[Classes];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            Array.Clear(gradient);
            for (var i = 0; i < n; i++)
            {
                var x = xs.AsSpan(i * Width, Width);
                Softmax(w, x, q);
                q[(int)examples[i].Label] -= 1;
                for (var f = 0; f < Width; f++)
                {
                    if (x[f] == 0)
                    {
                        continue;
                    }

                    for (var c = 0; c < Classes; c++)
                    {
                        gradient[(f * Classes) + c] += x[f] * q[c];
                    }
                }
            }

            for (var k = 0; k < w.Length; k++)
            {
                var penalty = k < Classes ? 0 : l2 * w[k];
                w[k] -= rate * ((gradient[k] / Math.Max(1, n)) + penalty);
            }
        }

        for (var k = 0; k < w.Length; k++)
        {
            w[k] = Math.Round(w[k], 4);
        }

        return new ReplyDecisionCombiner(w);
    }

    /// <summary>The weights as lines of a model file: <c>!combine</c>, the feature index, then one weight per status.</summary>
    public void Write(StringBuilder text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var f = 0; f < Width; f++)
        {
            text.Append(CultureInfo.InvariantCulture, $"!combine\t{f}");
            for (var c = 0; c < Classes; c++)
            {
                text.Append('\t').Append(Weight(f, c).ToString("0.####", CultureInfo.InvariantCulture));
            }

            text.Append('\n');
        }
    }

    private static ReplyStatus Softmax(double[] w, ReadOnlySpan<double> x, Span<double> q)
    {
        for (var c = 0; c < Classes; c++)
        {
            var s = 0.0;
            for (var f = 0; f < Width; f++)
            {
                s += x[f] * w[(f * Classes) + c];
            }

            q[c] = s;
        }

        var best = 0;
        for (var c = 1; c < Classes; c++)
        {
            best = q[c] > q[best] ? c : best;
        }

        var top = q[best];
        var sum = 0.0;
        for (var c = 0; c < Classes; c++)
        {
            q[c] = Math.Exp(q[c] - top);
            sum += q[c];
        }

        for (var c = 0; c < Classes; c++)
        {
            q[c] /= sum;
        }

        return (ReplyStatus)best;
    }
}
