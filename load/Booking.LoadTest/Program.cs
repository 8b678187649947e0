using System.Diagnostics;
using Booking.LoadTest;
using Booking.LoadTest.Faults;
using Booking.LoadTest.Scenarios;
using Booking.LoadTest.WaitingRooms;
using Npgsql;

// Runs one load scenario against the platform on this machine (injecting the faults asked for meanwhile), then checks the invariants in PostgreSQL and measures
// PostgreSQL's own insert ceiling with pgbench, and prints (and saves) a Markdown report. See load/README.md.
const int Ok = 0, InvariantViolated = 1, BadUsage = 2, NotCompleted = 3;

// The notification worker's burst is measured in PostgreSQL, not over the citizen API: its own small runner.
if (args.Length >= 2 && args[0] == "--scenario" && args[1] == NotificationBurst.Name)
    return await NotificationBurst.RunAsync(args);
// So is a bulk move: a job the silos run, checked in PostgreSQL.
if (args.Length >= 2 && args[0] == "--scenario" && args[1] == BulkMoveBenchmark.Name)
    return await BulkMoveBenchmark.RunAsync(args);
// And a campaign's opening in front of a waiting room: visitors who poll until admitted, checked from their answers.
if (args.Length >= 2 && args[0] == "--scenario" && args[1] == WaitingRoomBenchmark.Name)
    return await WaitingRoomBenchmark.RunAsync(args);

CommandLine cli;
ScenarioSettings settings;
NpgsqlConnectionStringBuilder database;
FaultInjector? faultInjector;
try
{
    cli = CommandLine.Parse(args);
    database = DatabaseConnection.Resolve(cli.Database, cli.StateDirectory);
    TargetGuard.EnsureAllowed(cli.BaseUrl, database, cli.AllowRemote);
    settings = ScenarioSettings.Load(cli.Scenario).With(cli.Users, cli.DurationSeconds, cli.MaxRequests, cli.DayOffset, cli.Rate, cli.MaxVirtualUsers);
    faultInjector = cli.Faults.Count == 0 ? null : FaultInjector.For(cli.StateDirectory, cli.Faults, TimeSpan.FromSeconds(settings.DurationSeconds));
}
catch (UsageException e)
{
    if (e.Message.Length > 0)
        Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(CommandLine.Usage);
    return BadUsage;
}

var metrics = new RunMetrics();
var authority = cli.BaseUrl.Scheme == Uri.UriSchemeHttps ? PlatformState.Find(cli.StateDirectory)?.AuthorityFile : null;
using var http = BookingApiClient.CreateHttpClient(cli.BaseUrl, settings.MostConcurrentUsers, authority);
using var budget = new RunBudget(TimeSpan.FromSeconds(settings.DurationSeconds), settings.MaxRequests);
var api = new BookingApiClient(http, metrics, budget, TimeSpan.FromSeconds(settings.RequestTimeoutSeconds));

// First Ctrl-C: stop sending, let requests in flight finish, still check the invariants. A second one kills.
Console.CancelKeyPress += (_, e) =>
{
    if (budget.IsStopping)
        return;
    e.Cancel = true;
    budget.Stop("interrupted (Ctrl-C)");
};

using (var readiness = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
    if (await api.NotReadyReasonAsync(readiness.Token) is { } notReady)
    {
        Console.Error.WriteLine($"The platform at {cli.BaseUrl} is not ready ({notReady}). Start it with ./run.sh.");
        return NotCompleted;
    }

IScenario scenario;
RunTiming timing;
IReadOnlyList<InjectedFault> faults;
try
{
    scenario = ScenarioFactory.Create(settings, api, metrics);
    await scenario.PrepareAsync(budget.Stopping);
    Console.Error.WriteLine($"Running '{settings.Name}': " +
        (settings.Arrivals is { } open ? $"{open.Rate} on at most {open.MaxVirtualUsers} users" : $"{settings.VirtualUsers} users (ramp-up {settings.RampUpSeconds} s)") +
        $", {settings.DurationSeconds} s, at most {settings.MaxRequests} requests, against {cli.BaseUrl}");
    var injection = faultInjector?.RunAsync(Stopwatch.GetTimestamp(), budget.Stopping) ?? Task.FromResult<IReadOnlyList<InjectedFault>>([]);
    timing = await LoadRunner.RunAsync(scenario, settings, budget, metrics);
    faults = await injection;
}
catch (Exception e) when (e is ScenarioSetupException or UsageException)
{
    Console.Error.WriteLine(e.Message);
    return e is UsageException ? BadUsage : NotCompleted;
}

await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);

Console.Error.WriteLine("Checking invariants in PostgreSQL...");
InvariantResult? invariants = null;
string? invariantsError = null;
try
{
    invariants = await InvariantCheck.RunAsync(dataSource, metrics.AcknowledgedCodes, CancellationToken.None);
}
catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
{
    invariantsError = $"{e.GetType().Name}: {e.Message}";
}

PgBenchResult? pgBench = null;
string? pgBenchError = null;
if (cli.SkipPgBench)
    pgBenchError = "skipped (--no-pgbench).";
else
{
    Console.Error.WriteLine($"Measuring PostgreSQL's insert ceiling with pgbench ({cli.PgBenchConnections} connections, {cli.PgBenchSeconds} s)...");
    try
    {
        pgBench = await PgBenchProbe.RunAsync(dataSource, database, cli.PgBenchConnections, cli.PgBenchSeconds, CancellationToken.None);
    }
    catch (Exception e) when (e is PgBenchException or NpgsqlException or IOException or System.ComponentModel.Win32Exception)
    {
        pgBenchError = e.Message;
    }
}

var report = new RunReport(settings, cli.BaseUrl, DatabaseConnection.Describe(database), MachineInfo.Current(), timing, metrics,
    scenario.Notes, invariants, invariantsError, pgBench, pgBenchError, faults);
var markdown = Report.Render(report);
Console.WriteLine(markdown);
Console.Error.WriteLine($"Report saved to {Report.Save(markdown, cli.OutputDirectory, settings.Name, timing.StartedAt)}");

if (invariants is null)
{
    Console.Error.WriteLine("The invariants could not be checked.");
    return NotCompleted;
}
if (!invariants.Holds)
{
    Console.Error.WriteLine("INVARIANT VIOLATED: see the report.");
    return InvariantViolated;
}
return timing.HarnessFailed ? NotCompleted : Ok;
