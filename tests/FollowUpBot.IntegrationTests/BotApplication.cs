using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FollowUpBot.IntegrationTests;

/// <summary>
/// The bot as a test hosts it: a fresh app per test with its own data folder, in Development unless
/// told otherwise, with extra configuration on top. <see cref="StartOnSocket"/> serves it on a real
/// loopback port, for clients outside the process such as the Agents Playground.
/// </summary>
internal sealed class BotApplication : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="services">Replaces services after the app registered its own (e.g. a fake <see cref="TimeProvider"/>).</param>
    public BotApplication(IDictionary<string, string?>? settings = null, string environment = "Development", Action<IServiceCollection>? services = null)
    {
        _services = services;
        DataPath = Directory.CreateTempSubdirectory("followup-bot-").FullName;
        _environment = environment;
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:LocalPath"] = DataPath,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string DataPath { get; }

    /// <summary>Serves the app on a free loopback port and returns its /api/messages address.</summary>
    public Uri StartOnSocket()
    {
        var port = Testing.FreePort.Next();
        UseKestrel(port);
        StartServer();
        return new Uri($"http://127.0.0.1:{port}/api/messages");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(DataPath))
        {
            try
            {
                Directory.Delete(DataPath, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a file still open is left to the OS's temp cleanup.
            }
        }
    }
}
