using System.Diagnostics;

namespace FollowUpBot.Testing;

/// <summary>Runs a command-line tool the tests use (LibreOffice, pdftotext, pdftoppm) and fails the test if it fails.</summary>
internal static class ExternalTool
{
    public static async Task RunAsync(string file, IEnumerable<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
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
            throw new TimeoutException($"{file} did not finish within {timeout.TotalMinutes:0} minutes");
        }

        Assert.True(process.ExitCode == 0, $"{file} exited with {process.ExitCode}: {await stdout} {await stderr}");
    }
}
