using FollowUpBot.Directives;

namespace FollowUpBot.Meetings;

/// <summary>How the importer reads the directives of a meeting text.</summary>
internal interface IDirectiveReader
{
    IReadOnlyList<Directive> Read(string text, DateOnly meetingDate);
}

/// <summary>The rule-based extractor, counting working days on the configured calendar.</summary>
internal sealed class RuleDirectiveReader(WorkingCalendar calendar) : IDirectiveReader
{
    public IReadOnlyList<Directive> Read(string text, DateOnly meetingDate) => new DirectiveExtractor(calendar).Extract(text, meetingDate);
}
