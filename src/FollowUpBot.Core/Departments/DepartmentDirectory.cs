using System.Text.Json;
using System.Text.Json.Serialization;

namespace FollowUpBot.Departments;

/// <summary>A person who answers for a department in Teams.</summary>
internal sealed record Contact(string AadObjectId, string? Name)
{
    /// <summary>Where the contact comes from (<see cref="ContactSources"/>); null means the directory file.</summary>
    public string? Source { get; init; }

    /// <summary>The user principal name (sign-in email), when known: shown on the directory card.</summary>
    public string? Upn { get; init; }

    public bool IsFrom(string source) => string.Equals(Source ?? ContactSources.File, source, StringComparison.Ordinal);
}

/// <summary>Where a directory contact comes from; synced sources are replaced whole at every sync.</summary>
internal static class ContactSources
{
    /// <summary>The directory file (<c>FollowUp:DirectoryPath</c>).</summary>
    public const string File = "file";

    /// <summary>A member of the department's Entra group (<c>groupId</c>).</summary>
    public const string Group = "group";

    /// <summary>A user whose Entra <c>department</c> attribute equals the department's <c>departmentAttribute</c>.</summary>
    public const string Attribute = "attribute";

    /// <summary>Added by an organiser with the <c>directory</c> command.</summary>
    public const string Chat = "chat";

    public static bool IsSynced(Contact contact) => contact is not null && (contact.IsFrom(Group) || contact.IsFrom(Attribute));
}

/// <summary>A Teams channel where a department's checklist is posted instead of 1:1 messages.</summary>
internal sealed record ChannelRef(string TeamId, string ChannelId);

/// <summary>A department: canonical name, the other names meeting texts use for it, its contacts and optional channel.</summary>
internal sealed record Department(string Name, IReadOnlyList<string>? Aliases, IReadOnlyList<Contact>? Contacts, ChannelRef? Channel)
{
    public IReadOnlyList<string> Aliases { get; init; } = Aliases ?? [];

    public IReadOnlyList<Contact> Contacts { get; init; } = Contacts ?? [];

    /// <summary>An Entra group whose members are this department's contacts (synced from Microsoft Graph).</summary>
    public string? GroupId { get; init; }

    /// <summary>Users whose Entra <c>department</c> attribute equals this value are this department's contacts.</summary>
    public string? DepartmentAttribute { get; init; }

    [JsonIgnore]
    public bool IsSynced => !string.IsNullOrWhiteSpace(GroupId) || !string.IsNullOrWhiteSpace(DepartmentAttribute);
}

/// <summary>The department directory file of DESIGN.md: <c>{"departments": [...]}</c>.</summary>
internal sealed record DepartmentDirectory(IReadOnlyList<Department> Departments)
{
    public static DepartmentDirectory Empty { get; } = new([]);

    public static DepartmentDirectory Parse(string json)
    {
        DepartmentDirectory? directory;
        try
        {
            directory = JsonSerializer.Deserialize(json, DepartmentsJsonContext.Default.DepartmentDirectory);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The department directory is not valid JSON: {e.Message}", e);
        }

        if (directory?.Departments is null)
        {
            throw new FormatException("The department directory has no \"departments\" array.");
        }

        foreach (var department in directory.Departments)
        {
            if (string.IsNullOrWhiteSpace(department.Name))
            {
                throw new FormatException("A department in the directory has no name.");
            }
        }

        return directory;
    }

    public static async Task<DepartmentDirectory> LoadAsync(string path, CancellationToken cancellationToken = default) =>
        Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, WriteIndented = true)]
[JsonSerializable(typeof(DepartmentDirectory))]
internal sealed partial class DepartmentsJsonContext : JsonSerializerContext;
