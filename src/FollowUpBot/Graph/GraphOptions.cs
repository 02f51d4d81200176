using FollowUpBot.Teams;
using Microsoft.Extensions.Options;

namespace FollowUpBot.Graph;

/// <summary>Microsoft Graph (configuration section <c>Graph</c>): where it is and whether the bot uses it.</summary>
internal sealed class GraphOptions
{
    public const string Section = "Graph";

    public const string PublicCloud = "https://graph.microsoft.com/v1.0";

    /// <summary>The Graph endpoint with its version; sovereign clouds set theirs (e.g. https://microsoftgraph.chinacloudapi.cn/v1.0).</summary>
    public Uri BaseUrl { get; set; } = new(PublicCloud);

    /// <summary>Null: on when the bot has credentials, or when Development points Graph at a loopback stand-in.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Hosts that may receive the bot's Graph token; loopback is added in Development.</summary>
    public IList<string> AllowedHosts { get; } = [];

    /// <summary>Set at start from <see cref="Enabled"/>, the bot's credentials and the environment.</summary>
    public bool IsEnabled { get; set; }

    /// <summary>The token scope: the resource of <see cref="BaseUrl"/> with <c>/.default</c>.</summary>
    public string Scope => $"{BaseUrl.Scheme}://{BaseUrl.Authority}/.default";

    public static IReadOnlyList<string> DefaultHosts { get; } =
    [
        "graph.microsoft.com",
        "graph.microsoft.us",
        "dod-graph.microsoft.us",
        "microsoftgraph.chinacloudapi.cn",
    ];

    public bool IsAllowedHost(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return AllowedHosts.Any(h => string.Equals(h, uri.Host, StringComparison.OrdinalIgnoreCase)
            || (h.StartsWith('.') && uri.Host.EndsWith(h, StringComparison.OrdinalIgnoreCase)));
    }
}

/// <summary>
/// Directory sync (configuration section <c>FollowUp:Directory</c>): how often departments linked to an Entra group
/// or a <c>department</c> attribute are read again.
/// </summary>
internal sealed class DirectorySyncOptions
{
    public const string Section = "FollowUp:Directory";

    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Decides whether Graph is on: explicitly, or because the bot has credentials, or for a loopback stand-in in Development.</summary>
internal sealed class GraphOptionsSetup(IOptions<BotOptions> bot, IHostEnvironment environment) : IPostConfigureOptions<GraphOptions>
{
    public void PostConfigure(string? name, GraphOptions options)
    {
        if (options.AllowedHosts.Count == 0)
        {
            foreach (var host in GraphOptions.DefaultHosts)
            {
                options.AllowedHosts.Add(host);
            }

            // A sovereign or private endpoint that is configured explicitly is trusted with the token too.
            if (options.BaseUrl.IsAbsoluteUri && !options.BaseUrl.IsLoopback && options.BaseUrl.Scheme == Uri.UriSchemeHttps)
            {
                options.AllowedHosts.Add(options.BaseUrl.Host);
            }
        }

        if (environment.IsDevelopment())
        {
            options.AllowedHosts.Add("localhost");
            options.AllowedHosts.Add("127.0.0.1");
            options.AllowedHosts.Add("[::1]");
        }

        var loopbackInDevelopment = environment.IsDevelopment() && options.BaseUrl.IsAbsoluteUri && options.BaseUrl.IsLoopback;
        options.IsEnabled = options.Enabled ?? (!bot.Value.IsAnonymous || loopbackInDevelopment);
    }
}

internal sealed class GraphOptionsValidation(IOptions<BotOptions> bot, IHostEnvironment environment) : IValidateOptions<GraphOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        if (!options.BaseUrl.IsAbsoluteUri || (options.BaseUrl.Scheme != Uri.UriSchemeHttps && !options.BaseUrl.IsLoopback))
        {
            return ValidateOptionsResult.Fail($"Graph:BaseUrl '{options.BaseUrl}' must be an absolute https URL (http only for a loopback stand-in).");
        }

        if (options.IsEnabled && bot.Value.IsAnonymous && !(environment.IsDevelopment() && options.BaseUrl.IsLoopback))
        {
            return ValidateOptionsResult.Fail("Graph:Enabled is on but the bot has no credentials (Bot:AppId): Microsoft Graph needs the bot's identity. Set the bot's credentials, or Graph:Enabled=false. (Only a loopback Graph:BaseUrl in Development is called without a token.)");
        }

        return ValidateOptionsResult.Success;
    }
}

internal sealed class DirectorySyncOptionsValidation : IValidateOptions<DirectorySyncOptions>
{
    public ValidateOptionsResult Validate(string? name, DirectorySyncOptions options) =>
        options.SyncInterval >= TimeSpan.FromMinutes(1)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"FollowUp:Directory:SyncInterval '{options.SyncInterval}' must be at least 00:01:00.");
}
