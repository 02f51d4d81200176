using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using FollowUpBot.Departments;
using FollowUpBot.Directives;

namespace FollowUpBot.Cli;

/// <summary>
/// The `followup extract --format json` contract (README, "Extraction"): one object per directive. Fields are only ever added.
/// </summary>
internal sealed record DirectiveJson(
    string Id,
    string Section,
    IReadOnlyList<string> Lead,
    IReadOnlyList<string> Support,
    IReadOnlyList<string> Departments,
    IReadOnlyList<string> UnknownActors,
    string Task,
    DeadlineJson? Deadline,
    string Quote,
    int Start,
    int Length)
{
    /// <summary>"ai" when the optional AI assist (<c>--ai</c>) suggested the directive or its lead; null for the rules.</summary>
    public string? Origin { get; init; }

    public static DirectiveJson From(Directive directive, DepartmentMatcher matcher)
    {
        var matches = directive.Lead.Concat(directive.Support).Select(matcher.Match).ToList();
        return new DirectiveJson(
            directive.Id,
            directive.Section,
            directive.Lead,
            directive.Support,
            [.. matches.Where(m => m.IsKnown).Select(m => m.Department!.Name).Distinct()],
            [.. matches.Where(m => !m.IsKnown).Select(m => m.Phrase).Distinct()],
            directive.Task,
            directive.Deadline is { } d ? new DeadlineJson(d.Text, KindName(d.Kind), d.Due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), d.Recurrence) : null,
            directive.Quote,
            directive.Start,
            directive.Length);
    }

    public static string Serialize(IReadOnlyList<DirectiveJson> directives) =>
        JsonSerializer.Serialize(directives, Options.GetTypeInfo(typeof(IReadOnlyList<DirectiveJson>)));

    // Chinese stays readable in the output instead of \uXXXX escapes; the output is not embedded in HTML.
    private static readonly JsonSerializerOptions Options = new(CliJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string KindName(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Absolute => "absolute",
        DeadlineKind.Relative => "relative",
        DeadlineKind.Recurring => "recurring",
        _ => "standing",
    };
}

internal sealed record DeadlineJson(string Text, string Kind, string? Due, string? Recurrence);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(IReadOnlyList<DirectiveJson>))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
