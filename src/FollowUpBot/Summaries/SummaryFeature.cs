using FollowUpBot.Cards;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Teams;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace FollowUpBot.Summaries;

internal static class SummaryFeature
{
    /// <summary>Organiser summaries (<c>summary</c> / <c>汇总</c> / <c>进展</c>), ledger exports (<c>export</c> / <c>导出</c>) and their signed links.</summary>
    public static IHostApplicationBuilder AddSummaries(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SummaryOptions>().BindConfiguration(SummaryOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SummaryOptions>, SummaryOptionsValidation>();
        services.AddSingleton<SummaryLinks>();
        services.AddSingleton<SummaryService>();
        services.AddSingleton<IMessageHandler, SummaryCommand>();
        services.AddSingleton<IMessageHandler, ExportCommand>();
        services.AddSingleton<ICardActionHandler, ShowSummaryAction>();
        services.AddSingleton<ICardActionHandler, ExportAction>();
        return builder;
    }

    /// <summary><c>GET /export/{meetingId}.xlsx?exp=…&amp;sig=…</c>: the ledger of one meeting, for whoever holds a link the bot signed.</summary>
    public static IEndpointRouteBuilder MapLedgerExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/export/{meetingId}.xlsx", ExportAsync);
        return endpoints;
    }

    private static async Task<Results<FileContentHttpResult, UnauthorizedHttpResult, StatusCodeHttpResult, NotFound>> ExportAsync(
        string meetingId, string? exp, string? sig, string? lang, HttpContext http, SummaryService summaries, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(exp) || string.IsNullOrEmpty(sig))
        {
            return TypedResults.Unauthorized();
        }

        if (!await summaries.Links.VerifyAsync(LinkSigner.ExportPurpose, meetingId, exp, sig, cancellationToken).ConfigureAwait(false))
        {
            // A plain 403: no authentication scheme is involved, so there is nothing to challenge with.
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }

        var meeting = await summaries.GetMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false);
        if (meeting is null)
        {
            return TypedResults.NotFound();
        }

        var locale = UiLocales.FromTag(lang ?? http.Request.Headers.AcceptLanguage.ToString());
        var bytes = await LedgerFile.BuildAsync(summaries.Ledger, meeting, locale, cancellationToken).ConfigureAwait(false);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.File(bytes, LedgerExport.ContentType, LedgerFile.FileName(meeting, locale));
    }
}

/// <summary>The ledger workbook of a meeting, as bytes.</summary>
internal static class LedgerFile
{
    public static async Task<byte[]> BuildAsync(MeetingLedger ledger, MeetingDocument meeting, UiLocale locale, CancellationToken cancellationToken)
    {
        var history = await MeetingHistory.ReadAsync(ledger, meeting, cancellationToken).ConfigureAwait(false);
        using var stream = new MemoryStream();
        LedgerExport.Write(stream, LedgerExport.Rows(meeting, history, locale), locale);
        return stream.ToArray();
    }

    public static string FileName(MeetingDocument meeting, UiLocale locale)
    {
        var title = new string([.. meeting.Title.Select(c => Path.GetInvalidFileNameChars().Contains(c) || char.IsControl(c) ? '_' : c)]).Trim();
        return $"{Texts.Get(locale, "export.sheet")}-{(title.Length == 0 ? meeting.Id : CardActions.Truncate(title, 60))}.xlsx";
    }
}

/// <summary><c>summary</c> / <c>汇总</c> / <c>进展</c> [meeting name | all], organisers only.</summary>
internal sealed class SummaryCommand(SummaryService summaries) : IMessageHandler
{
    public int Order => 200;

    public async Task<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!SummaryCommands.TryParseSummary(turn.Text, out var argument))
        {
            return false;
        }

        if (await SummaryReplies.SelectForOrganiserAsync(summaries, turn, argument, cancellationToken).ConfigureAwait(false) is not (var meetings, var selection))
        {
            return true;
        }
        if (selection.All)
        {
            // The overview of all is counted from the meetings index (one read), not from every meeting.
            var dashboard = await summaries.Links.DashboardAsync(turn.Locale, cancellationToken: cancellationToken).ConfigureAwait(false);
            var (lines, unreadable) = await summaries.OverviewAsync(cancellationToken).ConfigureAwait(false);
            var byId = lines.ToDictionary(l => l.Summary.MeetingId, l => l.Summary, StringComparer.Ordinal);
            var overview = selection.Candidates.Where(m => byId.ContainsKey(m.Id)).Select(m => byId[m.Id]).ToList();
            await turn.ReplyCardAsync(SummaryCard.BuildOverview(overview, turn.Locale, dashboard?.Url, SummaryService.Unreadable(unreadable)), cancellationToken).ConfigureAwait(false);
        }
        else if (selection.Meeting is { } header && await summaries.TryGetMeetingAsync(header.Id, cancellationToken).ConfigureAwait(false) is var (meeting, unreadable))
        {
            var card = meeting is null
                ? SummaryCard.BuildOverview([], turn.Locale, null, SummaryService.Unreadable(unreadable))
                : await summaries.CardAsync(meeting, meetings, turn.Locale, unreadable, cancellationToken).ConfigureAwait(false);
            await turn.ReplyCardAsync(card, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await SummaryReplies.ReplyNoneOrChooserAsync(turn, selection, argument, unreadable: null, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}

/// <summary><c>export</c> / <c>导出</c> [meeting name], organisers only: a short-lived download link of the ledger.</summary>
internal sealed class ExportCommand(SummaryService summaries) : IMessageHandler
{
    public int Order => 201;

    public async Task<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!SummaryCommands.TryParseExport(turn.Text, out var argument))
        {
            return false;
        }

        if (await SummaryReplies.SelectForOrganiserAsync(summaries, turn, argument, cancellationToken).ConfigureAwait(false) is not (_, var selection))
        {
            return true;
        }
        if (selection.Meeting is { } meeting)
        {
            await turn.ReplyTextAsync(await SummaryReplies.ExportTextAsync(summaries, meeting, turn.Locale, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await SummaryReplies.ReplyNoneOrChooserAsync(turn, selection, argument, unreadable: null, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}

/// <summary>The "Show summary" buttons of choosers, overviews and other meetings.</summary>
internal sealed class ShowSummaryAction(SummaryService summaries) : ICardActionHandler
{
    public string Verb => SummaryVerbs.Show;

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        if (!summaries.IsOrganiser(turn.SenderAadObjectId))
        {
            return await SummaryReplies.RefuseAsync(turn, action, cancellationToken).ConfigureAwait(false);
        }

        var meetings = await summaries.ListMeetingHeadersAsync(cancellationToken).ConfigureAwait(false);
        var (meeting, unreadable) = meetings.Any(m => m.Id == action.GetString("meetingId"))
            ? await summaries.TryGetMeetingAsync(action.GetString("meetingId")!, cancellationToken).ConfigureAwait(false)
            : (null, null);
        if (meeting is null)
        {
            var text = Texts.Format(turn.Locale, "summary.noMatch", action.GetString("meetingId"));
            return action.IsInvoke ? InvokeResponse.Message(text) : await SummaryReplies.TextAsync(turn, text, cancellationToken).ConfigureAwait(false);
        }

        var card = await summaries.CardAsync(meeting, meetings, turn.Locale, unreadable, cancellationToken).ConfigureAwait(false);
        if (action.IsInvoke)
        {
            return InvokeResponse.Card(CardJson.ToElement(card));
        }

        await turn.ReplyCardAsync(card, cancellationToken).ConfigureAwait(false);
        return InvokeResponse.Message(string.Empty);
    }
}

/// <summary>The "Export the ledger" button of a summary card: the link comes as a reply, so the card stays as it was.</summary>
internal sealed class ExportAction(SummaryService summaries) : ICardActionHandler
{
    public string Verb => SummaryVerbs.Export;

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        if (!summaries.IsOrganiser(turn.SenderAadObjectId))
        {
            return await SummaryReplies.RefuseAsync(turn, action, cancellationToken).ConfigureAwait(false);
        }

        var meeting = action.GetString("meetingId") is { Length: > 0 } id ? await summaries.GetMeetingAsync(id, cancellationToken).ConfigureAwait(false) : null;
        var text = meeting is null
            ? Texts.Format(turn.Locale, "summary.noMatch", action.GetString("meetingId"))
            : await SummaryReplies.ExportTextAsync(summaries, meeting, turn.Locale, cancellationToken).ConfigureAwait(false);
        return await SummaryReplies.TextAsync(turn, text, cancellationToken).ConfigureAwait(false);
    }
}

internal static class SummaryReplies
{
    /// <summary>
    /// The meetings a command's argument names, for an organiser; for anyone else a refusal is sent and there is no selection.
    /// </summary>
    public static async Task<(IReadOnlyList<MeetingDocument> Meetings, MeetingSelection Selection)?> SelectForOrganiserAsync(SummaryService summaries, TurnContext turn, string? argument, CancellationToken cancellationToken)
    {
        if (!summaries.IsOrganiser(turn.SenderAadObjectId))
        {
            await turn.ReplyTextAsync(Texts.Get(turn.Locale, "summary.notOrganiser"), cancellationToken).ConfigureAwait(false);
            return null;
        }

        var meetings = await summaries.ListMeetingHeadersAsync(cancellationToken).ConfigureAwait(false);
        return (meetings, SummaryCommands.Select(meetings, argument));
    }

    public static async Task<string> ExportTextAsync(SummaryService summaries, MeetingDocument meeting, UiLocale locale, CancellationToken cancellationToken)
    {
        var link = await summaries.Links.ExportAsync(meeting.Id, locale, cancellationToken).ConfigureAwait(false);
        return link is null
            ? Texts.Get(locale, "summary.noPublicUrl")
            : Texts.Format(locale, "summary.exportReady", meeting.Title, link.Url.AbsoluteUri, SummaryLinks.ExpiryText(link.Expires));
    }

    public static async Task ReplyNoneOrChooserAsync(TurnContext turn, MeetingSelection selection, string? argument, IReadOnlyList<UnreadableMeeting>? unreadable, CancellationToken cancellationToken)
    {
        if (selection.Candidates.Count > 0)
        {
            var choices = selection.Candidates.Select(m => new MeetingChoice(m.Id, m.Title)).ToList();
            await turn.ReplyCardAsync(SummaryCard.BuildChooser(choices, turn.Locale), cancellationToken).ConfigureAwait(false);
            return;
        }

        var text = argument is null ? Texts.Get(turn.Locale, "summary.noMeetings") : Texts.Format(turn.Locale, "summary.noMatch", argument);
        foreach (var meeting in unreadable ?? [])
        {
            text += "\n\n" + Texts.Format(turn.Locale, "summary.unreadable", meeting.BlobName);
        }

        await turn.ReplyTextAsync(text, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A non-organiser pressed an organiser's button (a forwarded card): a polite refusal, and nothing else happens.</summary>
    public static Task<InvokeResponse> RefuseAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        var text = Texts.Get(turn.Locale, "summary.notOrganiser");
        return action.IsInvoke ? Task.FromResult(InvokeResponse.Message(text)) : TextAsync(turn, text, cancellationToken);
    }

    /// <summary>Replies with text in the conversation and answers an invoke with the same text.</summary>
    public static async Task<InvokeResponse> TextAsync(TurnContext turn, string text, CancellationToken cancellationToken)
    {
        await turn.ReplyTextAsync(text, cancellationToken).ConfigureAwait(false);
        return InvokeResponse.Message(text);
    }
}
