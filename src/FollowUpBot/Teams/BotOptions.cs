using Microsoft.Extensions.Options;

namespace FollowUpBot.Teams;

/// <summary>
/// The bot's Entra identity and inbound checks (configuration section <c>Bot</c>; the classic
/// Bot Framework keys <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>
/// and <c>MicrosoftAppType</c> fill in what the section leaves empty).
/// </summary>
internal sealed class BotOptions
{
    public const string Section = "Bot";

    public const string BotFrameworkIssuer = "https://api.botframework.com";

    public const string BotFrameworkMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    public string? AppId { get; set; }

    /// <summary>SingleTenant | UserAssignedMSI | MultiTenant (the last only for bots created before August 2025).</summary>
    public BotAppType AppType { get; set; } = BotAppType.SingleTenant;

    public string? TenantId { get; set; }

    public string? ClientSecret { get; set; }

    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Accept activities without a JWT. Honoured only in Development; elsewhere the app refuses to start.</summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>Where the Bot Framework signing keys come from (tests and sovereign clouds override it).</summary>
    public Uri OpenIdMetadataUrl { get; set; } = new(BotFrameworkMetadataUrl);

    /// <summary>The issuer of Bot Connector tokens that goes with <see cref="OpenIdMetadataUrl"/>.</summary>
    public string Issuer { get; set; } = BotFrameworkIssuer;

    /// <summary>Entra instance for tenant-issued tokens and outbound authorities.</summary>
    public Uri EntraInstance { get; set; } = new("https://login.microsoftonline.com/");

    /// <summary>Hosts that may receive the bot's token: exact hosts, or ".suffix" for a domain and its subdomains.</summary>
    public IList<string> AllowedServiceUrlHosts { get; } = [];

    /// <summary>How often signing keys are refreshed at the latest (the spec asks for at least daily).</summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Outbound scope for the Bot Connector.</summary>
    public string ConnectorScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Requests to the connector: how many retries of 429/412/502/503/504 and the first backoff.</summary>
    public int MaxRetries { get; set; } = 4;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public bool IsAnonymous => string.IsNullOrWhiteSpace(AppId);

    public static IReadOnlyList<string> DefaultServiceUrlHosts { get; } =
    [
        "smba.trafficmanager.net",
        ".botframework.com",
        ".teams.microsoft.com",
        ".teams.microsoft.us",
        ".botframework.us",
        ".botframework.azure.us",
        ".botframework.azure.cn",
    ];
}

internal enum BotAppType
{
    SingleTenant,
    UserAssignedMSI,
    MultiTenant,
}

/// <summary>Fills the Bot section from the classic keys and the defaults that depend on the environment.</summary>
internal sealed class BotOptionsSetup(IConfiguration configuration, IHostEnvironment environment) : IPostConfigureOptions<BotOptions>
{
    public void PostConfigure(string? name, BotOptions options)
    {
        options.AppId = Coalesce(options.AppId, configuration["MicrosoftAppId"]);
        options.TenantId = Coalesce(options.TenantId, configuration["MicrosoftAppTenantId"]);
        options.ClientSecret = Coalesce(options.ClientSecret, configuration["MicrosoftAppPassword"]);
        if (string.IsNullOrWhiteSpace(configuration[$"{BotOptions.Section}:AppType"])
            && Enum.TryParse<BotAppType>(configuration["MicrosoftAppType"], ignoreCase: true, out var classicType))
        {
            options.AppType = classicType;
        }

        if (options.AllowedServiceUrlHosts.Count == 0)
        {
            foreach (var host in BotOptions.DefaultServiceUrlHosts)
            {
                options.AllowedServiceUrlHosts.Add(host);
            }
        }

        if (environment.IsDevelopment())
        {
            options.AllowedServiceUrlHosts.Add("localhost");
            options.AllowedServiceUrlHosts.Add("127.0.0.1");
            options.AllowedServiceUrlHosts.Add("[::1]");
        }
    }

    private static string? Coalesce(string? value, string? classic) => string.IsNullOrWhiteSpace(value) ? classic : value;
}

/// <summary>Refuses a configuration that would run insecurely or could not authenticate, with a message that says why.</summary>
internal sealed class BotOptionsValidation(IHostEnvironment environment) : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var failures = new List<string>();
        if (options.AllowAnonymous && !environment.IsDevelopment())
        {
            failures.Add($"Bot:AllowAnonymous is set but the environment is '{environment.EnvironmentName}': anonymous activities are accepted only in Development. Remove it, or set Bot:AppId and its credentials.");
        }

        if (options.IsAnonymous && !options.AllowAnonymous)
        {
            failures.Add("Bot:AppId (or MicrosoftAppId) is not set. Set the bot's app id and credentials, or, for local development only, run in the Development environment with Bot:AllowAnonymous=true.");
        }

        if (!options.IsAnonymous)
        {
            switch (options.AppType)
            {
                case BotAppType.SingleTenant when string.IsNullOrWhiteSpace(options.TenantId):
                    failures.Add("Bot:AppType is SingleTenant but Bot:TenantId (MicrosoftAppTenantId) is not set.");
                    break;
                case BotAppType.SingleTenant or BotAppType.MultiTenant
                    when string.IsNullOrWhiteSpace(options.ClientSecret) && string.IsNullOrWhiteSpace(options.CertificatePath):
                    failures.Add($"Bot:AppType is {options.AppType} but neither Bot:ClientSecret (MicrosoftAppPassword) nor Bot:CertificatePath is set.");
                    break;
                case BotAppType.UserAssignedMSI when !string.IsNullOrWhiteSpace(options.ClientSecret):
                    failures.Add("Bot:AppType is UserAssignedMSI: remove Bot:ClientSecret; the managed identity is the credential.");
                    break;
                case BotAppType.UserAssignedMSI when string.IsNullOrWhiteSpace(options.TenantId):
                    failures.Add("Bot:AppType is UserAssignedMSI but Bot:TenantId is not set.");
                    break;
            }
        }

        if (!options.OpenIdMetadataUrl.IsAbsoluteUri)
        {
            failures.Add("Bot:OpenIdMetadataUrl must be an absolute URL.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
