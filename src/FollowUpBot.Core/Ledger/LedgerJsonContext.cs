using System.Text.Json.Serialization;

namespace FollowUpBot.Ledger;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(MeetingDocument))]
[JsonSerializable(typeof(ProgressRecord))]
[JsonSerializable(typeof(ReminderMarker))]
[JsonSerializable(typeof(DepartmentIndexDocument))]
[JsonSerializable(typeof(MeetingsIndexDocument))]
[JsonSerializable(typeof(PendingIndexDocument))]
internal sealed partial class LedgerJsonContext : JsonSerializerContext;
