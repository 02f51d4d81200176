using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FollowUpBot.Ledger;

/// <summary>
/// The update ids an item has applied (<see cref="MeetingItem.Applied"/>): an immutable set in ordinal order. Adding an
/// id shares the set it was added to (a few new tree nodes, not a copy of every id), and asking for one costs a few
/// comparisons, so the per-report views and the projector's batches no longer copy and scan a list that grows by one id
/// per report until the reconciler folds it into the watermark. Written to <c>meeting.json</c> as an array of strings in
/// ordinal order; read from any order, duplicates kept once.
/// </summary>
[CollectionBuilder(typeof(AppliedIds), nameof(Create))]
[JsonConverter(typeof(AppliedIdsJsonConverter))]
internal sealed class AppliedIds : IReadOnlyCollection<string>
{
    public static readonly AppliedIds Empty = new(ImmutableSortedSet.Create<string>(StringComparer.Ordinal));

    private readonly ImmutableSortedSet<string> _ids;

    private AppliedIds(ImmutableSortedSet<string> ids) => _ids = ids;

    public int Count => _ids.Count;

    public static AppliedIds Create(ReadOnlySpan<string> ids) => Empty.AddRange(ids);

    public bool Contains(string updateId) => _ids.Contains(updateId);

    /// <summary>The set with <paramref name="updateId"/>; this very set when it holds the id already.</summary>
    public AppliedIds Add(string updateId)
    {
        ArgumentNullException.ThrowIfNull(updateId);
        var next = _ids.Add(updateId);
        return ReferenceEquals(next, _ids) ? this : new AppliedIds(next);
    }

    /// <summary>The ids that <paramref name="keep"/> says stay; this very set when all stay.</summary>
    public AppliedIds Where(Func<string, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        var dropped = _ids.Where(id => !keep(id)).ToList();
        return dropped.Count == 0 ? this : new AppliedIds(_ids.Except(dropped));
    }

    public ImmutableSortedSet<string>.Enumerator GetEnumerator() => _ids.GetEnumerator();

    IEnumerator<string> IEnumerable<string>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private AppliedIds AddRange(ReadOnlySpan<string> ids)
    {
        if (ids.IsEmpty)
        {
            return this;
        }

        var builder = _ids.ToBuilder();
        foreach (var id in ids)
        {
            ArgumentNullException.ThrowIfNull(id);
            builder.Add(id);
        }

        return new AppliedIds(builder.ToImmutable());
    }
}

/// <summary>Writes <see cref="AppliedIds"/> as a JSON array of strings (ordinal order), reads it back from any order.</summary>
internal sealed class AppliedIdsJsonConverter : JsonConverter<AppliedIds>
{
    public override AppliedIds Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Applied update ids must be an array of strings.");
        }

        var ids = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            ids.Add(reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("Applied update ids must be strings."));
        }

        return AppliedIds.Create(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ids));
    }

    public override void Write(Utf8JsonWriter writer, AppliedIds value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var id in value)
        {
            writer.WriteStringValue(id);
        }

        writer.WriteEndArray();
    }
}
