using System.Text.Json.Serialization;

namespace FollowUpBot.Storage;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LocalBlobStore.LeaseFile))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
