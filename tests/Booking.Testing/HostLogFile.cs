using Microsoft.Extensions.Logging;

namespace Booking.Testing;

/// <summary>
/// The logs of the hosts a fixture starts, in files, when <see cref="DirectoryVariable"/> names a folder: a failure
/// that shows only as a timeout in a test (a grain that stops answering) is then explained by what the silo said.
/// Off by default: the hosts log to the console, which the test runner does not keep.
/// </summary>
public static class HostLogFile
{
    public const string DirectoryVariable = "BOOKING_TEST_HOST_LOGS";

    /// <summary>Adds a file for <paramref name="host"/> to the logging when the variable is set.</summary>
    public static void AddTo(ILoggingBuilder logging, string host)
    {
        if (Environment.GetEnvironmentVariable(DirectoryVariable) is not { Length: > 0 } directory)
            return;
        Directory.CreateDirectory(directory);
        // Orleans' own information (activations, directory, membership) is what explains a stuck grain.
        logging.AddFilter<FileLoggerProvider>("Orleans", LogLevel.Information);
        logging.AddFilter<FileLoggerProvider>("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddProvider(new FileLoggerProvider(Path.Combine(directory, $"{DateTime.UtcNow:HHmmss}-{host}-{Guid.NewGuid():N}"[..24] + ".log")));
    }

    private sealed class FileLoggerProvider(string path) : ILoggerProvider
    {
        private readonly StreamWriter _writer = new(path, append: true) { AutoFlush = true };

        public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

        public void Write(string line)
        {
            lock (_writer)
                _writer.WriteLine(line);
        }

        public void Dispose()
        {
            lock (_writer)
                _writer.Dispose();
        }
    }

    private sealed class FileLogger(FileLoggerProvider file, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            try
            {
                file.Write($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : $"\n{exception}")}");
            }
            catch (ObjectDisposedException)
            {
                // A host still logging while it stops, after its file closed.
            }
        }
    }
}
