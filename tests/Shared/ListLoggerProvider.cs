using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FollowUpBot.Testing;

/// <summary>Keeps every log line written through it, so a test can show that a failure was logged (and with what).</summary>
internal sealed class ListLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<LogLine> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new ListLogger(this, categoryName);

    /// <summary>A logger of one type, for code built by hand in a test.</summary>
    public ILogger<T> For<T>() => new Logger<T>(new Factory(this));

    /// <summary>Lines at or above a level whose message contains the text.</summary>
    public IReadOnlyList<LogLine> Find(string text, LogLevel atLeast = LogLevel.Warning) =>
        [.. Lines.Where(l => l.Level >= atLeast && l.Message.Contains(text, StringComparison.Ordinal))];

    public void Dispose()
    {
    }

    internal sealed record LogLine(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception);

    private sealed class ListLogger(ListLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Lines.Enqueue(new LogLine(category, logLevel, eventId, formatter(state, exception), exception));
    }

    private sealed class Factory(ListLoggerProvider provider) : ILoggerFactory
    {
        public void AddProvider(ILoggerProvider provider)
        {
        }

        public ILogger CreateLogger(string categoryName) => provider.CreateLogger(categoryName);

        public void Dispose()
        {
        }
    }
}
