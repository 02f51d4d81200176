using FollowUpBot.Ledger;
using FollowUpBot.Localization;
using FollowUpBot.Summaries;
using Microsoft.Extensions.Logging.Abstractions;

namespace FollowUpBot.Cli;

/// <summary>
/// <c>followup export</c>: writes the ledger (督办台账) of one meeting as .xlsx, reading the bot's storage
/// directly: a local data folder or an Azure Storage account (connection string).
/// </summary>
internal sealed class ExportCommand : ICliCommand
{
    public string Name => "export";

    public string Summary => "write a meeting's ledger (督办台账) as .xlsx from the bot's storage";

    public string Usage => "--meeting ID (--data DIR | --connection-string CS [--container NAME]) --out FILE.xlsx [--lang zh-CN|en-US]";

    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var parsed = new CliArgs(args, new HashSet<string>());
        var meetingId = parsed.Option("meeting") is { Length: > 0 } id ? id : throw new CliUsageException("--meeting is required.");
        var outPath = parsed.Option("out") is { Length: > 0 } o ? Path.GetFullPath(o) : throw new CliUsageException("--out is required.");
        var locale = UiLocales.FromTag(parsed.Option("lang") ?? "zh-CN");
        var store = CliStorage.Open(parsed);
        parsed.ThrowIfUnknownOptions();

        var ledger = new MeetingLedger(store, TimeProvider.System, NullLogger<MeetingLedger>.Instance);
        MeetingDocument? meeting;
        try
        {
            meeting = (await ledger.GetMeetingAsync(meetingId, cancellationToken).ConfigureAwait(false))?.Document;
        }
        catch (Exception e) when (e is IOException or StoredDocumentException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"followup export: cannot read meeting '{meetingId}': {e.Message}").ConfigureAwait(false);
            return 2;
        }

        if (meeting is null)
        {
            await error.WriteLineAsync($"followup export: there is no meeting '{meetingId}' in that storage.").ConfigureAwait(false);
            return 2;
        }

        var history = await MeetingHistory.ReadAsync(ledger, meeting, cancellationToken).ConfigureAwait(false);
        var rows = LedgerExport.Rows(meeting, history, locale);
        Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);

        // Written beside the target and moved into place, so a failed export leaves no half-written file.
        var temp = outPath + ".tmp";
        await using (var file = File.Create(temp))
        {
            LedgerExport.Write(file, rows, locale);
        }

        File.Move(temp, outPath, overwrite: true);
        await output.WriteLineAsync($"{outPath}: {rows.Count} rows ({meeting.Items.Count} items) of '{meeting.Title}'").ConfigureAwait(false);
        return 0;
    }
}
