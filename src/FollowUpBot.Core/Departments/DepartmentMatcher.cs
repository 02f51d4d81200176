using FollowUpBot.Directives;

namespace FollowUpBot.Departments;

internal enum DepartmentMatchKind
{
    Exact,
    Alias,
    Normalized,
    Unknown,
}

/// <summary>What an actor phrase from a meeting text resolved to; <see cref="Department"/> is null when it is unknown.</summary>
internal sealed record DepartmentMatch(string Phrase, Department? Department, DepartmentMatchKind Kind)
{
    public bool IsKnown => Department is not null;
}

/// <summary>
/// Maps actor phrases to departments: the canonical name, then an alias, then either of them after normalising
/// bracket/punctuation width, whitespace, case and a leading English article. Unmatched phrases are kept as written.
/// </summary>
internal sealed class DepartmentMatcher
{
    private readonly Dictionary<string, Department> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Department> _aliases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Department> _normalized = new(StringComparer.Ordinal);

    public DepartmentMatcher(DepartmentDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        foreach (var department in directory.Departments)
        {
            _names.TryAdd(department.Name, department);
            _normalized.TryAdd(Key(department.Name), department);
        }

        // Names first, so an alias never takes over another department's canonical name.
        foreach (var department in directory.Departments)
        {
            foreach (var alias in department.Aliases)
            {
                _aliases.TryAdd(alias, department);
                _normalized.TryAdd(Key(alias), department);
            }
        }
    }

    public DepartmentMatch Match(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        if (_names.TryGetValue(phrase, out var byName))
        {
            return new DepartmentMatch(phrase, byName, DepartmentMatchKind.Exact);
        }

        if (_aliases.TryGetValue(phrase, out var byAlias))
        {
            return new DepartmentMatch(phrase, byAlias, DepartmentMatchKind.Alias);
        }

        return _normalized.TryGetValue(Key(phrase), out var normalized)
            ? new DepartmentMatch(phrase, normalized, DepartmentMatchKind.Normalized)
            : new DepartmentMatch(phrase, null, DepartmentMatchKind.Unknown);
    }

    private static string Key(string phrase)
    {
        var key = TextNormalizer.NormalizeForMatch(phrase);
        return key.StartsWith("THE", StringComparison.Ordinal) && phrase.TrimStart().StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? key[3..] : key;
    }
}
