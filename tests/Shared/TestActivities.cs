using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace FollowUpBot.Testing;

/// <summary>
/// Activities as Teams sends them to the bot in a 1:1 chat (the shape of the fixtures under
/// <c>tests/fixtures/activities</c>), for tests that post to <c>/api/messages</c>.
/// </summary>
internal static class TestActivities
{
    public const string Tenant = "tenant-1";

    /// <summary>A message from <paramref name="aadObjectId"/> in the 1:1 chat <paramref name="conversationId"/>.</summary>
    public static JsonObject Message(string serviceUrl, string aadObjectId, string conversationId, string? text, string locale = "en-US") => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString(),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["locale"] = locale,
        ["from"] = new JsonObject { ["id"] = "29:" + aadObjectId, ["name"] = "User " + aadObjectId[^Math.Min(2, aadObjectId.Length)..], ["aadObjectId"] = aadObjectId },
        ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "FollowUpBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = Tenant },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
        ["text"] = text,
    };

    /// <summary>An Universal Action (<c>Action.Execute</c>) pressed on the card message <c>card-message</c>.</summary>
    public static JsonObject Invoke(string serviceUrl, string aadObjectId, string conversationId, string verb, JsonObject data, string locale = "en-US")
    {
        ArgumentNullException.ThrowIfNull(data);
        var activity = Message(serviceUrl, aadObjectId, conversationId, null, locale);
        data["verb"] = verb;
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = "card-message";
        activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = "manual" };
        return activity;
    }

    /// <summary>Posts the activity; anything but 200 fails the test with the status and the answer.</summary>
    public static async Task<HttpResponseMessage> PostOkAsync(HttpClient client, JsonObject activity)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(activity);
        var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var body = await response.Content.ReadAsStringAsync();
            response.Dispose();
            throw new HttpRequestException($"/api/messages answered {(int)response.StatusCode}, not 200: {body}");
        }

        return response;
    }
}
