using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FollowUpBot.Testing;

/// <summary>
/// The Microsoft 365 Agents Playground (npm <c>@microsoft/m365agentsplayground</c>) as the Teams client of a test:
/// started on a free loopback port and pointed at the bot, driven through its API, and read back from its log,
/// where it writes every message the bot creates or updates (DESIGN.md, "Driving the Agents Playground").
/// </summary>
internal sealed class AgentsPlayground : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    private readonly StringBuilder _output = new();

    private AgentsPlayground(Process process, string folder, int port, HttpClient http)
    {
        _process = process;
        _folder = folder;
        Port = port;
        Http = http;
    }

    public int Port { get; }

    public HttpClient Http { get; }

    public string LogPath => Path.Combine(_folder, "playground.log");

    /// <summary>The playground's configuration: tenant, bot, users (user-id-0 … user-id-5), chats and teams.</summary>
    public JsonObject Config { get; private set; } = [];

    public string TenantId => Config["tenantId"]!.GetValue<string>();

    public string PersonalChatId => Config["personalChat"]!["id"]!.GetValue<string>();

    public static async Task<AgentsPlayground> StartAsync(Uri botEndpoint, string? configPath = null, CancellationToken cancellationToken = default)
    {
        var folder = Directory.CreateTempSubdirectory("followup-playground-").FullName;
        var port = FreePort.Next();
        var start = new ProcessStartInfo(RepoPaths.NodeBin("agentsplayground"))
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-e", botEndpoint.ToString(), "-c", "msteams", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dt" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        start.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(folder, "playground.log");
        if (configPath is not null)
        {
            start.Environment["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = configPath;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The Agents Playground did not start.");
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(60) };
        var playground = new AgentsPlayground(process, folder, port, http);
        process.OutputDataReceived += (_, e) => playground.Capture(e.Data);
        process.ErrorDataReceived += (_, e) => playground.Capture(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await playground.WaitUntilReadyAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await playground.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return playground;
    }

    /// <summary>
    /// Sends a message as a playground user (default: the current user, user-id-0). In group chats and channels
    /// the bot hears only messages that @mention it, as in Teams: <paramref name="mentionBot"/> adds the mention.
    /// </summary>
    public async Task<string> SendAsync(string conversationId, string text, string fromUserId = "user-id-0", bool mentionBot = false, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["from"] = new JsonObject { ["id"] = fromUserId }, ["text"] = text, ["textFormat"] = "plain" };
        if (mentionBot)
        {
            var at = $"<at>{Config["bot"]!["name"]}</at>";
            body["text"] = $"{at} {text}";
            body["mentions"] = new JsonArray(new JsonObject { ["mentioned"] = new JsonObject { ["id"] = Config["bot"]!["id"]!.ToString() }, ["text"] = at });
        }

        using var response = await Http.PostAsJsonAsync($"_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages", body, cancellationToken).ConfigureAwait(false);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The playground refused the message: {(int)response.StatusCode} {answer}");
        }

        return JsonNode.Parse(answer)?["messageId"]?.ToString() ?? string.Empty;
    }

    /// <summary>
    /// Posts a personal-chat message from a playground user straight to the bot, with the playground as its
    /// connector: for 1:1 chats the bot opened itself, which the playground's UI does not carry.
    /// </summary>
    public async Task PostToBotAsUserAsync(Uri botEndpoint, string conversationId, string userId, string text, CancellationToken cancellationToken = default)
    {
        var user = Config["users"]!.AsArray().Single(u => u!["id"]!.ToString() == userId)!;
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString(),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["serviceUrl"] = $"http://localhost:{Port}/_connector",
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = userId, ["name"] = user["name"]!.ToString(), ["aadObjectId"] = user["aadObjectId"]!.ToString() },
            ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = TenantId },
            ["recipient"] = new JsonObject { ["id"] = Config["bot"]!["id"]!.ToString(), ["name"] = Config["bot"]!["name"]!.ToString() },
            ["text"] = text,
            ["textFormat"] = "plain",
            ["locale"] = "zh-CN",
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        };
        using var http = new HttpClient();
        using var response = await http.PostAsync(botEndpoint, new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json"), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != System.Net.HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The bot answered {(int)response.StatusCode}, not 200: {await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)}");
        }
    }

    /// <summary>Presses an Action.Execute button on a message; returns the bot's invoke response.</summary>
    public async Task<JsonNode?> InvokeAsync(string conversationId, string replyToId, string verb, JsonObject data, string fromUserId = "user-id-0", CancellationToken cancellationToken = default)
    {
        var body = new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() },
                ["trigger"] = "manual",
            },
            ["from"] = new JsonObject { ["id"] = fromUserId },
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["replyToId"] = replyToId,
        };
        using var response = await Http.PostAsJsonAsync("_conversation/v1/invoke", body, cancellationToken).ConfigureAwait(false);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(answer)
            : throw new InvalidOperationException($"The playground refused the invoke: {(int)response.StatusCode} {answer}");
    }

    /// <summary>
    /// Every message the bot has sent or updated so far, in order, as the playground logged them: its UI events
    /// (createMessage / updateMessage) and, for conversations the UI does not show (1:1 chats the bot opened),
    /// the connector requests it received from the bot.
    /// </summary>
    public IReadOnlyList<PlaygroundMessage> BotMessages()
    {
        var messages = new List<PlaygroundMessage>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(LogPath))
        {
            return messages;
        }

        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var start = line.IndexOf('{', StringComparison.Ordinal);
            if (start < 0 || !(line.Contains("\"action\":\"", StringComparison.Ordinal) || line.Contains("\"logAction\":\"appendLog\"", StringComparison.Ordinal)))
            {
                continue;
            }

            JsonNode? node;
            try
            {
                node = JsonNode.Parse(line[start..]);
            }
            catch (JsonException)
            {
                // A line cut mid-write: it is read again, whole, on the next poll.
                continue;
            }

            if (node?["action"]?.ToString() is "createMessage" or "updateMessage" && node["message"] is JsonObject message)
            {
                var key = node["action"] + ":" + message["messageId"];
                if (seen.Add(key))
                {
                    messages.Add(new PlaygroundMessage(node["action"]!.ToString(), node["actionConversationId"]?.ToString() ?? string.Empty, message));
                }
            }
            else if (node?["log"] is JsonObject log && log["from"]?.ToString() == "User Application" && log["request"]?["body"] is JsonObject body
                && body["type"]?.ToString() == "message" && log["response"]?["statusCode"]?.GetValue<int>() is >= 200 and < 300)
            {
                var id = log["response"]?["body"]?["id"]?.ToString() ?? log["messageId"]?.ToString();
                var action = log["activityName"]?.ToString() == "message" ? "createMessage" : "updateMessage";
                var conversation = body["conversation"]?["id"]?.ToString() ?? log["conversationId"]?.ToString() ?? string.Empty;
                if (id is not null && seen.Add(action + ":" + id))
                {
                    var copy = body.DeepClone().AsObject();
                    copy["messageId"] = id;
                    messages.Add(new PlaygroundMessage(action, conversation, copy));
                }
            }
        }

        return messages;
    }

    /// <summary>Waits until a bot message matches; fails with what did arrive.</summary>
    public async Task<PlaygroundMessage> WaitForBotMessageAsync(Func<PlaygroundMessage, bool> match, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var found = BotMessages().FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                var all = BotMessages();
                var seen = string.Join("\n", all.Select(m => m.Message.ToJsonString()[..Math.Min(300, m.Message.ToJsonString().Length)]))
                    + (all.Count > 0 ? "\nLast, whole:\n" + all[^1].CardText + all[^1].Text : string.Empty);
                throw new TimeoutException($"No matching bot message arrived at the playground. Seen:\n{seen}\nPlayground output:\n{_output}");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        try
        {
            // FOLLOWUP_KEEP_PLAYGROUND_LOG=1 keeps the playground's log for a look after a failed test.
            if (Environment.GetEnvironmentVariable("FOLLOWUP_KEEP_PLAYGROUND_LOG") == "1")
            {
                return;
            }

            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A log still held open: the temp folder is cleaned by the OS.
        }
    }

    private void Capture(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The Agents Playground exited with {_process.ExitCode}:\n{_output}");
            }

            try
            {
                using var response = await Http.GetAsync("_internal/v1/testConfig", cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false))!;
                    Config = json["config"]!.AsObject();
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"The Agents Playground did not answer within a minute:\n{_output}");
    }
}

/// <summary>A message the bot sent, as the playground logged it.</summary>
internal sealed record PlaygroundMessage(string Action, string ConversationId, JsonObject Message)
{
    public string? MessageId => Message["messageId"]?.ToString();

    public string? Text => Message["text"]?.ToString();

    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The cards' JSON with Chinese text as written (not \u-escaped), for assertions on what people read.</summary>
    public string CardText => string.Join("\n", Cards.Select(c => c.ToJsonString(Readable)));

    /// <summary>The Adaptive Cards attached to the message.</summary>
    public IEnumerable<JsonObject> Cards =>
        (Message["attachments"]?.AsArray() ?? [])
            .Where(a => a?["contentType"]?.ToString() == "application/vnd.microsoft.card.adaptive")
            .Select(a => a!["content"]!.AsObject());
}
