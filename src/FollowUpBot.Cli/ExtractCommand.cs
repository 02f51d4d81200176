using System.Globalization;
using System.Text;
using FollowUpBot.Assist;
using FollowUpBot.Departments;
using FollowUpBot.Directives;
using Microsoft.Extensions.Logging.Abstractions;

namespace FollowUpBot.Cli;

/// <summary><c>followup extract FILE</c>: the directives of a meeting text as a table, JSON or Markdown.</summary>
internal sealed class ExtractCommand(TimeProvider time, Func<string, string?> environment) : ICliCommand
{
    public ExtractCommand()
        : this(TimeProvider.System)
    {
    }

    public ExtractCommand(TimeProvider time)
        : this(time, Environment.GetEnvironmentVariable)
    {
    }

    public string Name => "extract";

    public string Summary => "extract the directives of a meeting text (.txt, .md, .docx, .doc/.wps, .odt, .xlsx/.xls/.et, .pdf, .vtt)";

    public string Usage => "FILE [--meeting-date YYYY-MM-DD] [--time-zone Asia/Shanghai] [--directory FILE] [--calendar FILE] [--format table|json|markdown] [--ai [--ai-endpoint URL] [--ai-model NAME]] (AI key: FollowUp__AI__Key)";

    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var parsed = new CliArgs(args, new HashSet<string>(["ai"], StringComparer.Ordinal));
        if (parsed.Positional.Count != 1)
        {
            throw new CliUsageException("give exactly one FILE.");
        }

        var settings = await ExtractionSettings.FromArgsAsync(parsed, time, cancellationToken).ConfigureAwait(false);
        var format = parsed.Option("format") ?? "table";
        if (format is not ("table" or "json" or "markdown"))
        {
            throw new CliUsageException($"--format {format}: use table, json or markdown.");
        }

        var directoryPath = parsed.Option("directory");
        var assist = AssistSettings(parsed);
        parsed.ThrowIfUnknownOptions();
        var directory = DepartmentDirectory.Empty;
        if (directoryPath is not null)
        {
            try
            {
                directory = await DepartmentDirectory.LoadAsync(directoryPath, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                throw new CliUsageException($"--directory {directoryPath}: {e.Message}", e);
            }
        }

        MeetingText text;
        try
        {
            text = await MeetingTextReader.ReadFileAsync(parsed.Positional[0], cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (MeetingTextException e)
        {
            await error.WriteLineAsync($"followup extract: {parsed.Positional[0]}: {e.Message}").ConfigureAwait(false);
            return 2;
        }

        IReadOnlyList<Directive> directives = new DirectiveExtractor(settings.Calendar).Extract(text.Text, settings.MeetingDate);
        IReadOnlySet<string> fromAi = new HashSet<string>();
        if (assist is not null)
        {
            (directives, fromAi) = await AssistAsync(assist, text.Text, directives, directory, settings, error, cancellationToken).ConfigureAwait(false);
        }

        var matcher = new DepartmentMatcher(directory);
        var rows = directives.Select(d => DirectiveJson.From(d, matcher) with { Origin = fromAi.Contains(d.Id) ? AssistDraft.Origin : null }).ToList();
        var rendered = format switch
        {
            "json" => DirectiveJson.Serialize(rows),
            "markdown" => Markdown(rows),
            _ => Table(rows),
        };
        await output.WriteLineAsync(rendered).ConfigureAwait(false);
        return 0;
    }

    /// <summary>
    /// The AI assist's settings when <c>--ai</c> is given: the same names as the app's <c>FollowUp:AI</c> section, from the
    /// environment (<c>FollowUp__AI__Endpoint</c>, <c>__Model</c>, <c>__Key</c>), the endpoint and model overridable by
    /// options. The key is read only from the environment: a command line is visible to every user of the machine.
    /// </summary>
    private AssistOptions? AssistSettings(CliArgs parsed)
    {
        var endpoint = parsed.Option("ai-endpoint");
        var model = parsed.Option("ai-model");
        if (!parsed.Flag("ai"))
        {
            return endpoint is null && model is null ? null : throw new CliUsageException("--ai-endpoint and --ai-model go with --ai.");
        }

        var options = new AssistOptions
        {
            Endpoint = endpoint ?? environment("FollowUp__AI__Endpoint"),
            Model = model ?? environment("FollowUp__AI__Model"),
            Key = environment("FollowUp__AI__Key"),
        };
        if (!options.Enabled)
        {
            throw new CliUsageException("--ai needs an endpoint: --ai-endpoint URL or FollowUp__AI__Endpoint.");
        }

        return options.Problems() is { Count: > 0 } problems ? throw new CliUsageException(string.Join(" ", problems)) : options;
    }

    private async Task<(IReadOnlyList<Directive>, IReadOnlySet<string>)> AssistAsync(
        AssistOptions options,
        string text,
        IReadOnlyList<Directive> directives,
        DepartmentDirectory directory,
        ExtractionSettings settings,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        if (directory.Departments.Count == 0)
        {
            await error.WriteLineAsync("followup extract: --ai needs --directory (suggestions name only known departments); AI assist skipped.").ConfigureAwait(false);
            return (directives, new HashSet<string>());
        }

        var caller = new AssistCaller(AssistChatClient.Create(options), options, time, NullLogger<AssistCaller>.Instance);
        var assistant = new ExtractionAssistant(caller, settings.Calendar, NullLogger<ExtractionAssistant>.Instance);
        var spans = directives.Select(d => new AssistSpan(d.Start, d.Length, d.Lead.Count > 0)).ToList();
        var result = await assistant.SuggestAsync(text, spans, directory, settings.MeetingDate, cancellationToken).ConfigureAwait(false);
        await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"followup extract: AI assist {result.Outcome.ToString().ToLowerInvariant()}: kept {result.Suggestions.Count}, dropped {result.DroppedQuotes} (quote not in the text), {result.DroppedDepartments} (unknown department), {result.DroppedCovered} (already covered).")).ConfigureAwait(false);
        var (merged, fromAi) = AssistDraft.Apply(directives, result.Suggestions);
        return (merged, fromAi);
    }

    private static string Table(List<DirectiveJson> rows)
    {
        var builder = new StringBuilder();
        foreach (var row in rows)
        {
            builder.Append(row.Id).Append("  [").Append(row.Section).Append("]  ")
                .Append(row.Lead.Count == 0 ? "(unassigned)" : HardWraps.OneLine(string.Join("、", row.Lead)));
            if (row.Origin is not null)
            {
                builder.Append("  [suggested by AI]");
            }

            if (row.Support.Count > 0)
            {
                builder.Append("  support: ").Append(HardWraps.OneLine(string.Join("、", row.Support)));
            }

            if (row.Deadline is { } deadline)
            {
                builder.Append("  due: ").Append(deadline.Text);
                if (deadline.Due is not null || deadline.Recurrence is not null)
                {
                    builder.Append(" → ").Append(deadline.Due ?? deadline.Recurrence);
                }
            }

            if (row.UnknownActors.Count > 0)
            {
                builder.Append("  unknown: ").Append(HardWraps.OneLine(string.Join("、", row.UnknownActors)));
            }

            builder.AppendLine().Append("    ").AppendLine(HardWraps.OneLine(row.Quote));
        }

        var assigned = rows.Count(r => r.Lead.Count > 0);
        builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"{assigned} directive(s) with a lead, {rows.Count - assigned} unassigned candidate(s).");
        return builder.ToString();
    }

    private static string Markdown(List<DirectiveJson> rows)
    {
        var builder = new StringBuilder();
        builder.AppendLine("| # | section | lead | support | deadline | due | quote |");
        builder.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            builder.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"| {row.Id} | {Cell(row.Section)} | {Cell(string.Join("、", row.Lead))}{(row.Origin is null ? string.Empty : " (AI)")} | {Cell(string.Join("、", row.Support))} | {Cell(row.Deadline?.Text ?? string.Empty)} | {row.Deadline?.Due ?? row.Deadline?.Recurrence ?? string.Empty} | {Cell(row.Quote)} |");
        }

        return builder.ToString().TrimEnd();
    }

    private static string Cell(string value) => HardWraps.OneLine(value).Replace("|", "\\|", StringComparison.Ordinal);
}
