using System.Text.Json;

namespace FollowUpBot.Directives.Evaluation;

/// <summary>One hand-labelled directive (tests/fixtures/eval/LABELLING.md): every string is a substring of the text.</summary>
internal sealed record LabelledDirective(
    IReadOnlyList<string> Lead,
    IReadOnlyList<string>? Support,
    string? Task,
    string? Deadline,
    string Quote)
{
    public static IReadOnlyList<LabelledDirective> Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, DirectivesJsonContext.Default.ListLabelledDirective)
                ?? throw new FormatException("The labels file holds null, not an array.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"The labels file is not valid: {e.Message}", e);
        }
    }
}
