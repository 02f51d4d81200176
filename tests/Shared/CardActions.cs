using System.Text.Json.Nodes;

namespace FollowUpBot.Testing;

/// <summary>Finds the buttons a card offers, as a test presses them.</summary>
internal static class CardActions
{
    /// <summary>The data of every <c>Action.Execute</c> with this verb anywhere in a card or answer (copies, with the verb in them).</summary>
    public static List<JsonObject> DataOf(JsonNode? node, string verb)
    {
        var found = new List<JsonObject>();
        Visit(node);
        return found;

        void Visit(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject obj:
                    if (obj["type"]?.ToString() == "Action.Execute" && obj["verb"]?.ToString() == verb && obj["data"] is JsonObject data)
                    {
                        var copy = data.DeepClone().AsObject();
                        copy["verb"] = verb;
                        found.Add(copy);
                    }

                    foreach (var (_, child) in obj)
                    {
                        Visit(child);
                    }

                    break;
                case JsonArray array:
                    foreach (var child in array)
                    {
                        Visit(child);
                    }

                    break;
            }
        }
    }
}
