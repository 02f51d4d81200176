using FollowUpBot.Assist;
using FollowUpBot.Departments;
using FollowUpBot.Directives;
using FollowUpBot.Ledger;
using FollowUpBot.Meetings;
using FollowUpBot.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FollowUpBot.IntegrationTests.Assist;

/// <summary>
/// The extraction assist through the real OpenAI client and Microsoft.Extensions.AI, against a loopback stand-in serving
/// recorded chat completions: what is kept, what is dropped, and that every failure leaves the rules' draft.
/// </summary>
public sealed class ExtractionAssistTests
{
    private const string Key = "sk-standin-0d9f3c1b7a5e42c8";
    private static readonly DateOnly MeetingDate = new(2026, 9, 1);

    [Fact]
    public async Task AGoodAnswerGivesTheUnassignedItemADepartmentAndAddsTheAbstainedSentenceMarkedAi()
    {
        await using var standIn = await OpenAiStandIn.StartAsync(ModelAnswer.Ok("extraction-good.json"));
        var (text, directives, directory) = await MinutesAsync();
        var logs = new ListLoggerProvider();

        var result = await Assistant(standIn, TimeProvider.System, logs).SuggestAsync(text, Spans(directives), directory, MeetingDate);

        Assert.Equal(AssistOutcome.Answered, result.Outcome);
        Assert.Equal(2, result.Suggestions.Count);
        Assert.All(result.Suggestions, s => Assert.Equal("市应急管理局", s.Department));
        Assert.All(result.Suggestions, s => Assert.Equal(s.Quote, text.Substring(s.Start, s.Quote.Length)));
        Assert.Equal(new DateOnly(2026, 9, 30), result.Suggestions[0].Deadline?.Due);
        var request = Assert.Single(standIn.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer " + Key, request.Authorization);
        Assert.Contains("\"json_schema\"", request.Body, StringComparison.Ordinal);
        // Only what the rules abstained on is sent: the unassigned item and the sentence without an item, not the led ones.
        Assert.Contains("防汛物资的补充采购", Unescape(request.Body), StringComparison.Ordinal);
        Assert.Contains("完善应急物资储备清单", Unescape(request.Body), StringComparison.Ordinal);
        Assert.DoesNotContain("制定重点项目推进方案", Unescape(request.Body), StringComparison.Ordinal);

        var draft = MeetingDraft.Create("m1", "t", null, null, "Asia/Shanghai", MeetingDate, directives, new DepartmentMatcher(directory), DateTimeOffset.UnixEpoch);
        var (merged, applied) = AssistDraft.Apply(draft, result.Suggestions);
        Assert.Equal(2, applied);
        Assert.Equal(draft.Items.Count + 1, merged.Items.Count);
        Assert.Equal(draft.Items[0], merged.Items[0]);
        var assigned = merged.Items.Single(i => i.Id == "i2");
        Assert.Equal(["市应急管理局"], assigned.Lead);
        Assert.Equal(AssistDraft.Origin, assigned.Origin);
        var added = merged.Items[^1];
        Assert.Equal(AssistDraft.Origin, added.Origin);
        Assert.Equal("防汛物资的补充采购，这件事就交给应急局了，年底前办完", added.Source);
        Assert.Null(merged.Items.Single(i => i.Id == "i3").Origin);
    }

    [Fact]
    public async Task AHallucinatedQuoteAndAnUnknownDepartmentAreDroppedAndCountedInTheLog()
    {
        await using var standIn = await OpenAiStandIn.StartAsync(ModelAnswer.Ok("extraction-hallucinated.json"));
        var (text, directives, directory) = await MinutesAsync();
        var logs = new ListLoggerProvider();

        var result = await Assistant(standIn, TimeProvider.System, logs).SuggestAsync(text, Spans(directives), directory, MeetingDate);

        var kept = Assert.Single(result.Suggestions);
        Assert.StartsWith("防汛物资的补充采购", kept.Quote, StringComparison.Ordinal);
        Assert.Equal(1, result.DroppedQuotes);
        Assert.Equal(1, result.DroppedDepartments);
        Assert.Single(logs.Find("dropped 1 with a quote not in the text, 1 with an unknown department", LogLevel.Information));
    }

    [Fact]
    public async Task AMalformedAnswerIsIgnoredAndLogged()
    {
        await using var standIn = await OpenAiStandIn.StartAsync(ModelAnswer.Ok("extraction-malformed.json"));
        var (text, directives, directory) = await MinutesAsync();
        var logs = new ListLoggerProvider();

        var result = await Assistant(standIn, TimeProvider.System, logs).SuggestAsync(text, Spans(directives), directory, MeetingDate);

        Assert.Equal(AssistOutcome.Malformed, result.Outcome);
        Assert.Empty(result.Suggestions);
        Assert.Single(logs.Find("not the JSON asked for"));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    public async Task AnErrorStatusIsIgnoredAfterOneTry(int status)
    {
        await using var standIn = await OpenAiStandIn.StartAsync(ModelAnswer.Error(status), ModelAnswer.Ok("extraction-good.json"));
        var (text, directives, directory) = await MinutesAsync();
        var logs = new ListLoggerProvider();

        var result = await Assistant(standIn, TimeProvider.System, logs).SuggestAsync(text, Spans(directives), directory, MeetingDate);

        Assert.Equal(AssistOutcome.Failed, result.Outcome);
        Assert.Empty(result.Suggestions);
        Assert.Single(standIn.Requests);
        Assert.Single(logs.Find($"Failed (HTTP {status})", LogLevel.Information));
    }

    [Fact]
    public async Task ASlowAnswerIsAbandonedWhenTheBudgetRunsOut()
    {
        await using var standIn = await OpenAiStandIn.StartAsync(ModelAnswer.Slow("extraction-good.json"));
        var (text, directives, directory) = await MinutesAsync();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-09-01T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

        var asking = Assistant(standIn, time, new ListLoggerProvider()).SuggestAsync(text, Spans(directives), directory, MeetingDate);
        await standIn.Holding.Task.WaitAsync(TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(asking.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        var result = await asking.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(AssistOutcome.TimedOut, result.Outcome);
        Assert.Empty(result.Suggestions);
        await standIn.Abandoned.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task OffByDefaultNothingIsSent()
    {
        await using var standIn = await OpenAiStandIn.StartAsync(ModelAnswer.Ok("extraction-good.json"));
        var (text, directives, directory) = await MinutesAsync();
        var options = new AssistOptions();
        var caller = new AssistCaller(AssistChatClient.Create(options), options, TimeProvider.System, new ListLoggerProvider().For<AssistCaller>());

        var result = await new ExtractionAssistant(caller, WorkingCalendar.Default, new ListLoggerProvider().For<ExtractionAssistant>()).SuggestAsync(text, Spans(directives), directory, MeetingDate);

        Assert.False(options.Enabled);
        Assert.Null(AssistChatClient.Create(options));
        Assert.Equal(AssistOutcome.Off, result.Outcome);
        Assert.Empty(standIn.Requests);
    }

    [Fact]
    public async Task TheKeyIsNeverLoggedWhateverHappens()
    {
        await using var standIn = await OpenAiStandIn.StartAsync(
            ModelAnswer.Ok("extraction-good.json"), ModelAnswer.Ok("extraction-malformed.json"), ModelAnswer.Error(429), ModelAnswer.Error(500), ModelAnswer.Ok("extraction-hallucinated.json"));
        var (text, directives, directory) = await MinutesAsync();
        var logs = new ListLoggerProvider();
        var assistant = Assistant(standIn, TimeProvider.System, logs);

        for (var i = 0; i < 5; i++)
        {
            await assistant.SuggestAsync(text, Spans(directives), directory, MeetingDate);
        }

        Assert.Equal(5, standIn.Requests.Count);
        Assert.True(logs.Lines.Count >= 5);
        Assert.DoesNotContain(logs.Lines, l => l.Message.Contains(Key, StringComparison.Ordinal) || (l.Exception?.ToString().Contains(Key, StringComparison.Ordinal) ?? false));
    }

    internal static async Task<(string Text, IReadOnlyList<Directive> Directives, DepartmentDirectory Directory)> MinutesAsync()
    {
        var text = (await File.ReadAllTextAsync(RepoPaths.Fixture("ai/minutes.txt"))).Trim();
        var directory = DepartmentDirectory.Parse(await File.ReadAllTextAsync(RepoPaths.Fixture("ai/departments.json")));
        var directives = new DirectiveExtractor(WorkingCalendar.Default).Extract(text, MeetingDate);
        // The rules' reading these tests start from: item 2 unassigned, the fourth sentence without an item.
        Assert.Equal(3, directives.Count);
        Assert.True(directives[1].IsCandidate);
        return (text, directives, directory);
    }

    private static List<AssistSpan> Spans(IReadOnlyList<Directive> directives) => [.. directives.Select(d => new AssistSpan(d.Start, d.Length, d.Lead.Count > 0))];

    private static ExtractionAssistant Assistant(OpenAiStandIn standIn, TimeProvider time, ListLoggerProvider logs)
    {
        var options = new AssistOptions { Endpoint = standIn.BaseUrl, Model = "gpt-4o-mini", Key = Key };
        var caller = new AssistCaller(AssistChatClient.Create(options), options, time, logs.For<AssistCaller>());
        return new ExtractionAssistant(caller, WorkingCalendar.Default, logs.For<ExtractionAssistant>());
    }

    private static string Unescape(string json) => System.Text.RegularExpressions.Regex.Unescape(json);
}
