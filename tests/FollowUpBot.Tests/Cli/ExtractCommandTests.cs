using System.Text;
using System.Text.Json;
using FollowUpBot.Cli;
using Microsoft.Extensions.Time.Testing;

namespace FollowUpBot.Tests.Cli;

public sealed class ExtractCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("followup-cli-").FullName;

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task JsonOutputFollowsTheContract()
    {
        var path = Path.Combine(_folder, "minutes.txt");
        await File.WriteAllTextAsync(path, "会议要求，由市住建局牵头，市财政局配合，于2026年4月30日前制定方案。宣传部门要每月10日前报送进度。要加强督查。");

        var (code, output, _) = await Run("extract", path, "--meeting-date", "2026-03-05", "--format", "json", "--directory", Testing.RepoPaths.Fixture("departments/directory.json"));

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        foreach (var item in items)
        {
            Assert.Equal(JsonValueKind.String, item.GetProperty("id").ValueKind);
            Assert.Equal(JsonValueKind.String, item.GetProperty("section").ValueKind);
            Assert.Equal(JsonValueKind.Array, item.GetProperty("lead").ValueKind);
            Assert.Equal(JsonValueKind.Array, item.GetProperty("support").ValueKind);
            Assert.Equal(JsonValueKind.Array, item.GetProperty("departments").ValueKind);
            Assert.Equal(JsonValueKind.String, item.GetProperty("task").ValueKind);
            Assert.Equal(JsonValueKind.String, item.GetProperty("quote").ValueKind);
            Assert.Equal(JsonValueKind.Number, item.GetProperty("start").ValueKind);
            Assert.Equal(JsonValueKind.Number, item.GetProperty("length").ValueKind);
        }

        var first = items[0];
        Assert.Equal("市住建局", first.GetProperty("lead")[0].GetString());
        Assert.Equal("市财政局", first.GetProperty("support")[0].GetString());
        var deadline = first.GetProperty("deadline");
        Assert.Equal("2026年4月30日前", deadline.GetProperty("text").GetString());
        Assert.Equal("absolute", deadline.GetProperty("kind").GetString());
        Assert.Equal("2026-04-30", deadline.GetProperty("due").GetString());
        Assert.Equal(JsonValueKind.Null, deadline.GetProperty("recurrence").ValueKind);

        var second = items[1];
        Assert.Equal("市委宣传部", second.GetProperty("departments")[0].GetString());
        Assert.Equal("recurring", second.GetProperty("deadline").GetProperty("kind").GetString());
        Assert.Equal("FREQ=MONTHLY;BYMONTHDAY=10", second.GetProperty("deadline").GetProperty("recurrence").GetString());

        var candidate = items[2];
        Assert.Equal(0, candidate.GetProperty("lead").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, candidate.GetProperty("deadline").ValueKind);
    }

    [Fact]
    public async Task OffsetsPointIntoTheTextAfterTheBomIsRemoved()
    {
        var path = Path.Combine(_folder, "bom.txt");
        const string Text = "市财政局要在5个工作日内拨付资金。";
        await File.WriteAllBytesAsync(path, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Text)]);

        var (_, output, _) = await Run("extract", path, "--format", "json", "--meeting-date", "2026-03-02");

        var item = JsonDocument.Parse(output).RootElement[0];
        Assert.Equal(0, item.GetProperty("start").GetInt32());
        Assert.Equal(Text[..^1], Text.Substring(item.GetProperty("start").GetInt32(), item.GetProperty("length").GetInt32()));
    }

    [Fact]
    public async Task WithoutAMeetingDateTodayInTheMeetingTimeZoneIsUsed()
    {
        var path = Path.Combine(_folder, "relative.txt");
        await File.WriteAllTextAsync(path, "市政府办公室要一周内分解任务。");

        // 23:30 UTC on 1 March is already 2 March in Shanghai.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.Zero));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await new ExtractCommand(time).RunAsync([path, "--format", "json", "--time-zone", "Asia/Shanghai"], output, error, CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Equal("2026-03-09", JsonDocument.Parse(output.ToString()).RootElement[0].GetProperty("deadline").GetProperty("due").GetString());
    }

    [Fact]
    public async Task BadInputIsAClearErrorWithExitCodeTwo()
    {
        var path = Path.Combine(_folder, "empty.txt");
        await File.WriteAllBytesAsync(path, []);

        var (code, _, error) = await Run("extract", path);

        Assert.Equal(2, code);
        Assert.Contains("empty", error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TableAndMarkdownFormatsListEveryDirective()
    {
        var seed = Testing.RepoPaths.Fixture("eval/000_9a5ecf22ee3b018f.txt");

        var (tableCode, table, _) = await Run("extract", seed, "--meeting-date", "2026-03-02");
        var (markdownCode, markdown, _) = await Run("extract", seed, "--meeting-date", "2026-03-02", "--format", "markdown");

        Assert.Equal(0, tableCode);
        Assert.Equal(0, markdownCode);
        Assert.Contains("由市委宣传部牵头制定会议精神宣传实施方案", table, StringComparison.Ordinal);
        Assert.StartsWith("| # | section | lead |", markdown, StringComparison.Ordinal);
        Assert.Contains("| 市委宣传部 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownFormatIsAUsageError()
    {
        var (code, _, error) = await Run("extract", Testing.RepoPaths.Fixture("eval/000_9a5ecf22ee3b018f.txt"), "--format", "xml");

        Assert.Equal(2, code);
        Assert.Contains("usage:", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
