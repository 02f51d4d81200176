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

/// <summary>The scores of one batch in one language: the rules alone, and the rules with a scorer trained without the batch.</summary>
internal sealed record LoboRow(string Batch, string Language, int Texts, EvalCounts Rules, ExtractionErrors RulesErrors, EvalCounts Learned, ExtractionErrors LearnedErrors);

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
        var extractor = new DirectiveExtractor();
        var read = texts.Select(t => Read(extractor, t, meetingDate)).ToList();
        var rows = new List<LoboRow>();
        foreach (var batch in texts.Select(t => t.Batch).Distinct(StringComparer.Ordinal))
        {
            var training = read.Where(r => r.Text.Batch != batch).SelectMany(r => r.Examples).ToList();
            var scorer = CandidateScorer.Train(training, options);
            foreach (var language in (ReadOnlySpan<string>)["zh", "en"])
            {
                var held = read.Where(r => r.Text.Batch == batch && r.Text.Language == language).ToList();
                if (held.Count == 0)
                {
                    continue;
                }

                EvalCounts rules = EvalCounts.Zero, learned = EvalCounts.Zero;
                ExtractionErrors rulesErrors = ExtractionErrors.Zero, learnedErrors = ExtractionErrors.Zero;
                foreach (var r in held)
                {
                    rules += r.Result.Counts;
                    rulesErrors += r.Result.Errors;
                    var kept = r.Candidates.Where(c => c.Directive.IsCandidate || scorer.Keeps(r.Text.Text, c)).Select(c => c.Directive).ToList();
                    var result = DirectiveScorer.Score(r.Text.Text, r.Text.Gold, kept);
                    learned += result.Counts;
                    learnedErrors += result.Errors;
                }

                rows.Add(new LoboRow(batch, language, held.Count, rules, rulesErrors, learned, learnedErrors));
            }
        }

        return rows;
    }

    /// <summary>The training examples of a set of texts: every assigned candidate of the rules, labelled by the scorer.</summary>
    public static List<CandidateExample> Examples(IEnumerable<LabelledText> texts, DateOnly meetingDate)
    {
        var extractor = new DirectiveExtractor();
        return [.. texts.SelectMany(t => Read(extractor, t, meetingDate).Examples)];
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

        return new Reading(text, candidates, result, examples);
    }

    private sealed record Reading(LabelledText Text, IReadOnlyList<DirectiveCandidate> Candidates, EvalResult Result, List<CandidateExample> Examples);
}
