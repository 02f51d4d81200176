using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace FollowUpBot.Teams;

/// <summary>
/// The Bot Connector REST API (PROTOCOL.md §2.3), relative to each conversation's serviceUrl. Retries
/// of 429/412/502/503/504 (with Retry-After) come from the resilience handler registered with the
/// HttpClient; what is left after them surfaces as a <see cref="ConnectorException"/>.
/// The bot's token goes only to serviceUrl hosts on the allow-list.
/// </summary>
internal sealed class ConnectorClient(HttpClient http, IBotTokenProvider tokens, IOptionsMonitor<BotOptions> options)
{
    public const string HttpClientName = "bot-connector";

    public Task<ResourceResponse> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default) =>
        SendJsonAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities", activity, cancellationToken);

    public Task<ResourceResponse> ReplyAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken = default) =>
        SendJsonAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(replyToId)}", activity with { ReplyToId = replyToId }, cancellationToken);

    public Task<ResourceResponse> UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        SendJsonAsync<ResourceResponse>(HttpMethod.Put, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity with { Id = activityId }, cancellationToken);

    public async Task DeleteAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        using var request = await CreateRequestAsync(HttpMethod.Delete, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", cancellationToken).ConfigureAwait(false);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates a 1:1 conversation (members + tenant id) or a channel post (isGroup + channelData.channel + activity).</summary>
    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (string.IsNullOrWhiteSpace(parameters.TenantId) && string.IsNullOrWhiteSpace(parameters.ChannelData?.Tenant?.Id))
        {
            throw new ArgumentException("Teams needs the tenant id to create a conversation.", nameof(parameters));
        }

        return SendJsonAsync<ConversationResourceResponse>(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, cancellationToken);
    }

    public async Task<ChannelAccount> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken = default)
    {
        using var request = await CreateRequestAsync(HttpMethod.Get, serviceUrl, $"v3/conversations/{Escape(conversationId)}/members/{Escape(memberId)}", cancellationToken).ConfigureAwait(false);
        return await ReadAsync<ChannelAccount>(request, cancellationToken).ConfigureAwait(false);
    }

    public async Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int pageSize = 500, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        var path = $"v3/conversations/{Escape(conversationId)}/pagedmembers?pageSize={Math.Clamp(pageSize, 50, 500)}";
        if (!string.IsNullOrEmpty(continuationToken))
        {
            path += "&continuationToken=" + Uri.EscapeDataString(continuationToken);
        }

        using var request = await CreateRequestAsync(HttpMethod.Get, serviceUrl, path, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<PagedMembersResult>(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when the bot may send its token to this serviceUrl.</summary>
    public static bool IsAllowedHost(Uri serviceUrl, IEnumerable<string> allowedHosts)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        var host = serviceUrl.IdnHost;
        var rawHost = serviceUrl.Host;
        foreach (var allowed in allowedHosts)
        {
            // Spans, not substrings, and the host taken once (Uri builds it anew on each call): every activity's serviceUrl
            // is checked against the whole list.
            if (allowed.StartsWith('.')
                ? host.EndsWith(allowed, StringComparison.OrdinalIgnoreCase) || host.AsSpan().Equals(allowed.AsSpan(1), StringComparison.OrdinalIgnoreCase)
                : host.AsSpan().Equals(allowed.AsSpan().Trim("[]"), StringComparison.OrdinalIgnoreCase) || rawHost.Equals(allowed, StringComparison.OrdinalIgnoreCase))
            {
                // Only HTTPS carries the token, except to the local stand-ins on loopback.
                return serviceUrl.Scheme == Uri.UriSchemeHttps || serviceUrl.IsLoopback;
            }
        }

        return false;
    }

    private async Task<T> SendJsonAsync<T>(HttpMethod method, string serviceUrl, string path, object body, CancellationToken cancellationToken)
    {
        using var request = await CreateRequestAsync(method, serviceUrl, path, cancellationToken).ConfigureAwait(false);
        request.Content = JsonContent.Create(body, TeamsJson.Default.GetTypeInfo(body.GetType())!);
        return await ReadAsync<T>(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> ReadAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        var typeInfo = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)TeamsJson.Default.GetTypeInfo(typeof(T))!;
        if (response.Content.Headers.ContentLength == 0)
        {
            return JsonSerializer.Deserialize("{}", typeInfo)!;
        }

        try
        {
            return await response.Content.ReadFromJsonAsync(typeInfo, cancellationToken).ConfigureAwait(false)
                ?? JsonSerializer.Deserialize("{}", typeInfo)!;
        }
        catch (JsonException)
        {
            // Some connector answers to PUT/POST have no JSON body; the status already said it worked.
            return JsonSerializer.Deserialize("{}", typeInfo)!;
        }
    }

    private async Task<HttpRequestMessage> CreateRequestAsync(HttpMethod method, string serviceUrl, string path, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ConnectorException(HttpStatusCode.BadRequest, ConnectorErrorKind.ServiceUrlNotAllowed, "InvalidServiceUrl", "The conversation's serviceUrl is not an absolute http(s) URL.");
        }

        if (!IsAllowedHost(baseUri, options.CurrentValue.AllowedServiceUrlHosts))
        {
            throw new ConnectorException(HttpStatusCode.Forbidden, ConnectorErrorKind.ServiceUrlNotAllowed, "ServiceUrlNotAllowed",
                $"The serviceUrl host '{baseUri.Host}' is not in Bot:AllowedServiceUrlHosts; nothing was sent to it.");
        }

        var root = baseUri.AbsoluteUri.EndsWith('/') ? baseUri : new Uri(baseUri.AbsoluteUri + "/");
        var request = new HttpRequestMessage(method, new Uri(root, path));
        var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        throw ConnectorException.From(response.StatusCode, text, response.Headers.RetryAfter);
    }

    private static string Escape(string id) => Uri.EscapeDataString(id);
}
