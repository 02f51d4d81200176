namespace FollowUpBot.Directives.Evaluation;

/// <summary>One labelled text of a batch (a folder of tests/fixtures/eval/real).</summary>
internal sealed record LabelledText(string Batch, string Name, string Text, IReadOnlyList<LabelledDirective> Gold)
{
    /// <summary>Chinese when Latin letters are not three times the CJK characters, as the extractor reads a line.</summary>
    public bool Chinese
    {
        get
        {
            int cjk = 0, latin = 0;
            foreach (var c in Text)
            {
                cjk += c is >= '\u4E00' and <= '\u9FFF' ? 1 : 0;
                latin += char.IsAsciiLetter(c) ? 1 : 0;
            }

            return latin <= 3 * cjk;
        }
    }

    public string Language => Chinese ? "zh" : "en";
}

/// <summary>Counts and error kinds of one way of extracting.</summary>
internal sealed record LoboScore(EvalCounts Counts, ExtractionErrors Errors)
{
    public static LoboScore Zero { get; } = new(EvalCounts.Zero, ExtractionErrors.Zero);

    public static LoboScore operator +(LoboScore a, LoboScore b) => new(a.Counts + b.Counts, a.Errors + b.Errors);
}

/// <summary>
/// The scores of one batch in one language: the rules alone; the rules' candidates kept or dropped by a scorer trained
/// without the batch (<see cref="Filtered"/>); the rules plus loose candidates (<see cref="LooseCandidates"/>) a second
/// scorer, trained without the batch, accepts where the rules found nothing (<see cref="Added"/>).
/// </summary>
internal sealed record LoboRow(string Batch, string Language, int Texts, LoboScore Rules, LoboScore Filtered, LoboScore Added);

/// <summary>
/// Leave-one-batch-out for extraction: the rules' candidates of every text are labelled by the scorer (a candidate is a
/// directive when it matches a gold item); for each batch a <see cref="CandidateScorer"/> is trained on the candidates of
/// every other batch and judges the held-out batch's. The rules are the same in every fold, so the difference between the
/// two columns is what the learned part adds on text it was not trained on. Deterministic: same texts, same figures.
/// </summary>
internal static class LeaveOneBatchOut
{
    public static IReadOnlyList<LoboRow> Run(IReadOnlyList<LabelledText> texts, DateOnly meetingDate, CandidateScorerOptions options)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(options);
        var extractor = new DirectiveExtractor();
        var read = texts.Select(t => Read(extractor, t, meetingDate)).ToList();
        var rows = new List<LoboRow>();
        foreach (var batch in texts.Select(t => t.Batch).Distinct(StringComparer.Ordinal))
        {
            var others = read.Where(r => r.Text.Batch != batch).ToList();
            var filter = CandidateScorer.Train([.. others.SelectMany(r => r.Examples)], options);
            var adder = CandidateScorer.Train([.. others.SelectMany(r => r.LooseExamples)], options.ForAdditions);
            foreach (var language in (ReadOnlySpan<string>)["zh", "en"])
            {
                var held = read.Where(r => r.Text.Batch == batch && r.Text.Language == language).ToList();
                if (held.Count == 0)
                {
                    continue;
                }

                LoboScore rules = LoboScore.Zero, filtered = LoboScore.Zero, added = LoboScore.Zero;
                foreach (var r in held)
                {
                    rules += new LoboScore(r.Result.Counts, r.Result.Errors);
                    var kept = r.Candidates.Where(c => c.Directive.IsCandidate || filter.Keeps(r.Text.Text, c)).Select(c => c.Directive).ToList();
                    filtered += Score(r.Text, kept);
                    added += Score(r.Text, adder.WithAdditions(r.Text.Text, r.Candidates, r.Loose));
                }

                rows.Add(new LoboRow(batch, language, held.Count, rules, filtered, added));
            }
        }

        return rows;
    }

    /// <summary>
    /// The loose candidates of one batch where the rules found nothing, each with the probability a scorer trained on the
    /// other batches gives it and whether it matches a gold item: what an addition threshold would take.
    /// </summary>
    public static IEnumerable<(string Text, double Probability, bool Directive, DirectiveCandidate Candidate)> LooseOf(IReadOnlyList<LabelledText> texts, string batch, DateOnly meetingDate, CandidateScorerOptions options)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var extractor = new DirectiveExtractor();
        var read = texts.Select(t => Read(extractor, t, meetingDate)).ToList();
        var adder = CandidateScorer.Train([.. read.Where(r => r.Text.Batch != batch).SelectMany(r => r.LooseExamples)], options.ForAdditions);
        foreach (var r in read.Where(r => r.Text.Batch == batch))
        {
            for (var i = 0; i < r.Loose.Count; i++)
            {
                var d = r.Loose[i].Directive;
                if (!r.Candidates.Any(c => c.Directive.Start < d.Start + d.Length && d.Start < c.Directive.Start + c.Directive.Length))
                {
                    yield return (r.Text.Name, adder.Probability(r.LooseExamples[i].Features), r.LooseExamples[i].Directive, r.Loose[i]);
                }
            }
        }
    }

    private static LoboScore Score(LabelledText text, List<Directive> predicted)
    {
        var result = DirectiveScorer.Score(text.Text, text.Gold, predicted);
        return new LoboScore(result.Counts, result.Errors);
    }

    private static Reading Read(DirectiveExtractor extractor, LabelledText text, DateOnly meetingDate)
    {
        var candidates = extractor.Candidates(text.Text, meetingDate);
        var result = DirectiveScorer.Score(text.Text, text.Gold, [.. candidates.Select(c => c.Directive)]);
        var examples = new List<CandidateExample>();
        for (var i = 0; i < candidates.Count; i++)
        {
            if (!candidates[i].Directive.IsCandidate)
            {
                examples.Add(new CandidateExample(CandidateFeatures.Of(text.Text, candidates[i]), result.Matched[i]));
            }
        }

        var loose = LooseCandidates.Find(text.Text);
        var looseMatched = DirectiveScorer.Score(text.Text, text.Gold, [.. loose.Select(c => c.Directive)]).Matched;
        var looseExamples = new List<CandidateExample>(loose.Count);
        for (var i = 0; i < loose.Count; i++)
        {
            looseExamples.Add(new CandidateExample(CandidateFeatures.Of(text.Text, loose[i]), looseMatched[i]));
        }

        return new Reading(text, candidates, result, examples, loose, looseExamples);
    }

    /// <summary>What the shipped additions scorer learns from: every loose candidate of the texts, labelled by the scorer.</summary>
    public static List<CandidateExample> AdditionExamples(IEnumerable<LabelledText> texts, DateOnly meetingDate)
    {
        var extractor = new DirectiveExtractor();
        return [.. texts.SelectMany(t => Read(extractor, t, meetingDate).LooseExamples)];
    }

    private sealed record Reading(LabelledText Text, IReadOnlyList<DirectiveCandidate> Candidates, EvalResult Result, List<CandidateExample> Examples, List<DirectiveCandidate> Loose, List<CandidateExample> LooseExamples);
}
