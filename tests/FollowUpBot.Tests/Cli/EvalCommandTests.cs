using FollowUpBot.Cli;

namespace FollowUpBot.Tests.Cli;

public sealed class EvalCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("followup-eval-").FullName;

    private static async Task<(int Code, string Output)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error, CancellationToken.None);
        return (code, output + error.ToString());
    }

    [Fact]
    public async Task TheSeedScoresAtLeastPointNine()
    {
        var (code, output) = await Run(
            "eval",
            "--text", Testing.RepoPaths.Fixture("eval/000_9a5ecf22ee3b018f.txt"),
            "--labels", Testing.RepoPaths.Fixture("eval/000_9a5ecf22ee3b018f.labels.json"),
            "--min-f1", "0.9");

        Assert.True(code == 0, output);
        Assert.Contains("| 000_9a5ecf22ee3b018f |", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryLabelledTextTogetherScoresAtLeastPointEightFive()
    {
        var (code, output) = await Run("eval", Testing.RepoPaths.Fixture("eval"), "--min-f1", "0.85");

        Assert.True(code == 0, output);
        Assert.Contains("**overall**", output, StringComparison.Ordinal);
        Assert.True(Directory.GetFiles(Testing.RepoPaths.Fixture("eval"), "*.labels.json").Length >= 5);
    }

    [Fact]
    public async Task AScoreBelowTheThresholdExitsWithOne()
    {
        var text = Path.Combine(_folder, "x.txt");
        var labels = Path.Combine(_folder, "x.labels.json");
        await File.WriteAllTextAsync(text, "市财政局要拨付资金。会议听取了汇报。");

        // The second label is not a directive the extractor can find, so F1 is 2/3.
        await File.WriteAllTextAsync(labels, """
            [{"lead": ["市财政局"], "support": [], "task": "拨付资金", "deadline": null, "quote": "市财政局要拨付资金"},
             {"lead": ["会议"], "support": [], "task": "听取了汇报", "deadline": null, "quote": "会议听取了汇报"}]
            """);

        var (code, output) = await Run("eval", _folder, "--min-f1", "0.9");

        Assert.Equal(1, code);
        Assert.Contains("| x | 2 | 1 | 1 | 1.00 | 0.50 | 0.67 |", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFolderWithoutPairsIsAUsageError()
    {
        var (code, _) = await Run("eval", _folder);

        Assert.Equal(2, code);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
