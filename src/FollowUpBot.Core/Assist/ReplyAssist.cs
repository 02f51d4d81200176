using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FollowUpBot.Progress;
using Microsoft.Extensions.Logging;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AIChatRole = Microsoft.Extensions.AI.ChatRole;

namespace FollowUpBot.Assist;

/// <summary>An item the sender may report on, as the reply assist sees it.</summary>
internal sealed record ReplyCandidate(int Number, string Task);

/// <summary>The model's validated reading of a reply: a status, the item and the new date when it says them, and the quote that decided it.</summary>
internal sealed record ReplySuggestion(ReplyStatus Status, int? Item, DateOnly? NewDue, string Quote);

/// <summary>What came of a reply assist: a suggestion, or why there is none.</summary>
internal sealed record ReplyAssistResult(AssistOutcome Outcome, ReplySuggestion? Suggestion, string? Dropped = null);

/// <summary>
/// The reply assist: where the reply parser abstains (no status, or a confidence below <see cref="ReplyParser.ConfirmBelow"/>),
/// asks the model for the status, item and date, with the quote that decided it. A suggestion is kept only when its quote
/// is an exact substring of the reply, its item is one of the candidates, and its date is a real date. Nothing is stored
/// from it: it only pre-fills the picker the person confirms.
/// </summary>
internal sealed partial class ReplyAssistant(AssistCaller caller, ILogger<ReplyAssistant> logger)
{
    public const string Purpose = "reply";

    private const string Instructions =
        "You read a progress reply from a government department about follow-up tasks (督办事项). Answer the status it "
        + "reports: notStarted, inProgress, blocked, completionRequested (the department says the task is done), "
        + "extension (it asks for a later due date), or none when it reports no status. Answer the item number it is "
        + "about (only from the list; null if unclear), the requested new due date as YYYY-MM-DD (null if none), and the "
        + "quote: the exact, unchanged words of the reply that decided the status.";

    private static readonly Dictionary<string, ReplyStatus> Statuses = new(StringComparer.Ordinal)
    {
        ["notStarted"] = ReplyStatus.NotStarted,
        ["inProgress"] = ReplyStatus.InProgress,
        ["blocked"] = ReplyStatus.Blocked,
        ["completionRequested"] = ReplyStatus.CompletionRequested,
        ["extension"] = ReplyStatus.Extension,
    };

    public bool Enabled => caller.Enabled;

    /// <summary>True when the rules are not sure enough to store the reply without asking the person.</summary>
    public static bool RulesAbstain(ParsedReply parsed) =>
        parsed is not null && !parsed.Undo && (parsed.Status is null || parsed.Confidence < ReplyParser.ConfirmBelow);

    public async Task<ReplyAssistResult> SuggestAsync(string text, IReadOnlyList<ReplyCandidate> candidates, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(candidates);
        if (!caller.Enabled)
        {
            return new ReplyAssistResult(AssistOutcome.Off, null);
        }

        if (string.IsNullOrWhiteSpace(text) || candidates.Count == 0)
        {
            return new ReplyAssistResult(AssistOutcome.Skipped, null);
        }

        var reply = text.Length > ReplyParser.MaxAnalysedLength ? text[..ReplyParser.MaxAnalysedLength] : text;
        var answer = await caller.AskAsync(Purpose, Messages(reply, candidates, today), Schema(candidates), cancellationToken).ConfigureAwait(false);
        if (answer.Outcome != AssistOutcome.Answered)
        {
            return new ReplyAssistResult(answer.Outcome, null);
        }

        var result = Validate(answer.Text, reply, candidates);
        if (result.Dropped is { } reason)
        {
            LogDropped(logger, reason);
        }

        return result;
    }

    /// <summary>Parses and checks the model's answer against the reply and the candidates.</summary>
    public static ReplyAssistResult Validate(string? answer, string text, IReadOnlyList<ReplyCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(candidates);
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(answer ?? string.Empty) as JsonObject;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            json = null;
        }

        if (json is null || json["status"] is not JsonValue statusValue || !statusValue.TryGetValue<string>(out var statusName))
        {
            return new ReplyAssistResult(AssistOutcome.Malformed, null, "malformed");
        }

        if (!Statuses.TryGetValue(statusName, out var status))
        {
            return new ReplyAssistResult(AssistOutcome.Answered, null, statusName == "none" ? null : "unknownStatus");
        }

        var quote = json["quote"] is JsonValue q && q.TryGetValue<string>(out var s) ? s.Trim() : string.Empty;
        if (quote.Length == 0 || !text.Contains(quote, StringComparison.Ordinal))
        {
            return new ReplyAssistResult(AssistOutcome.Answered, null, "quoteNotInReply");
        }

        int? item = json["item"] is JsonValue i && i.TryGetValue<int>(out var n) ? n : null;
        if (item is { } number && candidates.All(c => c.Number != number))
        {
            return new ReplyAssistResult(AssistOutcome.Answered, null, "unknownItem");
        }

        DateOnly? due = null;
        if (json["newDue"] is JsonValue d && d.TryGetValue<string>(out var dueText))
        {
            if (!DateOnly.TryParseExact(dueText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return new ReplyAssistResult(AssistOutcome.Answered, null, "badDate");
            }

            due = parsed;
        }

        return new ReplyAssistResult(AssistOutcome.Answered, new ReplySuggestion(status, item ?? (candidates.Count == 1 ? candidates[0].Number : null), due, quote));
    }

    private static IReadOnlyList<AIChatMessage> Messages(string text, IReadOnlyList<ReplyCandidate> candidates, DateOnly today)
    {
        var user = new StringBuilder();
        user.Append("Today: ").AppendLine(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        user.AppendLine("Items:");
        foreach (var candidate in candidates.Take(50))
        {
            user.Append(candidate.Number.ToString(CultureInfo.InvariantCulture)).Append(". ").AppendLine(candidate.Task.Length > 200 ? candidate.Task[..200] : candidate.Task);
        }

        user.AppendLine("Reply:").AppendLine(text);
        return [new AIChatMessage(AIChatRole.System, Instructions), new AIChatMessage(AIChatRole.User, user.ToString())];
    }

    private static JsonElement Schema(IReadOnlyList<ReplyCandidate> candidates)
    {
        var statuses = new JsonArray([.. Statuses.Keys.Append("none").Select(k => JsonValue.Create(k))]);
        var items = new JsonArray([.. candidates.Take(50).Select(c => (JsonNode?)JsonValue.Create(c.Number)).Append(null)]);
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["status"] = new JsonObject { ["type"] = "string", ["enum"] = statuses },
                ["item"] = new JsonObject { ["type"] = new JsonArray("integer", "null"), ["enum"] = items },
                ["newDue"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
                ["quote"] = new JsonObject { ["type"] = "string" },
            },
            ["required"] = new JsonArray("status", "item", "newDue", "quote"),
            ["additionalProperties"] = false,
        };
        return JsonSerializer.SerializeToElement(schema, AssistJsonContext.Default.JsonObject);
    }

    [LoggerMessage(EventId = 9020, Level = LogLevel.Information, Message = "AI assist reply: suggestion dropped ({Reason}); the rules' guess stands.")]
    private static partial void LogDropped(ILogger logger, string reason);
}

[System.Text.Json.Serialization.JsonSerializable(typeof(JsonObject))]
internal sealed partial class AssistJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
