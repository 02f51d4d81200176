using FollowUpBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FollowUpBot.Health;

/// <summary>
/// Ready when the ledger's storage answers a read. The read is of a blob that may well not exist
/// (a miss proves reachability and permission just as well), so probing writes nothing and costs
/// one request.
/// </summary>
internal sealed partial class StorageHealthCheck(IServiceProvider services, ILogger<StorageHealthCheck> logger) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private const string ProbeBlob = BlobNames.Directory;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // Resolved here, not in the constructor: a store that cannot even be built (a local path
            // that is a file, a malformed connection string) is "not ready", not a 500.
            var store = services.GetRequiredService<IBlobStore>();
            await store.GetAsync(ProbeBlob, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("reachable");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogTimedOut(logger, context.Registration.Timeout);
            return HealthCheckResult.Unhealthy($"no answer within {context.Registration.Timeout.TotalSeconds:0} s");
        }
        catch (Exception e)
        {
            LogUnreachable(logger, e);
            return HealthCheckResult.Unhealthy($"unreachable ({Reason(e)})");
        }
    }

    // One line that tells an operator where to look, without the stack trace or a multi-line service error body.
    private static string Reason(Exception e)
    {
        var inner = e is InvalidOperationException or AggregateException && e.InnerException is not null ? e.InnerException : e;
        var message = inner switch
        {
            Azure.RequestFailedException failed => $"HTTP {failed.Status} {failed.ErrorCode}".TrimEnd(),
            _ => inner.Message.Split('\n', 2)[0].Trim(),
        };
        if (message.Length > 160)
        {
            message = message[..160] + "…";
        }

        return $"{inner.GetType().Name}: {message}";
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "Readiness: the ledger storage is unreachable.")]
    private static partial void LogUnreachable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Warning, Message = "Readiness: the ledger storage did not answer within {Timeout}.")]
    private static partial void LogTimedOut(ILogger logger, TimeSpan timeout);
}
