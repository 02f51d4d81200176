using System.Text.Json.Nodes;
using FollowUpBot.Directives;
using FollowUpBot.IntegrationTests.Teams;
using FollowUpBot.Meetings;
using FollowUpBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FollowUpBot.IntegrationTests.Meetings;

/// <summary>
/// An organiser pastes minutes into the chat or the import card. The text is read once; when reading it fails
/// inside the bot, the organiser is told so in their language, the fault is logged without the text, and nothing is stored.
/// </summary>
public sealed class PastedImportTests : IAsyncLifetime, IDisposable
{
    private const string Organiser = "00000000-0000-0000-0000-0000000000020";
    private const string Chat = "a:chat-1";
    private const string Minutes = "二、工作要求\n（一）由市发展改革委牵头，市财政局配合，于2026年12月31日前制定重点项目推进方案。\n（二）市教育局要在5个工作日内报送秋季学期安全检查情况。\n";
    private readonly ListLoggerProvider _logs = new();
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task APastedTextIsReadOnceAndBecomesADraft()
    {
        var reader = new CountingReader(new RuleDirectiveReader(WorkingCalendar.Default));
        using var app = App(reader);
        using var client = app.CreateClient();

        using var response = await TestActivities.PostOkAsync(client, Message(Minutes, "zh-CN"));

        Assert.Equal(1, reader.Calls);
        Assert.Contains("制定重点项目推进方案", Replies(), StringComparison.Ordinal);
        var meeting = Assert.Single(Directory.GetDirectories(Path.Combine(app.DataPath, "blobs", "meetings")));
        Assert.Equal(Minutes.Trim(), (await File.ReadAllTextAsync(Path.Combine(meeting, "source.txt"))).Trim());
    }

    [Theory]
    [InlineData("zh-CN", "读取该文本的督办事项时出现内部错误")]
    [InlineData("en-US", "I could not read the directives of this text")]
    public async Task AReaderFaultOnAPastedTextIsToldToTheOrganiserLoggedWithoutTheTextAndStoresNothing(string locale, string message)
    {
        using var app = App(new FaultyReader());
        using var client = app.CreateClient();

        using var response = await TestActivities.PostOkAsync(client, Message(Minutes, locale));

        Assert.Contains(message, Replies(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(app.DataPath, "blobs", "meetings")));
        var logged = Assert.Single(_logs.Lines, l => l.EventId.Id == 3011);
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.IsType<InvalidOperationException>(logged.Exception);
        Assert.DoesNotContain("发展改革委", logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReaderFaultOnTheImportCardAnswersTheCardAndStoresNothing()
    {
        using var app = App(new FaultyReader());
        using var client = app.CreateClient();

        using var response = await TestActivities.PostOkAsync(client, TestActivities.Invoke(_connector.ServiceUrl, Organiser, Chat, ImportCard.SubmitVerb, new JsonObject { ["text"] = Minutes, ["date"] = "2026-11-26" }));

        var answer = Decode(await response.Content.ReadAsStringAsync()) + Replies();
        Assert.Contains("I could not read the directives of this text", answer, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(app.DataPath, "blobs", "meetings")));
        Assert.Single(_logs.Lines, l => l.EventId.Id == 3011);
    }

    private BotApplication App(IDirectiveReader reader) => new(
        new Dictionary<string, string?> { ["Reminders:Enabled"] = "false" },
        services: s =>
        {
            s.AddSingleton<ILoggerProvider>(_logs);
            s.AddSingleton(reader);
        });

    private JsonObject Message(string text, string locale) => TestActivities.Message(_connector.ServiceUrl, Organiser, Chat, text, locale);

    private string Replies() => string.Join("\n", _connector.Requests.Select(r => Decode(r.Body)));

    /// <summary>A body with \u escapes turned back into characters (empty stays empty).</summary>
    private static string Decode(string json) => string.IsNullOrWhiteSpace(json)
        ? string.Empty
        : JsonNode.Parse(json)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private sealed class CountingReader(IDirectiveReader inner) : IDirectiveReader
    {
        private int _calls;

        public int Calls => _calls;

        public IReadOnlyList<Directive> Read(string text, DateOnly meetingDate)
        {
            Interlocked.Increment(ref _calls);
            return inner.Read(text, meetingDate);
        }
    }

    /// <summary>A fault inside the rules, as real texts have caused.</summary>
    private sealed class FaultyReader : IDirectiveReader
    {
        public IReadOnlyList<Directive> Read(string text, DateOnly meetingDate) => throw new InvalidOperationException("A rule read past its span.");
    }
}
