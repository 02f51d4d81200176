using System.Diagnostics;
using System.Reflection;
using System.Text;
using FollowUpBot.Testing;

namespace FollowUpBot.Tests.Infra;

/// <summary>
/// The Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package that the test project restores
/// (its folder is stamped into this assembly at build time), run as a child process.
/// </summary>
internal static class BicepCli
{
    private const string PackageFolder = "azure.bicep.commandline.linux-x64";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    // Environment variables main.bicepparam reads: the child must not see a developer's own values.
    private static readonly string[] DeploymentVariables = ["BOT_APP_TYPE", "BOT_APP_ID", "BOT_CLIENT_SECRET", "FOLLOWUP_ORGANISERS", "FOLLOWUP_AI_ENDPOINT", "FOLLOWUP_AI_MODEL", "FOLLOWUP_AI_KEY"];

    public static string Path { get; } = Locate();

    public static async Task<BicepRun> RunAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(Path)
        {
            WorkingDirectory = workingDirectory,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in DeploymentVariables)
        {
            start.Environment.Remove(name);
        }

        var (exitCode, stdout, stderr) = await ExternalTool.CaptureAsync(start, Timeout);
        return new BicepRun(exitCode, stdout, stderr);
    }

    private static string Locate()
    {
        var stamped = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "BicepPackagePath")?.Value;
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
            ? custom
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var candidates = new[]
        {
            string.IsNullOrEmpty(stamped) ? null : System.IO.Path.Combine(stamped, "tools", "bicep"),
            System.IO.Path.Combine(packages, PackageFolder, "0.49.2", "tools", "bicep"),
        };
        var path = candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"The Bicep CLI is missing (looked at {string.Join(", ", candidates.Where(c => c is not null))}): restore tests/FollowUpBot.Tests on linux-x64.");

        // NuGet does not always keep the execute bit of a file in a package.
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            var mode = File.GetUnixFileMode(path);
            if (!mode.HasFlag(UnixFileMode.UserExecute))
            {
                File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }
        }

        return path;
    }
}

/// <summary>What one bicep command printed; <see cref="Diagnostics"/> are its error, warning and info lines.</summary>
internal sealed record BicepRun(int ExitCode, string Stdout, string Stderr)
{
    public IReadOnlyList<string> Diagnostics =>
        (Stdout + "\n" + Stderr).Split('\n')
            .Where(l => l.Contains(" : Error ", StringComparison.Ordinal) || l.Contains(" : Warning ", StringComparison.Ordinal) || l.Contains(" : Info ", StringComparison.Ordinal))
            .ToList();
}
