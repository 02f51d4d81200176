using System.Diagnostics;

namespace FollowUpBot.Testing;

/// <summary>Runs a command-line tool the tests use (LibreOffice, pdftotext, pdftoppm, the Bicep CLI) as a child process.</summary>
internal static class ExternalTool
{
    /// <summary>Runs the tool and throws (failing the test) if it does not exit with 0.</summary>
    public static async Task RunAsync(string file, IEnumerable<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var (exitCode, stdout, stderr) = await CaptureAsync(start, timeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{file} exited with {exitCode}: {stdout} {stderr}");
        }
    }

    /// <summary>Runs the process as <paramref name="start"/> describes it (output redirected here) and returns its exit
    /// code and output; kills it, with its children, when it outlives <paramref name="timeout"/>.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> CaptureAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
