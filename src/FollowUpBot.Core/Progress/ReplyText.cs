using FollowUpBot.Writing;

namespace FollowUpBot.Progress;

/// <summary>Small text helpers of the reply parser.</summary>
internal static class ReplyText
{
    /// <summary>
    /// Full-width forms to ASCII, traditional to simplified Chinese (<see cref="ChineseScript"/>, the map the extractor reads with too), and lower case, one char for one char, so that every index into the
    /// folded text is the same index into the original (notes and dates are cut from the original).
    /// </summary>
    public static string Fold(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                c = (char)(c - 0xFEE0);
            }
            else if (c is '\u3000' or '\u00A0')
            {
                c = ' ';
            }
            else if (c is '\u2019' or '\u2018')
            {
                c = '\'';
            }
            else
            {
                c = ChineseScript.ToSimplified(c);
            }

            span[i] = char.ToLowerInvariant(c);
        }
    });

    public static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    /// <summary>Where a sentence or clause ends: the parser does not read across these.</summary>
    public static bool IsSentenceBreak(char c) => c is '。' or ';' or '!' or '?' or '\n' or '\r';

    /// <summary>Separators that may follow an item marker or a status word.</summary>
    public static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c) || c is ':' or ',' or '、' or '.' or '-' or '—' or '–' or '|' or '/' or ';' or '。' or '!' or '~';

    /// <summary>1–999 written in Chinese numerals (十二, 二十, 一百零二, 两); null when it is not one.</summary>
    public static int? ParseChineseNumber(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return null;
        }

        var total = 0;
        var digit = -1;
        foreach (var c in text)
        {
            var value = c switch
            {
                '零' or '〇' => 0,
                '一' => 1,
                '二' or '两' => 2,
                '三' => 3,
                '四' => 4,
                '五' => 5,
                '六' => 6,
                '七' => 7,
                '八' => 8,
                '九' => 9,
                _ => -1,
            };
            if (value >= 0)
            {
                digit = value;
                continue;
            }

            var unit = c switch
            {
                '十' => 10,
                '百' => 100,
                _ => 0,
            };
            if (unit == 0)
            {
                return null;
            }

            total += (digit < 0 ? 1 : digit) * unit;
            digit = -1;
        }

        if (digit > 0)
        {
            total += digit;
        }

        return total is > 0 and < 1000 ? total : null;
    }

    /// <summary>A number written with ASCII digits or Chinese numerals.</summary>
    public static int? ParseNumber(ReadOnlySpan<char> text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : ParseChineseNumber(text);
}
