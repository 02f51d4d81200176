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

internal sealed record EvalResult(EvalCounts Counts, IReadOnlyList<EvalMiss> Misses)
{
    /// <summary>For each prediction, in the order given, whether it matched a gold item (unassigned candidates never do).</summary>
    public IReadOnlyList<bool> Matched { get; init; } = [];

    /// <summary>What kind each miss is (docs/evaluation/extraction.md, round 8).</summary>
    public ExtractionErrors Errors { get; init; } = ExtractionErrors.Zero;
}

/// <summary>
/// The kinds of error behind a score. Extra (false positive): <see cref="NotDirective"/> covers no gold quote at all;
/// <see cref="WrongOwner"/> covers half of one but names no gold lead; <see cref="WrongSpan"/> touches one but covers less
/// than half; <see cref="Duplicate"/> covers an item already matched by another. Missed (false negative):
/// <see cref="MissedSentence"/> has no assigned prediction touching it, <see cref="FoundWrongOwner"/> is covered by a
/// prediction with another lead, <see cref="MissedSpan"/> is only touched. <see cref="LeadMismatch"/>: matched with a lead
/// set that differs.
/// </summary>
internal sealed record ExtractionErrors(int NotDirective, int WrongOwner, int WrongSpan, int Duplicate, int MissedSentence, int FoundWrongOwner, int MissedSpan, int LeadMismatch)
{
    public static ExtractionErrors Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    public static ExtractionErrors operator +(ExtractionErrors a, ExtractionErrors b) => new(
        a.NotDirective + b.NotDirective,
        a.WrongOwner + b.WrongOwner,
        a.WrongSpan + b.WrongSpan,
        a.Duplicate + b.Duplicate,
        a.MissedSentence + b.MissedSentence,
        a.FoundWrongOwner + b.FoundWrongOwner,
        a.MissedSpan + b.MissedSpan,
        a.LeadMismatch + b.LeadMismatch);
}

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
        var matchedByPrediction = new bool[predicted.Count];
        for (int p = 0, s = 0; p < predicted.Count; p++)
        {
            if (!predicted[p].IsCandidate)
            {
                matchedByPrediction[p] = predictedUsed[s++];
            }
        }

        return new EvalResult(counts, misses)
        {
            Matched = matchedByPrediction,
            Errors = Kinds(goldSpans, scored, goldUsed, predictedUsed, gold, matched - leadCorrect),
        };
    }

    private static ExtractionErrors Kinds((int Start, int Length)[] goldSpans, List<Directive> scored, bool[] goldUsed, bool[] predictedUsed, IReadOnlyList<LabelledDirective> gold, int leadMismatch)
    {
        static int Overlap((int Start, int Length) g, Directive p) => Math.Min(g.Start + g.Length, p.Start + p.Length) - Math.Max(g.Start, p.Start);

        int notDirective = 0, wrongOwner = 0, wrongSpan = 0, duplicate = 0;
        for (var p = 0; p < scored.Count; p++)
        {
            if (predictedUsed[p])
            {
                continue;
            }

            var best = -1.0;
            var bestGold = -1;
            for (var g = 0; g < goldSpans.Length; g++)
            {
                if (goldSpans[g].Length > 0 && Overlap(goldSpans[g], scored[p]) is > 0 and var overlap && (double)overlap / goldSpans[g].Length > best)
                {
                    best = (double)overlap / goldSpans[g].Length;
                    bestGold = g;
                }
            }

            if (bestGold < 0)
            {
                notDirective++;
            }
            else if (best < 0.5)
            {
                wrongSpan++;
            }
            else if (goldUsed[bestGold] && scored[p].Lead.Any(l => gold[bestGold].Lead.Select(Owner).Contains(Owner(l))))
            {
                duplicate++;
            }
            else
            {
                wrongOwner++;
            }
        }

        int missed = 0, foundWrongOwner = 0, missedSpan = 0;
        for (var g = 0; g < goldSpans.Length; g++)
        {
            if (goldUsed[g])
            {
                continue;
            }

            var best = 0.0;
            foreach (var p in scored)
            {
                best = Math.Max(best, goldSpans[g].Length == 0 ? 0 : (double)Math.Max(0, Overlap(goldSpans[g], p)) / goldSpans[g].Length);
            }

            if (best >= 0.5)
            {
                foundWrongOwner++;
            }
            else if (best > 0)
            {
                missedSpan++;
            }
            else
            {
                missed++;
            }
        }

        return new ExtractionErrors(notDirective, wrongOwner, wrongSpan, duplicate, missed, foundWrongOwner, missedSpan, leadMismatch);
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
