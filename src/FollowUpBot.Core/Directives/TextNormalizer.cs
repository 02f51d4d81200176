using System.Text;

using FollowUpBot.Writing;

namespace FollowUpBot.Directives;

/// <summary>
/// The comparison form of a phrase used by scoring and department matching: full-width ASCII folded to
/// half-width, whitespace removed, so <c>各级党委（党组）</c> equals <c>各级党委(党组)</c>.
/// </summary>
internal static class TextNormalizer
{
    public static string Normalize(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            builder.Append(c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3001' => ',',
                '\u201C' or '\u201D' => '"',
                '\u2018' or '\u2019' => '\'',
                '\u3010' => '[',
                '\u3011' => ']',
                _ => c,
            });
        }

        return builder.ToString();
    }

    /// <summary>
    /// Normalised, upper-cased and in simplified script, for matching names typed by people (English department names vary
    /// in case; a traditional-script record writes 宣傳部門 for the directory's 宣传部门).
    /// </summary>
    public static string NormalizeForMatch(string? value) => ChineseScript.ToSimplified(Normalize(value)).ToUpperInvariant();
}
