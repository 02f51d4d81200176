using FollowUpBot.Assist;
using FollowUpBot.Cards;
using FollowUpBot.Departments;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Meetings;
using FollowUpBot.Progress;
using FollowUpBot.Tests.Cards;
using FollowUpBot.Tests.Checklists;
using Microsoft.Extensions.Logging.Abstractions;

namespace FollowUpBot.Tests.Assist;

/// <summary>The AI assist's pure parts: settings, where Azure is reached, what is asked, what is kept, how a draft changes.</summary>
public sealed class AssistRulesTests
{
    private const string Text = "一、市财政局要在9月底前拨付补助资金。二、要抓紧完善应急物资储备清单。三、这件事交给应急局，年底前办完。";

    [Fact]
    public void OffUnlessAnEndpointIsSet()
    {
        Assert.False(new AssistOptions().Enabled);
        Assert.Empty(new AssistOptions().Problems());
        Assert.Null(AssistChatClient.Create(new AssistOptions { Model = "m", Key = "k" }));
    }

    [Theory]
    [InlineData("https://api.example.com/v1", "m", null, "Key is required")]
    [InlineData("http://api.example.com/v1", "m", "k", "absolute https URL")]
    [InlineData("https://contoso.openai.azure.com", null, null, "Model is required")]
    public void SettingsThatCannotWorkAreNamed(string endpoint, string? model, string? key, string problem) =>
        Assert.Contains(new AssistOptions { Endpoint = endpoint, Model = model, Key = key }.Problems(), p => p.Contains(problem, StringComparison.Ordinal));

    [Fact]
    public void AzureWithoutAKeyUsesManagedIdentityAndIsValid() =>
        Assert.Empty(new AssistOptions { Endpoint = "https://contoso.openai.azure.com", Model = "gpt-4o-mini" }.Problems());

    [Theory]
    [InlineData("https://contoso.openai.azure.com", "https://contoso.openai.azure.com/openai/v1/")]
    [InlineData("https://contoso.openai.azure.com/openai/v1/", "https://contoso.openai.azure.com/openai/v1/")]
    [InlineData("https://contoso.services.ai.azure.com/", "https://contoso.services.ai.azure.com/openai/v1/")]
    [InlineData("https://api.openai.com/v1", "https://api.openai.com/v1/")]
    [InlineData("http://127.0.0.1:5000/v1/", "http://127.0.0.1:5000/v1/")]
    public void TheChatCompletionsBaseUrlOfAnEndpoint(string endpoint, string expected) =>
        Assert.Equal(expected, AssistEndpoints.BaseUrl(new Uri(endpoint)).ToString());

    [Fact]
    public void OnlySentencesNoItemWithALeadCoversAreAsked()
    {
        var led = Text.IndexOf("市财政局", StringComparison.Ordinal);
        var unassigned = Text.IndexOf("要抓紧", StringComparison.Ordinal);
        var sentences = ExtractionPrompt.AbstainedSentences(Text, [new AssistSpan(led, 15, true), new AssistSpan(unassigned, 14, false)], 8000);

        Assert.Equal(["二、要抓紧完善应急物资储备清单。", "三、这件事交给应急局，年底前办完。"], sentences);
        Assert.Equal(["二、要抓紧完善应急物资储备清单。"], ExtractionPrompt.AbstainedSentences(Text, [new AssistSpan(led, 15, true)], 20));
    }

    [Fact]
    public void TheSchemaLimitsTheDepartmentToTheDirectorysNamesAndAliases()
    {
        var schema = ExtractionPrompt.Schema(Directory()).GetRawText();

        Assert.Contains("\"enum\":[\"市应急管理局\",\"应急局\",\"市财政局\"]", System.Text.RegularExpressions.Regex.Unescape(schema), StringComparison.Ordinal);
        Assert.Contains("\"additionalProperties\":false", schema, StringComparison.Ordinal);
    }

    [Fact]
    public void AnswersAreKeptOnlyWithAnExactQuoteAKnownDepartmentAndNoLedItemThere()
    {
        var led = Text.IndexOf("市财政局", StringComparison.Ordinal);
        const string Answer = """
            {"suggestions": [
              {"department": "应急局", "task": "采购", "deadline": "年底前", "quote": "这件事交给应急局，年底前办完"},
              {"department": "应急局", "task": "采购", "deadline": "", "quote": "这件事交给应急局 年底前办完"},
              {"department": "市水务局", "task": "清单", "deadline": "", "quote": "要抓紧完善应急物资储备清单"},
              {"department": "市应急管理局", "task": "拨付", "deadline": "", "quote": "市财政局要在9月底前拨付补助资金"},
              {"department": "市应急管理局", "task": "again", "deadline": "", "quote": "交给应急局"}
            ]}
            """;

        var result = Assistant().Validate(Answer, Text, [new AssistSpan(led, 15, true)], new DepartmentMatcher(Directory()), new DateOnly(2026, 9, 1));

        var kept = Assert.Single(result.Suggestions);
        Assert.Equal("市应急管理局", kept.Department);
        Assert.Equal(Text.IndexOf("这件事", StringComparison.Ordinal), kept.Start);
        Assert.Equal(new DateOnly(2026, 12, 31), kept.Deadline?.Due);
        Assert.Equal((1, 1, 2), (result.DroppedQuotes, result.DroppedDepartments, result.DroppedCovered));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"suggestions\": {}}")]
    [InlineData("[1, 2]")]
    public void AnAnswerThatIsNotTheSchemasJsonIsMalformed(string answer) =>
        Assert.Equal(AssistOutcome.Malformed, Assistant().Validate(answer, Text, [], new DepartmentMatcher(Directory()), new DateOnly(2026, 9, 1)).Outcome);

    [Fact]
    public void SuggestionsNeverChangeAnItemWithALeadOrAPublishedMeeting()
    {
        var start = Text.IndexOf("市财政局", StringComparison.Ordinal);
        var led = new MeetingItem { Id = "i1", Task = "拨付", Lead = ["市财政局"], SourceStart = start, SourceLength = 15 };
        var meeting = new MeetingDocument { Id = "m", Items = [led] };
        var suggestion = new AssistSuggestion("市应急管理局", "拨付", null, "市财政局要在9月底前拨付补助资金", start);

        Assert.Equal((meeting, 0), AssistDraft.Apply(meeting, [suggestion]));
        var published = meeting with { State = MeetingState.Published, Items = [] };
        Assert.Equal((published, 0), AssistDraft.Apply(published, [suggestion]));
    }

    [Theory]
    [InlineData("zh-CN", "AI 建议：发布前请核对")]
    [InlineData("en-US", "Suggested by AI: check the department")]
    public void TheReviewCardMarksWhatTheAiSuggested(string locale, string mark)
    {
        var meeting = new MeetingDocument
        {
            Id = "m",
            Items = [new MeetingItem { Id = "i1", Task = "采购", Lead = ["市应急管理局"], Origin = AssistDraft.Origin }, new MeetingItem { Id = "i2", Task = "拨付", Lead = ["市财政局"] }],
        };

        var json = CardJson.ToElement(ReviewCard.Build(new ReviewView(meeting, ["市应急管理局", "市财政局"], UiLocales.FromTag(locale)))).GetRawText();

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(System.Text.RegularExpressions.Regex.Unescape(json), mark));
    }

    [Theory]
    [InlineData("zh-CN", "已按 AI 对“十月底吧”的理解预选")]
    [InlineData("en-US", "Pre-filled with the AI's reading of “十月底吧”")]
    public void ThePickerPreFilledByTheAiSaysSoAndStaysAValidCard(string locale, string mark)
    {
        var meeting = ChecklistCardTests.SeedMeeting();
        var item = meeting.Items.First(i => i.Lead.Count > 0);
        var reply = new ParsedReply(item.Number, ReplyStatus.Extension, null, new DateOnly(2026, 10, 31), null, null);
        var view = new StatusPickerView(meeting, item, item.Lead[0], reply, "方案那个事，十月底吧", UiLocales.FromTag(locale));

        var marked = CardJson.ToJson(StatusPickerCard.Build(view with { AssistQuote = "十月底吧" }));
        var plain = CardJson.ToJson(StatusPickerCard.Build(view));

        Assert.Contains(mark, System.Text.RegularExpressions.Regex.Unescape(marked), StringComparison.Ordinal);
        Assert.DoesNotContain("AI", System.Text.RegularExpressions.Regex.Unescape(plain), StringComparison.Ordinal);
        Assert.Empty(AdaptiveCardSchema.Errors(marked));
    }

    private static DepartmentDirectory Directory() => DepartmentDirectory.Parse("""
        {"departments": [{"name": "市应急管理局", "aliases": ["应急局"]}, {"name": "市财政局"}]}
        """);

    private static ExtractionAssistant Assistant()
    {
        var options = new AssistOptions();
        return new ExtractionAssistant(new AssistCaller(null, options, TimeProvider.System, NullLogger<AssistCaller>.Instance), FollowUpBot.Directives.WorkingCalendar.Default, NullLogger<ExtractionAssistant>.Instance);
    }
}
