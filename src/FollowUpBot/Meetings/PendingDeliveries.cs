using System.Text.Json.Serialization;
using FollowUpBot.FollowUp;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Storage;
using FollowUpBot.Teams;

namespace FollowUpBot.Meetings;

/// <summary>
/// <c>pending/{tenantId}/{userAadId}.json</c>: checklists waiting for a contact the bot installed the app for, until
/// Teams opens the chat (the installation's conversationUpdate). One small document per contact, so releasing reads one blob.
/// </summary>
internal sealed record PendingDeliveryDocument : IVersionedDocument
{
    [JsonRequired]
    public int Schema { get; init; } = LedgerSchema.Current;

    public IReadOnlyList<PendingMeeting> Meetings { get; init; } = [];
}

/// <summary>A meeting whose checklist waits, and where to tell the organiser when it goes out.</summary>
internal sealed record PendingMeeting
{
    public required string MeetingId { get; init; }

    public string? OrganiserServiceUrl { get; init; }

    public string? OrganiserConversationId { get; init; }

    public string? OrganiserLocale { get; init; }

    public DateTimeOffset At { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PendingDeliveryDocument))]
internal sealed partial class PendingDeliveryJson : JsonSerializerContext;

internal sealed class PendingDeliveryStore(IBlobStore store)
{
    public static string Name(string tenantId, string userAadId) => $"pending/{BlobNames.Segment(tenantId)}/{BlobNames.Segment(userAadId)}.json";

    public async Task AddAsync(string tenantId, string userAadId, PendingMeeting meeting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var name = Name(tenantId, userAadId);
        for (var attempt = 0; ; attempt++)
        {
            var stored = await store.GetDocumentAsync(name, PendingDeliveryJson.Default.PendingDeliveryDocument, cancellationToken).ConfigureAwait(false);
            var current = stored?.Document ?? new PendingDeliveryDocument();
            if (current.Meetings.Any(m => m.MeetingId == meeting.MeetingId))
            {
                return;
            }

            try
            {
                await store.PutDocumentAsync(name, current with { Meetings = [.. current.Meetings, meeting] }, PendingDeliveryJson.Default.PendingDeliveryDocument,
                    stored is null ? BlobCondition.CreateOnly : BlobCondition.Match(stored.ETag), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (BlobConflictException) when (attempt < 10)
            {
                // Another publish added a meeting at the same time: read again.
            }
        }
    }

    /// <summary>Takes the waiting meetings of a contact (the document is deleted on the ETag it was read with).</summary>
    public async Task<IReadOnlyList<PendingMeeting>> TakeAsync(string tenantId, string userAadId, CancellationToken cancellationToken = default)
    {
        var name = Name(tenantId, userAadId);
        var stored = await store.GetDocumentAsync(name, PendingDeliveryJson.Default.PendingDeliveryDocument, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return [];
        }

        // If another instance took it first (or a publish added one meanwhile), that one handles it: a delivery runs once.
        return await store.DeleteAsync(name, stored.ETag, cancellationToken).ConfigureAwait(false) ? stored.Document.Meetings : [];
    }
}

/// <summary>
/// When Teams tells the bot it was installed in a contact's personal scope (the conversationUpdate or installationUpdate
/// that follows a proactive installation), the checklists waiting for that contact go out in the background.
/// </summary>
internal sealed class PendingDeliveryRelease(PendingDeliveryStore pending, BackgroundWorkQueue background) : IConversationEventHandler
{
    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var personal = activity.Conversation?.ConversationType is null or "personal" && activity.Conversation?.IsGroup != true;
        var botAdded = (activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) ?? false)
            || (activity.Type == ActivityTypes.InstallationUpdate && activity.Action?.StartsWith("add", StringComparison.OrdinalIgnoreCase) == true);
        if (!personal || !botAdded || activity.TenantId is not { } tenantId || activity.From?.AadObjectId is not { } aad)
        {
            return;
        }

        foreach (var meeting in await pending.TakeAsync(tenantId, aad, cancellationToken).ConfigureAwait(false))
        {
            var locale = UiLocales.FromTag(meeting.OrganiserLocale);
            background.Enqueue((services, stopping) => services.GetRequiredService<ChecklistDelivery>()
                .DeliverAsync(meeting.MeetingId, locale, meeting.OrganiserServiceUrl, meeting.OrganiserConversationId, stopping, onlyRecipient: aad));
        }
    }
}
