using Microsoft.Extensions.Logging;

namespace CreatorPlatform.Core.Tests.Infrastructure;

public sealed record LoggedLine(LogLevel Level, string Category, string Message)
{
    /// <summary>The exception logged with the line (a console logger prints its stack trace), if any.</summary>
    public Exception? Exception { get; init; }
}

/// <summary>Keeps every log line Core writes, and lets a test wait for one: what an operator would read in the console's log.</summary>
public sealed class LogRecorder : ILoggerProvider
{
    private readonly List<LoggedLine> lines = [];
    private readonly List<(Func<LoggedLine, bool> Match, TaskCompletionSource<LoggedLine> Done)> waits = [];

    public IReadOnlyList<LoggedLine> Lines { get { lock (lines) return lines.ToList(); } }

    /// <summary>Completes with the first line (already written or to come) that matches.</summary>
    public Task<LoggedLine> WaitForAsync(Func<LoggedLine, bool> match)
    {
        lock (lines)
        {
            if (lines.FirstOrDefault(match) is { } seen) return Task.FromResult(seen);
            var done = new TaskCompletionSource<LoggedLine>(TaskCreationOptions.RunContinuationsAsynchronously);
            waits.Add((match, done));
            return done.Task;
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private void Add(LoggedLine line)
    {
        lock (lines)
        {
            lines.Add(line);
            foreach (var w in waits.Where(w => w.Match(line)).ToList())
            {
                waits.Remove(w);
                w.Done.TrySetResult(line);
            }
        }
    }

    private sealed class Logger(LogRecorder recorder, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            recorder.Add(new LoggedLine(logLevel, category, formatter(state, exception)) { Exception = exception });
    }
}
