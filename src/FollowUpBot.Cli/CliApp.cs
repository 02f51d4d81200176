namespace FollowUpBot.Cli;

/// <summary>
/// The <c>followup</c> command line. Each command is a class of its own in this project; add it to
/// <see cref="Commands"/>. Exit codes: 0 success, 1 a check failed (e.g. eval below --min-f1), 2 bad usage or input.
/// </summary>
internal static class CliApp
{
    public static IReadOnlyList<ICliCommand> Commands { get; } =
    [
        new Packaging.PackageCommand(),
        new ExtractCommand(),
        new EvalCommand(),
        new EvalLoboCommand(),
        new TrainDirectivesCommand(),
        new Progress.ParseReplyCommand(),
        new Progress.TrainRepliesCommand(),
        new ExportCommand(),
        new BulletinCommand(),
    ];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            WriteUsage(output);
            return args.Length == 0 ? 2 : 0;
        }

        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            await error.WriteLineAsync($"followup: unknown command '{args[0]}'.").ConfigureAwait(false);
            WriteUsage(error);
            return 2;
        }

        try
        {
            return await command.RunAsync(args[1..], output, error, cancellationToken).ConfigureAwait(false);
        }
        catch (CliUsageException e)
        {
            await error.WriteLineAsync($"followup {command.Name}: {e.Message}").ConfigureAwait(false);
            await error.WriteLineAsync($"usage: followup {command.Name} {command.Usage}").ConfigureAwait(false);
            return 2;
        }
    }

    private static void WriteUsage(TextWriter writer)
    {
        writer.WriteLine("usage: followup COMMAND [options]");
        writer.WriteLine();
        foreach (var command in Commands)
        {
            writer.WriteLine($"  {command.Name,-12} {command.Summary}");
            writer.WriteLine($"  {string.Empty,-12} followup {command.Name} {command.Usage}");
        }
    }
}

/// <summary>One <c>followup</c> command.</summary>
internal interface ICliCommand
{
    string Name { get; }

    string Summary { get; }

    string Usage { get; }

    Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken);
}

/// <summary>Bad arguments: printed with the command's usage, exit code 2.</summary>
internal sealed class CliUsageException : Exception
{
    public CliUsageException()
    {
    }

    public CliUsageException(string message)
        : base(message)
    {
    }

    public CliUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Minimal option parsing shared by the commands: positional arguments, <c>--name value</c>,
/// <c>--name=value</c> and flags.
/// </summary>
internal sealed class CliArgs
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public CliArgs(string[] args, IReadOnlySet<string> flags)
    {
        var positional = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var eq = arg.IndexOf('=', StringComparison.Ordinal);
                var name = eq > 0 ? arg[2..eq] : arg[2..];
                if (eq > 0)
                {
                    _options[name] = arg[(eq + 1)..];
                }
                else if (flags.Contains(name))
                {
                    _options[name] = null;
                }
                else if (i + 1 < args.Length)
                {
                    _options[name] = args[++i];
                }
                else
                {
                    throw new CliUsageException($"--{name} needs a value.");
                }
            }
            else
            {
                positional.Add(arg);
            }
        }

        Positional = positional;
    }

    public IReadOnlyList<string> Positional { get; }

    public string? Option(string name)
    {
        _used.Add(name);
        return _options.GetValueOrDefault(name);
    }

    public bool Flag(string name)
    {
        _used.Add(name);
        return _options.ContainsKey(name);
    }

    /// <summary>Refuses options no command asked for, so a typo is not silently ignored.</summary>
    public void ThrowIfUnknownOptions()
    {
        var unknown = _options.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new CliUsageException($"unknown option --{unknown[0]}.");
        }
    }
}
