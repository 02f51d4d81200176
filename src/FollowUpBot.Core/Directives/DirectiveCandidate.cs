namespace FollowUpBot.Directives;

/// <summary>A directive as the rules found it, with the rule that found it (<c>Draft.Rule</c>) and whether it was read as English.</summary>
internal sealed record DirectiveCandidate(Directive Directive, string Rule, bool English);
