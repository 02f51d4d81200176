using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FollowUpBot.Testing;
using Xunit.Abstractions;

namespace FollowUpBot.IntegrationTests.Teams;

/// <summary>
/// Hostile and broken activities posted to <c>/api/messages</c> of the app on a real socket (Kestrel): the real
/// activity fixtures with fields deleted or replaced by junk of every JSON type, hostile ids (100,000 characters,
/// emoji, path-like, NUL), malformed JSON and huge or deeply nested bodies. Seeded, so a failure replays.
/// </summary>
public sealed class ActivityFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Fixed, so every run posts the same bodies; FOLLOWUP_FUZZ_SEED explores others (the failure message names the seed).</summary>
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("FOLLOWUP_FUZZ_SEED"), CultureInfo.InvariantCulture, out var seed) ? seed : 20261204;
    private const int MutatedActivities = 2400;
    private FakeConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task NoActivityReachesA5xxAndRefusedOnesStoreNothing()
    {
        using var app = new BotApplication(new Dictionary<string, string?> { ["Reminders:Enabled"] = "false" });
        var endpoint = app.StartOnSocket();
        // Bounded by count, not by a clock: every request must answer within the client's timeout (about 20 s
        // for all of them here; 90 s with a load average of 50), and the time is written to the test output.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var fixtures = Directory.GetFiles(RepoPaths.Fixture("activities"), "*.json").Order(StringComparer.Ordinal)
            .Select(f => WithConnector(JsonNode.Parse(File.ReadAllText(f))!.AsObject())).ToList();
        var random = new Random(Seed);
        var statuses = new Dictionary<int, int>();
        var failures = new List<string>();
        var stored = Snapshot(app.DataPath);
        var started = TimeProvider.System.GetTimestamp();

        foreach (var (label, content) in Bodies(fixtures, random))
        {
            using var response = await http.PostAsync(endpoint, content);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var now = Snapshot(app.DataPath);
            if (status >= 500)
            {
                failures.Add($"{status} for {label}: {Shorten(await response.Content.ReadAsStringAsync())}");
            }
            else if (status >= 400 && !now.SetEquals(stored))
            {
                failures.Add($"{status} for {label} but it stored {string.Join(", ", now.Except(stored).Take(3))}");
            }

            stored = now;
        }

        var elapsed = TimeProvider.System.GetElapsedTime(started);
        var summary = string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Value} × {s.Key}"));
        output.WriteLine($"seed {Seed}: {statuses.Values.Sum()} requests in {elapsed.TotalSeconds:0.0} s: {summary}; {stored.Count} blobs stored");
        Assert.True(failures.Count == 0, $"{failures.Count} bad answers with seed {Seed} ({summary}):\n{string.Join("\n", failures.Take(20))}");
        Assert.True(statuses.Where(s => s.Key is >= 200 and < 300).Sum(s => s.Value) > 100, summary);
        Assert.True(statuses.Where(s => s.Key is >= 400 and < 500).Sum(s => s.Value) > 100, summary);

        // Alive after it: the health check answers and a plain "help" gets its card.
        using var health = await http.GetAsync(new Uri(endpoint, "/healthz"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var help = fixtures.First(f => f["type"]?.ToString() == "message" && f["conversation"]?["conversationType"]?.ToString() == "personal").DeepClone().AsObject();
        help["text"] = "help";
        help["id"] = "after-the-fuzz";
        help["conversation"]!["id"] = "a:after-the-fuzz";
        help.Remove("value");
        help.Remove("attachments");
        using var answer = await http.PostAsync(endpoint, Json(help.ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.True(_connector.Requests.Any(r => r.Method == "POST" && r.Path.Contains("a:after-the-fuzz/activities", StringComparison.Ordinal)), "The help card after the fuzz was not sent.");
    }

    /// <summary>Every body to post, with a label that says how it was made.</summary>
    private static IEnumerable<(string Label, HttpContent Content)> Bodies(List<JsonObject> fixtures, Random random)
    {
        // Each fixture as it is, then with each hostile id in each id field.
        foreach (var fixture in fixtures)
        {
            yield return ("fixture", Json(fixture.ToJsonString()));
        }

        string[] idFields = ["id", "conversation.id", "conversation.tenantId", "from.id", "from.aadObjectId", "recipient.id", "channelData.tenant.id", "replyToId"];
        foreach (var field in idFields)
        {
            foreach (var (name, id) in HostileIds())
            {
                var activity = AsMessage(fixtures[random.Next(fixtures.Count)], random);
                Set(activity, field, JsonValue.Create(id));
                yield return ($"{field} = {name}", Json(activity.ToJsonString()));
            }
        }

        for (var n = 0; n < MutatedActivities; n++)
        {
            var activity = random.Next(3) == 0 ? AsMessage(fixtures[random.Next(fixtures.Count)], random) : fixtures[random.Next(fixtures.Count)].DeepClone().AsObject();
            var changes = new List<string>();
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                changes.Add(Mutate(activity, random));
            }

            yield return ($"mutation #{n}: {string.Join("; ", changes)}", Json(activity.ToJsonString()));
        }

        foreach (var (label, content) in Malformed(fixtures, random))
        {
            yield return (label, content);
        }
    }

    private static IEnumerable<(string Label, HttpContent Content)> Malformed(List<JsonObject> fixtures, Random random)
    {
        foreach (var fixture in fixtures.Take(10))
        {
            var text = fixture.ToJsonString();
            yield return ("truncated JSON", Json(text[..random.Next(1, text.Length - 1)]));
            var bytes = Encoding.UTF8.GetBytes(text);
            bytes[random.Next(bytes.Length)] = (byte)random.Next(0x80, 0x100);
            yield return ("a byte flipped to non-UTF-8", Bytes(bytes));
        }

        foreach (var text in new[] { "", "{", "[", "}", "null", "true", "0", "\"message\"", "[{\"type\":\"message\"}]", "{\"type\":null}", "{\"type\":7}", "{\"type\":\"message\"}", "{\"type\":\"message\",\"conversation\":\"a:1\"}", "{\"type\":\"message\",\"conversation\":{}}", "\uFEFF{}", "{\"type\":\"message\",\"type\":\"invoke\"}" })
        {
            yield return ($"body {text}", Json(text));
        }

        var garbage = new byte[4096];
        random.NextBytes(garbage);
        yield return ("random bytes", Bytes(garbage));

        // Deep nesting, inside and outside an activity.
        yield return ("10,000 nested arrays", Json(new string('[', 10_000) + new string(']', 10_000)));
        var deep = fixtures[0].DeepClone().AsObject();
        deep["value"] = JsonNode.Parse(string.Concat(Enumerable.Repeat("{\"a\":", 60)) + "1" + new string('}', 60));
        yield return ("value nested 60 deep", Json(deep.ToJsonString()));
        yield return ("activity nested 5,000 deep", Json("{\"type\":\"message\",\"value\":" + string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000) + "}"));

        // Huge bodies, with and without a Content-Length.
        var huge = fixtures[0].DeepClone().AsObject();
        huge["text"] = new string('x', 3 * 1024 * 1024);
        yield return ("3 MiB text", Json(huge.ToJsonString()));
        yield return ("3 MiB text, chunked", new ChunkedContent(Encoding.UTF8.GetBytes(huge.ToJsonString())));
        var wide = fixtures[0].DeepClone().AsObject();
        wide["entities"] = new JsonArray([.. Enumerable.Range(0, 20_000).Select(i => (JsonNode)new JsonObject { ["type"] = "mention", ["text"] = "<at>" + i + "</at>" })]);
        yield return ("20,000 entities", Json(wide.ToJsonString()));
    }

    /// <summary>Ids no Teams client sends: very long, non-ASCII, path-like, with NUL and URL delimiters.</summary>
    private static IEnumerable<(string Name, string Id)> HostileIds()
    {
        yield return ("100,000 characters", new string('a', 100_000));
        yield return ("1,024 colons", new string(':', 1024));
        yield return ("300 characters", "a:" + new string('7', 298));
        yield return ("50 emoji", string.Concat(Enumerable.Repeat("😀", 50)));
        yield return ("500 CJK", new string('会', 500));
        yield return ("../", "../../../../etc/passwd");
        yield return ("..", "..");
        yield return (".", ".");
        yield return ("backslashes", "..\\..\\windows\\system32");
        yield return ("NUL", "a:1\0b");
        yield return ("URL delimiters", "19:x?y=1#frag%2F%00;messageid=1");
        yield return ("slashes", "/a//b/");
        yield return ("reserved names", "CON");
        yield return ("trailing dot", "abc.");
        yield return ("spaces", "   ");
        yield return ("empty", "");
        yield return ("bidi and zero width", "a\u202Eb\u200Bc\uFEFF");
        yield return ("lone surrogate", "a\uD800b");
    }

    /// <summary>One change: delete a field, or replace its value with junk of some JSON type.</summary>
    private static string Mutate(JsonObject activity, Random random)
    {
        var places = Places(activity).ToList();
        var (parent, key, path) = places[random.Next(places.Count)];
        if (random.Next(3) == 0)
        {
            if (parent is JsonObject o)
            {
                o.Remove(key!);
            }
            else if (parent is JsonArray a && a.Count > 0)
            {
                a.RemoveAt(Math.Min(int.Parse(key!, CultureInfo.InvariantCulture), a.Count - 1));
            }

            return "delete " + path;
        }

        var (name, junk) = Junk(random);
        if (parent is JsonObject obj)
        {
            obj[key!] = junk;
        }
        else if (parent is JsonArray array && array.Count > 0)
        {
            array[Math.Min(int.Parse(key!, CultureInfo.InvariantCulture), array.Count - 1)] = junk;
        }

        return $"{path} = {name}";
    }

    private static (string Name, JsonNode? Value) Junk(Random random)
    {
        var hostile = HostileIds().ToList();
        return random.Next(16) switch
        {
            0 => ("null", null),
            1 => ("true", JsonValue.Create(true)),
            2 => ("false", JsonValue.Create(false)),
            3 => ("0", JsonValue.Create(0)),
            4 => ("-1", JsonValue.Create(-1)),
            5 => ("1e308", JsonNode.Parse("1e308")),
            6 => ("3.5", JsonValue.Create(3.5)),
            7 => ("\"\"", JsonValue.Create(string.Empty)),
            8 => ("\"junk\"", JsonValue.Create("junk")),
            9 => ("{}", new JsonObject()),
            10 => ("[]", new JsonArray()),
            11 => ("[junk]", new JsonArray(JsonValue.Create(1), JsonValue.Create("x"), null, new JsonObject())),
            12 => ("object of junk", new JsonObject { ["id"] = 5, ["type"] = new JsonArray(), ["text"] = null }),
            13 => ("a date", JsonValue.Create("2026-13-45T99:99:99Z")),
            _ => hostile[random.Next(hostile.Count)] is var (n, id) ? ("id: " + n, JsonValue.Create(id)) : default,
        };
    }

    /// <summary>Every property and array element of the tree, with its parent.</summary>
    private static IEnumerable<(JsonNode Parent, string? Key, string Path)> Places(JsonNode node, string path = "")
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    yield return (obj, key, path + "." + key);
                    if (child is not null)
                    {
                        foreach (var inner in Places(child, path + "." + key))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    yield return (array, i.ToString(CultureInfo.InvariantCulture), $"{path}[{i}]");
                    if (array[i] is { } child)
                    {
                        foreach (var inner in Places(child, $"{path}[{i}]"))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
        }
    }

    /// <summary>A fixture turned into a message the bot acts on (help, a progress reply, a summary, an import…).</summary>
    private static JsonObject AsMessage(JsonObject fixture, Random random)
    {
        var activity = fixture.DeepClone().AsObject();
        activity["type"] = "message";
        activity["text"] = random.Next(6) switch
        {
            0 => "help",
            1 => "2 已完成 已印发",
            2 => "汇总",
            3 => "my tasks",
            4 => "导出",
            _ => "#3 50% 正在推进",
        };
        return activity;
    }

    private JsonObject WithConnector(JsonObject fixture)
    {
        // Every answer goes to the fake connector: the bot must never call a real Teams host from a test.
        fixture["serviceUrl"] = _connector.ServiceUrl;
        return fixture;
    }

    private static void Set(JsonObject activity, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        JsonObject current = activity;
        foreach (var part in parts[..^1])
        {
            if (current[part] is not JsonObject next)
            {
                next = [];
                current[part] = next;
            }

            current = next;
        }

        current[parts[^1]] = value;
    }

    /// <summary>The blobs of the local store: name, size and write time.</summary>
    private static HashSet<string> Snapshot(string dataPath)
    {
        var root = Path.Combine(dataPath, "blobs");
        return Directory.Exists(root)
            ? [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => new FileInfo(f)).Select(f => $"{Path.GetRelativePath(root, f.FullName)}:{f.Length}:{f.LastWriteTimeUtc.Ticks}")]
            : [];
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static ByteArrayContent Bytes(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    /// <summary>A body sent without a Content-Length, as chunked transfer encoding.</summary>
    private sealed class ChunkedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
