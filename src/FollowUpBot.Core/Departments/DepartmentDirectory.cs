using System.Text.Json;
using System.Text.Json.Serialization;

namespace FollowUpBot.Departments;

/// <summary>A person who answers for a department in Teams.</summary>
internal sealed record Contact(string AadObjectId, string? Name);

/// <summary>A Teams channel where a department's checklist is posted instead of 1:1 messages.</summary>
internal sealed record ChannelRef(string TeamId, string ChannelId);

/// <summary>A department: canonical name, the other names meeting texts use for it, its contacts and optional channel.</summary>
internal sealed record Department(string Name, IReadOnlyList<string>? Aliases, IReadOnlyList<Contact>? Contacts, ChannelRef? Channel)
{
    public IReadOnlyList<string> Aliases { get; init; } = Aliases ?? [];

    public IReadOnlyList<Contact> Contacts { get; init; } = Contacts ?? [];
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
