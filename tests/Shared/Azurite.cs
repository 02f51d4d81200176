using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace FollowUpBot.Testing;

/// <summary>
/// A real Azurite (Azure Storage emulator, from node_modules) for tests and benchmarks: started on free
/// ports with its own data folder, so it can be stopped and started again on the same ports without
/// losing what it stored. Compiled into every test project; dispose it to stop the process tree and
/// delete the folder.
/// </summary>
internal sealed partial class Azurite : IAsyncDisposable
{
    /// <summary>Azurite's single built-in account and its published development key (not a secret).</summary>
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);
    private readonly bool _withQueue;
    private readonly StringBuilder _output = new();
    private Process? _process;
    private TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _disposed;

    private Azurite(string location, bool withQueue)
    {
        Location = location;
        _withQueue = withQueue;
    }

    /// <summary>The data folder (<c>--location</c>).</summary>
    public string Location { get; }

    public int BlobPort { get; private set; }

    /// <summary>The queue port, or 0 when the queue service was not asked for.</summary>
    public int QueuePort { get; private set; }

    public bool IsRunning => _process is { HasExited: false };

    public Uri BlobEndpoint => new($"http://127.0.0.1:{BlobPort}/{AccountName}");

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={BlobEndpoint};"
        + (QueuePort > 0 ? $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" : string.Empty);

    /// <summary>What Azurite printed so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts Azurite's blob service (and its queue service when asked) on free loopback ports with a new temporary data folder.</summary>
    public static async Task<Azurite> StartAsync(bool withQueue = false, CancellationToken cancellationToken = default)
    {
        var location = Path.Combine(Path.GetTempPath(), "followup-azurite", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(location);
        var azurite = new Azurite(location, withQueue);
        try
        {
            await azurite.LaunchAsync(cancellationToken).ConfigureAwait(false);
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the emulator the way an operator would (SIGTERM, so it saves its metadata), killing it if it does not exit in time.</summary>
    public async Task StopAsync()
    {
        var process = _process;
        if (process is null)
        {
            return;
        }

        _process = null;
        try
        {
            if (!process.HasExited)
            {
                if (!OperatingSystem.IsWindows())
                {
                    using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false });
                    if (kill is not null)
                    {
                        await kill.WaitForExitAsync().ConfigureAwait(false);
                    }
                }

                // Azurite saves its metadata and prints "successfully closed", but then keeps waiting for
                // clients' open connections, which it no longer answers; once it has closed, end it.
                using var timeout = new CancellationTokenSource(StopTimeout);
                try
                {
                    await Task.WhenAny(_closed.Task, process.WaitForExitAsync(timeout.Token)).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Did not close in time: killed below.
                }

                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync().ConfigureAwait(false);
                }
            }
        }
        finally
        {
            process.Dispose();
        }
    }

    /// <summary>Starts the emulator again on the same ports and data folder after <see cref="StopAsync"/>.</summary>
    public Task RestartAsync(CancellationToken cancellationToken = default) =>
        _process is not null ? throw new InvalidOperationException("Azurite is still running; stop it first.") : LaunchAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        var process = _process;
        _process = null;
        if (process is not null)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync().ConfigureAwait(false);
                }
            }
            catch (InvalidOperationException)
            {
                // Exited between the check and the kill.
            }
            finally
            {
                process.Dispose();
            }
        }

        try
        {
            Directory.Delete(Location, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        var program = RepoPaths.NodeBin(_withQueue ? "azurite" : "azurite-blob");
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Location,
        };
        foreach (var argument in new[]
        {
            "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(CultureInfo.InvariantCulture),
            "--location", Location, "--skipApiVersionCheck", "--silent", "--disableTelemetry",
        })
        {
            start.ArgumentList.Add(argument);
        }

        if (_withQueue)
        {
            foreach (var argument in new[]
            {
                "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(CultureInfo.InvariantCulture),
                "--tableHost", "127.0.0.1", "--tablePort", "0",
            })
            {
                start.ArgumentList.Add(argument);
            }
        }

        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _closed = closed;
        var blob = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var queue = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_withQueue)
        {
            queue.SetResult(0);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        void OnLine(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_output)
            {
                if (_output.Length < 64_000)
                {
                    _output.AppendLine(e.Data);
                }
            }

            if (e.Data.Contains("service successfully closed", StringComparison.Ordinal))
            {
                closed.TrySetResult();
            }

            var match = ListensOn().Match(e.Data);
            if (match.Success)
            {
                var port = int.Parse(match.Groups["port"].ValueSpan, CultureInfo.InvariantCulture);
                (match.Groups["service"].Value == "Blob" ? blob : queue).TrySetResult(port);
            }
        }

        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.Exited += (_, _) =>
        {
            var failure = new InvalidOperationException($"Azurite exited before it listened. Its output:\n{Output}");
            blob.TrySetException(failure);
            queue.TrySetException(failure);
        };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not start {program} (is Node.js on PATH?): {e.Message}", e);
        }

        _process = process;
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var ports = await Task.WhenAll(blob.Task, queue.Task).WaitAsync(StartTimeout, cancellationToken).ConfigureAwait(false);
            BlobPort = ports[0];
            QueuePort = ports[1];
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"Azurite did not report listening within {StartTimeout.TotalSeconds} s. Its output:\n{Output}", e);
        }
    }

    private void KillOnExit(object? sender, EventArgs e)
    {
        try
        {
            _process?.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue) service (?:is )?successfully (?:listens on|listening at) https?://[^:]+:(?<port>\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex ListensOn();
}
