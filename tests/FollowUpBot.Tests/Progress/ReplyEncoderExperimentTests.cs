using System.Globalization;
using System.Text;

using FollowUpBot.Cli.Progress;
using FollowUpBot.Progress;

namespace FollowUpBot.Tests.Progress;

/// <summary>
/// <c>followup train-replies --encoder FILE</c> (<see cref="ReplyEncoderExperiment"/>), which measured a sentence encoder's
/// embeddings as features in round 8: the embedding file it reads, its refusals, and a deterministic report.
/// </summary>
public sealed class ReplyEncoderExperimentTests
{
    private static readonly string[] Done = ["item 1 done", "all finished", "已完成", "已经办结", "the work is complete", "完工了"];
    private static readonly string[] Going = ["still working on it", "正在施工", "work is under way", "推进中", "making progress", "正在办理"];

    [Fact]
    public void AnEmbeddingLineIsBase64TextATabAndNumbers()
    {
        var line = $"{Convert.ToBase64String(Encoding.UTF8.GetBytes("已完成 done"))}\t0.5 -0.25 1E-05\n";

        var embeddings = ReplyEncoderExperiment.ReadEmbeddings(line);

        Assert.Equal([0.5f, -0.25f, 1e-5f], embeddings["已完成 done"]);
    }

    [Fact]
    public void AMalformedFileOrAMissingReplyIsAFormatError()
    {
        Assert.Throws<FormatException>(() => ReplyEncoderExperiment.ReadEmbeddings("no tab here\n"));
        var sets = Sets();
        var partial = Embeddings(sets);
        partial.Remove(Done[0]);

        var e = Assert.Throws<FormatException>(() => ReplyEncoderExperiment.Run(Names, sets, partial, ReplyClassifierOptions.Chosen, ReplyLearnedPolicy.Chosen));
        Assert.Contains("1 labelled replies have no embedding", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheReportIsTheSameEveryRunAndScoresEachLanguage()
    {
        var sets = Sets();
        var embeddings = Embeddings(sets);

        var first = ReplyEncoderExperiment.Run(Names, sets, embeddings, ReplyClassifierOptions.Chosen, ReplyLearnedPolicy.Chosen);
        var second = ReplyEncoderExperiment.Run(Names, sets, embeddings, ReplyClassifierOptions.Chosen, ReplyLearnedPolicy.Chosen);

        Assert.Equal(first, second);
        Assert.Contains("8 rows of 2 public batches (5 Chinese, 3 English)", first, StringComparison.Ordinal);
        Assert.Contains("joint [bag; embedding] | en |", first, StringComparison.Ordinal);
        Assert.Contains("joint [bag; embedding], English only | all |", first, StringComparison.Ordinal);
    }

    private static readonly string[] Names = ["replies.json", "public-batch-1.json", "public-batch-2.json"];

    // Three sets: replies.json (not scored) and two batches, each with done and in-progress replies in both languages.
    private static List<IReadOnlyList<LabelledReplyRow>> Sets() =>
    [
        Set(Done[..2], Going[..2]),
        Set(Done[2..4], Going[2..4]),
        Set(Done[4..], Going[4..]),
    ];

    private static IReadOnlyList<LabelledReplyRow> Set(string[] done, string[] going)
    {
        var rows = done.Select(t => (t, "completionRequested")).Concat(going.Select(t => (t, "inProgress")))
            .Select(r => string.Create(CultureInfo.InvariantCulture, $$"""{"text": "{{r.t}}", "item": 1, "status": "{{r.Item2}}"}"""));
        return ReplyLabels.Parse($$"""{"today": "2026-11-26", "openItems": [1], "replies": [{{string.Join(", ", rows)}}]}""");
    }

    // A made-up "encoder": done replies near one axis, in-progress ones near the other.
    private static Dictionary<string, float[]> Embeddings(List<IReadOnlyList<LabelledReplyRow>> sets) =>
        sets.SelectMany(s => s).ToDictionary(
            r => r.Text,
            r => r.Status == "completionRequested" ? new[] { 0.9f, 0.1f, r.Text.Length / 100f } : [0.1f, 0.9f, r.Text.Length / 100f],
            StringComparer.Ordinal);
}
