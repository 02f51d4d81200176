using System.Globalization;

using FollowUpBot.Cli;
using FollowUpBot.Progress;
using FollowUpBot.Testing;

namespace FollowUpBot.Tests.Progress;

/// <summary>The reply parser's learned fallback (<see cref="ReplyClassifier"/>) and the model file it ships with.</summary>
public sealed class ReplyClassifierTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static List<ReplyExample> TrainingExamples() => ReplyClassifierTraining.Examples(
        ReplyClassifierTraining.TrainingSets.Select(name => ReplyLabels.Parse(File.ReadAllText(RepoPaths.Fixture(Path.Combine("replies", name))))));

    private static string EmbeddedModelText()
    {
        using var stream = typeof(ReplyClassifier).Assembly.GetManifestResourceStream(ReplyClassifier.ResourceName)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [Fact]
    public void TheShippedModelIsAFreshTrainingRunOnTheTunedSets()
    {
        var model = ReplyClassifierTraining.Train(TrainingExamples(), ReplyClassifierOptions.Chosen);

        // If this fails after a fixture or feature change: dotnet run --project src/FollowUpBot.Cli -- train-replies --out src/FollowUpBot.Core/Progress/reply-classifier.tsv
        Assert.Equal(EmbeddedModelText(), ReplyClassifierTraining.Write(model));
    }

    [Fact]
    public void TrainingTwiceWritesTheSameFile()
    {
        var examples = TrainingExamples();

        var first = ReplyClassifierTraining.Write(ReplyClassifierTraining.Train(examples, ReplyClassifierOptions.Chosen));
        var second = ReplyClassifierTraining.Write(ReplyClassifierTraining.Train([.. examples], ReplyClassifierOptions.Chosen));

        Assert.Equal(first, second);
    }

    [Fact]
    public void TheModelIsTrainedOnTheTunedBatchesOnly()
    {
        // Batches 1-16 are tuned on (batch 16 was held out until round 14); a new held-out batch is scored before it is ever added.
        Assert.Equal(
            ["replies.json", .. Enumerable.Range(1, 16).Select(n => n.ToString(CultureInfo.InvariantCulture))],
            ReplyClassifierTraining.TrainingSets.Select(name => name == "replies.json" ? name : name["public-batch-".Length..].Split('-', '.')[0]));
        Assert.Equal(TrainingExamples().Count, ReplyClassifier.Default.TrainedOn);
    }

    [Fact]
    public void AWrittenModelReadsBackAndClassifiesAlike()
    {
        var written = ReplyClassifierTraining.Write(ReplyClassifier.Default);
        using var reader = new StringReader(written);

        var read = ReplyClassifier.Read(reader);

        Assert.Equal(ReplyClassifier.Default.FeatureCount, read.FeatureCount);
        Assert.Equal(ReplyClassifier.Default.Probabilities("围墙已砌筑过半，正在抹灰"), read.Probabilities("围墙已砌筑过半，正在抹灰"));
    }

    [Theory]
    [InlineData("尚未开工", "notStarted")]
    [InlineData("正在施工，进展顺利", "inProgress")]
    [InlineData("因资金不到位，工程暂停，无法推进", "blocked")]
    [InlineData("已全部完成，申请办结", "completionRequested")]
    [InlineData("申请延期至明年3月底完成", "extension")]
    [InlineData("we have not started on this yet", "notStarted")]
    [InlineData("work is in progress", "inProgress")]
    [InlineData("blocked, still waiting on the permit approval", "blocked")]
    [InlineData("this is done and fixed, please close it", "completionRequested")]
    [InlineData("we need to push the deadline back by two weeks", "extension")]
    public void AClearReplyOfEachStatusIsReadAsThatStatus(string text, string expected)
    {
        Span<double> probabilities = stackalloc double[ReplyClassifier.Classes];

        var prediction = ReplyClassifier.Default.Predict(ReplyText.Fold(text), probabilities);

        Assert.Equal(expected, prediction.Status.ToContractName());
        Assert.NotEmpty(prediction.Deciding);
    }

    [Theory]
    [InlineData("已完成")]
    [InlineData("blocked: waiting for the budget")]
    [InlineData("围墙已砌筑过半，正在抹灰 😀 #3 100% 2026-12-01")]
    [InlineData("")]
    public void TheProbabilitiesOfTheFiveStatusesSumToOne(string text)
    {
        var probabilities = ReplyClassifier.Default.Probabilities(text);

        Assert.Equal(ReplyClassifier.Classes, probabilities.Length);
        Assert.Equal(1.0, probabilities.Sum(), 9);
        Assert.All(probabilities, p => Assert.InRange(p, 0, 1));
    }

    [Theory]
    [InlineData("xyzzy plugh frobnicate")]
    [InlineData("ok")]
    [InlineData("谢谢")]
    public void TextTheModelDoesNotKnowGetsNoLearnedStatus(string text)
    {
        Span<double> probabilities = stackalloc double[ReplyClassifier.Classes];
        var prediction = ReplyClassifier.Default.Predict(ReplyText.Fold(text), probabilities);
        var parsed = ReplyParser.Parse(text, new ReplyContext(Today, [1], DefaultItem: 1));

        Assert.True(prediction.Evidence < ReplyLearnedPolicy.Chosen.MinEvidence, $"{prediction.Evidence} known features");
        Assert.Null(parsed.Status);
        Assert.Equal(0, parsed.Confidence);
    }

    [Theory]
    // Round 12 reads 材料陆续进场 as progress by rule, so the Chinese example says the same without that cue.
    [InlineData("工作人员这两天在现场忙活，材料一批批运到")]
    [InlineData("The crew has been out there most days this week; materials keep arriving")]
    public void WhereTheRulesFindNoStatusTheLearnedReadingIsAskedAbout(string text)
    {
        var rulesOnly = ReplyParser.Parse(text, new ReplyContext(Today, [1], DefaultItem: 1), null, ReplyLearnedPolicy.Chosen);
        var parsed = ReplyParser.Parse(text, new ReplyContext(Today, [1], DefaultItem: 1));

        Assert.Null(rulesOnly.Status);
        Assert.NotNull(parsed.Status);
        Assert.InRange(parsed.Confidence, 0.01, ReplyParser.ConfirmBelow - 0.01);
        Assert.NotEmpty(parsed.Cues);
        Assert.Contains(parsed.Evidence, e => e.Meaning.StartsWith("learned reading", StringComparison.Ordinal));
        Assert.True(ReplyDecision.IsUnsure(parsed), "a learned status is always confirmed with the picker");
    }

    [Fact]
    public void ASureRulesStatusTheModelAgreesWithKeepsItsConfidence()
    {
        var context = new ReplyContext(Today, [1, 2], DefaultItem: null);

        var parsed = ReplyParser.Parse("2 已完成", context);
        var rulesOnly = ReplyParser.Parse("2 已完成", context, null, ReplyLearnedPolicy.Chosen);

        Assert.Equal(ReplyStatus.CompletionRequested, parsed.Status);
        Assert.Equal(rulesOnly.Confidence, parsed.Confidence);
    }

    [Fact]
    public void TheMeetingOfRulesAndModelFollowsThePolicy()
    {
        double[] probabilities = [0.02, 0.9, 0.04, 0.02, 0.02];
        var sure = new ReplyPrediction(ReplyStatus.InProgress, 0.9, 10, ["正在"]);
        var policy = ReplyLearnedPolicy.Chosen;

        Assert.Equal((ReplyStatus.InProgress, policy.Cap, true), ReplyParser.Combine(null, 0, sure, probabilities, policy));
        Assert.Equal((ReplyStatus.CompletionRequested, ReplyParser.DoubtedConfidence, false), ReplyParser.Combine(ReplyStatus.CompletionRequested, 0.9, sure, probabilities, policy));
        Assert.Equal((ReplyStatus.InProgress, 0.85, false), ReplyParser.Combine(ReplyStatus.InProgress, 0.85, sure, probabilities, policy));
        double[] blockedPossible = [0.02, 0.82, 0.12, 0.02, 0.02];
        Assert.Equal((ReplyStatus.Blocked, 0.9, false), ReplyParser.Combine(ReplyStatus.Blocked, 0.9, sure, blockedPossible, policy));
        Assert.Equal((ReplyStatus.Blocked, 0.9, false), ReplyParser.Combine(ReplyStatus.Blocked, 0.9, sure with { Evidence = 1 }, probabilities, policy));
        Assert.Equal((ReplyStatus.Blocked, 0.55, false), ReplyParser.Combine(ReplyStatus.Blocked, 0.55, sure, probabilities, policy));

        // Round 7: a classifier at least 0.95 sure replaces an unsure rules status, which stays unsure (the picker's guess).
        double[] verySure = [0.01, 0.96, 0.01, 0.01, 0.01];
        Assert.Equal((ReplyStatus.InProgress, policy.Cap, true), ReplyParser.Combine(ReplyStatus.Blocked, 0.55, sure with { Probability = 0.96 }, verySure, policy));
        Assert.Equal((ReplyStatus.Blocked, ReplyParser.DoubtedConfidence, false), ReplyParser.Combine(ReplyStatus.Blocked, 0.9, sure, probabilities, policy));
    }

    [Fact]
    public void ACompletionOrANotStartedIsDoubtedSoonerThanOtherStatuses()
    {
        // The classifier gives the rules' status 0.3: a completion request (doubt below 0.4) and a "not started"
        // (below 0.2) are asked about; in progress, blocked and an extension (below 0.1) are stored.
        var policy = ReplyLearnedPolicy.Chosen;
        foreach (var (rules, asked) in new[]
        {
            (ReplyStatus.CompletionRequested, true),
            (ReplyStatus.InProgress, false),
            (ReplyStatus.Blocked, false),
            (ReplyStatus.Extension, false),
        })
        {
            var probabilities = new double[ReplyClassifier.Classes];
            var other = rules == ReplyStatus.NotStarted ? ReplyStatus.InProgress : ReplyStatus.NotStarted;
            probabilities[(int)rules] = 0.3;
            probabilities[(int)other] = 0.7;
            var prediction = new ReplyPrediction(other, 0.7, 10, ["x"]);

            var (status, confidence, learned) = ReplyParser.Combine(rules, 0.9, prediction, probabilities, policy);

            Assert.Equal(rules, status);
            Assert.False(learned);
            Assert.Equal(asked ? ReplyParser.DoubtedConfidence : 0.9, confidence);
        }

        double[] notStarted = [0.15, 0.85, 0, 0, 0];
        Assert.Equal(ReplyParser.DoubtedConfidence, ReplyParser.Combine(ReplyStatus.NotStarted, 0.85, new ReplyPrediction(ReplyStatus.InProgress, 0.85, 10, ["x"]), notStarted, policy).Confidence);
        double[] notStartedPossible = [0.25, 0.75, 0, 0, 0];
        Assert.Equal(0.85, ReplyParser.Combine(ReplyStatus.NotStarted, 0.85, new ReplyPrediction(ReplyStatus.InProgress, 0.75, 10, ["x"]), notStartedPossible, policy).Confidence);
    }

    [Fact]
    public void TheShippedModelIsALogisticRegression()
    {
        Assert.Equal(ReplyClassifierMethod.Logistic, ReplyClassifier.Default.Options.Method);
        Assert.StartsWith("#\tThe reply parser's learned fallback: multinomial logistic regression", EmbeddedModelText(), StringComparison.Ordinal);
        Assert.Contains("!options\tmethod=logistic\tl2=0.001\tepochs=300\tcjk=3\t", EmbeddedModelText(), StringComparison.Ordinal);
    }

    [Fact]
    public void ALogisticFitLearnsWordsThatSeparateTheStatuses()
    {
        List<ReplyExample> examples =
        [
            new("路面已铺好，完工", ReplyStatus.CompletionRequested),
            new("全部完工，可以验收", ReplyStatus.CompletionRequested),
            new("还在铺路面，施工中", ReplyStatus.InProgress),
            new("正在施工，路面铺了一半", ReplyStatus.InProgress),
            new("the road is paved and finished", ReplyStatus.CompletionRequested),
            new("paving still under way", ReplyStatus.InProgress),
        ];
        var options = ReplyClassifierOptions.Chosen with { MinDocuments = 1 };

        var model = ReplyClassifierTraining.Train(examples, options);

        Assert.Equal(ReplyStatus.CompletionRequested, model.Predict(ReplyText.Fold("完工"), new double[ReplyClassifier.Classes]).Status);
        Assert.Equal(ReplyStatus.InProgress, model.Predict(ReplyText.Fold("施工中"), new double[ReplyClassifier.Classes]).Status);
        Assert.Equal(ReplyStatus.InProgress, model.Predict(ReplyText.Fold("still under way"), new double[ReplyClassifier.Classes]).Status);
        Assert.Equal(ReplyClassifierTraining.Write(model), ReplyClassifierTraining.Write(ReplyClassifierTraining.Train(examples, options)));
    }

    [Fact]
    public void ANaiveBayesModelFileWithoutAMethodStillReads()
    {
        using var reader = new StringReader("!options\talpha=0.3\tcjk=2\tmin-documents=2\ttemperature=6\tprior=empirical\ttrained-on=3\n!prior\t-1\t-1\t-1\t-1\t-1\n完工\t-3\t-3\t-3\t-1\t-3\n");

        var model = ReplyClassifier.Read(reader);

        Assert.Equal(ReplyClassifierMethod.NaiveBayes, model.Options.Method);
        Assert.Equal(ReplyStatus.CompletionRequested, model.Predict(ReplyText.Fold("完工"), new double[ReplyClassifier.Classes]).Status);
    }

    [Fact]
    public void ClassifyingAReplyAllocatesOnlyTheNamesOfTheDecidingFeatures()
    {
        var folded = ReplyText.Fold("截至11月底，道路主体已完工80%，附属工程正在施工，预计下月底全部完工。The contractor is on site and work is progressing well.");
        var probabilities = new double[ReplyClassifier.Classes];
        ReplyClassifier.Default.Predict(folded, probabilities);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            ReplyClassifier.Default.Predict(folded, probabilities);
        }

        var perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / 100;
        Assert.True(perCall < 512, $"{perCall.ToString(CultureInfo.InvariantCulture)} bytes per classification");
    }

    [Fact]
    public void AMalformedModelFileIsRefusedWithAClearError()
    {
        using var missing = new StringReader("#\tnothing here\n");
        using var shortLine = new StringReader("!options\talpha=0.3\tcjk=2\tmin-documents=2\ttemperature=6\tprior=empirical\ttrained-on=1\n!prior\t-1\t-1\n");

        Assert.Contains("options, prior and feature lines", Assert.Throws<FormatException>(() => ReplyClassifier.Read(missing)).Message, StringComparison.Ordinal);
        Assert.Contains("5 numbers expected", Assert.Throws<FormatException>(() => ReplyClassifier.Read(shortLine)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTrainCommandWritesTheShippedModel()
    {
        var path = Path.Combine(Path.GetTempPath(), $"reply-classifier-{Guid.NewGuid():N}.tsv");
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();

            var code = await CliApp.RunAsync(["train-replies", "--out", path, "--fixtures", RepoPaths.Fixture("replies")], output, error, CancellationToken.None);

            Assert.Equal(0, code);
            Assert.Equal(EmbeddedModelText(), await File.ReadAllTextAsync(path));
            Assert.Contains("features from", output.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task TheTrainCommandNeedsAnOutputOrCrossValidation()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await CliApp.RunAsync(["train-replies"], output, error, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains("--out FILE", error.ToString(), StringComparison.Ordinal);
    }

    private static List<string> Features(string text, ReplyFeatureExtras extras, int cjkGrams = 2)
    {
        var folded = ReplyText.Fold(text);
        var sink = new ListSink();
        ReplyFeatures.Each(folded, cjkGrams, extras, ReplyCues.Find(folded), ref sink);
        return sink.Features;
    }

    [Fact]
    public void ANegationMarksTheWordsOfItsClauseInBothLanguages()
    {
        var english = Features("No repair work has started, crews are busy", ReplyFeatureExtras.Negation);
        var chinese = Features("该路段尚未开工，材料已进场", ReplyFeatureExtras.Negation);

        Assert.Contains("~repair", english);
        Assert.Contains("~started", english);
        Assert.DoesNotContain("~crews", english);
        Assert.Contains("~开工", chinese);
        Assert.DoesNotContain("~材料", chinese);
        Assert.DoesNotContain(Features("No repair work has started", ReplyFeatureExtras.None), f => f.StartsWith('~'));
    }

    [Fact]
    public void StemsJoinTheFormsOfAnEnglishWordAndLeaveChineseAlone()
    {
        var pushed = Features("The release was pushed back", ReplyFeatureExtras.Stems);
        var pushing = Features("we are pushing back the release", ReplyFeatureExtras.Stems);
        var chinese = Features("该路段尚未开工", ReplyFeatureExtras.Stems);

        Assert.Contains("=push", pushed);
        Assert.Contains("=push back", pushed);
        Assert.Contains("=push", pushing);
        Assert.Contains("=push back", pushing);
        Assert.Contains("=releas", pushed);
        Assert.DoesNotContain("=back", pushed); // a word that is its own stem adds nothing alone
        Assert.DoesNotContain(chinese, f => f.StartsWith('='));
        Assert.DoesNotContain(Features("The release was pushed back", ReplyFeatureExtras.None), f => f.StartsWith('='));
    }

    [Theory]
    [InlineData("closed", "clos")]
    [InlineData("closing", "clos")]
    [InlineData("close", "clos")]
    [InlineData("stopped", "stop")]
    [InlineData("delays", "delay")]
    [InlineData("delayed", "delay")]
    [InlineData("replies", "reply")]
    [InlineData("completion", "complet")]
    [InlineData("postponements", "postpon")]
    [InlineData("is", "is")]
    [InlineData("was", "was")]
    public void AStemCutsTheCommonEndings(string word, string stem)
    {
        Span<char> into = stackalloc char[32];

        var length = ReplyFeatures.Stem(word, into);

        Assert.Equal(stem, into[..length].ToString());
    }

    [Fact]
    public void TheRulesCueKindsAreFeaturesOnlyWhenAsked()
    {
        Assert.Contains("<cue:notstarted>", Features("该路段尚未开工", ReplyFeatureExtras.Cues));
        Assert.Contains("<cue:blocked>", Features("we are blocked on the permit", ReplyFeatureExtras.Cues));
        Assert.DoesNotContain(Features("该路段尚未开工", ReplyFeatureExtras.None), f => f.StartsWith("<cue:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    [InlineData(5, false)]
    public void TheFeatureOptionsAreWrittenIntoTheModelFileAndReadBack(int extrasFlags, bool balanced)
    {
        var extras = (ReplyFeatureExtras)extrasFlags;
        var options = ReplyClassifierOptions.Chosen with { Extras = extras, Balanced = balanced };

        var line = options.Format(7);
        var read = ReplyClassifierOptions.Parse(line.Split('\t').AsSpan(1), out var trainedOn);

        Assert.Equal(options, read);
        Assert.Equal(7, trainedOn);
        Assert.Equal(extras != ReplyFeatureExtras.None, line.Contains("\textras=", StringComparison.Ordinal));
        Assert.Contains("extra feature 'shout' is not", Assert.Throws<FormatException>(() => ReplyClassifierOptions.Parse(["method=logistic", "l2=0.001", "epochs=1", "cjk=2", "min-documents=1", "temperature=1", "extras=shout", "trained-on=1"], out _)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABalancedFitGivesARareStatusMoreWeight()
    {
        List<ReplyExample> examples =
        [
            .. Enumerable.Range(0, 9).Select(i => new ReplyExample($"正在施工 第{i}段", ReplyStatus.InProgress)),
            new("正在等待批复", ReplyStatus.Blocked),
        ];
        var plain = ReplyClassifierOptions.Chosen with { MinDocuments = 1, Extras = ReplyFeatureExtras.None };
        var folded = ReplyText.Fold("正在等待");

        var unbalanced = ReplyClassifierTraining.Train(examples, plain).Probabilities(folded);
        var balanced = ReplyClassifierTraining.Train(examples, plain with { Balanced = true }).Probabilities(folded);

        Assert.True(balanced[(int)ReplyStatus.Blocked] > unbalanced[(int)ReplyStatus.Blocked], $"{balanced[(int)ReplyStatus.Blocked]} vs {unbalanced[(int)ReplyStatus.Blocked]}");
        Assert.Equal(ReplyClassifierTraining.Write(ReplyClassifierTraining.Train(examples, plain with { Balanced = true })), ReplyClassifierTraining.Write(ReplyClassifierTraining.Train([.. examples], plain with { Balanced = true })));
    }

    private static readonly IReadOnlyList<LabelledReplyRow> OwnSet = LabelledSet(("已完成", "completionRequested"), ("正在施工", "inProgress"), ("尚未开工", "notStarted"), ("blocked on the permit", "blocked"));
    private static readonly IReadOnlyList<LabelledReplyRow> FirstBatch = LabelledSet(("路面已铺好，完工了", "completionRequested"), ("施工中，进展顺利", "inProgress"));
    private static readonly IReadOnlyList<LabelledReplyRow> SecondBatch = LabelledSet(("材料已进场，正在施工", "inProgress"), ("全部完工，申请办结", "completionRequested"));

    /// <summary>A labelled set in the fixtures' format, one item open, from (text, status) pairs.</summary>
    private static IReadOnlyList<LabelledReplyRow> LabelledSet(params (string Text, string Status)[] rows) => ReplyLabels.Parse(
        "{\"today\": \"2026-11-26\", \"replies\": ["
        + string.Join(", ", rows.Select(r => $"{{\"text\": \"{r.Text}\", \"defaultItem\": 1, \"item\": 1, \"status\": \"{r.Status}\"}}"))
        + "]}");

    [Fact]
    public void TheComparisonScoresEachLeftOutBatchWithTheRulesFixed()
    {
        var report = FollowUpBot.Cli.Progress.ReplyModelComparison.Run(["replies.json", "public-batch-1.json", "public-batch-2.json"], [OwnSet, FirstBatch, SecondBatch], 2);

        // replies.json is only trained on; each public batch is left out once and gets its own figure in every line.
        Assert.Contains("comparison: 8 rows; 2-fold CV", report, StringComparison.Ordinal);
        Assert.Contains("leave-one-batch-out over 2 public batches", report, StringComparison.Ordinal);
        Assert.Matches(@"rules alone: CV [\d.]+ ?%; per batch b1 [\d.]+ ?%, b2 [\d.]+ ?%\n", report);
        Assert.Equal(
            FollowUpBot.Cli.Progress.ReplyModelComparison.Candidates.Count * FollowUpBot.Cli.Progress.ReplyModelComparison.Policies.Count,
            report.Split('\n').Count(line => line.Contains("LOBO mean", StringComparison.Ordinal) && line.Contains("b1 ", StringComparison.Ordinal) && line.Contains("b2 ", StringComparison.Ordinal)));
    }

    [Fact]
    public void TheLearningCurveTrainsOnTheBatchesBeforeEachOneAndScoresIt()
    {
        var third = LabelledSet(("still blocked on the permit", "blocked"), ("正在施工，进展顺利", "inProgress"), ("已完工", "completionRequested"));
        var options = ReplyClassifierOptions.Chosen with { Epochs = 50 };

        var report = FollowUpBot.Cli.Progress.ReplyModelComparison.Curve(
            ["replies.json", "public-batch-1.json", "public-batch-2.json", "public-batch-3.json"], [OwnSet, FirstBatch, SecondBatch, third], options, ReplyLearnedPolicy.Chosen, from: 1);

        // Step k trains on replies.json and batches 1..k (4 + 2 rows, then 4 + 2 + 2) and scores batch k+1.
        Assert.Matches(@"replies\+b1\.\.b1 -> b2: 2 \| [\d.]+ ?% \| [\d.]+ ?% \| [\d.]+ ?% \([\d.]+ ?%, \d+\) \| 6, \d+\n", report);
        Assert.Matches(@"replies\+b1\.\.b2 -> b3: 3 \| [\d.]+ ?% \| [\d.]+ ?% \| [\d.]+ ?% \([\d.]+ ?%, \d+\) \| 8, \d+\n", report);

        // Then every growing set on the last batch, from replies.json alone (4 rows) to all but it (8 rows).
        Assert.Matches(@"replies -> b3: [\d.]+ ?% \| [\d.]+ ?% \([\d.]+ ?%, \d+\) \| 4, \d+\n", report);
        Assert.Matches(@"replies\+b1\.\.b2 -> b3: [\d.]+ ?% \| [\d.]+ ?% \([\d.]+ ?%, \d+\) \| 8, \d+\n", report);
        Assert.Matches(@"leave-one-batch-out over 3 batches: rules \+ classifier mean [\d.]+ ?% \(confident wrong \d+\), classifier alone mean [\d.]+ ?%: b1 [\d.]+ ?% \([\d.]+ ?%\), b2 [\d.]+ ?% \([\d.]+ ?%\), b3 ", report);
    }

    private struct ListSink() : IReplyFeatureSink
    {
        public List<string> Features { get; } = [];

        public readonly void Add(scoped ReadOnlySpan<char> feature) => Features.Add(feature.ToString());
    }
}
