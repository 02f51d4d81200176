using FollowUpBot.Directives;

namespace FollowUpBot.Tests.Directives;

/// <summary>What the phrasing tests extract: every directive of a text held on one meeting date, or those with an owner.</summary>
internal static class PhrasingExtraction
{
    public static readonly DateOnly MeetingDate = new(2026, 3, 5);

    public static IReadOnlyList<Directive> All(string text) => new DirectiveExtractor().Extract(text, MeetingDate);

    public static List<Directive> Assigned(string text) => [.. All(text).Where(d => d.Lead.Count > 0)];
}
