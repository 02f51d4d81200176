using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace FollowUpBot.Directives;

/// <summary>
/// A Teams meeting transcript as exported (.vtt): cues whose text is wrapped in <c>&lt;v Speaker Name&gt;…&lt;/v&gt;</c>.
/// Each cue becomes one line "Speaker Name: what they said", so the speaker stays the candidate owner of what they
/// commit to ("Alex Wilber: I'll send the budget by Friday"). Consecutive cues of one speaker are joined.
/// </summary>
internal static partial class WebVttTranscript
{
    public static bool LooksLikeVtt(string text) => text.AsSpan().TrimStart('\uFEFF').StartsWith("WEBVTT", StringComparison.Ordinal);

    public static string ToText(string vtt)
    {
        var lines = vtt.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        if (lines.Length == 0 || !LooksLikeVtt(lines[0]))
        {
            throw new MeetingTextException(MeetingTextError.MalformedTranscript, "The transcript does not start with WEBVTT: it is not a WebVTT (.vtt) file.");
        }

        var output = new StringBuilder();
        string? speaker = null;
        var said = new StringBuilder();
        var cues = 0;
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (!line.Contains("-->", StringComparison.Ordinal))
            {
                continue;
            }

            if (!Timing().IsMatch(line))
            {
                throw new MeetingTextException(MeetingTextError.MalformedTranscript, string.Create(CultureInfo.InvariantCulture, $"Line {i + 1} of the transcript is not a cue timing (00:00:01.000 --> 00:00:04.000): \"{Clip(line)}\"."));
            }

            cues++;
            var payload = new StringBuilder();
            while (i + 1 < lines.Length && lines[i + 1].Trim().Length > 0)
            {
                i++;
                payload.Append(payload.Length > 0 ? " " : string.Empty).Append(lines[i].Trim());
            }

            var (who, text) = Voice(payload.ToString());
            if (text.Length == 0)
            {
                continue;
            }

            if (who != speaker || who is null)
            {
                Flush(output, speaker, said);
                speaker = who;
            }

            said.Append(said.Length > 0 ? " " : string.Empty).Append(text);
        }

        Flush(output, speaker, said);
        if (cues == 0)
        {
            throw new MeetingTextException(MeetingTextError.MalformedTranscript, "The transcript holds no cues (no line with \"-->\").");
        }

        return output.ToString();
    }

    private static (string? Speaker, string Text) Voice(string payload)
    {
        var voice = VoiceTag().Match(payload);
        var speaker = voice.Success ? voice.Groups["name"].Value.Trim() : null;
        var text = WebUtility.HtmlDecode(AnyTag().Replace(payload, string.Empty)).Trim();
        return (string.IsNullOrEmpty(speaker) ? null : speaker, text);
    }

    private static void Flush(StringBuilder output, string? speaker, StringBuilder said)
    {
        if (said.Length == 0)
        {
            return;
        }

        output.Append(speaker is null ? string.Empty : speaker + ": ").Append(said).Append('\n');
        said.Clear();
    }

    private static string Clip(string line) => line.Length > 60 ? line[..60] + "…" : line;

    [GeneratedRegex(@"^(?:\d{1,2}:)?\d{2}:\d{2}\.\d{3}\s+-->\s+(?:\d{1,2}:)?\d{2}:\d{2}\.\d{3}(?:\s.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Timing();

    [GeneratedRegex(@"<v(?:\.[\w.-]+)?\s+(?<name>[^>]+)>", RegexOptions.CultureInvariant)]
    private static partial Regex VoiceTag();

    [GeneratedRegex(@"</?[a-z][^>]*>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AnyTag();
}
