using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FollowUpBot.Progress;

/// <summary>
/// The JSON form of a parsed reply that <c>followup parse-reply --format json</c> prints and other tools
/// read: <c>item, status, percent, newDue, newDueText, note</c> (a contract: keep these names), then
/// <c>itemText, ambiguous, undo</c>, then <c>confidence</c> (0–1, how sure the status is; 0 with no status)
/// and <c>cues</c> (the words, as written, that decided the status). Fields are only ever added.
/// </summary>
internal static class ReplyJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Printed for people reading Chinese on a terminal, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(ParsedReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            WriteNumber(json, "item", reply.Item);
            WriteString(json, "status", reply.Status?.ToContractName());
            WriteNumber(json, "percent", reply.Percent);
            WriteString(json, "newDue", reply.NewDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            WriteString(json, "newDueText", reply.NewDueText);
            WriteString(json, "note", reply.Note);
            WriteString(json, "itemText", reply.ItemText);
            json.WriteBoolean("ambiguous", reply.Ambiguous);
            json.WriteBoolean("undo", reply.Undo);
            json.WriteNumber("confidence", reply.Confidence);
            json.WriteStartArray("cues");
            foreach (var cue in reply.Cues)
            {
                json.WriteStringValue(cue);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
