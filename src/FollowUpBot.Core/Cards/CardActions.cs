namespace FollowUpBot.Cards;

/// <summary>Building blocks every card uses the same way.</summary>
internal static class CardActions
{
    /// <summary>
    /// An Action.Execute whose verb also rides in its data, with an Action.Submit fallback (same data) for clients
    /// without Universal Actions, so both arrive at the same verb handler. A refresh action has no title and no fallback.
    /// The fallback shares the data object: a card is never changed once built, only written.
    /// </summary>
    public static ActionExecute Execute(string? title, string verb, params (string Key, string? Value)[] data)
    {
        var payload = CardJson.Data([("verb", verb), .. data]);
        return new ActionExecute
        {
            Title = title,
            Verb = verb,
            Data = payload,
            Fallback = title is null ? null : new ActionSubmit { Title = title, Data = payload },
        };
    }

    /// <summary>Shortens text for a card line, marking the cut.</summary>
    public static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
