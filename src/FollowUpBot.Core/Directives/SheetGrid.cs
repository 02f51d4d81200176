using System.Globalization;
using System.Text;

namespace FollowUpBot.Directives;

/// <summary>
/// One worksheet's cells as the text readers write them: a line per row with cells separated by tabs, empty rows left
/// out, a cell merged down several rows repeated on each of them (one 牵头单位 for a block of tasks gives every row its
/// owner), line breaks and tabs inside a cell turned into spaces. Shared by the .xlsx and .xls readers.
/// </summary>
internal sealed class SheetGrid
{
    // Built-in number formats that show a date (ECMA-376 18.8.30 and [MS-XLS] 2.4.126, with the zh-CN/ja/ko ones from 27 up).
    private static readonly HashSet<int> BuiltInDateFormats = [14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58];

    private readonly SortedDictionary<uint, SortedDictionary<int, string>> _rows = [];
    private readonly List<(uint Top, uint Bottom, int Column)> _merges = [];

    public void Set(uint row, int column, string value)
    {
        value = Clean(value);
        if (value.Length == 0 || column is < 0 or > 16_384)
        {
            return;
        }

        if (!_rows.TryGetValue(row, out var cells))
        {
            _rows[row] = cells = [];
        }

        cells[column] = value;
    }

    /// <summary>Rows <paramref name="top"/>..<paramref name="bottom"/> share the value of (<paramref name="top"/>, <paramref name="column"/>).</summary>
    public void MergeDown(uint top, uint bottom, int column)
    {
        if (bottom > top && bottom - top <= 10_000)
        {
            _merges.Add((top, bottom, column));
        }
    }

    public string Text()
    {
        foreach (var (top, bottom, column) in _merges)
        {
            if (!_rows.TryGetValue(top, out var first) || !first.TryGetValue(column, out var value))
            {
                continue;
            }

            for (var r = top + 1; r <= bottom; r++)
            {
                if (_rows.TryGetValue(r, out var cells))
                {
                    cells.TryAdd(column, value);
                }
            }
        }

        var lines = _rows.Values.Select(cells =>
        {
            var line = new StringBuilder();
            for (var column = 0; column <= cells.Keys.Last(); column++)
            {
                if (column > 0)
                {
                    line.Append('\t');
                }

                line.Append(cells.GetValueOrDefault(column));
            }

            return line.ToString();
        });
        return string.Join('\n', lines);
    }

    public static bool IsBuiltInDateFormat(int id) => BuiltInDateFormats.Contains(id);

    /// <summary>A custom number format shows a date when, outside quotes, brackets and escapes, it has a year or day code.</summary>
    public static bool IsDateFormatCode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return false;
        }

        var quoted = false;
        var bracket = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            switch (c)
            {
                case '"':
                    quoted = !quoted;
                    break;
                case '[' when !quoted:
                    bracket = true;
                    break;
                case ']' when !quoted:
                    bracket = false;
                    break;
                case '\\' or '_' or '*' when !quoted:
                    i++;
                    break;
                case 'y' or 'Y' or 'd' or 'D' when !quoted && !bracket:
                    return true;
                default:
                    break;
            }
        }

        return false;
    }

    /// <summary>A date cell's serial number as yyyy-MM-dd, or null when it is no date a meeting would set.</summary>
    public static string? Date(double serial, bool from1904)
    {
        if (from1904)
        {
            serial += 1462;
        }

        return serial is >= 1 and < 2958466
            ? DateTime.FromOADate(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>A number as the cell shows it in the general format (no exponent for ordinary sizes, no trailing zeros).</summary>
    public static string Number(double value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

    // A line break inside a cell (Alt+Enter) would split the row; a tab would add a column.
    private static string Clean(string value) =>
        value.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ').Trim();
}
