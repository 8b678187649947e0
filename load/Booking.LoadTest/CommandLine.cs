using System.Globalization;
using Booking.LoadTest.Arrivals;
using Booking.LoadTest.Faults;

namespace Booking.LoadTest;

/// <summary>Bad input from the person running the tool: printed with the usage, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>What the command line asked for. Unset optional values fall back to the scenario file.</summary>
public sealed record CommandLine(
    string Scenario,
    Uri BaseUrl,
    string Database,
    int? DurationSeconds,
    int? Users,
    long? MaxRequests,
    int? DayOffset,
    int PgBenchConnections,
    int PgBenchSeconds,
    bool SkipPgBench,
    string OutputDirectory,
    bool AllowRemote,
    IReadOnlyList<PlannedFault> Faults,
    string StateDirectory,
    ArrivalRate? Rate,
    int? MaxVirtualUsers)
{
    public const string Usage = """
        usage: dotnet run -c Release --project load/Booking.LoadTest -- --scenario <stampede|hot-location|browse|file.json>
                 --base-url http://127.0.0.1:5080 --db "Host=127.0.0.1;Port=5433;Username=booking_owner;Database=booking"
                 [--duration SECONDS] [--users N] [--max-requests N] [--day-offset N]   (override the scenario file)
                 [--rate JOURNEYS_PER_S|FROM..TO] [--max-vus N]
                 [--pgbench-connections 32] [--pgbench-seconds 10] [--no-pgbench]
                 [--out load/results] [--allow-remote]
                 [--fault silo-kill@20s] [--state-dir .local]

          --db             Npgsql connection string of the platform's database (invariants are checked there, pgbench
                           runs there). Without a Password, PGPASSWORD is used, then the password ./run.sh keeps for
                           the platform of --state-dir.
          --rate           an open model: journeys started at this rate whatever earlier ones take (500), or at a rate
                           ramping linearly over the run (100..1000), instead of --users closed-loop users; a journey
                           due while all --max-vus virtual users are busy is dropped and counted. --max-vus defaults
                           to 10 × the peak rate.
          --allow-remote   permit a base URL or database that is not on this machine (a deployment you own).
          --fault          inject faults into the platform ./run.sh runs, during the load: KIND[:N]@SECONDSs, several
                           separated by commas. silo-kill (kill -9), silo-stop (SIGTERM, graceful), web-kill (kill -9)
                           of silo or web host N (default 1); postgres-restart (pg_ctl restart -m fast).
          --state-dir      run.sh's state folder (BOOKING_STATE_DIR), where it says which processes to act on and
                           where its database is; default .local of this checkout.
        exit codes: 0 ok, 1 an invariant was violated, 2 bad usage, 3 the run or the checks could not be completed.
        """;

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        string[] valued = ["--scenario", "--base-url", "--db", "--duration", "--users", "--max-requests", "--day-offset",
            "--pgbench-connections", "--pgbench-seconds", "--out", "--fault", "--state-dir", "--rate", "--max-vus"];
        string[] switches = ["--no-pgbench", "--allow-remote", "--help", "-h"];
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (switches.Contains(arg))
                flags.Add(arg);
            else if (valued.Contains(arg) && i + 1 < args.Count)
                values[arg] = args[++i];
            else
                throw new UsageException(valued.Contains(arg) ? $"{arg} needs a value." : $"Unknown argument '{arg}'.");
        }
        if (flags.Contains("--help") || flags.Contains("-h"))
            throw new UsageException("");

        var scenario = values.GetValueOrDefault("--scenario") ?? throw new UsageException("--scenario is required.");
        var baseUrlText = values.GetValueOrDefault("--base-url", "http://127.0.0.1:5080");
        if (!Uri.TryCreate(baseUrlText, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
            throw new UsageException($"--base-url '{baseUrlText}' is not an http(s) URL.");
        var database = values.GetValueOrDefault("--db") ?? throw new UsageException("--db is required (the invariants are checked in PostgreSQL).");
        if (values.ContainsKey("--rate") && values.ContainsKey("--users"))
            throw new UsageException("--users is the closed model; with --rate, --max-vus bounds the virtual users.");
        if (values.ContainsKey("--max-vus") && !values.ContainsKey("--rate"))
            throw new UsageException("--max-vus goes with --rate.");

        return new CommandLine(
            scenario,
            baseUrl,
            database,
            OptionalInt(values, "--duration", min: 1),
            OptionalInt(values, "--users", min: 1),
            OptionalInt(values, "--max-requests", min: 1),
            OptionalInt(values, "--day-offset", min: 0),
            OptionalInt(values, "--pgbench-connections", min: 1) ?? 32,
            OptionalInt(values, "--pgbench-seconds", min: 1) ?? 10,
            flags.Contains("--no-pgbench"),
            values.GetValueOrDefault("--out") ?? Path.Combine(CheckoutRoot(), "load", "results"),
            flags.Contains("--allow-remote"),
            values.TryGetValue("--fault", out var faults) ? FaultPlan.Parse(faults) : [],
            values.GetValueOrDefault("--state-dir") ?? DefaultStateDirectory,
            values.TryGetValue("--rate", out var rate) ? ArrivalRate.Parse(rate) : null,
            OptionalInt(values, "--max-vus", min: 1));
    }

    private static int? OptionalInt(Dictionary<string, string> values, string name, int min)
    {
        if (!values.TryGetValue(name, out var text))
            return null;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min)
            throw new UsageException($"{name} must be a whole number of at least {min}.");
        return value;
    }

    /// <summary>The checkout we run from, wherever the working directory is inside it (else the working directory):
    /// reports go to its load/results (git-ignored), run.sh keeps its state in its .local.</summary>
    /// <summary>Where <c>./run.sh</c> keeps its state unless told otherwise (BOOKING_STATE_DIR).</summary>
    public static string DefaultStateDirectory => Path.Combine(CheckoutRoot(), ".local");

    private static string CheckoutRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Booking.sln")))
                return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
