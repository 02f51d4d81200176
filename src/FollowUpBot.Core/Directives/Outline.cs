using System.Text.RegularExpressions;

namespace FollowUpBot.Directives;

/// <summary>One level of the outline a line sits under; <see cref="Actor"/> is set when the heading names who acts.</summary>
internal sealed class OutlineEntry(string kind, string label)
{
    public string Kind { get; } = kind;

    /// <summary>The part shown in a section path, or empty for levels that do not number anything (bullets, actor headings).</summary>
    public string Label { get; } = label;

    public List<string>? Actor { get; set; }

    public List<string>? Support { get; set; }
}

/// <summary>An outline marker at the start of a line (一、 （一） 1. （1） ① 第一， 一要 一是 # - ACTION: …).</summary>
internal readonly record struct OutlineMarker(string Kind, string Label, int Length, bool IsModal);

/// <summary>
/// Reads outline markers and keeps the stack of open levels. Mixed numbering styles are ordered by first appearance:
/// a kind already open closes everything under it, a new kind opens a level below the current one.
/// </summary>
internal sealed partial class Outline
{
    private readonly List<OutlineEntry> _stack = [];

    // Drafts share one snapshot of the path and chain until the outline changes.
    private string? _path;
    private OutlineEntry[]? _chain;

    public IReadOnlyList<OutlineEntry> Stack => _stack;

    public string Path => _path ??= string.Join('/', _stack.Where(e => e.Label.Length > 0).Select(e => e.Label));

    public OutlineEntry[] Chain => _chain ??= [.. _stack];

    public OutlineEntry? Deepest => _stack.Count > 0 ? _stack[^1] : null;

    public OutlineEntry Push(OutlineMarker marker)
    {
        var index = _stack.FindIndex(e => e.Kind == marker.Kind || (IsMarkdownHeading(e.Kind) && IsMarkdownHeading(marker.Kind) && string.CompareOrdinal(e.Kind, marker.Kind) >= 0));
        if (index >= 0)
        {
            _stack.RemoveRange(index, _stack.Count - index);
        }

        var entry = new OutlineEntry(marker.Kind, marker.Label);
        _stack.Add(entry);
        _path = null;
        _chain = null;
        return entry;
    }

    /// <summary>The actor named by the nearest heading above, if any.</summary>
    public OutlineEntry? ActorHeading()
    {
        for (var i = _stack.Count - 1; i >= 0; i--)
        {
            if (_stack[i].Actor is not null)
            {
                return _stack[i];
            }
        }

        return null;
    }

    /// <summary>The marker at the start of <c>text[start..end]</c>, read in place (this runs once per line of large inputs).</summary>
    public static OutlineMarker? Read(string text, int start, int end)
    {
        var m = MarkerPattern().Match(text, start, end - start);
        if (!m.Success)
        {
            return null;
        }

        string kind;
        string label;
        var isModal = false;
        if (m.Groups["cn"].Success)
        {
            (kind, label) = ("cn", m.Groups["cn"].Value);
        }
        else if (m.Groups["cnp"].Success)
        {
            (kind, label) = ("cnp", $"（{m.Groups["cnp"].Value}）");
        }
        else if (m.Groups["ord"].Success)
        {
            (kind, label) = ("ord", "第" + m.Groups["ord"].Value);
        }
        else if (m.Groups["enum"].Success)
        {
            var word = m.Groups["ew"].Value;
            (kind, label) = ("enum" + word, m.Groups["enum"].Value + word);
            isModal = word == "要";
        }
        else if (m.Groups["num"].Success)
        {
            var parts = m.Groups["num"].Value.Split('.', '．');
            (kind, label) = ("num" + parts.Length, m.Groups["num"].Value);
        }
        else if (m.Groups["nump"].Success)
        {
            (kind, label) = ("nump", $"（{m.Groups["nump"].Value}）");
        }
        else if (m.Groups["circ"].Success)
        {
            (kind, label) = ("circ", m.Groups["circ"].Value);
        }
        else if (m.Groups["let"].Success)
        {
            (kind, label) = ("let", m.Groups["let"].Value);
        }
        else if (m.Groups["md"].Success)
        {
            var heading = text[(start + m.Length)..end].Trim();
            (kind, label) = ("h" + m.Groups["md"].Value.Length, heading.Length > 40 ? heading[..40] : heading);
        }
        else if (m.Groups["action"].Success)
        {
            (kind, label) = ("action", string.Empty);
        }
        else
        {
            (kind, label) = ("bullet", string.Empty);
        }

        return new OutlineMarker(kind, label, m.Length, isModal);
    }

    private static bool IsMarkdownHeading(string kind) => kind.Length == 2 && kind[0] == 'h' && char.IsAsciiDigit(kind[1]);

    [GeneratedRegex(
        @"^\s*(?:(?<cn>[一二三四五六七八九十]{1,3})、" +
        @"|[（(](?<cnp>[一二三四五六七八九十]{1,3})[）)]\s*" +
        @"|第(?<ord>[一二三四五六七八九十]{1,3})(?:[，,、：:]|(?=[是要]))\s*" +
        @"|(?<enum>[一二三四五六七八九十]{1,2})(?<ew>要|是)(?![求点素务])" +
        @"|(?<num>[0-9]{1,2}(?:[.．][0-9]{1,2}){0,3})[.．、)）](?![0-9])\s*" +
        @"|(?<num>[0-9]{1,2}(?:[.．][0-9]{1,2}){1,3})\s+" +
        @"|[（(](?<nump>[0-9]{1,2})[）)]\s*" +
        @"|(?<circ>[\u2460-\u2473\u2776-\u277F])\s*" +
        @"|(?<let>[a-zA-Z])[.)](?=\s)(?!\s+(?:will|would|shall|has|had|is|was)\b)\s*" +
        @"|(?<md>\#{1,6})\s+" +
        @"|(?<action>[*_]{0,2}(?:ACTIONS?|Actions?|Action items?|AI)[*_]{0,2}\s*(?:[:：\-–—]|,(?=\s*[^,:;.]{1,40}:\s))[*_]{0,2}\s*)" +
        // "**ACTION 12.3:** Jo to …", "ACTION #4 - …", "**Action 7** Jo to …": a numbered action item in a decisions log.
        @"|(?<action>[*_]{0,2}(?:ACTION|Action)\s+\#?[0-9]{1,3}(?:\.[0-9]{1,3}){0,2}(?:[*_]{0,2}\s*[:：\-–—][*_]{0,2}|[*_]{2})\s+)" +
        @"|(?<bullet>[-*+•·●○■□◆◇▪►–—➢➤✓✔\uF0A7\uF0B7\uF0D8])\s+" +
        @"|(?<bullet>[-–—])(?=[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2}:\s)" +
        @")",
        RegexOptions.CultureInvariant)]
    private static partial Regex MarkerPattern();
}
