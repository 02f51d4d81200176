using System.Globalization;
using System.Text.Json;

using FollowUpBot.Progress;
using FollowUpBot.Testing;

namespace FollowUpBot.Tests.Progress;

/// <summary>One hand-labelled reply of tests/fixtures/replies/replies.json.</summary>
public sealed record LabelledReply(
    int Row,
    string Topic,
    string Language,
    string Text,
    DateOnly Today,
    IReadOnlyList<int>? OpenItems,
    int? DefaultItem,
    int? Item,
    bool Ambiguous,
    bool ScoreStatus,
    string? Status,
    int? Percent,
    DateOnly? NewDue)
{
    internal ReplyContext Context => new(Today, OpenItems, DefaultItem);

    public override string ToString() => $"#{Row.ToString(CultureInfo.InvariantCulture)} {Text}";
}

internal static class LabelledReplies
{
    private static readonly Lazy<IReadOnlyList<LabelledReply>> All = new(Load);

    public static IReadOnlyList<LabelledReply> Rows => All.Value;

    public static TheoryData<LabelledReply> Theory()
    {
        var data = new TheoryData<LabelledReply>();
        foreach (var row in Rows)
        {
            data.Add(row);
        }

        return data;
    }

    private static List<LabelledReply> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepoPaths.Fixture(Path.Combine("replies", "replies.json"))));
        var root = document.RootElement;
        var today = DateOnly.ParseExact(root.GetProperty("today").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var openItems = Numbers(root.GetProperty("openItems"));
        var rows = new List<LabelledReply>();
        var index = 0;
        foreach (var row in root.GetProperty("replies").EnumerateArray())
        {
            index++;
            var item = OptionalInt(row, "item");
            rows.Add(new LabelledReply(
                index,
                row.GetProperty("topic").GetString()!,
                row.GetProperty("lang").GetString()!,
                row.GetProperty("text").GetString()!,
                today,
                row.TryGetProperty("openItems", out var own) ? Numbers(own) : openItems,
                OptionalInt(row, "defaultItem"),
                item,
                row.TryGetProperty("ambiguous", out var ambiguous) ? ambiguous.GetBoolean() : item is null,
                row.TryGetProperty("status", out _),
                OptionalString(row, "status"),
                OptionalInt(row, "percent"),
                OptionalString(row, "newDue") is { } due ? DateOnly.ParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null));
        }

        return rows;
    }

    private static int[]? Numbers(JsonElement element) =>
        element.ValueKind == JsonValueKind.Null ? null : element.EnumerateArray().Select(e => e.GetInt32()).ToArray();

    private static int? OptionalInt(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetInt32() : null;

    private static string? OptionalString(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;
}
