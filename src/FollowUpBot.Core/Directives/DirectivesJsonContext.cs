using System.Text.Json.Serialization;

namespace FollowUpBot.Directives;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(WorkingCalendar.CalendarFile))]
[JsonSerializable(typeof(List<Evaluation.LabelledDirective>))]
internal sealed partial class DirectivesJsonContext : JsonSerializerContext;
