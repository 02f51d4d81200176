using FollowUpBot.FollowUp;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Summaries;
using FollowUpBot.Teams;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FollowUpBot.Bulletins;

internal static class BulletinFeature
{
    /// <summary>Progress bulletins (督办通报): <c>通报</c> / <c>bulletin</c> for organisers, Send to departments, and <c>Bulletin:Cron</c>.</summary>
    public static IHostApplicationBuilder AddBulletins(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<BulletinOptions>().BindConfiguration(BulletinOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BulletinOptions>, BulletinOptionsValidation>();
        services.AddSingleton<BulletinMeetings>();
        services.AddSingleton<BulletinService>();
        services.TryAddSingleton<IBulletinPoster, TeamsBulletinPoster>();
        services.AddSingleton<BulletinDelivery>();
        services.AddSingleton<IMessageHandler, BulletinCommand>();
        services.AddSingleton<ICardActionHandler, UpdateBulletinAction>();
        services.AddSingleton<ICardActionHandler, SendBulletinAction>();
        services.AddHostedService<BulletinScheduler>();
        return builder;
    }

    /// <summary><c>GET /bulletins/{meetingId}/{since}-{until}.docx?exp=…&amp;sig=…</c>: the bulletin, for whoever holds a link the bot signed.</summary>
    public static IEndpointRouteBuilder MapBulletins(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/bulletins/{meetingId}/{period}.docx", DownloadAsync);
        return endpoints;
    }

    private static async Task<Results<FileContentHttpResult, UnauthorizedHttpResult, StatusCodeHttpResult, NotFound>> DownloadAsync(
        string meetingId, string period, string? exp, string? sig, string? lang, HttpContext http, BulletinService bulletins, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(exp) || string.IsNullOrEmpty(sig))
        {
            return TypedResults.Unauthorized();
        }

        if (!BulletinStore.TryParsePeriodKey(period, out var since, out var until)
            || !await bulletins.VerifyAsync(meetingId, period, exp, sig, cancellationToken).ConfigureAwait(false))
        {
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        var meeting = await bulletins.Meetings.GetAsync(meetingId, cancellationToken).ConfigureAwait(false);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }

        var locale = UiLocales.FromTag(lang ?? http.Request.Headers.AcceptLanguage.ToString());
        var bulletin = await bulletins.BuildAsync(meeting, locale, since, until, cancellationToken).ConfigureAwait(false);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(BulletinService.Docx(bulletin), BulletinDocument.ContentType, BulletinDocument.FileName(meeting.Title, meeting.Id, locale));
    }
}

/// <summary>
/// <c>通报</c> / <c>督办通报</c> / <c>bulletin</c> [meeting] [first day]: organisers get the preview card and a signed
/// link to the .docx; anyone else (a department contact) is refused. Runs before progress replies so that a
/// contact's <c>通报</c> is answered as a command, not read as a report.
/// </summary>
internal sealed class BulletinCommand(BulletinService bulletins) : IMessageHandler
{
    public int Order => 35;

    public async Task<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var organiser = bulletins.IsOrganiser(turn.SenderAadObjectId);
        if (!BulletinCommands.TryParse(turn.Text, loose: organiser, out var request))
        {
            return false;
        }

        if (!organiser)
        {
            await turn.ReplyTextAsync(Texts.Get(turn.Locale, "bulletin.notOrganiser"), cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (request.BadPeriod is { } bad)
        {
            await turn.ReplyTextAsync(Texts.Format(turn.Locale, "bulletin.badPeriod", bad), cancellationToken).ConfigureAwait(false);
            return true;
        }

        var meetings = await bulletins.Meetings.ListAsync(cancellationToken).ConfigureAwait(false);
        var selection = SummaryCommands.Select(meetings, request.Meeting);
        if (selection.Meeting is not { } header || await bulletins.Meetings.GetAsync(header.Id, cancellationToken).ConfigureAwait(false) is not { } meeting)
        {
            await SummaryReplies.ReplyNoneOrChooserAsync(turn, selection, request.Meeting, unreadable: null, cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (meeting.State == MeetingState.Draft)
        {
            await turn.ReplyTextAsync(Texts.Get(turn.Locale, "bulletin.draft"), cancellationToken).ConfigureAwait(false);
            return true;
        }

        var bulletin = await bulletins.BuildAsync(meeting, turn.Locale, request.Since, bulletins.Today(meeting), cancellationToken).ConfigureAwait(false);
        await turn.ReplyCardAsync(await bulletins.PreviewAsync(bulletin, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        return true;
    }
}

/// <summary>Update: keeps the title and requirements typed on the card for the period, and answers with the refreshed preview.</summary>
internal sealed class UpdateBulletinAction(BulletinService bulletins) : ICardActionHandler
{
    public string Verb => BulletinVerbs.Update;

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        var (saved, refusal) = await BulletinEdits.SaveAsync(bulletins, turn, action, cancellationToken).ConfigureAwait(false);
        if (saved is null)
        {
            return await turn.AnswerTextAsync(action, refusal, cancellationToken).ConfigureAwait(false);
        }

        return await turn.AnswerCardAsync(action, await bulletins.PreviewAsync(saved, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Send to departments: saves the card's edits, then posts the bulletin in the background to every department of the meeting.</summary>
internal sealed class SendBulletinAction(BulletinService bulletins, BackgroundWorkQueue background) : ICardActionHandler
{
    public string Verb => BulletinVerbs.Send;

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        var (saved, refusal) = await BulletinEdits.SaveAsync(bulletins, turn, action, cancellationToken).ConfigureAwait(false);
        if (saved is null)
        {
            return await turn.AnswerTextAsync(action, refusal, cancellationToken).ConfigureAwait(false);
        }

        var (serviceUrl, conversationId, locale) = (turn.Activity.ServiceUrl, turn.Activity.Conversation?.Id, turn.Locale);
        background.Enqueue((services, stopping) => services.GetRequiredService<BulletinDelivery>()
            .SendToDepartmentsAsync(saved.MeetingId, saved.Since, saved.Until, locale, serviceUrl, conversationId, stopping));
        return await turn.AnswerCardAsync(action, await bulletins.PreviewAsync(saved, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }
}

internal static class BulletinEdits
{
    /// <summary>
    /// Stores the title and requirements an organiser typed on the card (If-Match) and returns the bulletin with them;
    /// no bulletin, and the text to answer instead, when the sender is not an organiser or the meeting or period is unknown.
    /// </summary>
    public static async Task<(Bulletin? Saved, string Refusal)> SaveAsync(BulletinService bulletins, TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        if (!bulletins.IsOrganiser(turn.SenderAadObjectId))
        {
            return (null, Texts.Get(turn.Locale, "bulletin.notOrganiser"));
        }

        if (action.GetString("meetingId") is not { Length: > 0 } meetingId
            || !BulletinStore.TryParsePeriodKey(action.GetString("period"), out var since, out var until)
            || await bulletins.Meetings.GetAsync(meetingId, cancellationToken).ConfigureAwait(false) is not { } meeting)
        {
            return (null, Texts.Format(turn.Locale, "summary.noMatch", action.GetString("meetingId")));
        }

        var title = Limit(action.GetString(BulletinCard.TitleInput), 200);
        var requirements = Limit(action.GetString(BulletinCard.RequirementsInput), 2000);
        var by = new Person(turn.SenderAadObjectId ?? string.Empty, turn.SenderName ?? string.Empty);
        await bulletins.Store.UpdateIssueAsync(meetingId, since, until, issue => issue with
        {
            Title = title ?? issue.Title,
            Requirements = requirements ?? issue.Requirements,
            UpdatedBy = by,
            UpdatedAt = bulletins.Now,
        }, cancellationToken).ConfigureAwait(false);
        return (await bulletins.BuildAsync(meeting, turn.Locale, since, until, cancellationToken).ConfigureAwait(false), string.Empty);
    }

    private static string? Limit(string? text, int max) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim() is var t && t.Length > max ? t[..max] : text.Trim();
}
