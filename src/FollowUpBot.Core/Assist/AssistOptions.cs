namespace FollowUpBot.Assist;

/// <summary>
/// The optional AI assist (configuration section <c>FollowUp:AI</c>): a chat model consulted only where the rules abstain.
/// Off while <see cref="Endpoint"/> is empty, which is the default.
/// </summary>
internal sealed class AssistOptions
{
    public const string Section = "FollowUp:AI";

    /// <summary>An Azure OpenAI resource (https://NAME.openai.azure.com) or any OpenAI-compatible base URL (https://api.openai.com/v1).</summary>
    public string? Endpoint { get; set; }

    /// <summary>The model, or on Azure the deployment name.</summary>
    public string? Model { get; set; }

    /// <summary>The API key (a secret: from Key Vault or an app setting, never logged). Empty on Azure: managed identity.</summary>
    public string? Key { get; set; }

    /// <summary>The budget of one call; past it the call is abandoned and the rules' answer stands.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>At most this many characters of abstained sentences go into one extraction prompt.</summary>
    public int MaxPromptChars { get; set; } = 8000;

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint);

    /// <summary>What is wrong with these settings, in the configuration's own names; empty when they are usable (or off).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Enabled)
        {
            return problems;
        }

        if (!Uri.TryCreate(Endpoint!.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            problems.Add($"{Section}:Endpoint must be an absolute https URL (http only on loopback).");
        }
        else if (string.IsNullOrWhiteSpace(Key) && !AssistEndpoints.IsAzure(uri))
        {
            problems.Add($"{Section}:Key is required for an endpoint that is not Azure OpenAI (managed identity works only with Azure).");
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            problems.Add($"{Section}:Model is required when {Section}:Endpoint is set (on Azure: the deployment name).");
        }

        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromSeconds(30))
        {
            problems.Add($"{Section}:Timeout must be more than 0 and at most 00:00:30.");
        }

        if (MaxPromptChars is < 500 or > 100_000)
        {
            problems.Add($"{Section}:MaxPromptChars must be between 500 and 100000.");
        }

        return problems;
    }
}

/// <summary>Where the chat completions API of a configured endpoint lives.</summary>
internal static class AssistEndpoints
{
    private static readonly string[] AzureHostSuffixes = [".openai.azure.com", ".cognitiveservices.azure.com", ".services.ai.azure.com"];

    public static bool IsAzure(Uri endpoint) =>
        AzureHostSuffixes.Any(s => endpoint.Host.EndsWith(s, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The base URL the OpenAI client appends <c>chat/completions</c> to. An Azure resource is reached through its v1 API
    /// (<c>/openai/v1/</c>), which speaks the OpenAI wire format with the deployment as the model; any other endpoint is
    /// taken as the base URL it is.
    /// </summary>
    public static Uri BaseUrl(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var text = endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/');
        if (IsAzure(endpoint) && !endpoint.AbsolutePath.Contains("/openai/", StringComparison.OrdinalIgnoreCase))
        {
            text += "/openai/v1";
        }

        return new Uri(text + "/");
    }
}
