using System.Xml;

namespace FollowUpBot.Directives;

/// <summary>
/// The list numbers of an OpenDocument text: the list styles (<c>text:list-style</c>, named in styles.xml or automatic in
/// content.xml) give each level's format, prefix, suffix, start value and how many levels it shows; the body's
/// <c>text:list</c> elements give each item its list and level. A top-level list starts its numbers again unless it
/// continues another (<c>text:continue-numbering</c>, <c>text:continue-list</c>); a <c>text:list-header</c> has none. A
/// heading outside a list takes the outline style's number at its outline level (1. / 2.1. when it shows two levels).
/// </summary>
internal sealed class OdtLists
{
    private const string TextNs = OdtText.TextNs;
    private const string StyleNs = OdtText.StyleNs;
    private const string XmlNs = "http://www.w3.org/XML/1998/namespace";
    private const int MaxDepth = 10;
    private const string OutlineStyle = "\0outline";
    private const int OutlineList = -1;

    private readonly Dictionary<string, Dictionary<int, Level>> _styles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _listsById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _lastListOfStyle = new(StringComparer.Ordinal);
    private readonly Stack<Frame> _open = new();
    private readonly ListNumbers<int> _numbers = new();
    private string? _currentStyle;
    private int _lastList = -1;
    private int _nextList;
    private string _pending = string.Empty;

    /// <summary>Reads a list style's level when <paramref name="reader"/> stands on one; anything else is ignored.</summary>
    public void ReadStyle(XmlReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != TextNs)
        {
            return;
        }

        if (reader.LocalName is "list-style" or "outline-style")
        {
            _currentStyle = reader.LocalName == "outline-style" ? OutlineStyle : reader.GetAttribute("name", StyleNs);
            if (_currentStyle is not null)
            {
                _styles[_currentStyle] = [];
            }

            return;
        }

        if (_currentStyle is null || reader.LocalName is not ("list-level-style-number" or "outline-level-style" or "list-level-style-bullet" or "list-level-style-image")
            || !int.TryParse(reader.GetAttribute("level", TextNs), out var level) || level is < 1 or > MaxDepth)
        {
            return;
        }

        _styles[_currentStyle][level - 1] = reader.LocalName is not ("list-level-style-number" or "outline-level-style")
            ? new Level(ListNumberFormat.Bullet, string.Empty, string.Empty, 1, 1)
            : new Level(
                Format(reader.GetAttribute("num-format", StyleNs)),
                reader.GetAttribute("num-prefix", StyleNs) ?? string.Empty,
                reader.GetAttribute("num-suffix", StyleNs) ?? string.Empty,
                int.TryParse(reader.GetAttribute("start-value", TextNs), out var start) ? start : 1,
                int.TryParse(reader.GetAttribute("display-levels", TextNs), out var shown) ? Math.Clamp(shown, 1, MaxDepth) : 1);
    }

    public void StartList(XmlReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var style = reader.GetAttribute("style-name", TextNs);
        if (_open.TryPeek(out var parent))
        {
            _open.Push(new Frame(style ?? parent.Style, parent.List, parent.Level + 1));
            return;
        }

        int list;
        if (reader.GetAttribute("continue-list", TextNs) is { } continued && _listsById.TryGetValue(continued, out var named))
        {
            list = named;
        }
        else if (reader.GetAttribute("continue-numbering", TextNs) == "true")
        {
            list = style is not null && _lastListOfStyle.TryGetValue(style, out var previous) ? previous
                : _lastList >= 0 ? _lastList : _nextList++;
        }
        else
        {
            list = _nextList++;
        }

        if (reader.GetAttribute("id", XmlNs) is { } id)
        {
            _listsById[id] = list;
        }

        if (style is not null)
        {
            _lastListOfStyle[style] = list;
        }

        _lastList = list;
        _open.Push(new Frame(style, list, 0));
    }

    public void EndList()
    {
        _open.TryPop(out _);
        _pending = string.Empty;
    }

    /// <summary>An item counts at its list's level; a header does not. The label waits for the item's first paragraph.</summary>
    public void StartItem(XmlReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _pending = string.Empty;
        if (reader.LocalName == "list-item" && _open.TryPeek(out var frame))
        {
            Count(frame, int.TryParse(reader.GetAttribute("start-value", TextNs), out var value) ? value : null);
        }
    }

    /// <summary>A heading outside a list is numbered by the outline style at its outline level (1 when not given).</summary>
    public void StartHeading(XmlReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (_open.Count > 0 || reader.GetAttribute("is-list-header", TextNs) == "true")
        {
            return;
        }

        var level = int.TryParse(reader.GetAttribute("outline-level", TextNs), out var outline) ? Math.Clamp(outline, 1, MaxDepth) : 1;
        int? restart = reader.GetAttribute("restart-numbering", TextNs) == "true" && int.TryParse(reader.GetAttribute("start-value", TextNs), out var value) ? value : null;
        Count(new Frame(OutlineStyle, OutlineList, level - 1), restart);
    }

    private void Count(Frame frame, int? restart)
    {
        _pending = string.Empty;
        if (frame.Level >= MaxDepth || frame.Style is null || !_styles.TryGetValue(frame.Style, out var levels))
        {
            return;
        }

        Level LevelAt(int at) => levels.TryGetValue(at, out var level) ? level : Level.Plain;
        var counts = _numbers.Next(frame.List, Math.Min(frame.Level, 8), at => LevelAt(at).StartAt, restart);
        var current = LevelAt(frame.Level);
        if (current.Format == ListNumberFormat.Bullet)
        {
            _pending = "• ";
            return;
        }

        var template = new List<(string? Literal, int Level)> { (current.Prefix, 0) };
        var first = Math.Max(0, Math.Min(frame.Level, 8) - current.Shown + 1);
        for (var at = first; at <= Math.Min(frame.Level, 8); at++)
        {
            if (at > first)
            {
                template.Add((".", 0));
            }

            template.Add((null, at));
        }

        template.Add((current.Suffix, 0));
        _pending = ListNumberText.Label(template, counts, at => LevelAt(at).Format);
    }

    /// <summary>The label of the item whose first paragraph starts now, once; empty for every other paragraph.</summary>
    public string TakeLabel()
    {
        var label = _pending;
        _pending = string.Empty;
        return label;
    }

    /// <summary>ODF's num-format: "1", "a", "A", "i", "I", "一, 二, 三, ...", "①, ②, ③, ...", or empty for no number.</summary>
    private static ListNumberFormat Format(string? format) => format switch
    {
        null or "1" => ListNumberFormat.Decimal,
        "" => ListNumberFormat.None,
        "a" => ListNumberFormat.LowerLetter,
        "A" => ListNumberFormat.UpperLetter,
        "i" => ListNumberFormat.LowerRoman,
        "I" => ListNumberFormat.UpperRoman,
        _ when format.StartsWith('一') || format.StartsWith('〇') => ListNumberFormat.ChineseCounting,
        _ when format.StartsWith('①') => ListNumberFormat.EnclosedCircle,
        _ => ListNumberFormat.Decimal,
    };

    private sealed record Frame(string? Style, int List, int Level);

    private sealed record Level(ListNumberFormat Format, string Prefix, string Suffix, int StartAt, int Shown)
    {
        public static readonly Level Plain = new(ListNumberFormat.None, string.Empty, string.Empty, 1, 1);
    }
}
