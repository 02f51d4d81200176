using System.Text.RegularExpressions;

namespace FollowUpBot.Directives;

/// <summary>
/// A Chinese notice copied from a web page or a forum often loses its line breaks: the headings and numbered items of a
/// list run on one line, parted by a space ("现将有关事宜通知如下: 一、重点督办事项 1.加快推进…。(责任单位:…) 2.全面开展…"). The
/// rules read a list item from the start of its line, so each such item is put back on a line of its own: the space before
/// an item number is read as a line break, one character for one, and every offset still points into the text as written.
/// </summary>
internal static partial class InlineItems
{
    // Two items run together are a flattened list; a single "1.xxx" after a space may be a number in prose.
    private const int MinItemsOnALine = 2;

    /// <summary>The text with the spaces before inline list items read as line breaks; the same string when none was found.</summary>
    public static string Break(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        char[]? chars = null;
        var position = 0;
        var found = new List<int>();
        while (position < text.Length)
        {
            var lineEnd = text.IndexOf('\n', position);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            found.Clear();
            foreach (Match match in InlineItem().Matches(text[position..lineEnd]))
            {
                found.Add(position + match.Index);
            }

            if (found.Count >= MinItemsOnALine)
            {
                chars ??= text.ToCharArray();
                foreach (var space in found)
                {
                    chars[space] = '\n';
                }
            }

            position = lineEnd + 1;
        }

        return chars is null ? text : new string(chars);
    }

    // A space (ASCII or full-width) after something that ends a Chinese clause or heading (a Han character, a full stop, a
    // colon, a closing bracket or quotation mark), then an item number (一、 （一） 1. 1、 （1）) and the item's first Han
    // character: "1.5倍" (a decimal), "第 3 条" and English text are left alone. Only the space itself is matched.
    [GeneratedRegex(
        @"(?<=[\u4E00-\u9FFF。；;：:）)”！？])[ \u3000](?=\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|[0-9]{1,2}[.．、](?![0-9])|[（(][0-9]{1,2}[）)])[\u4E00-\u9FFF“])",
        RegexOptions.CultureInvariant)]
    private static partial Regex InlineItem();
}
