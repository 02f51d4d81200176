using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace FollowUpBot.Cards;

// Typed records for the part of Adaptive Cards 1.5 the bot uses. Cards are built from these and
// serialised with System.Text.Json, never assembled as strings; the tests validate every card the
// bot can send against the official 1.5 schema.

/// <summary>An Adaptive Card, version 1.5 (the version Teams renders; Universal Actions need at least 1.4).</summary>
internal sealed record AdaptiveCard
{
    [JsonPropertyOrder(-10)]
    public string Type { get; init; } = "AdaptiveCard";

    [JsonPropertyName("$schema")]
    [JsonPropertyOrder(-9)]
    public string Schema { get; init; } = "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyOrder(-8)]
    public string Version { get; init; } = "1.5";

    [JsonConverter(typeof(CardBodyConverter))]
    public IReadOnlyList<CardElement> Body { get; init; } = [];

    public IReadOnlyList<CardAction>? Actions { get; init; }

    /// <summary>Universal Actions refresh: Teams asks the bot for the current card (at most 60 users).</summary>
    public CardRefresh? Refresh { get; init; }

    public string? FallbackText { get; init; }

    public string? Lang { get; init; }

    /// <summary>Teams-only property (not in the schema): full width, mention entities.</summary>
    [JsonPropertyName("msteams")]
    public TeamsCardProperties? MsTeams { get; init; }
}

/// <summary>Declared as the base type so the action is written with its "type" (the discriminator is only written for base-typed members).</summary>
internal sealed record CardRefresh(CardAction Action, IReadOnlyList<string>? UserIds);

internal sealed record TeamsCardProperties(string? Width);

/// <summary>A body element.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(InputText), "Input.Text")]
[JsonDerivedType(typeof(InputNumber), "Input.Number")]
[JsonDerivedType(typeof(InputDate), "Input.Date")]
[JsonDerivedType(typeof(InputChoiceSet), "Input.ChoiceSet")]
[JsonDerivedType(typeof(InputToggle), "Input.Toggle")]
internal abstract record CardElement
{
    public string? Id { get; init; }

    /// <summary>none | small | default | medium | large | extraLarge | padding.</summary>
    public string? Spacing { get; init; }

    public bool? Separator { get; init; }

    public bool? IsVisible { get; init; }
}

internal sealed record TextBlock(string Text) : CardElement
{
    public bool? Wrap { get; init; } = true;

    /// <summary>small | default | medium | large | extraLarge.</summary>
    public string? Size { get; init; }

    /// <summary>lighter | default | bolder.</summary>
    public string? Weight { get; init; }

    /// <summary>default | dark | light | accent | good | warning | attention.</summary>
    public string? Color { get; init; }

    public bool? IsSubtle { get; init; }

    public int? MaxLines { get; init; }

    public string? Style { get; init; }
}

internal sealed record Container(IReadOnlyList<CardElement> Items) : CardElement
{
    /// <summary>default | emphasis | good | attention | warning | accent.</summary>
    public string? Style { get; init; }

    public bool? Bleed { get; init; }
}

internal sealed record ColumnSet(IReadOnlyList<Column> Columns) : CardElement;

internal sealed record Column(IReadOnlyList<CardElement> Items)
{
    [JsonPropertyOrder(-10)]
    public string Type { get; init; } = "Column";

    /// <summary>"auto", "stretch" or a weight such as "2".</summary>
    public string? Width { get; init; }

    public string? VerticalContentAlignment { get; init; }
}

internal sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement;

internal sealed record Fact(string Title, string Value);

internal sealed record ActionSet(IReadOnlyList<CardAction> Actions) : CardElement;

internal abstract record CardInput : CardElement
{
    public string? Label { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }
}

internal sealed record InputText : CardInput
{
    public string? Placeholder { get; init; }

    public string? Value { get; init; }

    public bool? IsMultiline { get; init; }

    public int? MaxLength { get; init; }

    public string? Regex { get; init; }
}

internal sealed record InputNumber : CardInput
{
    public double? Min { get; init; }

    public double? Max { get; init; }

    public double? Value { get; init; }

    public string? Placeholder { get; init; }
}

internal sealed record InputDate : CardInput
{
    /// <summary>yyyy-MM-dd.</summary>
    public string? Value { get; init; }

    public string? Min { get; init; }

    public string? Max { get; init; }
}

internal sealed record InputChoiceSet(IReadOnlyList<Choice> Choices) : CardInput
{
    public bool? IsMultiSelect { get; init; }

    /// <summary>compact | expanded | filtered.</summary>
    public string? Style { get; init; }

    /// <summary>The selected value(s), comma-separated when multi-select.</summary>
    public string? Value { get; init; }

    public string? Placeholder { get; init; }
}

internal sealed record Choice(string Title, string Value);

internal sealed record InputToggle(string Title) : CardInput
{
    public string? Value { get; init; }

    public string? ValueOn { get; init; }

    public string? ValueOff { get; init; }
}

/// <summary>An action: a button on the card.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ActionExecute), "Action.Execute")]
[JsonDerivedType(typeof(ActionSubmit), "Action.Submit")]
[JsonDerivedType(typeof(ActionShowCard), "Action.ShowCard")]
[JsonDerivedType(typeof(ActionOpenUrl), "Action.OpenUrl")]
[JsonDerivedType(typeof(ActionToggleVisibility), "Action.ToggleVisibility")]
internal abstract record CardAction
{
    public string? Title { get; init; }

    public string? Id { get; init; }

    /// <summary>default | positive | destructive.</summary>
    public string? Style { get; init; }
}

/// <summary>A Universal Action: Teams sends an <c>adaptiveCard/action</c> invoke with the verb and data.</summary>
internal sealed record ActionExecute : CardAction
{
    public string? Verb { get; init; }

    public JsonObject? Data { get; init; }

    /// <summary>none | validate | auto.</summary>
    public string? AssociatedInputs { get; init; }

    /// <summary>For clients without Universal Actions: the same data as an Action.Submit.</summary>
    public CardAction? Fallback { get; init; }
}

internal sealed record ActionSubmit : CardAction
{
    public JsonObject? Data { get; init; }

    public string? AssociatedInputs { get; init; }
}

internal sealed record ActionShowCard(AdaptiveCard Card) : CardAction;

internal sealed record ActionOpenUrl(Uri Url) : CardAction;

internal sealed record ActionToggleVisibility(IReadOnlyList<string> TargetElements) : CardAction;
