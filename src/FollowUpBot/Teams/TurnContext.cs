using System.Text.Json;
using System.Text.RegularExpressions;
using FollowUpBot.Cards;
using FollowUpBot.Localization;

namespace FollowUpBot.Teams;

/// <summary>One inbound activity being handled: what was said, by whom, in which language, and how to answer.</summary>
internal sealed partial class TurnContext(Activity activity, ConnectorClient connector)
{
    public Activity Activity { get; } = activity;

    public ConnectorClient Connector { get; } = connector;

    /// <summary>zh-CN or en-US, from the activity's locale (DESIGN.md, "Rules every feature shares").</summary>
    public UiLocale Locale { get; } = UiLocales.FromTag(activity.SenderLocale);

    /// <summary>The message text with the bot's own @mention removed and whitespace trimmed.</summary>
    public string Text { get; } = StripBotMention(activity);

    public string? TenantId => Activity.TenantId;

    public string? SenderAadObjectId => Activity.From?.AadObjectId;

    public string? SenderName => Activity.From?.Name;

    /// <summary>Answers in the same conversation (in a channel, in the same thread).</summary>
    public Task<ResourceResponse> ReplyAsync(Activity reply, CancellationToken cancellationToken = default)
    {
        var conversationId = Activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation.");
        var serviceUrl = Activity.ServiceUrl ?? throw new InvalidOperationException("The activity has no serviceUrl.");
        var outgoing = reply with
        {
            Type = reply.Type ?? ActivityTypes.Message,
            From = reply.From ?? Activity.Recipient,
            Recipient = reply.Recipient ?? Activity.From,
            Conversation = reply.Conversation ?? Activity.Conversation,
            Locale = reply.Locale ?? Locale.Tag(),
        };
        // Only channels have threads; in chats an answer is simply the next message (with replyToId for context).
        return string.IsNullOrEmpty(Activity.Id) || Activity.Conversation?.ConversationType != "channel"
            ? Connector.SendAsync(serviceUrl, conversationId, outgoing with { ReplyToId = outgoing.ReplyToId ?? Activity.Id }, cancellationToken)
            : Connector.ReplyAsync(serviceUrl, conversationId, Activity.Id, outgoing, cancellationToken);
    }

    public Task<ResourceResponse> ReplyTextAsync(string text, CancellationToken cancellationToken = default) =>
        ReplyAsync(new Activity { Type = ActivityTypes.Message, Text = text, TextFormat = "markdown" }, cancellationToken);

    public Task<ResourceResponse> ReplyCardAsync(AdaptiveCard card, CancellationToken cancellationToken = default) =>
        ReplyAsync(CardActivity(card), cancellationToken);

    /// <summary>
    /// Answers a card action with a card: for an Action.Execute invoke, the card replaces the one pressed; for an
    /// Action.Submit (older clients) it is sent as a reply and the pressed card is updated when its id is known.
    /// </summary>
    public async Task<InvokeResponse> AnswerCardAsync(CardActionRequest action, AdaptiveCard card, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.IsInvoke)
        {
            return InvokeResponse.Card(card);
        }

        if (!string.IsNullOrEmpty(Activity.ReplyToId) && Activity.Conversation?.Id is { } conversationId && Activity.ServiceUrl is { } serviceUrl)
        {
            await Connector.UpdateAsync(serviceUrl, conversationId, Activity.ReplyToId, CardActivity(card), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await ReplyCardAsync(card, cancellationToken).ConfigureAwait(false);
        }

        return InvokeResponse.Card(card);
    }

    /// <summary>Answers a card action with a short message (the pressed card stays as it is).</summary>
    public async Task<InvokeResponse> AnswerTextAsync(CardActionRequest action, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (!action.IsInvoke)
        {
            await ReplyTextAsync(text, cancellationToken).ConfigureAwait(false);
        }

        return InvokeResponse.Message(text);
    }

    /// <summary>A message activity carrying one Adaptive Card.</summary>
    public static Activity CardActivity(AdaptiveCard card) => new()
    {
        Type = ActivityTypes.Message,
        Attachments = [new Attachment { ContentType = CardJson.ContentType, Content = CardJson.ToElement(card) }],
    };

    /// <summary>
    /// Removes the mention of the bot (PROTOCOL.md §3.6): each mention entity whose <c>mentioned.id</c> is the
    /// recipient, matched on the entity's <c>text</c>; a leftover <c>&lt;at&gt;…&lt;/at&gt;</c> of the bot's name too.
    /// </summary>
    public static string StripBotMention(Activity activity)
    {
        var text = activity.Text ?? string.Empty;
        foreach (var entity in activity.Entities ?? [])
        {
            if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)
                || activity.Recipient?.Id is not { } botId
                || !string.Equals(entity.Mentioned?.Id, botId, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var mentionText = entity.Text ?? $"<at>{entity.Mentioned?.Name}</at>";
            text = Regex.Replace(text, Regex.Escape(mentionText), " ", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        }

        return Whitespace().Replace(text, " ").Trim();
    }

    /// <summary>The action of an <c>adaptiveCard/action</c> invoke, or of an Action.Submit message (its <c>value</c>).</summary>
    public CardActionRequest? ReadCardAction()
    {
        if (Activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        if (Activity.Type == ActivityTypes.Invoke)
        {
            if (!value.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var verb = action.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var data = action.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
            var trigger = value.TryGetProperty("trigger", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            verb ??= data.ValueKind == JsonValueKind.Object && data.TryGetProperty("verb", out var dv) && dv.ValueKind == JsonValueKind.String ? dv.GetString() : null;
            return verb is null ? null : new CardActionRequest(verb, data, string.Equals(trigger, "automatic", StringComparison.OrdinalIgnoreCase), IsInvoke: true);
        }

        // Action.Submit (older clients): the data and inputs are merged into value; the verb rides in the data.
        return value.TryGetProperty("verb", out var submitVerb) && submitVerb.ValueKind == JsonValueKind.String
            ? new CardActionRequest(submitVerb.GetString()!, value, IsRefresh: false, IsInvoke: false)
            : null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <summary>A button press: its verb, its data merged with the card's inputs, and whether it is an automatic refresh.</summary>
internal sealed record CardActionRequest(string Verb, JsonElement Data, bool IsRefresh, bool IsInvoke)
{
    public string? GetString(string name) =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                _ => null,
            }
            : null;
}
