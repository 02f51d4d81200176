namespace FollowUpBot.Directives;

/// <summary>
/// Ranges of a text sorted by start with the running maximum of their ends, so whether any of them overlaps a range or
/// covers a position is one binary search: the loose reading's checks stay linear in the text however many directives it holds.
/// </summary>
internal sealed class IntervalIndex
{
    private readonly int[] _starts;
    private readonly int[] _maxEnds;

    public IntervalIndex(IEnumerable<(int Start, int End)> ranges)
    {
        var sorted = ranges.OrderBy(r => r.Start).ToArray();
        _starts = new int[sorted.Length];
        _maxEnds = new int[sorted.Length];
        var max = int.MinValue;
        for (var i = 0; i < sorted.Length; i++)
        {
            _starts[i] = sorted[i].Start;
            max = Math.Max(max, sorted[i].End);
            _maxEnds[i] = max;
        }
    }

    /// <summary>Whether a range [s, e) overlaps [start, end).</summary>
    public bool Overlaps(int start, int end)
    {
        var i = LastStartBelow(end);
        return i >= 0 && _maxEnds[i] > start;
    }

    /// <summary>Whether a range [s, e] has s ≤ position ≤ e + 1 (the position lies in it or right after it).</summary>
    public bool Covers(int position)
    {
        var i = LastStartBelow(position + 1);
        return i >= 0 && _maxEnds[i] + 1 >= position;
    }

    /// <summary>The last index whose start is below <paramref name="limit"/>, or -1.</summary>
    private int LastStartBelow(int limit)
    {
        int low = 0, high = _starts.Length - 1, found = -1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (_starts[middle] < limit)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found;
    }
}
