using Azure.Monitor.OpenTelemetry.AspNetCore;
using FollowUpBot.Health;
using OpenTelemetry;
using OpenTelemetry.Instrumentation.AspNetCore;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FollowUpBot.Telemetry;

/// <summary>
/// Structured logs, traces and metrics. Traces and metrics come from ASP.NET Core, HttpClient (every
/// call to Teams and to Storage) and the app's own <see cref="FollowUpTelemetry.Name"/> source and meter.
/// They are exported to Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (the
/// Bicep template sets it), to an OTLP collector when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; with
/// neither, nothing is recorded.
/// </summary>
internal static class TelemetryRegistration
{
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            // One JSON object per line on stdout: App Service's log stream and any log shipper keep the fields.
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            });
        }

        // Probes arrive every minute from every instance: keep them out of the traces.
        builder.Services.Configure<AspNetCoreTraceInstrumentationOptions>(o => o.Filter = context =>
            !context.Request.Path.StartsWithSegments(HealthRegistration.LivenessPath, StringComparison.OrdinalIgnoreCase)
            && !context.Request.Path.StartsWithSegments(HealthRegistration.ReadinessPath, StringComparison.OrdinalIgnoreCase));

        var toAzureMonitor = !string.IsNullOrWhiteSpace(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        var toOtlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (!toAzureMonitor && !toOtlp)
        {
            // Nothing would export them: recording spans and measurements for no one costs every request CPU.
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(FollowUpTelemetry.Name))
            .WithTracing(t => t.AddSource(FollowUpTelemetry.Name))
            .WithMetrics(m => m.AddMeter(FollowUpTelemetry.Name));

        if (toAzureMonitor)
        {
            // The distro brings the ASP.NET Core and HttpClient instrumentation and the log exporter itself.
            telemetry.UseAzureMonitor();
        }
        else
        {
            telemetry
                .WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
                .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());
        }

        if (toOtlp)
        {
            builder.Logging.AddOpenTelemetry(o => o.IncludeFormattedMessage = true);
            telemetry.UseOtlpExporter();
        }

        return builder;
    }
}
