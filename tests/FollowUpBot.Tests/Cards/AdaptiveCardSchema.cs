using System.Text.Json;
using System.Text.Json.Nodes;
using FollowUpBot.Testing;
using Json.Schema;

namespace FollowUpBot.Tests.Cards;

/// <summary>
/// The official Adaptive Card 1.5 schema (draft-06, strict). Teams' own <c>msteams</c> card property is not
/// in it, so it is set aside before validation; everything else must be schema-valid.
/// </summary>
internal static class AdaptiveCardSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(RepoPaths.Fixture("schemas/adaptive-card-schema-1.5.0.json"))));

    /// <summary>The schema errors of a card, empty when it is valid.</summary>
    public static IReadOnlyList<string> Errors(string cardJson)
    {
        var card = JsonNode.Parse(cardJson)!.AsObject();
        card.Remove("msteams");
        using var document = JsonDocument.Parse(card.ToJsonString());
        // A yes/no answer first: collecting every node's details costs many times more, and is only
        // worth it to say what is wrong.
        if (Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid)
        {
            return [];
        }

        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        return [.. (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))];
    }
}
