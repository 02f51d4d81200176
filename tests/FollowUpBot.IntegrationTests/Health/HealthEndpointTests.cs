using System.Net;
using System.Text.Json;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FollowUpBot.IntegrationTests.Health;

public sealed class HealthEndpointTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "followup-tests", Guid.NewGuid().ToString("N"));

    public HealthEndpointTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task LivenessAnswers200()
    {
        await using var app = new HealthApplication(Path.Combine(_folder, "data"));
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await StatusAsync(response));
    }

    [Fact]
    public async Task ReadinessAnswers200WhenTheStorageFolderIsUsable()
    {
        await using var app = new HealthApplication(Path.Combine(_folder, "data"));
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await StatusAsync(response));
    }

    [Fact]
    public async Task ReadinessAnswers503WhileLivenessStays200WhenTheStoragePathIsAFile()
    {
        var file = Path.Combine(_folder, "not-a-folder");
        await File.WriteAllTextAsync(file, "x");
        await using var app = new HealthApplication(file);
        using var client = app.CreateClient();

        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        using var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await StatusAsync(ready));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task ReadinessAnswers503WithAOneLineReasonAndNoStackTraceWhenTheStoreFails()
    {
        await using var app = new HealthApplication(Path.Combine(_folder, "data"), new UnreachableBlobStore());
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        var reason = json.RootElement.GetProperty("checks").GetProperty("storage").GetString()!;
        Assert.Contains("IOException: Connection refused", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("at a frame", body, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', reason);
    }

    [Fact]
    public async Task AppStartsAndAnswersWithTheAzureMonitorExporterConfigured()
    {
        // An ingestion endpoint on loopback that nothing listens on: the exporter is built and wired, and sends nowhere.
        const string connectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint=https://127.0.0.1:9/;LiveEndpoint=https://127.0.0.1:9/";
        var settings = new Dictionary<string, string> { ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = connectionString };
        await using var app = new HealthApplication(Path.Combine(_folder, "data"), settings: settings);
        using var client = app.CreateClient();

        using var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var ready = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var monitor = app.Services.GetRequiredService<IOptionsMonitor<AzureMonitorOptions>>().Get(Options.DefaultName);
        Assert.Equal(connectionString, monitor.ConnectionString);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static async Task<string?> StatusAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("status").GetString();
    }
}
