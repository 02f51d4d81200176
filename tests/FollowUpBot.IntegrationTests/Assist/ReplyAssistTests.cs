using FollowUpBot.Assist;
using FollowUpBot.Progress;
using FollowUpBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FollowUpBot.IntegrationTests.Assist;

/// <summary>
/// The reply assist through the real OpenAI client against the loopback stand-in: a suggestion is kept only with a quote
/// from the reply and an item from the candidates; failures and slowness give no suggestion (the rules' guess stands).
/// </summary>
public sealed class ReplyAssistTests
{
    private const string Reply = "第二项的拆迁协调比预想的复杂，想申请顺延到10月底，请领导理解。";
    private static readonly DateOnly Today = new(2026, 9, 20);
    private static readonly ReplyCandidate[] Candidates = [new(1, "制定重点项目推进方案"), new(2, "完成城区老旧小区改造拆迁协调")];

    [Fact]
    public async Task AGoodAnswerSuggestsTheStatusItemAndDateWithItsQuote()
    {
        await using var standIn = await OpenAiStandIn.StartAsync(ModelAnswer.Ok("reply-good.json"));

        var result = await Assistant(standIn, TimeProvider.System).SuggestAsync(Reply, Candidates, Today);

        Assert.Equal(AssistOutcome.Answered, result.Outcome);
        Assert.Equal(new ReplySuggestion(ReplyStatus.Extension, 2, new DateOnly(2026, 10, 31), "想申请顺延到10月底"), result.Suggestion);
        var body = System.Text.RegularExpressions.Regex.Unescape(Assert.Single(standIn.Requests).Body);
        Assert.Contains(Reply, body, StringComparison.Ordinal);
        Assert.Contains("完成城区老旧小区改造拆迁协调", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQuoteTheReplyDoesNotHaveIsDropped()
    {
        await using var standIn = await OpenAiStandIn.StartAsync(ModelAnswer.Ok("reply-good.json"));

        var result = await Assistant(standIn, TimeProvider.System).SuggestAsync("第二项的拆迁协调比预想的复杂，请领导理解。", Candidates, Today);

        Assert.Null(result.Suggestion);
        Assert.Equal("quoteNotInReply", result.Dropped);
    }

    [Fact]
    public async Task AnItemTheSenderHasNotIsDropped()
    {
        await using var standIn = await OpenAiStandIn.StartAsync(ModelAnswer.Ok("reply-good.json"));

        var result = await Assistant(standIn, TimeProvider.System).SuggestAsync(Reply, [Candidates[0]], Today);

        Assert.Null(result.Suggestion);
        Assert.Equal("unknownItem", result.Dropped);
    }

    [Theory]
    [InlineData("extraction-malformed.json", 200, "Malformed")]
    [InlineData("error-429.json", 429, "Failed")]
    [InlineData("error-500.json", 500, "Failed")]
    public async Task AMalformedOrFailedAnswerGivesNoSuggestion(string fixture, int status, string outcome)
    {
        await using var standIn = await OpenAiStandIn.StartAsync(new ModelAnswer(status, fixture));

        var result = await Assistant(standIn, TimeProvider.System).SuggestAsync(Reply, Candidates, Today);

        Assert.Equal(outcome, result.Outcome.ToString());
        Assert.Null(result.Suggestion);
    }

    [Fact]
    public async Task ASlowAnswerIsAbandonedWhenTheBudgetRunsOut()
    {
        await using var standIn = await OpenAiStandIn.StartAsync(ModelAnswer.Slow("reply-good.json"));
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-09-20T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

        var asking = Assistant(standIn, time).SuggestAsync(Reply, Candidates, Today);
        await standIn.Holding.Task.WaitAsync(TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromSeconds(5));
        var result = await asking.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(AssistOutcome.TimedOut, result.Outcome);
        Assert.Null(result.Suggestion);
    }

    [Fact]
    public void OnlyRepliesTheRulesAreUnsureOfAreAsked()
    {
        Assert.True(ReplyAssistant.RulesAbstain(new ParsedReply(2, null, null, null, null, "比预想的复杂")));
        Assert.True(ReplyAssistant.RulesAbstain(new ParsedReply(2, ReplyStatus.InProgress, null, null, null, null) { Confidence = ReplyParser.ConfirmBelow - 0.1 }));
        Assert.False(ReplyAssistant.RulesAbstain(new ParsedReply(2, ReplyStatus.CompletionRequested, null, null, null, null) { Confidence = 0.9 }));
        Assert.False(ReplyAssistant.RulesAbstain(new ParsedReply(null, null, null, null, null, null) { Undo = true }));
    }

    private static ReplyAssistant Assistant(OpenAiStandIn standIn, TimeProvider time)
    {
        var logs = new ListLoggerProvider();
        var options = new AssistOptions { Endpoint = standIn.BaseUrl, Model = "gpt-4o-mini", Key = "sk-standin-reply-5b2a" };
        return new ReplyAssistant(new AssistCaller(AssistChatClient.Create(options), options, time, logs.For<AssistCaller>()), logs.For<ReplyAssistant>());
    }
}
