namespace FollowUpBot.Directives.Evaluation;

/// <summary>Counts behind one score; kept so scores over several files add up as totals, not as an average of ratios.</summary>
internal sealed record EvalCounts(
    int Gold,
    int Predicted,
    int Matched,
    int LeadCorrect,
    int SupportCorrect,
    int DeadlineCorrect,
    int Candidates)
{
    public static EvalCounts Zero { get; } = new(0, 0, 0, 0, 0, 0, 0);

    public double Precision => Predicted == 0 ? 0 : (double)Matched / Predicted;

    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public double LeadAccuracy => Matched == 0 ? 0 : (double)LeadCorrect / Matched;

    public double SupportAccuracy => Matched == 0 ? 0 : (double)SupportCorrect / Matched;

    public double DeadlineAccuracy => Matched == 0 ? 0 : (double)DeadlineCorrect / Matched;

    public static EvalCounts operator +(EvalCounts a, EvalCounts b) => new(
        a.Gold + b.Gold,
        a.Predicted + b.Predicted,
        a.Matched + b.Matched,
        a.LeadCorrect + b.LeadCorrect,
        a.SupportCorrect + b.SupportCorrect,
        a.DeadlineCorrect + b.DeadlineCorrect,
        a.Candidates + b.Candidates);
}

/// <summary>A gold item the extractor missed or a prediction with no gold match, for the eval report.</summary>
internal sealed record EvalMiss(string Kind, string Quote);

internal sealed record EvalResult(EvalCounts Counts, IReadOnlyList<EvalMiss> Misses);

/// <summary>
/// LABELLING.md "Scoring": a prediction matches a gold item when its span covers at least half of the gold quote and
/// one lead is equal after normalising width and whitespace (and a handle's leading @); each gold item is matched at most once.
/// Predictions without a lead are candidates: counted, not scored.
/// </summary>
internal static class DirectiveScorer
{
    public static EvalResult Score(string text, IReadOnlyList<LabelledDirective> gold, IReadOnlyList<Directive> predicted)
    {
        var goldSpans = LocateQuotes(text, gold);
        var scored = predicted.Where(p => !p.IsCandidate).ToList();
        var pairs = new List<(double Coverage, int Gold, int Predicted)>();
        for (var g = 0; g < gold.Count; g++)
        {
            var (start, length) = goldSpans[g];
            if (length == 0)
            {
                continue;
            }

            var goldLeads = gold[g].Lead.Select(Owner).ToHashSet(StringComparer.Ordinal);
            for (var p = 0; p < scored.Count; p++)
            {
                var overlap = Math.Min(start + length, scored[p].Start + scored[p].Length) - Math.Max(start, scored[p].Start);
                var coverage = (double)overlap / length;
                if (coverage >= 0.5 && scored[p].Lead.Any(l => goldLeads.Contains(Owner(l))))
                {
                    pairs.Add((coverage, g, p));
                }
            }
        }

        var goldUsed = new bool[gold.Count];
        var predictedUsed = new bool[scored.Count];
        int matched = 0, leadCorrect = 0, supportCorrect = 0, deadlineCorrect = 0;
        foreach (var (_, g, p) in pairs.OrderByDescending(x => x.Coverage).ThenBy(x => x.Gold).ThenBy(x => x.Predicted))
        {
            if (goldUsed[g] || predictedUsed[p])
            {
                continue;
            }

            goldUsed[g] = predictedUsed[p] = true;
            matched++;
            leadCorrect += SameSet(gold[g].Lead, scored[p].Lead) ? 1 : 0;
            supportCorrect += SameSet(gold[g].Support ?? [], scored[p].Support) ? 1 : 0;
            deadlineCorrect += TextNormalizer.Normalize(gold[g].Deadline) == TextNormalizer.Normalize(scored[p].Deadline?.Text) ? 1 : 0;
        }

        var misses = new List<EvalMiss>();
        misses.AddRange(gold.Where((_, g) => !goldUsed[g]).Select(x => new EvalMiss("missed", x.Quote)));
        misses.AddRange(scored.Where((_, p) => !predictedUsed[p]).Select(x => new EvalMiss("extra", $"[{string.Join("、", x.Lead)}] {x.Quote}")));
        var counts = new EvalCounts(gold.Count, scored.Count, matched, leadCorrect, supportCorrect, deadlineCorrect, predicted.Count - scored.Count);
        return new EvalResult(counts, misses);
    }

    /// <summary>Where each gold quote stands: the first occurrence at or after the previous one, since labels follow the text.</summary>
    private static (int Start, int Length)[] LocateQuotes(string text, IReadOnlyList<LabelledDirective> gold)
    {
        var result = new (int, int)[gold.Count];
        var from = 0;
        for (var g = 0; g < gold.Count; g++)
        {
            var quote = gold[g].Quote;
            var index = text.IndexOf(quote, from, StringComparison.Ordinal);
            if (index < 0)
            {
                index = text.IndexOf(quote, StringComparison.Ordinal);
            }

            if (index < 0)
            {
                throw new FormatException($"Label {g + 1}: its quote is not in the text: {quote}");
            }

            result[g] = (index, quote.Length);
            from = index;
        }

        return result;
    }

    private static bool SameSet(IEnumerable<string> a, IEnumerable<string> b) =>
        a.Select(Owner).ToHashSet(StringComparer.Ordinal).SetEquals(b.Select(Owner));

    /// <summary>An owner's name as compared: normalised, and a handle's leading @ dropped (labellers write it either way).</summary>
    private static string Owner(string name) => TextNormalizer.Normalize(name).TrimStart('@');
}
