using System.Globalization;
using System.Text.Json;
using FollowUpBot.Assist;
using FollowUpBot.Departments;
using FollowUpBot.FollowUp;
using FollowUpBot.Localization;
using FollowUpBot.Teams;
using Microsoft.Extensions.Options;

namespace FollowUpBot.Meetings;

/// <summary>
/// First in DESIGN.md's routing: from an organiser, an attached .txt/.docx or a pasted text with directives is an
/// import, and <c>import</c> / <c>导入</c> opens the import card. Others asking to import are refused politely;
/// their other messages go on to the next handlers (progress replies).
/// </summary>
internal sealed partial class ImportCommand(
    MeetingImporter importer,
    ReviewCardFactory reviews,
    ReviewAssist assist,
    IHttpClientFactory httpClients,
    IOptions<FollowUpOptions> options,
    TimeProvider time,
    ILogger<ImportCommand> logger) : IMessageHandler
{
    public const string FileDownloadClient = "teams-file-download";
    private const string FileDownloadInfo = "application/vnd.microsoft.teams.file.download.info";

    public int Order => 10;

    public async Task<bool> TryHandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var file = turn.Activity.Attachments?.FirstOrDefault(a => string.Equals(a.ContentType, FileDownloadInfo, StringComparison.OrdinalIgnoreCase));
        var asksToImport = turn.Text.ToLowerInvariant() is "import" or "导入" or "导入会议" or "/import";
        var organiser = turn.IsOrganiser(options.Value);
        if (!organiser)
        {
            if (file is null && !asksToImport)
            {
                return false;
            }

            await turn.ReplyTextAsync(Texts.Get(turn.Locale, "import.refused"), cancellationToken).ConfigureAwait(false);
            return true;
        }

        var today = turn.Today(time, options.Value.TimeZone);
        if (asksToImport)
        {
            await turn.ReplyCardAsync(ImportCard.Build(turn.Locale, today, turn.Activity.SenderTimeZone ?? options.Value.TimeZone), cancellationToken).ConfigureAwait(false);
            return true;
        }

        ImportRequest request;
        if (file is not null)
        {
            var bytes = await DownloadAsync(turn, file, cancellationToken).ConfigureAwait(false);
            if (bytes is null)
            {
                return true;
            }

            request = new ImportRequest(null, bytes, file.Name, null, today, turn.Activity.SenderTimeZone, turn.TenantId, turn.Sender(), turn.Locale);
        }
        else if (importer.LooksLikeMeetingText(turn.Activity.Text ?? string.Empty, today, out var directives))
        {
            request = new ImportRequest(turn.Activity.Text, null, null, null, today, turn.Activity.SenderTimeZone, turn.TenantId, turn.Sender(), turn.Locale, directives);
        }
        else
        {
            return false;
        }

        try
        {
            var meeting = await importer.ImportAsync(request, cancellationToken).ConfigureAwait(false);
            var card = await reviews.BuildAsync(meeting, turn.Locale, banner: assist.PendingBanner(turn.Locale), cancellationToken: cancellationToken).ConfigureAwait(false);
            var sent = await turn.ReplyCardAsync(card, cancellationToken).ConfigureAwait(false);
            assist.Start(meeting, turn, sent.Id);
        }
        catch (ImportException e)
        {
            await turn.ReplyTextAsync(e.Message, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Fetches a Teams file attachment (a pre-authorised download URL) within the size limit; null after telling the user why not.</summary>
    private async Task<byte[]?> DownloadAsync(TurnContext turn, Attachment file, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxImportBytes;
        var url = file.Content is { ValueKind: JsonValueKind.Object } content && content.TryGetProperty("downloadUrl", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : file.ContentUrl;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback))
        {
            await turn.ReplyTextAsync(Texts.Format(turn.Locale, "import.fileFailed", "no https download URL"), cancellationToken).ConfigureAwait(false);
            return null;
        }

        try
        {
            using var response = await httpClients.CreateClient(FileDownloadClient).GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                await turn.ReplyTextAsync(Texts.Format(turn.Locale, "import.fileFailed", (int)response.StatusCode), cancellationToken).ConfigureAwait(false);
                return null;
            }

            if (response.Content.Headers.ContentLength > limit)
            {
                await ReplyTooLargeAsync(turn, limit, cancellationToken).ConfigureAwait(false);
                return null;
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                // Without a Content-Length the limit is enforced while reading, never after buffering everything.
                if (buffer.Length + read > limit)
                {
                    await ReplyTooLargeAsync(turn, limit, cancellationToken).ConfigureAwait(false);
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogDownloadFailed(logger, uri.Host, e);
            await turn.ReplyTextAsync(Texts.Format(turn.Locale, "import.fileFailed", e.GetType().Name), cancellationToken).ConfigureAwait(false);
            return null;
        }
    }

    private static Task<ResourceResponse> ReplyTooLargeAsync(TurnContext turn, long limit, CancellationToken cancellationToken) =>
        turn.ReplyTextAsync(Texts.Format(turn.Locale, "import.fileTooLarge", (limit / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture)), cancellationToken);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Downloading an attached meeting file from {Host} failed.")]
    private static partial void LogDownloadFailed(ILogger logger, string host, Exception exception);
}

/// <summary>The import card's button: extracts the pasted text and answers with the review card in its place.</summary>
internal sealed class ImportSubmitAction(MeetingImporter importer, ReviewCardFactory reviews, ReviewAssist assist, IOptions<FollowUpOptions> options, TimeProvider time) : ICardActionHandler
{
    public string Verb => ImportCard.SubmitVerb;

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        if (!turn.IsOrganiser(options.Value))
        {
            return await turn.AnswerTextAsync(action, Texts.Get(turn.Locale, "import.refused"), cancellationToken).ConfigureAwait(false);
        }

        var date = DateOnly.TryParseExact(action.GetString("date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : turn.Today(time, options.Value.TimeZone);
        var request = new ImportRequest(action.GetString("text"), null, null, action.GetString("title"), date, action.GetString("timeZone"), turn.TenantId, turn.Sender(), turn.Locale);
        try
        {
            var meeting = await importer.ImportAsync(request, cancellationToken).ConfigureAwait(false);
            var card = await reviews.BuildAsync(meeting, turn.Locale, banner: assist.PendingBanner(turn.Locale), cancellationToken: cancellationToken).ConfigureAwait(false);
            var answer = await turn.AnswerCardAsync(action, card, cancellationToken).ConfigureAwait(false);

            // The review card replaced the import card (the message pressed), so that is the message the suggestions update.
            assist.Start(meeting, turn, turn.Activity.ReplyToId);
            return answer;
        }
        catch (ImportException e)
        {
            return await turn.AnswerTextAsync(action, e.Message, cancellationToken).ConfigureAwait(false);
        }
    }
}
