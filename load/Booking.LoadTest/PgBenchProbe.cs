using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Booking.LoadTest;

public sealed record PgBenchResult(double Tps, double? LatencyAverageMs, long? Transactions, int Connections, int Threads, int Seconds, string Command);

public sealed class PgBenchException(string message) : Exception(message);

/// <summary>PostgreSQL's own ceiling on this machine for the write a booking needs: pgbench inserting one booking-sized
/// row per transaction into a scratch table. The platform's confirmed bookings/s as a fraction of it says how much of
/// the database's single-row insert rate the whole stack delivers (group commit can take it past 100 %).</summary>
public static partial class PgBenchProbe
{
    private const string ScratchTable = "loadtest_probe";
    private const string InsertScript = "insert-booking-like-row.sql";
    private const string CreateScript = "create-probe-table.sql";

    public static async Task<PgBenchResult> RunAsync(NpgsqlDataSource dataSource, NpgsqlConnectionStringBuilder database,
        int connections, int seconds, CancellationToken cancellationToken)
    {
        var pgbench = FindPgBench() ?? throw new PgBenchException("pgbench was not found on PATH or under /usr/lib/postgresql/*/bin.");
        var scripts = Path.Combine(AppContext.BaseDirectory, "pgbench");
        var threads = Math.Min(2, connections);

        await using (var create = dataSource.CreateCommand(await File.ReadAllTextAsync(Path.Combine(scripts, CreateScript), cancellationToken)))
            await create.ExecuteNonQueryAsync(cancellationToken);
        try
        {
            var start = new ProcessStartInfo(pgbench)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            string[] arguments =
            [
                "-h", database.Host ?? "localhost", "-p", database.Port.ToString(CultureInfo.InvariantCulture),
                "-U", database.Username ?? Environment.UserName,
                "-n", "-c", connections.ToString(CultureInfo.InvariantCulture), "-j", threads.ToString(CultureInfo.InvariantCulture),
                "-T", seconds.ToString(CultureInfo.InvariantCulture), "-M", "prepared",
                "-f", Path.Combine(scripts, InsertScript),
                database.Database ?? database.Username ?? "postgres",
            ];
            foreach (var argument in arguments)
                start.ArgumentList.Add(argument);
            if (!string.IsNullOrEmpty(database.Password))
                start.Environment["PGPASSWORD"] = database.Password;
            var command = $"pgbench -c {connections} -j {threads} -n -T {seconds} -M prepared -f load/pgbench/{InsertScript}";

            using var process = Process.Start(start) ?? throw new PgBenchException("pgbench could not be started.");
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(TimeSpan.FromSeconds(seconds + 60));
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new PgBenchException($"pgbench did not finish within {seconds + 60} s and was stopped.");
            }
            var stdout = await output;
            var stderr = await errors;
            if (process.ExitCode != 0)
                throw new PgBenchException($"pgbench exited with {process.ExitCode}: {LastLines(stderr + stdout)}");
            return Parse(stdout, connections, threads, seconds, command)
                ?? throw new PgBenchException($"pgbench's output has no tps line: {LastLines(stdout)}");
        }
        finally
        {
            await using var drop = dataSource.CreateCommand($"drop table if exists {ScratchTable}");
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>Reads pgbench's summary ("tps = 4321.5 (without initial connection time)", "latency average = 7.4 ms",
    /// "number of transactions actually processed: 43215").</summary>
    public static PgBenchResult? Parse(string output, int connections, int threads, int seconds, string command)
    {
        var tps = TpsLine().Match(output);
        if (!tps.Success)
            return null;
        var latency = LatencyLine().Match(output);
        var transactions = TransactionsLine().Match(output);
        return new PgBenchResult(
            double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture),
            latency.Success ? double.Parse(latency.Groups[1].Value, CultureInfo.InvariantCulture) : null,
            transactions.Success ? long.Parse(transactions.Groups[1].Value, CultureInfo.InvariantCulture) : null,
            connections, threads, seconds, command);
    }

    private static string? FindPgBench()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "pgbench"));
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(dir => int.TryParse(Path.GetFileName(dir), out var version) ? version : 0)
                .Select(dir => Path.Combine(dir, "bin", "pgbench"))
            : [];
        return onPath.Concat(installed).FirstOrDefault(File.Exists);
    }

    private static string LastLines(string text) =>
        string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(5));

    // Prefer "without initial connection time" (older versions print two tps lines); PostgreSQL 15 prints one.
    [GeneratedRegex(@"^tps = ([0-9.]+) \((?:without initial connection time|excluding connections establishing)\)", RegexOptions.Multiline)]
    private static partial Regex TpsLine();

    [GeneratedRegex(@"^latency average = ([0-9.]+) ms", RegexOptions.Multiline)]
    private static partial Regex LatencyLine();

    [GeneratedRegex(@"^number of transactions actually processed: ([0-9]+)", RegexOptions.Multiline)]
    private static partial Regex TransactionsLine();
}
