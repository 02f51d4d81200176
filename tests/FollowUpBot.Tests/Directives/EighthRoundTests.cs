using FollowUpBot.Cli;
using FollowUpBot.Directives;
using FollowUpBot.Directives.Evaluation;
using FollowUpBot.Writing;
using static FollowUpBot.Tests.Directives.PhrasingExtraction;

namespace FollowUpBot.Tests.Directives;

/// <summary>
/// Round eight: the two known defects (a weekday with its date, a field line right under a full-width item line), the
/// leave-one-batch-out harness and the learned candidate scorer. Examples written for the tests.
/// </summary>
public sealed class EighthRoundTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("followup-lobo-").FullName;

    [Theory]
    [InlineData("Doug to send the draft until Tuesday Jun 9th.", "until Tuesday Jun 9th", "2026-06-09")]
    [InlineData("Doug to send the draft until Tuesday  Jun 9th at 11:59 PM.", "until Tuesday  Jun 9th", "2026-06-09")]
    [InlineData("Doug to send the draft until Tue Jun 9th.", "until Tue Jun 9th", "2026-06-09")]
    [InlineData("Ann to review the budget by Tuesday 9th.", "by Tuesday 9th", "2026-06-09")]
    [InlineData("Ann to review the budget by Friday, 12 June.", "by Friday, 12 June", "2026-06-12")]
    public void AWeekdayWithItsDateMeansThatDate(string sentence, string text, string due)
    {
        // Monday 1 June 2026: "the coming Tuesday" would be 2 June.
        var deadline = Assert.Single(new DirectiveExtractor().Extract(sentence, new DateOnly(2026, 6, 1))).Deadline;

        Assert.NotNull(deadline);
        Assert.Equal(text, deadline.Text);
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), deadline.Due);
    }

    [Fact]
    public void AWeekdayAloneIsStillTheComingOne()
    {
        var deadline = Assert.Single(new DirectiveExtractor().Extract("Ann to review the budget by Tuesday.", new DateOnly(2026, 6, 1))).Deadline;

        Assert.Equal(new DateOnly(2026, 6, 2), deadline?.Due);
    }

    [Fact]
    public void AFieldLineRightUnderAFullWidthItemLineIsNotJoinedToIt()
    {
        // Every item line runs to the text's width and its field lines follow with no blank line: the item keeps both its
        // lead and its support.
        const string text =
            "1.完成城区雨污分流改造一期工程建设任务。\n牵头单位：区住建局\n责任单位：区财政局，各街道\n" +
            "2.新增城镇就业岗位三千个以上并稳定就业。\n牵头单位：区人社局\n责任单位：区工信局\n" +
            "3.推进老旧小区改造项目全部开工建设任务。\n牵头单位：区住建局\n";

        var directives = Assigned(text);

        Assert.Equal(3, directives.Count);
        Assert.Equal(["区住建局"], directives[0].Lead);
        Assert.Equal(["区财政局", "各街道"], directives[0].Support);
        Assert.Equal(["区工信局"], directives[1].Support);
        Assert.EndsWith("责任单位：区财政局，各街道", directives[0].Quote, StringComparison.Ordinal);
    }

    [Fact]
    public void ABracketedNoteWrappedOntoTheNextLineIsStillJoined()
    {
        // A wrapped sentence whose note starts the next line: the note is part of the item, as before.
        const string text =
            "各街道要在六月底前完成辖区内燃气管道隐患排查。\n（责任单位：区住建局，各街道）市财政局要及时拨付资金。\n" +
            "各社区要在七月底前完成老旧小区加装电梯摸底。\n";

        var read = HardWraps.Unwrap(text, out _);

        Assert.DoesNotContain("。\n（责任单位", read, StringComparison.Ordinal);
    }

    [Fact]
    public void TraditionalOpinionsReadAsSimplified()
    {
        // 意見 (an opinion, as in 會議原則同意X關于…的意見) was missing from the traditional map.
        Assert.Equal("会议原则同意县财政局关于预算调整的意见", ChineseScript.ToSimplified("會議原則同意縣財政局關于預算調整的意見"));
    }

    [Fact]
    public void TheLooseReadingOffersEveryPartyBeforeAnObligationCue()
    {
        const string text =
            "12. Park inspection- clerk to get quotes for a park safety inspection.\n" +
            "   ***ACTION*** [Kurt] to direct the LF Creative to update the whitepapers\n" +
            "Footpaths- church footpath blocked to be chased up by clerk.\n" +
            "Trustees asked district staff to ensure handbooks list names.\n" +
            "Good to test with a variety of versions.\n" +
            "各牵头单位要认真结合工作实际。县水利局负责人汇报了工作。\n";

        var found = LooseCandidates.Find(text);

        Assert.Contains(found, c => c.Directive.Lead.SequenceEqual(["clerk"]) && c.Directive.Quote.StartsWith("clerk to get quotes", StringComparison.Ordinal));
        Assert.Contains(found, c => c.Directive.Lead.SequenceEqual(["Kurt"]) && c.Rule == "loose.en.opening.to");
        Assert.Contains(found, c => c.Directive.Lead.SequenceEqual(["clerk"]) && c.Rule == "loose.en.passive");
        Assert.Contains(found, c => c.Directive.Lead.SequenceEqual(["district staff"]) && c.Rule == "loose.en.asked");
        Assert.Contains(found, c => c.Directive.Lead.SequenceEqual(["各牵头单位"]) && c.Rule == "loose.zh.opening.要");

        // A lone common word is no party, and 负责人 (the one in charge) is no obligation.
        Assert.DoesNotContain(found, c => c.Directive.Lead.Contains("Good"));
        Assert.DoesNotContain(found, c => c.Directive.Quote.Contains("汇报", StringComparison.Ordinal));
        Assert.All(found, c => Assert.Equal(text.Substring(c.Directive.Start, c.Directive.Length), c.Directive.Quote));
    }

    [Fact]
    public void AnAdditionIsALooseCandidateTheScorerAcceptsWhereTheRulesFoundNothing()
    {
        const string text = "Notes\n- [Maria] to send the revised budget to the board\n- Clerk to order the bench.\n";
        var reading = new DirectiveExtractor().Read(text, MeetingDate);
        var examples = reading.Loose.Select(c => new CandidateExample(c.Features, c.Candidate.Directive.Lead.Contains("Maria"))).ToList();
        var scorer = CandidateScorer.Train(examples, CandidateScorerOptions.Chosen.ForAdditions);

        var all = scorer.WithAdditions(reading.Rules, reading.Loose);

        // The rules' "Clerk to …" stays once (the loose reading of the same line is not added again); Maria's line is added.
        Assert.Equal([["Maria"], ["Clerk"]], all.Select(d => d.Lead));
        Assert.All(all, d => Assert.Equal(text.Substring(d.Start, d.Length), d.Quote));
    }

    [Fact]
    public void TheCandidateScorerTrainsTheSameWeightsTwiceAndReadsBackWhatItWrote()
    {
        var examples = new List<CandidateExample>();
        for (var i = 0; i < 40; i++)
        {
            examples.Add(new CandidateExample(["lang=en", "en.cue=to", i % 3 == 0 ? "w=clerk" : "w=staff"], Directive: true));
            examples.Add(new CandidateExample(["lang=en", "en.cue=will", i % 2 == 0 ? "w=meet" : "w=consider"], Directive: false));
        }

        var first = CandidateScorer.Train(examples, CandidateScorerOptions.Chosen);
        var second = CandidateScorer.Train(examples, CandidateScorerOptions.Chosen);

        Assert.Equal(Written(first), Written(second));
        Assert.True(first.Probability(["lang=en", "en.cue=to", "w=clerk"]) > 0.9);
        Assert.True(first.Probability(["lang=en", "en.cue=will", "w=meet"]) < 0.1);

        var read = CandidateScorer.Read(new StringReader(Written(first)));
        Assert.Equal(Written(first), Written(read));
        Assert.Equal(80, read.TrainedOn);
        Assert.Throws<FormatException>(() => CandidateScorer.Read(new StringReader("not a model\n")));
    }

    [Fact]
    public void LeaveOneBatchOutScoresEachBatchWithAScorerTrainedOnTheOthers()
    {
        var texts = TinyBatches();

        var rows = LeaveOneBatchOut.Run(texts, MeetingDate, CandidateScorerOptions.Chosen);

        // One row per batch and language present, the rules' column as the scorer gives it for the same texts.
        Assert.Equal(["a/zh", "a/en", "b/en"], rows.Select(r => r.Batch + "/" + r.Language));
        var a = rows[1];
        Assert.Equal(2, a.Rules.Counts.Gold);
        Assert.Equal(2, a.Rules.Counts.Predicted);
        Assert.Equal(1, a.Rules.Counts.Matched);
        Assert.Equal(1, a.Rules.Errors.NotDirective);
        Assert.Equal(1, a.Rules.Errors.MissedSentence);

        // The scorers judge only candidates: every column scores the same gold items.
        Assert.All(rows, r => Assert.Equal(r.Rules.Counts.Gold, r.Added.Counts.Gold));
        Assert.All(rows, r => Assert.True(r.Filtered.Counts.Predicted <= r.Rules.Counts.Predicted));
        Assert.All(rows, r => Assert.True(r.Added.Counts.Predicted >= r.Rules.Counts.Predicted));

        // Deterministic: the same texts give the same figures.
        Assert.Equal(rows, LeaveOneBatchOut.Run(texts, MeetingDate, CandidateScorerOptions.Chosen));
    }

    [Fact]
    public async Task EvalLoboReadsAFolderOfBatchesAndPrintsBothColumnsPerLanguage()
    {
        foreach (var text in TinyBatches())
        {
            var folder = Directory.CreateDirectory(Path.Combine(_folder, text.Batch)).FullName;
            await File.WriteAllTextAsync(Path.Combine(folder, text.Name + ".txt"), text.Text);
            await File.WriteAllTextAsync(Path.Combine(folder, text.Name + ".labels.json"), System.Text.Json.JsonSerializer.Serialize(
                text.Gold.Select(g => new { lead = g.Lead, support = g.Support, task = g.Task, deadline = g.Deadline, quote = g.Quote })));
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(["eval-lobo", _folder], output, error, CancellationToken.None);

        Assert.True(code == 0, error.ToString());
        Assert.Contains("| a | en | 1 | 2 | 2 | 1 | 0.50 | 0.50 | 0.50 |", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("| **all** | zh |", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("| **all** | en |", output.ToString(), StringComparison.Ordinal);

        // One batch is not enough to leave one out.
        using var lone = new StringWriter();
        Assert.Equal(2, await CliApp.RunAsync(["eval-lobo", Path.Combine(_folder, "a")], lone, lone, CancellationToken.None));
    }

    private static List<LabelledText> TinyBatches() =>
    [
        new("a", "a1", "Actions:\n- Clerk to order the new bench.\n- Bob will send the minutes.\n\nMary offered to help with the fete.\n",
            [Label("Clerk", "Clerk to order the new bench"), Label("Mary", "Mary offered to help with the fete")]),
        new("a", "a2", "市财政局要在月底前拨付资金。\n", [Label("市财政局", "市财政局要在月底前拨付资金")]),
        new("b", "b1", "Next steps:\n- Maria to draft the survey.\n", [Label("Maria", "Maria to draft the survey")]),
    ];

    private static LabelledDirective Label(string lead, string quote) => new([lead], [], null, null, quote);

    private static string Written(CandidateScorer scorer)
    {
        using var writer = new StringWriter();
        scorer.Write(writer);
        return writer.ToString();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
