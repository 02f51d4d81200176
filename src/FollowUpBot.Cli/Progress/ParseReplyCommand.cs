using System.Globalization;

using FollowUpBot.Progress;

namespace FollowUpBot.Cli.Progress;

/// <summary>
/// <c>followup parse-reply "TEXT" [--format json] [--today YYYY-MM-DD] [--items 1,2,3] [--default-item N]</c>:
/// what the bot understands from a progress reply, with the same parser the bot uses, so organisers can
/// see why a reply was read as it was. <c>followup parse-reply --labels FILE.json [--misses]</c> scores the
/// parser on a hand-labelled set (tests/fixtures/replies/*.json) instead.
/// </summary>
internal sealed class ParseReplyCommand : ICliCommand
{
    private readonly TimeProvider _time;
    private readonly Func<string, ReplyContext, ReplyClassifier?, ParsedReply> _read;

    public ParseReplyCommand()
        : this(TimeProvider.System)
    {
    }

    public ParseReplyCommand(TimeProvider time)
        : this(time, static (text, context, learned) => ReplyParser.Parse(text, context, learned, ReplyLearnedPolicy.Chosen))
    {
    }

    /// <summary>A command whose <c>--labels</c> scoring reads with another parser: tests give it one that times out.</summary>
    internal ParseReplyCommand(TimeProvider time, Func<string, ReplyContext, ReplyClassifier?, ParsedReply> read)
    {
        _time = time;
        _read = read;
    }

    public string Name => "parse-reply";

    public string Summary => "show how a free-text progress reply is read";

    public string Usage => "\"TEXT\" [--format json|text] [--today YYYY-MM-DD] [--items 1,2,3] [--default-item N] [--time-zone Asia/Shanghai] | --labels FILE.json [--misses] [--rules-only]";

    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var cli = new CliArgs(args, new HashSet<string>(["misses", "rules-only"], StringComparer.Ordinal));
        if (cli.Option("labels") is { } labels)
        {
            var misses = cli.Flag("misses");
            var rulesOnly = cli.Flag("rules-only");
            cli.ThrowIfUnknownOptions();
            if (cli.Positional.Count > 0)
            {
                throw new CliUsageException("give either the reply text or --labels FILE, not both.");
            }

            return await ScoreAsync(labels, misses, rulesOnly, output, error, cancellationToken).ConfigureAwait(false);
        }

        var format = cli.Option("format") ?? "text";
        var today = cli.Option("today");
        var items = cli.Option("items");
        var defaultItem = cli.Option("default-item");
        var timeZone = cli.Option("time-zone") ?? "Asia/Shanghai";
        cli.ThrowIfUnknownOptions();

        if (cli.Positional.Count != 1)
        {
            throw new CliUsageException("give the reply text as one argument (quote it).");
        }

        if (format is not ("json" or "text"))
        {
            throw new CliUsageException($"unknown --format '{format}': json or text.");
        }

        var context = new ReplyContext(Today(today, timeZone), Items(items), Item(defaultItem, "--default-item"));
        var reply = ReplyParser.Parse(cli.Positional[0], context);
        if (format == "json")
        {
            await output.WriteLineAsync(ReplyJson.Write(reply).AsMemory(), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await output.WriteAsync(Table(reply).AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    private async Task<int> ScoreAsync(string path, bool misses, bool rulesOnly, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        IReadOnlyList<LabelledReplyRow> rows;
        try
        {
            rows = ReplyLabels.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            await error.WriteLineAsync($"followup parse-reply: {path}: {e.Message}").ConfigureAwait(false);
            return 2;
        }

        var lines = new List<string>();
        var timedOut = new List<int>();
        // --rules-only scores the rules without the learned fallback, to split what each contributes.
        var learned = rulesOnly ? null : ReplyClassifier.Default;
        var score = ReplyLabels.ScoreWith(
            rows,
            (text, context) => _read(text, context, learned),
            (row, parsed) => lines.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"  #{row.Row} {row.Status ?? "-"} -> {parsed.Status?.ToContractName() ?? "-"} (item {parsed.Item?.ToString(CultureInfo.InvariantCulture) ?? "?"}, confidence {parsed.Confidence:0.00}): {row.Text}")),
            (row, _) => timedOut.Add(row.Row));
        foreach (var row in timedOut)
        {
            // A regex timeout (a heavily loaded machine) is what the bot meets as a parser failure: it asks. Counted so, not fatal.
            await error.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"followup parse-reply: {Path.GetFileName(path)} row #{row}: the parser ran out of regex time (machine under load?); counted as no status and no item").AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{Path.GetFileName(path)}: rows {score.Rows}, status {score.StatusAccuracy:P1} ({score.StatusRight}/{score.Scored}), no status {score.NoStatusShare:P1}, wrong status {score.WrongStatusShare:P1}, item {score.ItemAccuracy:P1}, newDue {score.NewDueAccuracy:P1}, confident wrong {score.ConfidentWrongShare:P1} ({score.ConfidentWrong})").AsMemory(), cancellationToken).ConfigureAwait(false);
        if (misses)
        {
            foreach (var line in lines)
            {
                await output.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
            }
        }

        return 0;
    }

    private DateOnly Today(string? text, string timeZone)
    {
        if (text is not null)
        {
            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? day
                : throw new CliUsageException($"--today '{text}' is not a date (YYYY-MM-DD).");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone))
        {
            throw new CliUsageException($"unknown --time-zone '{timeZone}'.");
        }

        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_time.GetUtcNow(), zone).DateTime);
    }

    private static int[]? Items(string? text) =>
        text?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => Item(part, "--items") ?? 0)
            .ToArray();

    private static int? Item(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new CliUsageException($"{option}: '{text}' is not an item number.");
    }

    private static string Table(ParsedReply reply)
    {
        var text = new System.Text.StringBuilder();
        void Row(string field, string? value) => text.Append(CultureInfo.InvariantCulture, $"{field,-11} {value ?? "-"}\n");

        var item = reply.Item?.ToString(CultureInfo.InvariantCulture);
        if (reply.Ambiguous)
        {
            item = reply.MentionedItems.Count > 0
                ? $"? (ambiguous: {string.Join(", ", reply.MentionedItems)})"
                : "? (ambiguous: no item named)";
        }
        else if (item is not null)
        {
            item += reply.ItemSource switch
            {
                ReplyItemSource.Marker => $" (from \"{reply.ItemText}\")",
                ReplyItemSource.Default => " (the reminder's item)",
                ReplyItemSource.OnlyOpenItem => " (the only open item)",
                _ => string.Empty,
            };
        }

        Row("item:", item);
        Row("status:", reply.Undo ? "undo the last report" : reply.Status?.ToContractName());
        Row("percent:", reply.Percent?.ToString(CultureInfo.InvariantCulture));
        Row("newDue:", reply.NewDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Row("newDueText:", reply.NewDueText);
        Row("note:", reply.Note);
        Row("confidence:", reply.Status is null ? null : reply.Confidence.ToString("0.00", CultureInfo.InvariantCulture) + (reply.Confidence < ReplyParser.ConfirmBelow ? " (the bot asks to confirm)" : string.Empty));
        Row("cues:", reply.Cues.Count == 0 ? null : string.Join(", ", reply.Cues.Select(c => $"\"{c}\"")));
        foreach (var why in reply.Evidence)
        {
            Row("why:", why.Text.Length == 0 ? why.Meaning : $"\"{why.Text}\" → {why.Meaning}");
        }

        return text.ToString();
    }
}
