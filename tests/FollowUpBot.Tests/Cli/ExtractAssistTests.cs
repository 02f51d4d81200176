using System.Text.Json;
using FollowUpBot.Cli;
using FollowUpBot.Testing;

namespace FollowUpBot.Tests.Cli;

/// <summary><c>followup extract --ai</c> against the loopback stand-in: the suggestions join the rules' directives, marked.</summary>
public sealed class ExtractAssistTests
{
    [Fact]
    public async Task WithAiTheJsonMarksTheSuggestedDirectivesAndTheKeyComesOnlyFromTheEnvironment()
    {
        await using var standIn = await OpenAiStandIn.StartAsync(ModelAnswer.Ok("extraction-good.json"));
        var environment = new Dictionary<string, string?> { ["FollowUp__AI__Model"] = "gpt-4o-mini", ["FollowUp__AI__Key"] = "sk-standin-cli-91f0" };
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await new ExtractCommand(TimeProvider.System, n => environment.GetValueOrDefault(n)).RunAsync(
            [RepoPaths.Fixture("ai/minutes.txt"), "--format", "json", "--meeting-date", "2026-09-01", "--directory", RepoPaths.Fixture("ai/departments.json"), "--ai", "--ai-endpoint", standIn.BaseUrl],
            output, error, CancellationToken.None);

        Assert.Equal(0, code);
        var rows = JsonDocument.Parse(output.ToString()).RootElement.EnumerateArray().ToList();
        Assert.Equal(4, rows.Count);
        var marked = rows.Where(r => r.GetProperty("origin").ValueKind == JsonValueKind.String).ToList();
        Assert.Equal(2, marked.Count);
        // Leads stay as the directives say them (aliases); "departments" has the directory's name.
        Assert.All(marked, r => Assert.Equal("市应急管理局", r.GetProperty("departments")[0].GetString()));
        Assert.Equal("Bearer sk-standin-cli-91f0", Assert.Single(standIn.Requests).Authorization);
        Assert.Contains("AI assist answered: kept 2", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("sk-standin", output + error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAiNothingIsAskedEvenWhenTheEnvironmentHasAnEndpoint()
    {
        await using var standIn = await OpenAiStandIn.StartAsync(ModelAnswer.Ok("extraction-good.json"));
        var environment = new Dictionary<string, string?> { ["FollowUp__AI__Endpoint"] = standIn.BaseUrl, ["FollowUp__AI__Model"] = "m", ["FollowUp__AI__Key"] = "k" };
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await new ExtractCommand(TimeProvider.System, n => environment.GetValueOrDefault(n)).RunAsync(
            [RepoPaths.Fixture("ai/minutes.txt"), "--format", "json", "--meeting-date", "2026-09-01", "--directory", RepoPaths.Fixture("ai/departments.json")],
            output, error, CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Equal(3, JsonDocument.Parse(output.ToString()).RootElement.GetArrayLength());
        Assert.Empty(standIn.Requests);
    }
}
