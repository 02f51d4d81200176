using System.Globalization;
using FollowUpBot.Bulletins;
using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace FollowUpBot.Cli;

/// <summary>
/// <c>followup bulletin</c>: writes the progress bulletin (督办通报) of one meeting as a .docx laid out after
/// GB/T 9704, reading the bot's storage directly; the period runs from <c>--since</c> (default: the meeting's
/// date) to today in the meeting's time zone. The title and requirements an organiser saved for that period are used.
/// </summary>
internal sealed class BulletinCommand(TimeProvider? time = null) : ICliCommand
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public string Name => "bulletin";

    public string Summary => "write a meeting's progress bulletin (督办通报) as .docx from the bot's storage";

    public string Usage => "--meeting ID (--data DIR | --connection-string CS [--container NAME]) --out FILE.docx [--lang zh-CN|en-US] [--since YYYY-MM-DD] [--time-zone IANA]";

    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var parsed = new CliArgs(args, new HashSet<string>());
        var meetingId = parsed.Option("meeting") is { Length: > 0 } id ? id : throw new CliUsageException("--meeting is required.");
        var outPath = parsed.Option("out") is { Length: > 0 } o ? Path.GetFullPath(o) : throw new CliUsageException("--out is required.");
        var lang = parsed.Option("lang") ?? "zh-CN";
        if (lang is not ("zh-CN" or "en-US"))
        {
            throw new CliUsageException($"--lang is zh-CN or en-US, not '{lang}'.");
        }

        DateOnly? since = null;
        if (parsed.Option("since") is { } sinceText)
        {
            since = DateOnly.TryParseExact(sinceText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsedSince)
                ? parsedSince
                : throw new CliUsageException($"--since is a date YYYY-MM-DD, not '{sinceText}'.");
        }

        var fallbackZone = parsed.Option("time-zone") ?? "Asia/Shanghai";
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(fallbackZone, out _))
        {
            throw new CliUsageException($"--time-zone '{fallbackZone}' is not a known time zone.");
        }

        var store = CliStorage.Open(parsed);
        parsed.ThrowIfUnknownOptions();
        var locale = UiLocales.FromTag(lang);

        var ledger = new MeetingLedger(store, _time, NullLogger<MeetingLedger>.Instance);
        MeetingDocument? meeting;
        BulletinIssueDocument? issue = null;
        Bulletin bulletin;
        try
        {
            meeting = (await ledger.GetMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false))?.Document;
            if (meeting is null)
            {
                await error.WriteLineAsync($"followup bulletin: there is no meeting '{meetingId}' in that storage.").ConfigureAwait(false);
                return 2;
            }

            var zone = BulletinRules.ZoneOf(meeting, fallbackZone);
            var until = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_time.GetUtcNow(), zone).DateTime);
            if (since > until)
            {
                throw new CliUsageException($"--since {since:yyyy-MM-dd} is after today ({until:yyyy-MM-dd}) in the meeting's time zone.");
            }

            var start = since ?? BulletinRules.DefaultSince(meeting, until, zone);
            issue = (await store.GetIssueAsync(meeting.Id, start, until, cancellationToken).ConfigureAwait(false))?.Document;
            bulletin = BulletinRules.Build(meeting, until, locale, zone, start, issue?.Title, issue?.Requirements);
        }
        catch (Exception e) when (e is IOException or StoredDocumentException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"followup bulletin: cannot read meeting '{meetingId}': {e.Message}").ConfigureAwait(false);
            return 2;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
        // Written beside the target and moved into place, so a failed run leaves no half-written file.
        var temp = outPath + ".tmp";
        await using (var file = File.Create(temp))
        {
            BulletinDocument.Write(file, bulletin);
        }

        File.Move(temp, outPath, overwrite: true);
        var counts = string.Join(", ", BulletinRules.SectionOrder.Select(s => $"{s} {bulletin.Count(s)}"));
        await output.WriteLineAsync($"{outPath}: '{bulletin.Title}', {bulletin.Since:yyyy-MM-dd}..{bulletin.Until:yyyy-MM-dd}, {bulletin.Items.Count} items ({counts})").ConfigureAwait(false);
        return 0;
    }
}
