using System.Text.Json.Serialization;

namespace FollowUpBot.Ledger;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(MeetingDocument))]
[JsonSerializable(typeof(ProgressRecord))]
[JsonSerializable(typeof(ReminderMarker))]
[JsonSerializable(typeof(DepartmentDirectory))]
internal sealed partial class LedgerJsonContext : JsonSerializerContext;
