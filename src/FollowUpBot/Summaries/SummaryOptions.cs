using Microsoft.Extensions.Options;

namespace FollowUpBot.Summaries;

/// <summary>Summaries, ledger export links and the dashboard (configuration section <c>Summaries</c>).</summary>
internal sealed class SummaryOptions
{
    public const string Section = "Summaries";

    /// <summary>
    /// Base64 key (at least 32 bytes) of signed export and dashboard links. Empty: a key is generated
    /// once and kept in storage (<c>secrets/link-key.json</c>), so every instance signs alike.
    /// </summary>
    public string? LinkKey { get; set; }

    /// <summary>How long a signed link works.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Where the signing keys of Teams single sign-on tokens come from; empty: the bot tenant's Entra v2
    /// metadata (<c>{Bot:EntraInstance}{Bot:TenantId}/v2.0/.well-known/openid-configuration</c>). Tests override it.
    /// </summary>
    public Uri? SsoMetadataUrl { get; set; }

    /// <summary>The <c>webApplicationInfo</c> resource of the manifest; empty: <c>api://{host of FollowUp:PublicBaseUrl}/botid-{Bot:AppId}</c>.</summary>
    public string? SsoResource { get; set; }
}

internal sealed class SummaryOptionsValidation : IValidateOptions<SummaryOptions>
{
    public ValidateOptionsResult Validate(string? name, SummaryOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.LinkKey))
        {
            try
            {
                LinkKeys.Parse(options.LinkKey);
            }
            catch (FormatException e)
            {
                failures.Add($"Summaries:LinkKey: {e.Message} Generate one with `openssl rand -base64 32`, or leave it empty to have one kept in storage.");
            }
        }

        if (options.LinkLifetime < TimeSpan.FromMinutes(1) || options.LinkLifetime > TimeSpan.FromDays(7))
        {
            failures.Add($"Summaries:LinkLifetime must be between 00:01:00 and 7.00:00:00; got {options.LinkLifetime}.");
        }

        if (options.SsoMetadataUrl is { IsAbsoluteUri: false })
        {
            failures.Add("Summaries:SsoMetadataUrl must be an absolute URL.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
