using System.Globalization;
using FollowUpBot.Departments;
using FollowUpBot.Directives;
using FollowUpBot.Ledger;

namespace FollowUpBot.Meetings;

/// <summary>
/// Turns extracted directives into a draft meeting: actors mapped to directory departments, unknown ones kept and flagged;
/// task, source and actors on one line (<see cref="HardWraps.OneLine"/>) when the text was hard-wrapped.
/// </summary>
internal static class MeetingDraft
{
    public static MeetingDocument Create(
        string meetingId,
        string title,
        string? tenantId,
        Person? organiser,
        string timeZone,
        DateOnly meetingDate,
        IReadOnlyList<Directive> directives,
        DepartmentMatcher matcher,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(directives);
        ArgumentNullException.ThrowIfNull(matcher);
        var items = new List<MeetingItem>(directives.Count);
        foreach (var directive in directives)
        {
            items.Add(ToItem($"i{(items.Count + 1).ToString(CultureInfo.InvariantCulture)}", directive, matcher));
        }

        return new MeetingDocument
        {
            Id = meetingId,
            TenantId = tenantId,
            Title = title,
            State = MeetingState.Draft,
            Organiser = organiser,
            TimeZone = timeZone,
            MeetingDate = meetingDate,
            CreatedAt = now,
            Items = items,
        };
    }

    public static MeetingItem ToItem(string itemId, Directive directive, DepartmentMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(directive);
        ArgumentNullException.ThrowIfNull(matcher);
        var unknown = new List<string>();
        IReadOnlyList<string> Resolve(IEnumerable<string> phrases) => [.. phrases.Select(HardWraps.OneLine).Select(phrase =>
        {
            var match = matcher.Match(phrase);
            if (match.Department is { } department)
            {
                return department.Name;
            }

            unknown.Add(phrase);
            return phrase;
        }).Distinct(StringComparer.Ordinal)];

        var lead = Resolve(directive.Lead);
        var support = Resolve(directive.Support).Where(s => !lead.Contains(s, StringComparer.Ordinal)).ToList();
        return new MeetingItem
        {
            Id = itemId,
            Section = directive.Section,
            Task = HardWraps.OneLine(directive.Task),
            Source = HardWraps.OneLine(directive.Quote),
            SourceStart = directive.Start,
            SourceLength = directive.Length,
            Lead = lead,
            Support = support,
            Due = directive.Deadline?.Due,
            DeadlineText = directive.Deadline?.Text,
            DeadlineKind = directive.Deadline?.Kind.ToString().ToLowerInvariant(),
            Recurrence = directive.Deadline?.Recurrence,
            UnknownActors = [.. unknown.Distinct(StringComparer.Ordinal)],
        };
    }
}
