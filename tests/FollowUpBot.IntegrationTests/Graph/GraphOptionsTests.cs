using FollowUpBot.FollowUp;
using FollowUpBot.Graph;
using FollowUpBot.Storage;
using FollowUpBot.Teams;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FollowUpBot.IntegrationTests.Graph;

/// <summary>When Graph is on, where its token may go, and the configurations the app refuses at start.</summary>
public sealed class GraphOptionsTests
{
    private static readonly (string, string?)[] Credentials =
    [
        ("Bot:AppId", "00000000-0000-0000-0000-0000000000aa"), ("Bot:TenantId", "contoso.onmicrosoft.com"), ("Bot:ClientSecret", "not-a-real-secret"),
    ];

    private static IHost Build(string environment, params (string Key, string? Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection([new KeyValuePair<string, string?>("Storage:LocalPath", Directory.CreateTempSubdirectory("followup-graph-options-").FullName),
            .. settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))]);
        builder.AddLedgerStorage();
        builder.AddTeamsProtocol();
        builder.AddFollowUp();
        builder.AddGraph();
        return builder.Build();
    }

    [Fact]
    public void GraphIsOnWithTheBotsCredentialsAndItsScopeFollowsTheBaseUrl()
    {
        using var host = Build("Production", Credentials);
        var options = host.Services.GetRequiredService<IOptions<GraphOptions>>().Value;

        Assert.True(options.IsEnabled);
        Assert.Equal("https://graph.microsoft.com/.default", options.Scope);
        Assert.DoesNotContain("127.0.0.1", options.AllowedHosts);

        using var china = Build("Production", [.. Credentials, ("Graph:BaseUrl", "https://microsoftgraph.chinacloudapi.cn/v1.0")]);
        Assert.Equal("https://microsoftgraph.chinacloudapi.cn/.default", china.Services.GetRequiredService<IOptions<GraphOptions>>().Value.Scope);
    }

    [Fact]
    public void WithoutCredentialsGraphIsOnOnlyForALoopbackStandInInDevelopment()
    {
        using var plain = Build("Development", ("Bot:AllowAnonymous", "true"));
        using var local = Build("Development", ("Bot:AllowAnonymous", "true"), ("Graph:BaseUrl", "http://127.0.0.1:5999/v1.0"));
        using var off = Build("Production", [.. Credentials, ("Graph:Enabled", "false")]);

        Assert.False(plain.Services.GetRequiredService<IOptions<GraphOptions>>().Value.IsEnabled);
        Assert.True(local.Services.GetRequiredService<IOptions<GraphOptions>>().Value.IsEnabled);
        Assert.False(off.Services.GetRequiredService<IOptions<GraphOptions>>().Value.IsEnabled);
    }

    [Theory]
    [InlineData("Development", "Graph:Enabled", "true", "needs the bot's identity")]
    [InlineData("Production", "Graph:BaseUrl", "http://graph.example.com/v1.0", "must be an absolute https URL")]
    [InlineData("Production", "FollowUp:Directory:SyncInterval", "00:00:10", "at least 00:01:00")]
    public async Task AnUnsafeOrImpossibleConfigurationIsRefusedAtStart(string environment, string key, string value, string reason)
    {
        (string, string?)[] settings = environment == "Development" ? [("Bot:AllowAnonymous", "true"), (key, value)] : [.. Credentials, (key, value)];
        using var host = Build(environment, settings);

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }
}
