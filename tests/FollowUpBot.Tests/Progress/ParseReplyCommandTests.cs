using System.Text.Json;

using FollowUpBot.Cli;
using FollowUpBot.Cli.Progress;
using FollowUpBot.Progress;

using Microsoft.Extensions.Time.Testing;

namespace FollowUpBot.Tests.Progress;

public sealed class ParseReplyCommandTests
{
    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task JsonFormatPrintsTheContract()
    {
        var (code, output, _) = await Run("parse-reply", "2 已完成 已印发实施方案", "--format", "json", "--today", "2026-11-26");

        Assert.Equal(0, code);
        Assert.Equal(
            """{"item":2,"status":"completionRequested","percent":null,"newDue":null,"newDueText":null,"note":"已印发实施方案","itemText":"2","ambiguous":false,"undo":false,"confidence":0.8,"cues":["已完成"]}""" + Environment.NewLine,
            output);
    }

    [Fact]
    public async Task TheContractPropertiesComeFirstAndInOrder()
    {
        var (_, output, _) = await Run("parse-reply", "第3项 推进中 60% 已召开动员会", "--format", "json", "--today", "2026-11-26");

        using var json = JsonDocument.Parse(output);
        Assert.Equal(
            ["item", "status", "percent", "newDue", "newDueText", "note"],
            json.RootElement.EnumerateObject().Take(6).Select(p => p.Name));
        Assert.Equal(60, json.RootElement.GetProperty("percent").GetInt32());
    }

    [Fact]
    public async Task AnExtensionPrintsTheDateResolvedAndAsWritten()
    {
        var (_, output, _) = await Run("parse-reply", "特申请延期至10月20日", "--format=json", "--today=2026-11-26", "--default-item", "4");

        using var json = JsonDocument.Parse(output);
        Assert.Equal(4, json.RootElement.GetProperty("item").GetInt32());
        Assert.Equal("extension", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("2027-10-20", json.RootElement.GetProperty("newDue").GetString());
        Assert.Equal("10月20日", json.RootElement.GetProperty("newDueText").GetString());
    }

    [Fact]
    public async Task ItemsOutsideTheSendersListAreRefused()
    {
        var (_, output, _) = await Run("parse-reply", "3 done", "--format", "json", "--today", "2026-11-26", "--items", "1,2");

        using var json = JsonDocument.Parse(output);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("item").ValueKind);
        Assert.True(json.RootElement.GetProperty("ambiguous").GetBoolean());
    }

    [Fact]
    public async Task TheTableSaysWhichWordsDecided()
    {
        var (code, output, _) = await Run("parse-reply", "第3项 已完成主体工程的80%，正在进行装修", "--today", "2026-11-26");

        Assert.Equal(0, code);
        Assert.Contains("item:       3 (from \"第3项\")", output, StringComparison.Ordinal);
        Assert.Contains("status:     inProgress", output, StringComparison.Ordinal);
        Assert.Contains("percent:    80", output, StringComparison.Ordinal);
        Assert.Contains("\"正在\" → in progress", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutTodayTheDateIsTodayInTheMeetingsTimeZone()
    {
        // 20:00 UTC on the 26th is already the 27th in Shanghai, so 明天 is the 28th.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 20, 0, 0, TimeSpan.Zero));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await new ParseReplyCommand(clock).RunAsync(["3 申请延期至明天", "--format", "json"], output, error, CancellationToken.None);

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal("2026-11-28", json.RootElement.GetProperty("newDue").GetString());
    }

    [Theory]
    [InlineData("parse-reply")]
    [InlineData("parse-reply", "3 done", "--today", "26/11/2026")]
    [InlineData("parse-reply", "3 done", "--format", "xml")]
    [InlineData("parse-reply", "3 done", "--items", "1,x")]
    [InlineData("parse-reply", "3 done", "--colour", "red")]
    public async Task BadArgumentsAreUsageErrors(params string[] args)
    {
        var (code, _, error) = await Run(args);

        Assert.Equal(2, code);
        Assert.Contains("usage: followup parse-reply", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonAddsConfidenceAndTheDecidingCuesAfterTheContract()
    {
        var (_, output, _) = await Run("parse-reply", "3 道路已竣工，正在办理移交手续", "--format", "json", "--today", "2026-11-26");

        using var json = JsonDocument.Parse(output);
        Assert.Equal(
            ["item", "status", "percent", "newDue", "newDueText", "note", "itemText", "ambiguous", "undo", "confidence", "cues"],
            json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("completionRequested", json.RootElement.GetProperty("status").GetString());
        Assert.InRange(json.RootElement.GetProperty("confidence").GetDouble(), 0.7, 1.0);
        Assert.Equal(["已竣工"], json.RootElement.GetProperty("cues").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task LabelsScoreAPublicSetAndListTheMisses()
    {
        var path = FollowUpBot.Testing.RepoPaths.Fixture(Path.Combine("replies", "public-batch-1.json"));
        var (code, output, _) = await Run("parse-reply", "--labels", path, "--misses");

        Assert.Equal(0, code);
        Assert.StartsWith("public-batch-1.json: rows 139, status ", output, StringComparison.Ordinal);
        Assert.Contains("item 100.0", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RulesOnlyScoresASetWithoutTheLearnedFallback()
    {
        var path = FollowUpBot.Testing.RepoPaths.Fixture(Path.Combine("replies", "public-batch-5-heldout.json"));
        var (code, withModel, _) = await Run("parse-reply", "--labels", path);
        var (rulesCode, rulesOnly, _) = await Run("parse-reply", "--labels", path, "--rules-only");

        Assert.Equal(0, code);
        Assert.Equal(0, rulesCode);
        Assert.Contains("no status 0.0 %", withModel, StringComparison.Ordinal);
        Assert.DoesNotContain("no status 0.0 %", rulesOnly, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARowThatRunsOutOfRegexTimeIsScoredAsNoStatusAndSaidOnStderr()
    {
        // Under heavy load the parser's 1-s regex timeout can fire on an ordinary reply; the scorer reads that as the bot
        // does (it asks: no status, no item) instead of crashing. A parser that times out on one reply stands in for the load.
        var path = Path.Combine(Path.GetTempPath(), $"timeout-labels-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """
            {"today": "2026-11-26", "openItems": [1], "replies": [
              {"text": "已完成", "item": 1, "defaultItem": 1, "status": "completionRequested"},
              {"text": "slow reply", "item": 1, "defaultItem": 1, "status": "inProgress"},
              {"text": "正在施工", "item": 1, "defaultItem": 1, "status": "inProgress"}
            ]}
            """);
        try
        {
            var command = new ParseReplyCommand(TimeProvider.System, (text, context, learned) => text == "slow reply"
                ? throw new System.Text.RegularExpressions.RegexMatchTimeoutException(text, "pattern", TimeSpan.FromSeconds(1))
                : ReplyParser.Parse(text, context, learned, ReplyLearnedPolicy.Chosen));
            using var output = new StringWriter();
            using var error = new StringWriter();

            var code = await command.RunAsync(["--labels", path, "--misses"], output, error, CancellationToken.None);

            Assert.Equal(0, code);
            var printed = output.ToString();
            Assert.Contains("rows 3, status 66.7 % (2/3), no status 33.3 %, wrong status 0.0 %, item 66.7 %", printed, StringComparison.Ordinal);
            Assert.Contains("#2 inProgress -> - (item ?, confidence 0.00): slow reply", printed, StringComparison.Ordinal);
            Assert.Contains("row #2: the parser ran out of regex time", error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("row #1", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TheScorerCountsATimedOutRowAsAnAbstentionAndNamesIt()
    {
        var rows = ReplyLabels.Parse("""
            {"today": "2026-11-26", "replies": [
              {"text": "3 已完成", "item": 3, "status": "completionRequested"},
              {"text": "3 推进中", "item": 3, "status": "inProgress"}
            ]}
            """);
        var heard = new List<int>();

        var score = ReplyLabels.ScoreWith(
            rows,
            (text, context) => text.Contains("推进", StringComparison.Ordinal)
                ? throw new System.Text.RegularExpressions.RegexMatchTimeoutException(text, "pattern", TimeSpan.FromSeconds(1))
                : ReplyParser.Parse(text, context, null, ReplyLearnedPolicy.Chosen),
            timedOut: (row, _) => heard.Add(row.Row));

        Assert.Equal([2], heard);
        Assert.Equal((2, 1, 1, 0, 1), (score.Scored, score.StatusRight, score.NoStatus, score.WrongStatus, score.ItemRight));
    }

    [Fact]
    public async Task LabelsThatAreNotALabelledSetAreABadInput()
    {
        var path = Path.Combine(Path.GetTempPath(), $"not-labels-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{"replies": 3}""");
        try
        {
            var (code, _, error) = await Run("parse-reply", "--labels", path);

            Assert.Equal(2, code);
            Assert.Contains("not a labelled reply set", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
