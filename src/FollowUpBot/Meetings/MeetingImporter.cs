using System.Globalization;
using FollowUpBot.Departments;
using FollowUpBot.Directives;
using FollowUpBot.FollowUp;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Meetings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowUpBot.Meetings;

/// <summary>
/// What an organiser handed over: text or file bytes, and what they said about the meeting. <paramref name="Directives"/>
/// are the directives already read from <paramref name="Text"/> for <paramref name="MeetingDate"/>, so a pasted text is
/// read once.
/// </summary>
internal sealed record ImportRequest(
    string? Text,
    byte[]? FileBytes,
    string? FileName,
    string? Title,
    DateOnly? MeetingDate,
    string? TimeZone,
    string? TenantId,
    Person Organiser,
    UiLocale Locale,
    IReadOnlyList<Directive>? Directives = null);

/// <summary>An import refused for a reason the organiser can act on; the message is in their language.</summary>
internal sealed class ImportException : Exception
{
    public ImportException()
    {
    }

    public ImportException(string message)
        : base(message)
    {
    }

    public ImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Meeting text → stored draft: decode (any encoding, .docx), extract the directives, map actors to the directory,
/// store <c>source.txt</c> and the draft <c>meeting.json</c>. Nothing is stored when there is nothing to follow up.
/// </summary>
internal sealed partial class MeetingImporter(
    MeetingLedger ledger,
    DirectoryStore directory,
    IDirectiveReader reader,
    IOptions<FollowUpOptions> options,
    TimeProvider time,
    ILogger<MeetingImporter> logger)
{
    public async Task<MeetingDocument> ImportAsync(ImportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var locale = request.Locale;
        string text;
        if (request.FileBytes is { } bytes)
        {
            try
            {
                text = MeetingTextReader.Read(bytes, request.FileName, new MeetingTextReaderOptions { MaxBytes = options.Value.MaxImportBytes }).Text;
            }
            catch (MeetingTextException e)
            {
                // The reader's own message is English and technical: it goes to the log, the organiser gets theirs.
                LogUnreadableFile(logger, e.Error, e.Document, e.Message);
                var document = e.Document ?? Path.GetExtension(request.FileName ?? string.Empty).TrimStart('.').ToUpperInvariant();
                var message = e.Error switch
                {
                    MeetingTextError.NoTextLayer => Texts.Get(locale, "import.scannedPdf"),
                    MeetingTextError.MalformedTranscript => Texts.Format(locale, "import.badTranscript", e.Message),
                    MeetingTextError.Empty => Texts.Get(locale, "import.fileEmpty"),
                    MeetingTextError.TooLarge => Texts.Format(locale, "import.fileTooLarge", (options.Value.MaxImportBytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture)),
                    MeetingTextError.Binary => Texts.Get(locale, "import.fileBinary"),
                    MeetingTextError.UnknownEncoding => Texts.Get(locale, "import.fileEncoding"),
                    MeetingTextError.CorruptDocument => Texts.Format(locale, "import.fileCorrupt", document),
                    MeetingTextError.Encrypted => Texts.Format(locale, "import.fileEncrypted", document),
                    MeetingTextError.Unsupported => Texts.Format(locale, "import.fileUnsupported", document),
                    _ => Texts.Format(locale, "import.fileUnreadable", e.Message),
                };
                throw new ImportException(message, e);
            }
        }
        else
        {
            text = request.Text?.Trim() ?? string.Empty;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ImportException(Texts.Get(locale, "import.empty"));
        }

        var timeZone = ResolveTimeZone(request.TimeZone ?? options.Value.TimeZone);
        var now = time.GetUtcNow();
        var meetingDate = request.MeetingDate ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime);
        IReadOnlyList<Directive> directives;
        try
        {
            directives = request.Directives ?? reader.Read(text, meetingDate);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A fault in the extractor's rules: the organiser hears so, and nothing half-read is stored.
            LogExtractionFailed(logger, text.Length, e);
            throw new ImportException(Texts.Get(locale, "import.extractFailed"), e);
        }

        if (directives.Count == 0)
        {
            throw new ImportException(Texts.Get(locale, "import.noDirectives"));
        }

        var matcher = new DepartmentMatcher(await directory.GetAsync(cancellationToken).ConfigureAwait(false));
        var title = string.IsNullOrWhiteSpace(request.Title)
            ? TitleFrom(request.FileName) ?? Texts.Format(locale, "import.defaultTitle", meetingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            : request.Title.Trim();
        var meetingId = $"{meetingDate:yyyyMMdd}-{Guid.NewGuid():N}"[..18];
        var draft = MeetingDraft.Create(meetingId, title, request.TenantId, request.Organiser, timeZone, meetingDate, directives, matcher, now);
        var stored = await ledger.CreateMeetingAsync(draft, text, cancellationToken).ConfigureAwait(false);
        return stored.Document;
    }

    /// <summary>
    /// True when a message looks like a pasted meeting text with at least one directive; <paramref name="directives"/> are
    /// what was read, for the import to use. A text the extractor fails on is taken for one (with no directives), so the
    /// import reads it again and answers the organiser instead of the message vanishing.
    /// </summary>
    public bool LooksLikeMeetingText(string text, DateOnly today, out IReadOnlyList<Directive>? directives)
    {
        directives = null;
        text = text.Trim();
        if (text.Length < 60)
        {
            return false;
        }

        try
        {
            var read = reader.Read(text, today);
            directives = read;
            return read.Any(d => d.Lead.Count > 0);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return true;
        }
    }

    private static string ResolveTimeZone(string zone) => TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _) ? zone : "Asia/Shanghai";

    private static string? TitleFrom(string? fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName ?? string.Empty).Trim();
        return name.Length is > 0 and <= 200 ? name : null;
    }

    // The text is the organiser's, not the bot's: only its length is logged.
    [LoggerMessage(EventId = 3011, Level = LogLevel.Error, Message = "The directive extractor failed on a text of {Length} characters.")]
    private static partial void LogExtractionFailed(ILogger logger, int length, Exception exception);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Information, Message = "An attached meeting file was refused ({Error}, {Document}): {Reason}")]
    private static partial void LogUnreadableFile(ILogger logger, MeetingTextError error, string? document, string reason);
}
