namespace FollowUpBot.Directives;

/// <summary>
/// A directive as the rules found it, with the rule that found it (<c>Draft.Rule</c>) and whether it was read as English;
/// for a loose candidate (<see cref="LooseCandidates"/>), <paramref name="Cue"/> is where the text after its obligation cue
/// starts (-1 for the rules' own).
/// </summary>
internal sealed record DirectiveCandidate(Directive Directive, string Rule, bool English, int Cue = -1);

/// <summary>A loose candidate with its features, read on the text the rules read (unwrapped, simplified) and mapped back.</summary>
internal sealed record LooseCandidate(DirectiveCandidate Candidate, IReadOnlyList<string> Features);

/// <summary>What the extractor read in one text: the rules' candidates and the loose ones outside what the rules exclude.</summary>
internal sealed record ExtractorReading(IReadOnlyList<DirectiveCandidate> Rules, IReadOnlyList<LooseCandidate> Loose);
