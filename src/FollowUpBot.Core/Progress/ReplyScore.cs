using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FollowUpBot.Progress;

/// <summary>One hand-labelled reply of a set in the format of tests/fixtures/replies/*.json.</summary>
/// <param name="Status">The labelled status; null with <see cref="ScoreStatus"/> true means "no status".</param>
internal sealed record LabelledReplyRow(
    int Row,
    string Text,
    ReplyContext Context,
    int? Item,
    bool Ambiguous,
    bool ScoreStatus,
    string? Status,
    int? Percent,
    DateOnly? NewDue);

/// <summary>How a labelled set was read: the figures README reports for the reply parser.</summary>
/// <param name="ConfidentWrong">Wrong statuses read with confidence at or above <see cref="ReplyParser.ConfirmBelow"/>:
/// the bot stores those without asking, so they are the errors a user sees.</param>
internal sealed record ReplyScore(int Rows, int Scored, int StatusRight, int NoStatus, int WrongStatus, int ItemRight, int NewDueRight, int ConfidentWrong)
{
    public double StatusAccuracy => Share(StatusRight, Scored);

    public double NoStatusShare => Share(NoStatus, Scored);

    public double WrongStatusShare => Share(WrongStatus, Scored);

    public double ItemAccuracy => Share(ItemRight, Rows);

    public double NewDueAccuracy => Share(NewDueRight, Rows);

    public double ConfidentWrongShare => Share(ConfidentWrong, Scored);

    private static double Share(int n, int of) => of == 0 ? 0 : (double)n / of;
}

/// <summary>Reads labelled reply sets and scores the parser on them (<c>followup parse-reply --labels FILE</c>).</summary>
internal static class ReplyLabels
{
    /// <summary>Parses a labelled set; a malformed file is a <see cref="FormatException"/> naming what is wrong.</summary>
    public static IReadOnlyList<LabelledReplyRow> Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var today = DateOnly.ParseExact(root.GetProperty("today").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var openItems = root.TryGetProperty("openItems", out var open) ? Numbers(open) : null;
            var rows = new List<LabelledReplyRow>();
            foreach (var row in root.GetProperty("replies").EnumerateArray())
            {
                var item = OptionalInt(row, "item");
                var items = row.TryGetProperty("openItems", out var own) ? Numbers(own) : openItems;
                rows.Add(new LabelledReplyRow(
                    rows.Count + 1,
                    row.GetProperty("text").GetString()!,
                    new ReplyContext(today, items, OptionalInt(row, "defaultItem")),
                    item,
                    row.TryGetProperty("ambiguous", out var ambiguous) ? ambiguous.GetBoolean() : item is null,
                    row.TryGetProperty("status", out _),
                    OptionalString(row, "status"),
                    OptionalInt(row, "percent"),
                    OptionalString(row, "newDue") is { } due ? DateOnly.ParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null));
            }

            return rows;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new FormatException($"not a labelled reply set (today, openItems, replies[text, item, status, …]): {e.Message}", e);
        }
    }

    /// <summary>Parses every row and counts what was read right; <paramref name="miss"/> hears each row read wrong.</summary>
    public static ReplyScore Score(IReadOnlyList<LabelledReplyRow> rows, Action<LabelledReplyRow, ParsedReply>? miss = null) =>
        Score(rows, ReplyClassifier.Default, miss);

    /// <summary>As <see cref="Score(IReadOnlyList{LabelledReplyRow}, Action{LabelledReplyRow, ParsedReply}?)"/> with the given learned fallback; null scores the rules alone.</summary>
    public static ReplyScore Score(IReadOnlyList<LabelledReplyRow> rows, ReplyClassifier? learned, Action<LabelledReplyRow, ParsedReply>? miss = null) =>
        Score(rows, learned, ReplyLearnedPolicy.Chosen, miss);

    /// <summary>As above with the given way the rules and the learned fallback meet (for comparing policies).</summary>
    /// <param name="timedOut">Hears each row whose reading ran out of regex time (a heavily loaded machine); the row is
    /// scored as a parser abstention: no status and no item, as the bot reads it (the sender is asked).</param>
    public static ReplyScore Score(
        IReadOnlyList<LabelledReplyRow> rows,
        ReplyClassifier? learned,
        ReplyLearnedPolicy policy,
        Action<LabelledReplyRow, ParsedReply>? miss = null,
        Action<LabelledReplyRow, RegexMatchTimeoutException>? timedOut = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return ScoreWith(rows, (text, context) => ReplyParser.Parse(text, context, learned, policy), miss, timedOut);
    }

    /// <summary>Scores the rows as read by <paramref name="parse"/> (tests give it one that times out).</summary>
    internal static ReplyScore ScoreWith(
        IReadOnlyList<LabelledReplyRow> rows,
        Func<string, ReplyContext, ParsedReply> parse,
        Action<LabelledReplyRow, ParsedReply>? miss = null,
        Action<LabelledReplyRow, RegexMatchTimeoutException>? timedOut = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(parse);
        int scored = 0, status = 0, none = 0, wrong = 0, item = 0, due = 0, confidentWrong = 0;
        foreach (var row in rows)
        {
            ParsedReply parsed;
            try
            {
                parsed = parse(row.Text, row.Context);
            }
            catch (RegexMatchTimeoutException e)
            {
                // The regex timeout guards the bot against a slow reply; under load it can fire on an ordinary one.
                // The bot then asks (ReplyReader): no status, no item. The scorer counts that, rather than crash.
                timedOut?.Invoke(row, e);
                parsed = ParsedReply.Unread(row.Text);
            }

            var itemRight = parsed.Item == row.Item && parsed.Ambiguous == row.Ambiguous;
            var statusRight = !row.ScoreStatus || parsed.Status?.ToContractName() == row.Status;
            item += itemRight ? 1 : 0;
            due += parsed.NewDue == row.NewDue ? 1 : 0;
            if (row.ScoreStatus)
            {
                scored++;
                if (statusRight)
                {
                    status++;
                }
                else if (parsed.Status is null)
                {
                    none++;
                }
                else
                {
                    wrong++;
                    confidentWrong += parsed.Confidence >= ReplyParser.ConfirmBelow ? 1 : 0;
                }
            }

            if (!itemRight || !statusRight)
            {
                miss?.Invoke(row, parsed);
            }
        }

        return new ReplyScore(rows.Count, scored, status, none, wrong, item, due, confidentWrong);
    }

    private static int[]? Numbers(JsonElement element) =>
        element.ValueKind == JsonValueKind.Null ? null : element.EnumerateArray().Select(e => e.GetInt32()).ToArray();

    private static int? OptionalInt(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetInt32() : null;

    private static string? OptionalString(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;
}
