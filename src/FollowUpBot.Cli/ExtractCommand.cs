using System.Text;
using FollowUpBot.Departments;
using FollowUpBot.Directives;

namespace FollowUpBot.Cli;

/// <summary><c>followup extract FILE</c>: the directives of a meeting text as a table, JSON or Markdown.</summary>
internal sealed class ExtractCommand(TimeProvider time) : ICliCommand
{
    public ExtractCommand()
        : this(TimeProvider.System)
    {
    }

    public string Name => "extract";

    public string Summary => "extract the directives of a meeting text (.txt, .md, .docx)";

    public string Usage => "FILE [--meeting-date YYYY-MM-DD] [--time-zone Asia/Shanghai] [--directory FILE] [--calendar FILE] [--format table|json|markdown]";

    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var parsed = new CliArgs(args, new HashSet<string>());
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

        var directives = new DirectiveExtractor(settings.Calendar).Extract(text.Text, settings.MeetingDate);
        var matcher = new DepartmentMatcher(directory);
        var rows = directives.Select(d => DirectiveJson.From(d, matcher)).ToList();
        var rendered = format switch
        {
            "json" => DirectiveJson.Serialize(rows),
            "markdown" => Markdown(rows),
            _ => Table(rows),
        };
        await output.WriteLineAsync(rendered).ConfigureAwait(false);
        return 0;
    }

    private static string Table(List<DirectiveJson> rows)
    {
        var builder = new StringBuilder();
        foreach (var row in rows)
        {
            builder.Append(row.Id).Append("  [").Append(row.Section).Append("]  ")
                .Append(row.Lead.Count == 0 ? "(unassigned)" : string.Join("、", row.Lead));
            if (row.Support.Count > 0)
            {
                builder.Append("  support: ").Append(string.Join("、", row.Support));
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
                builder.Append("  unknown: ").Append(string.Join("、", row.UnknownActors));
            }

            builder.AppendLine().Append("    ").AppendLine(row.Quote);
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
            builder.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"| {row.Id} | {Cell(row.Section)} | {Cell(string.Join("、", row.Lead))} | {Cell(string.Join("、", row.Support))} | {Cell(row.Deadline?.Text ?? string.Empty)} | {row.Deadline?.Due ?? row.Deadline?.Recurrence ?? string.Empty} | {Cell(row.Quote)} |");
        }

        return builder.ToString().TrimEnd();
    }

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');
}
