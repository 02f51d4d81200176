using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FollowUpBot.Telemetry;

/// <summary>
/// The app's own trace source and meter: a feature creates its spans with <see cref="ActivitySource"/>
/// and its instruments on <see cref="Meter"/>, and they are exported with the rest.
/// </summary>
internal static class FollowUpTelemetry
{
    public const string Name = "FollowUpBot";

    public static ActivitySource ActivitySource { get; } = new(Name);

    public static Meter Meter { get; } = new(Name);
}
