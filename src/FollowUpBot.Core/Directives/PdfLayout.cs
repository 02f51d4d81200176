using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig.Content;

namespace FollowUpBot.Directives;

/// <summary>
/// The lines of a PDF's pages put back into paragraphs, with the running heads and page numbers taken out.
/// A PDF has no paragraphs, only lines placed on a page: a sentence that runs to the right margin goes on at the left
/// margin of the next line, or of the next page under its running head. Read line by line, a directive such as
/// 由市发展改革委牵头 … 市财政局配合 loses its supporter to the break ("市发展改\n革委") and a page's header lands in
/// the middle of a task. The geometry says what the text cannot: a line is wrapped when the next line's first word
/// would not have fit after it, and the next line starts at the text's left margin (a first-line indent, a wider gap
/// than the line pitch, a change of size or a list marker starts a new paragraph). Lines at the top or bottom of a page
/// that repeat on other pages (digits aside), and page numbers there ("— 3 —", "第 3 页 共 9 页", "Page 3 of 9"), are the
/// running heads.
/// </summary>
internal static partial class PdfLayout
{
    /// <summary>One line of a page as drawn: its text and where it sits (PDF points, y upwards).</summary>
    internal sealed class Line
    {
        private readonly StringBuilder _text = new();

        public double Left { get; private set; }

        public double Right { get; private set; }

        public double Baseline { get; private set; }

        public double Size { get; private set; }

        /// <summary>Width of the line's first word (to the first space), or its first character when it starts with CJK.</summary>
        public double FirstWord { get; private set; }

        /// <summary>The line has a gap wider than a word space: cells of a table row, kept apart by tabs.</summary>
        public bool HasColumns { get; private set; }

        /// <summary>False for a line of a page read without geometry (a page turned sideways): never joined, never a running head.</summary>
        public bool Placed { get; private init; } = true;

        public string Text => _text.ToString();

        private bool _firstWordDone;
        private bool _firstWordCjk;

        public static Line Unplaced(string text)
        {
            var line = new Line { Placed = false };
            line._text.Append(text);
            return line;
        }

        public static Line Start(Letter letter, double size)
        {
            var line = new Line { Left = letter.StartBaseLine.X, Baseline = letter.StartBaseLine.Y, Size = size };
            line.Append(letter, size);
            return line;
        }

        public void Append(Letter letter, double size)
        {
            var c = letter.Value[0];
            _text.Append(letter.Value);
            Right = Math.Max(Right, letter.EndBaseLine.X);
            Size = Math.Max(Size, size);
            if (_firstWordDone)
            {
                return;
            }

            // A Chinese line breaks before a character together with the punctuation that may not start a line (，。”）)
            // and after the punctuation that may not end one (“（): that group is the "word" that did not fit.
            if (_firstWordCjk && !Closing.Contains(c, StringComparison.Ordinal))
            {
                _firstWordDone = true;
                return;
            }

            if (_text.Length > letter.Value.Length && !_firstWordCjk && IsCjk(c) && !Closing.Contains(c, StringComparison.Ordinal))
            {
                _firstWordDone = true; // a Latin word ends where Chinese text starts
                return;
            }

            FirstWord = Right - Left;
            _firstWordCjk |= IsCjk(c) && !Opening.Contains(c, StringComparison.Ordinal);
        }

        public void AppendSpace()
        {
            _text.Append(' ');
            _firstWordDone = true;
        }

        public void AppendColumnBreak()
        {
            _text.Append('\t');
            _firstWordDone = true;
            HasColumns = true;
        }

        public bool EndsWithSpace => _text.Length > 0 && _text[^1] == ' ';
    }

    /// <summary>The page's lines in the order the page draws them (its reading order for exports from Word and WPS).</summary>
    public static List<Line> LinesOf(Page page)
    {
        var lines = new List<Line>();
        Line? line = null;
        var pendingSpace = false;
        char previous = '\0';
        foreach (var letter in page.Letters)
        {
            if (letter.TextOrientation != TextOrientation.Horizontal)
            {
                continue; // watermarks and stamps drawn at an angle are not the minutes' text
            }

            if (string.IsNullOrWhiteSpace(letter.Value))
            {
                pendingSpace = true;
                continue;
            }

            var size = letter.PointSize > 0 ? letter.PointSize : Math.Max(letter.BoundingBox.Height, 1);
            if (line is not null)
            {
                var em = Math.Max(size, line.Size);
                var rise = Math.Abs(letter.StartBaseLine.Y - line.Baseline);
                var gap = letter.StartBaseLine.X - line.Right;
                if (rise <= 0.5 * em && gap >= -0.5 * em)
                {
                    var first = letter.Value[0];
                    if (gap > 1.5 * em)
                    {
                        line.AppendColumnBreak();
                    }
                    else if ((pendingSpace || gap > (IsCjk(previous) || IsCjk(first) ? 0.6 : 0.2) * em) && !line.EndsWithSpace)
                    {
                        line.AppendSpace();
                    }

                    line.Append(letter, size);
                    previous = letter.Value[^1];
                    pendingSpace = false;
                    continue;
                }
            }

            line = Line.Start(letter, size);
            lines.Add(line);
            previous = letter.Value[^1];
            pendingSpace = false;
        }

        return lines;
    }

    /// <summary>Drops the running heads of every page: lines at a page's top or bottom edge that are page numbers, or
    /// that recur (digits aside) at the edge of at least half the pages.</summary>
    public static void RemoveRunningHeads(List<List<Line>> pages)
    {
        var edges = pages.Select(EdgeLines).ToList();
        var seenOn = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pageEdges in edges)
        {
            foreach (var key in pageEdges.Select(l => KeyOf(l.Text)).Distinct(StringComparer.Ordinal))
            {
                seenOn[key] = seenOn.GetValueOrDefault(key) + 1;
            }
        }

        var needed = Math.Max(2, (pages.Count + 1) / 2);
        for (var p = 0; p < pages.Count; p++)
        {
            // Outermost first, and one line per text: a title that repeats the running head under it stays.
            var removed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var edge in edges[p])
            {
                var text = edge.Text.Trim();
                var key = KeyOf(text);
                var outermost = IsOutermost(pages[p], edge);
                if (((outermost && PageNumber().IsMatch(text)) || (seenOn[key] >= needed && text.Length <= 120)) && removed.Add(key))
                {
                    pages[p].Remove(edge);
                }
            }
        }
    }

    /// <summary>The pages' lines as text: one paragraph per line, wrapped lines joined (across pages too).</summary>
    public static string Compose(List<List<Line>> pages, double pageWidth)
    {
        var body = pages.SelectMany(p => p).Where(l => l.Placed && !l.HasColumns).ToList();
        var builder = new StringBuilder();
        if (body.Count == 0)
        {
            foreach (var line in pages.SelectMany(p => p))
            {
                builder.Append(line.Text.Trim()).Append('\n');
            }

            return builder.ToString();
        }

        var textLeft = CommonLeft(body);
        var textRight = RightMargin(body);
        var pitch = LinePitch(pages.Where(p => p.Count > 0 && p[0].Placed).SelectMany(LinePitches));
        var joinable = textRight - textLeft >= 0.5 * pageWidth;

        Line? previous = null;
        var samePage = false;
        foreach (var page in pages)
        {
            samePage = false;
            foreach (var line in page)
            {
                var text = line.Text.Trim();
                if (text.Length == 0)
                {
                    continue;
                }

                if (previous is not null)
                {
                    var wrapped = joinable && IsWrapped(previous, line, textLeft, textRight, samePage ? pitch : double.NaN);
                    builder.Append(wrapped ? Joiner(builder, text[0]) : Break(previous, line, samePage ? pitch : double.NaN));
                }

                builder.Append(text);
                previous = line;
                samePage = true;
            }
        }

        return builder.Append('\n').ToString();
    }

    private static bool IsWrapped(Line line, Line next, double textLeft, double textRight, double pitch)
    {
        var em = line.Size;
        if (!line.Placed || !next.Placed || line.HasColumns || next.HasColumns || Math.Abs(line.Size - next.Size) > 0.15 * em)
        {
            return false;
        }

        var last = line.Text.TrimEnd();
        if (last.Length == 0 || "。！？!?；;".Contains(last[^1], StringComparison.Ordinal))
        {
            return false; // a sentence ends at the break: nothing is lost by keeping it
        }

        // The next line's first word would not have fit after this one: the line was full, so the break is a wrap.
        var space = IsCjk(last[^1]) ? 0 : 0.25 * em;
        var full = line.Right + space + next.FirstWord > textRight - 0.3 * em;
        var atMargin = next.Left <= textLeft + 0.5 * em;
        var drop = line.Baseline - next.Baseline;
        var close = double.IsNaN(pitch) || (drop > 0 && drop <= 1.35 * pitch);
        return full && atMargin && close && !StartsItem().IsMatch(next.Text.TrimStart());
    }

    /// <summary>A new line, or a blank line where the page leaves one (paragraph spacing or an empty line).</summary>
    private static string Break(Line line, Line next, double pitch) =>
        !double.IsNaN(pitch) && line.Placed && next.Placed && line.Baseline - next.Baseline > 1.6 * pitch ? "\n\n" : "\n";

    private static string Joiner(StringBuilder before, char after)
    {
        // No space between Chinese characters, nor after a word broken at a hyphen ("follow-" + "up"); "effectively. -"
        // + "Matt" keeps its space.
        var last = before[^1];
        var hyphenated = last == '-' && before.Length > 1 && char.IsLetter(before[^2]);
        return IsCjk(last) || IsCjk(after) || hyphenated || last == '/' ? string.Empty : " ";
    }

    /// <summary>The two top lines from the top down, then the two bottom lines from the bottom up.</summary>
    private static List<Line> EdgeLines(List<Line> page)
    {
        if (page.Count == 0 || !page[0].Placed)
        {
            return [];
        }

        var byHeight = page.OrderByDescending(l => l.Baseline).ToList();
        var top = byHeight.Take(2);
        var bottom = Enumerable.Reverse(byHeight).Take(2);
        return top.Concat(bottom).Distinct().ToList();
    }

    private static bool IsOutermost(List<Line> page, Line line) =>
        line.Baseline >= page.Max(l => l.Baseline) || line.Baseline <= page.Min(l => l.Baseline);

    private static string KeyOf(string text)
    {
        var key = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsDigit(c))
            {
                if (key.Length == 0 || key[^1] != '#')
                {
                    key.Append('#');
                }
            }
            else if (!char.IsWhiteSpace(c))
            {
                key.Append(c);
            }
        }

        return key.ToString();
    }

    private static double CommonLeft(List<Line> lines)
    {
        // The left margin is where most lines start (first lines of paragraphs are indented, continuations are not).
        var counts = lines.GroupBy(l => Math.Round(l.Left)).Select(g => (Left: g.Key, Count: g.Count())).ToList();
        var repeated = counts.Where(c => c.Count >= 2).ToList();
        return repeated.Count > 0 ? repeated.Min(c => c.Left) : counts.Min(c => c.Left);
    }

    private static double RightMargin(List<Line> lines)
    {
        // Full lines end at the margin when justified; ragged ones end up to a word short of it, and a line ending in
        // punctuation may hang past it. The margin is the middle of the line ends near the longest ones.
        var em = Median(lines.Select(l => l.Size));
        var longest = Percentile(lines.Select(l => l.Right), 0.95);
        return Median(lines.Select(l => l.Right).Where(r => r >= longest - 3 * em));
    }

    private static IEnumerable<double> LinePitches(List<Line> page)
    {
        for (var i = 1; i < page.Count; i++)
        {
            var drop = page[i - 1].Baseline - page[i].Baseline;
            if (drop > 0.5 * page[i].Size && drop < 3 * page[i].Size)
            {
                yield return drop;
            }
        }
    }

    /// <summary>The drop from one line to the next within a paragraph: the smallest drop that recurs (a blank line or
    /// paragraph spacing makes larger ones).</summary>
    private static double LinePitch(IEnumerable<double> pitches)
    {
        var drops = pitches.ToList();
        var recurring = drops.GroupBy(d => Math.Round(d * 2) / 2).Where(g => g.Count() >= 2).Select(g => g.Key).ToList();
        return recurring.Count > 0 ? recurring.Min() : Median(drops);
    }

    private static double Percentile(IEnumerable<double> values, double fraction)
    {
        var sorted = values.Order().ToList();
        return sorted.Count < 10 ? sorted[^1] : sorted[(int)Math.Round(fraction * (sorted.Count - 1))];
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
    }

    private const string Opening = "“‘（《「『〔【〈([";
    private const string Closing = "，。、；：！？”’）》」』〕】〉…·,.;:!?)]";

    private static bool IsCjk(char c) =>
        c is (>= '\u4e00' and <= '\u9fff') or (>= '\u3400' and <= '\u4dbf') or (>= '\u3000' and <= '\u303f') or (>= '\uff00' and <= '\uffef');

    // A page number on its own: "3", "- 3 -", "— 3 —", "第3页", "第 3 页 共 9 页", "Page 3", "Page 3 of 9", "3 / 9".
    [GeneratedRegex(@"^[\s\-—–－·]*(?:\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|[Pp]age\s+\d{1,4}(?:\s+of\s+\d{1,4})?|\d{1,4}\s*/\s*\d{1,4})[\s\-—–－·]*$")]
    private static partial Regex PageNumber();

    // A line that starts a list item, a heading or a label ("Michael: …", "责任单位：…") begins a paragraph even at the
    // left margin.
    [GeneratedRegex(@"^(?:[A-Z][A-Za-z.'\-]*(?: [A-Z][A-Za-z.'\-]*){0,3} ?: |[\u4e00-\u9fff]{2,8}[：:]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}(?:[.．]\s|、)|第[一二三四五六七八九十\d]+[条项章]|[•·▪■●\-–—*]\s|[A-Za-z]\)\s)")]
    private static partial Regex StartsItem();
}
