using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FollowUpBot.Departments;
using FollowUpBot.Directives;
using FollowUpBot.Ledger;
using Microsoft.Extensions.Logging;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AIChatRole = Microsoft.Extensions.AI.ChatRole;

namespace FollowUpBot.Assist;

/// <summary>A part of the meeting text the rules already turned into an item; <see cref="HasLead"/> false for an unassigned one.</summary>
internal sealed record AssistSpan(int Start, int Length, bool HasLead);

/// <summary>One validated suggestion: a known department (canonical name), the task, the deadline, and where its quote is.</summary>
internal sealed record AssistSuggestion(string Department, string Task, Deadline? Deadline, string Quote, int Start);

/// <summary>What came of an extraction assist: the suggestions that passed, and how many were dropped and why.</summary>
internal sealed record ExtractionAssistResult(
    AssistOutcome Outcome,
    IReadOnlyList<AssistSuggestion> Suggestions,
    int DroppedQuotes = 0,
    int DroppedDepartments = 0,
    int DroppedCovered = 0)
{
    public static ExtractionAssistResult Of(AssistOutcome outcome) => new(outcome, []);
}

/// <summary>
/// The extraction assist: asks the model about the sentences the rules abstained on and the items they found no owner
/// for, and keeps only suggestions whose quote is an exact substring of the meeting text, whose department is in the
/// directory (name or alias), and which no item with a lead already covers.
/// </summary>
internal sealed partial class ExtractionAssistant(AssistCaller caller, WorkingCalendar calendar, ILogger<ExtractionAssistant> logger)
{
    public const string Purpose = "extraction";

    public bool Enabled => caller.Enabled;

    public async Task<ExtractionAssistResult> SuggestAsync(
        string text,
        IReadOnlyList<AssistSpan> spans,
        DepartmentDirectory directory,
        DateOnly meetingDate,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(spans);
        ArgumentNullException.ThrowIfNull(directory);
        if (!caller.Enabled)
        {
            return ExtractionAssistResult.Of(AssistOutcome.Off);
        }

        var sentences = ExtractionPrompt.AbstainedSentences(text, spans, caller.Options.MaxPromptChars);
        if (sentences.Count == 0 || directory.Departments.Count == 0)
        {
            return ExtractionAssistResult.Of(AssistOutcome.Skipped);
        }

        var answer = await caller.AskAsync(Purpose, ExtractionPrompt.Messages(sentences, directory, meetingDate), ExtractionPrompt.Schema(directory), cancellationToken).ConfigureAwait(false);
        if (answer.Outcome != AssistOutcome.Answered)
        {
            return ExtractionAssistResult.Of(answer.Outcome);
        }

        var result = Validate(answer.Text, text, spans, new DepartmentMatcher(directory), meetingDate);
        if (result.Outcome == AssistOutcome.Malformed)
        {
            LogMalformed(logger, Purpose);
        }
        else
        {
            LogValidated(logger, result.Suggestions.Count, result.DroppedQuotes, result.DroppedDepartments, result.DroppedCovered);
        }

        return result;
    }

    /// <summary>Parses the model's answer and keeps what can be checked against the text and the directory.</summary>
    public ExtractionAssistResult Validate(string? answer, string text, IReadOnlyList<AssistSpan> spans, DepartmentMatcher matcher, DateOnly meetingDate)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(spans);
        ArgumentNullException.ThrowIfNull(matcher);
        JsonArray? list;
        try
        {
            list = JsonNode.Parse(answer ?? string.Empty)?["suggestions"] as JsonArray;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            list = null;
        }

        if (list is null)
        {
            return ExtractionAssistResult.Of(AssistOutcome.Malformed);
        }

        var kept = new List<AssistSuggestion>();
        int quotes = 0, departments = 0, covered = 0;
        var parser = new DeadlineParser(calendar);
        foreach (var node in list)
        {
            var quote = Text(node, "quote");
            var start = quote.Length == 0 ? -1 : text.IndexOf(quote, StringComparison.Ordinal);
            if (start < 0)
            {
                quotes++;
                continue;
            }

            if (matcher.Match(Text(node, "department")).Department is not { } department)
            {
                departments++;
                continue;
            }

            if (spans.Any(s => s.HasLead && Overlaps(s.Start, s.Length, start, quote.Length)) || kept.Any(k => Overlaps(k.Start, k.Quote.Length, start, quote.Length)))
            {
                covered++;
                continue;
            }

            var task = Text(node, "task");
            kept.Add(new AssistSuggestion(department.Name, task.Length == 0 ? quote : task, DeadlineOf(parser, quote, Text(node, "deadline"), text, meetingDate), quote, start));
        }

        return new ExtractionAssistResult(AssistOutcome.Answered, kept, quotes, departments, covered);
    }

    public static bool Overlaps(int start, int length, int otherStart, int otherLength) =>
        start < otherStart + otherLength && otherStart < start + length;

    /// <summary>The rules' reading of the quote's deadline; else the model's deadline text, only when the meeting text has it.</summary>
    private static Deadline? DeadlineOf(DeadlineParser parser, string quote, string said, string text, DateOnly meetingDate)
    {
        var english = !quote.Any(c => c >= '\u4e00' && c <= '\u9fff');
        if (parser.Find(quote, 0, quote.Length, meetingDate, english) is { } match)
        {
            return match.Deadline;
        }

        return said.Length > 0 && text.Contains(said, StringComparison.Ordinal) ? new Deadline(said, DeadlineKind.Standing, null, null) : null;
    }

    private static string Text(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : string.Empty;

    [LoggerMessage(EventId = 9010, Level = LogLevel.Warning, Message = "AI assist {Purpose}: the answer was not the JSON asked for; ignored, the rules' draft stands.")]
    private static partial void LogMalformed(ILogger logger, string purpose);

    [LoggerMessage(EventId = 9011, Level = LogLevel.Information, Message = "AI assist extraction: kept {Kept}; dropped {Quotes} with a quote not in the text, {Departments} with an unknown department, {Covered} already covered.")]
    private static partial void LogValidated(ILogger logger, int kept, int quotes, int departments, int covered);
}

/// <summary>The prompt and the answer's JSON schema of the extraction assist.</summary>
internal static class ExtractionPrompt
{
    // Large directories are named in the prompt, not forced in the schema, to keep the request small.
    private const int MaxSchemaDepartments = 200;

    private const string Instructions =
        "You help a meeting office (督办) find follow-up tasks in meeting minutes that a rule-based extractor missed or "
        + "found no responsible department for. For each sentence below that assigns a task, answer the responsible "
        + "department, chosen only from the given list (name or alias as listed), the task in a few words, the deadline "
        + "as written (empty if none), and the quote: an exact, unchanged substring of the sentence that holds the task. "
        + "Leave out sentences without a task or whose department is not in the list. Never invent text.";

    /// <summary>
    /// The sentences no item with a lead covers (the rules abstained on them or found no owner), in text order, up to
    /// <paramref name="maxChars"/> characters in all.
    /// </summary>
    public static IReadOnlyList<string> AbstainedSentences(string text, IReadOnlyList<AssistSpan> spans, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(spans);
        var sentences = new List<string>();
        var total = 0;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !EndsSentence(text, i))
            {
                continue;
            }

            var end = Math.Min(text.Length, i + 1);
            var sentence = text[start..end].Trim();
            var from = start;
            start = end;
            if (sentence.Length < 8 || spans.Any(s => s.HasLead && ExtractionAssistant.Overlaps(s.Start, s.Length, from, end - from)))
            {
                continue;
            }

            if (total + sentence.Length > maxChars)
            {
                break;
            }

            sentences.Add(sentence);
            total += sentence.Length;
        }

        return sentences;
    }

    public static IReadOnlyList<AIChatMessage> Messages(IReadOnlyList<string> sentences, DepartmentDirectory directory, DateOnly meetingDate)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(directory);
        var user = new StringBuilder();
        user.Append("Meeting date: ").AppendLine(meetingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        user.AppendLine("Departments (name: aliases):");
        foreach (var department in directory.Departments)
        {
            user.Append("- ").Append(department.Name);
            if (department.Aliases.Count > 0)
            {
                user.Append(": ").Append(string.Join(", ", department.Aliases));
            }

            user.AppendLine();
        }

        user.AppendLine("Sentences:");
        foreach (var (sentence, index) in sentences.Select((s, i) => (s, i + 1)))
        {
            user.Append(index.ToString(CultureInfo.InvariantCulture)).Append(". ").AppendLine(sentence);
        }

        return [new AIChatMessage(AIChatRole.System, Instructions), new AIChatMessage(AIChatRole.User, user.ToString())];
    }

    /// <summary>
    /// Strict-mode JSON schema: every property required, no others; the department is one of the directory's names and
    /// aliases when the list is small enough to send.
    /// </summary>
    public static JsonElement Schema(DepartmentDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var names = directory.Departments.SelectMany(d => d.Aliases.Prepend(d.Name)).Distinct(StringComparer.Ordinal).ToList();
        var department = new JsonObject { ["type"] = "string" };
        if (names.Count <= MaxSchemaDepartments)
        {
            department["enum"] = new JsonArray([.. names.Select(n => JsonValue.Create(n))]);
        }

        var suggestion = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["department"] = department,
                ["task"] = new JsonObject { ["type"] = "string" },
                ["deadline"] = new JsonObject { ["type"] = "string" },
                ["quote"] = new JsonObject { ["type"] = "string" },
            },
            ["required"] = new JsonArray("department", "task", "deadline", "quote"),
            ["additionalProperties"] = false,
        };
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["suggestions"] = new JsonObject { ["type"] = "array", ["items"] = suggestion } },
            ["required"] = new JsonArray("suggestions"),
            ["additionalProperties"] = false,
        };
        return JsonSerializer.SerializeToElement(schema, AssistJsonContext.Default.JsonObject);
    }

    private static bool EndsSentence(string text, int i) => text[i] switch
    {
        '。' or '！' or '？' or '；' or '\n' or '!' or '?' or ';' => true,
        '.' => i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]),
        _ => false,
    };
}

/// <summary>Validated suggestions merged into a draft meeting: marked as suggested by AI, for the organiser to keep or drop.</summary>
internal static class AssistDraft
{
    public const string Origin = "ai";

    /// <summary>
    /// An unassigned item whose source the suggestion's quote overlaps gets the suggested department; any other suggestion
    /// becomes a new item placed in text order. Items with a lead are never changed; a published meeting is left as it is.
    /// </summary>
    public static (MeetingDocument Meeting, int Applied) Apply(MeetingDocument meeting, IReadOnlyList<AssistSuggestion> suggestions)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(suggestions);
        if (meeting.State != MeetingState.Draft)
        {
            return (meeting, 0);
        }

        var items = meeting.Items.ToList();
        var applied = 0;
        foreach (var suggestion in suggestions)
        {
            var index = items.FindIndex(i => i.SourceStart is { } s && ExtractionAssistant.Overlaps(s, i.SourceLength ?? 0, suggestion.Start, suggestion.Quote.Length));
            if (index >= 0)
            {
                var item = items[index];
                if (item.Lead.Count > 0)
                {
                    continue;
                }

                items[index] = item with
                {
                    Lead = [suggestion.Department],
                    Support = [.. item.Support.Where(s => s != suggestion.Department)],
                    UnknownActors = [],
                    Due = item.Due ?? suggestion.Deadline?.Due,
                    DeadlineText = item.DeadlineText ?? suggestion.Deadline?.Text,
                    DeadlineKind = item.DeadlineKind ?? suggestion.Deadline?.Kind.ToString().ToLowerInvariant(),
                    Recurrence = item.Recurrence ?? suggestion.Deadline?.Recurrence,
                    Origin = Origin,
                };
                applied++;
                continue;
            }

            var added = new MeetingItem
            {
                Id = NextItemId(items),
                Task = HardWraps.OneLine(suggestion.Task),
                Source = HardWraps.OneLine(suggestion.Quote),
                SourceStart = suggestion.Start,
                SourceLength = suggestion.Quote.Length,
                Lead = [suggestion.Department],
                Due = suggestion.Deadline?.Due,
                DeadlineText = suggestion.Deadline?.Text,
                DeadlineKind = suggestion.Deadline?.Kind.ToString().ToLowerInvariant(),
                Recurrence = suggestion.Deadline?.Recurrence,
                Origin = Origin,
            };
            var before = items.FindIndex(i => i.SourceStart > suggestion.Start);
            items.Insert(before < 0 ? items.Count : before, added);
            applied++;
        }

        return applied == 0 ? (meeting, 0) : (meeting with { Items = items }, applied);
    }

    /// <summary>The same merge for the command line's directives: replaced or added directives are listed in the second set.</summary>
    public static (IReadOnlyList<Directive> Directives, IReadOnlySet<string> FromAi) Apply(IReadOnlyList<Directive> directives, IReadOnlyList<AssistSuggestion> suggestions)
    {
        ArgumentNullException.ThrowIfNull(directives);
        ArgumentNullException.ThrowIfNull(suggestions);
        var list = directives.ToList();
        var fromAi = new HashSet<string>(StringComparer.Ordinal);
        var next = list.Count;
        foreach (var suggestion in suggestions)
        {
            var index = list.FindIndex(d => ExtractionAssistant.Overlaps(d.Start, d.Length, suggestion.Start, suggestion.Quote.Length));
            if (index >= 0)
            {
                if (list[index].Lead.Count == 0)
                {
                    list[index] = list[index] with { Lead = [suggestion.Department], Deadline = list[index].Deadline ?? suggestion.Deadline };
                    fromAi.Add(list[index].Id);
                }

                continue;
            }

            var id = "ai" + (++next).ToString(CultureInfo.InvariantCulture);
            var before = list.FindIndex(d => d.Start > suggestion.Start);
            list.Insert(before < 0 ? list.Count : before, new Directive(id, string.Empty, [suggestion.Department], [], suggestion.Task, suggestion.Deadline, suggestion.Quote, suggestion.Start, suggestion.Quote.Length));
            fromAi.Add(id);
        }

        return (list, fromAi);
    }

    private static string NextItemId(List<MeetingItem> items)
    {
        var max = items.Select(i => i.Id.StartsWith('i') && int.TryParse(i.Id.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max();
        return "i" + (max + 1).ToString(CultureInfo.InvariantCulture);
    }
}
