using System.Globalization;
using System.Text;

namespace FollowUpBot.Directives;

/// <summary>How a level of an automatic list draws its number, whatever the file format called it.</summary>
internal enum ListNumberFormat
{
    Decimal,
    ChineseCounting,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
    EnclosedCircle,
    Bullet,
    None,
}

/// <summary>
/// Automatic list numbers written out as the word processor draws them (一、 / （二） / 1. / a) / iii.), because the
/// outline reader needs them and a .docx, .doc and .odt of the same minutes must read alike. Each reader maps its own
/// format names to <see cref="ListNumberFormat"/> and its level text to a template; this class counts and renders.
/// </summary>
internal sealed class ListNumbers<TList>
    where TList : notnull
{
    private readonly Dictionary<TList, int[]> _counts = [];

    /// <summary>
    /// Counts one more item of <paramref name="list"/> at <paramref name="level"/> (0–8) and returns the counts of every
    /// level down to it; deeper levels start again. A level's first item counts from its start value, an item that
    /// restarts its level from <paramref name="restartAt"/>.
    /// </summary>
    public IReadOnlyList<int> Next(TList list, int level, Func<int, int> startAt, int? restartAt = null)
    {
        ArgumentNullException.ThrowIfNull(startAt);
        level = Math.Clamp(level, 0, 8);
        if (!_counts.TryGetValue(list, out var counts))
        {
            counts = new int[9];
            _counts[list] = counts;
        }

        counts[level] = restartAt ?? (counts[level] == 0 ? startAt(level) : counts[level] + 1);
        for (var deeper = level + 1; deeper < counts.Length; deeper++)
        {
            counts[deeper] = 0;
        }

        // A level above that has not been used yet shows its start value (1.1 for a list that opens at level 2), but
        // is not counted: its first real item still gets the start value.
        var shown = new int[level + 1];
        for (var at = 0; at <= level; at++)
        {
            shown[at] = counts[at] == 0 ? startAt(at) : counts[at];
        }

        return shown;
    }
}

/// <summary>Renders list numbers and finishes labels; shared by the .docx, .doc and .odt readers.</summary>
internal static class ListNumberText
{
    /// <summary>
    /// The label of a template whose <paramref name="placeholder"/> for level n (0-based) is replaced by that level's
    /// count in that level's format, with a space after it unless it ends as Chinese labels do (一、, （二）).
    /// </summary>
    public static string Label(IEnumerable<(string? Literal, int Level)> template, IReadOnlyList<int> counts, Func<int, ListNumberFormat> format)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(format);
        var label = new StringBuilder();
        var chinese = false;
        foreach (var (literal, level) in template)
        {
            if (literal is not null)
            {
                label.Append(literal);
                continue;
            }

            var levelFormat = format(level);
            chinese |= levelFormat == ListNumberFormat.ChineseCounting;
            label.Append(Render(level < counts.Count ? counts[level] : 1, levelFormat));
        }

        var text = label.ToString().TrimEnd();
        if (text.Length == 0)
        {
            return string.Empty;
        }

        return chinese || text.EndsWith('、') || text.EndsWith('）') || text.EndsWith('．') ? text : text + " ";
    }

    /// <summary>The number <paramref name="count"/> as <paramref name="format"/> draws it.</summary>
    public static string Render(int count, ListNumberFormat format)
    {
        count = Math.Max(count, 0);
        return format switch
        {
            ListNumberFormat.ChineseCounting => ChineseNumerals.Render(count),
            ListNumberFormat.EnclosedCircle => count is >= 1 and <= 20 ? ((char)('\u2460' + count - 1)).ToString() : count.ToString(CultureInfo.InvariantCulture),
            ListNumberFormat.LowerLetter => Letters(count),
            ListNumberFormat.UpperLetter => Letters(count).ToUpperInvariant(),
            ListNumberFormat.LowerRoman => Roman(count).ToLowerInvariant(),
            ListNumberFormat.UpperRoman => Roman(count),
            ListNumberFormat.Bullet => "•",
            ListNumberFormat.None => string.Empty,
            _ => count.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>a … z, then aa … zz, as word processors letter a list.</summary>
    private static string Letters(int count)
    {
        if (count < 1)
        {
            return count.ToString(CultureInfo.InvariantCulture);
        }

        var letter = (char)('a' + ((count - 1) % 26));
        return new string(letter, ((count - 1) / 26) + 1);
    }

    private static string Roman(int count)
    {
        if (count is < 1 or > 3999)
        {
            return count.ToString(CultureInfo.InvariantCulture);
        }

        ReadOnlySpan<int> values = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
        string[] symbols = ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"];
        var roman = new StringBuilder();
        for (var i = 0; i < values.Length; i++)
        {
            while (count >= values[i])
            {
                roman.Append(symbols[i]);
                count -= values[i];
            }
        }

        return roman.ToString();
    }
}
