using System.Threading.Channels;

namespace FollowUpBot.FollowUp;

/// <summary>
/// Work a turn starts but must not wait for (Teams wants an answer within 15 seconds): publishing to many
/// departments, importing a large file. Each item runs in its own DI scope on a hosted service; a failure is
/// logged and the item's own error handler tells the user.
/// </summary>
internal sealed class BackgroundWorkQueue
{
    private readonly Channel<Func<IServiceProvider, CancellationToken, Task>> _channel =
        Channel.CreateUnbounded<Func<IServiceProvider, CancellationToken, Task>>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Func<IServiceProvider, CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!_channel.Writer.TryWrite(work))
        {
            throw new InvalidOperationException("The background queue is closed: the app is stopping.");
        }
    }

    internal ChannelReader<Func<IServiceProvider, CancellationToken, Task>> Reader => _channel.Reader;
}

internal sealed partial class BackgroundWorkService(BackgroundWorkQueue queue, IServiceScopeFactory scopes, ILogger<BackgroundWorkService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var work in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await work(scope.ServiceProvider, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // One failed item must not stop the queue (the host would stop on an unhandled exception).
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "A background work item failed.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
