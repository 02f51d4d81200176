namespace FollowUpBot.Directives;

/// <summary>Small Chinese numerals (一…九十九) as used in outline numbering and durations.</summary>
internal static class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";

    public static string Render(int value)
    {
        if (value is <= 0 or >= 100)
        {
            return value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (value < 10)
        {
            return Digits[value].ToString();
        }

        var tens = value / 10;
        var ones = value % 10;
        return (tens == 1 ? string.Empty : Digits[tens].ToString()) + "十" + (ones == 0 ? string.Empty : Digits[ones].ToString());
    }

    /// <summary>Parses 一…九十九, 两, 半 is not a number; also plain ASCII digits. Returns null when not a number.</summary>
    public static int? Parse(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return null;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ascii))
        {
            return ascii;
        }

        var total = 0;
        var current = 0;
        foreach (var c in text)
        {
            var digit = c == '两' ? 2 : Digits.IndexOf(c, StringComparison.Ordinal);
            if (digit >= 0)
            {
                current = digit;
            }
            else if (c == '十')
            {
                total += (current == 0 ? 1 : current) * 10;
                current = 0;
            }
            else
            {
                return null;
            }
        }

        return total + current;
    }
}
