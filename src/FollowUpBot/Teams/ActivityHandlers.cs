namespace FollowUpBot.Teams;

/// <summary>
/// A feature's handler of text messages. Handlers are tried in ascending <see cref="Order"/>; the first that
/// takes the message answers it (DESIGN.md routing: import, then commands, then progress replies), and a
/// message nobody takes gets the help card.
/// </summary>
internal interface IMessageHandler
{
    int Order { get; }

    Task<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken);
}

/// <summary>A feature's handler of card buttons with one verb, pressed as Action.Execute (invoke) or Action.Submit (message).</summary>
internal interface ICardActionHandler
{
    /// <summary>The verb, or a family of verbs as "prefix.*".</summary>
    string Verb { get; }

    /// <summary>Handles the action; for an invoke the result is the invoke response (usually the refreshed card).</summary>
    Task<InvokeResponse> HandleAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken);
}

/// <summary>A feature's reaction to conversation events (bot installed, members added or removed).</summary>
internal interface IConversationEventHandler
{
    Task HandleAsync(TurnContext turn, CancellationToken cancellationToken);
}
