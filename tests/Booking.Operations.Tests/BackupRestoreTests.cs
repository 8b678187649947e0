using Booking.Data.Bookings;
using Booking.Data.Demo;
using Booking.Data.Infrastructure;
using Booking.Data.Protection;
using Booking.Domain.Bookings;
using Booking.Domain.Citizens;
using Booking.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Booking.Operations.Tests;

/// <summary>
/// The backup script against a PostgreSQL of its own (the test command's server is shared, and archiving needs a
/// restart): WAL archiving into the encrypted repository, a full and an incremental backup, the key file backed up
/// apart, then the server's data folder destroyed and the restore drill run from the backups alone: once to an instant
/// chosen before a booking (as after a bad change), once to the last commit.
/// </summary>
public sealed class BackupRestoreTests : IAsyncLifetime
{
    private static readonly Guid MontrealClinic = new("10000000-0000-4000-8000-000000000001");

    private readonly string _state = Directory.CreateTempSubdirectory("booking-backup-test-").FullName;
    private readonly Dictionary<string, string> _environment = new();
    private string PgDir => Path.Combine(_state, "postgres");

    public async Task InitializeAsync()
    {
        _environment["BOOKING_STATE_DIR"] = _state;
        _environment["Booking__DataProtection__KeyFile"] = Path.Combine(_state, "keys.json");
        // The server runs as 'postgres', which must reach its folder.
        await Shell("""
            chmod 755 "$BOOKING_STATE_DIR"
            source scripts/postgres.sh
            pg_ensure_installed
            port=$(pg_free_port 56433)
            pg_start "$BOOKING_STATE_DIR/postgres" "$port"
            pg_create_database "$BOOKING_STATE_DIR/postgres" "$port" booking
            """);
        await new MigrationRunner(Connection("booking_owner"), NullLogger<MigrationRunner>.Instance).ApplyAsync();
        await using var data = NpgsqlDataSource.Create(Connection("booking_app"));
        await new DemoSeed(data).ApplyAsync(QuebecDate.Today);
        KeyRing.Generate("k1").Save(_environment["Booking__DataProtection__KeyFile"]);
    }

    public async Task DisposeAsync()
    {
        await ShellCommand.RunAsync("""
            source scripts/postgres.sh
            pg_stop "$BOOKING_STATE_DIR/postgres"
            """, _environment, TimeSpan.FromSeconds(60));
        NpgsqlConnection.ClearAllPools();
        Directory.Delete(_state, recursive: true);
    }

    [Fact]
    public async Task A_destroyed_server_is_restored_from_its_backups_to_a_chosen_instant_or_its_last_commit_readable_only_with_the_key_backup()
    {
        await Shell("scripts/backup.sh setup");
        await Shell("scripts/backup.sh keys");
        Assert.Contains("full backup", await Shell("scripts/backup.sh backup full"));
        var beforeIncremental = await BookAsync(0);
        Assert.Contains("incr backup", await Shell("scripts/backup.sh backup incr"));
        // After the last backup: only the archived WAL carries it.
        var afterBackups = await BookAsync(1);
        var restorePoint = await ServerClockAsync();
        var afterRestorePoint = await BookAsync(2);
        await Shell("scripts/backup.sh check");
        Assert.Contains("booking_backup_last_success_timestamp_seconds{type=\"incr\"}", File.ReadAllText(Path.Combine(_state, "metrics", "backup.prom")));

        await Shell("""
            source scripts/postgres.sh
            pg_stop "$BOOKING_STATE_DIR/postgres"
            rm -rf "$BOOKING_STATE_DIR/postgres/data"
            """);
        var pointInTime = await Shell($"scripts/backup.sh drill --until '{restorePoint}'");
        var drill = await Shell("scripts/backup.sh drill");

        Assert.Contains($"then the archived WAL up to {restorePoint}", pointInTime);
        Assert.Contains("bookings             2 restored", pointInTime);
        Assert.Contains($"({afterBackups})", pointInTime);
        Assert.DoesNotContain(afterRestorePoint.ToString(), pointInTime);
        Assert.Contains("citizen records      2 of 2 opened with the key backup", pointInTime);
        Assert.Contains("RPO                  not measured: restored to a chosen instant", pointInTime);

        Assert.Contains("then the archived WAL to its end", drill);
        Assert.Contains("bookings             3 restored", drill);
        Assert.Contains($"({afterRestorePoint})", drill);
        Assert.Contains("over-capacity slots  0 of 3 booked slots", drill);
        Assert.Contains("citizen records      3 of 3 opened with the key backup", drill);
        Assert.Contains(", 0 with another key file", drill);
        Assert.Contains("RPO                  not measured: the source was not reachable at go", drill);
        Assert.NotEqual(beforeIncremental, afterBackups);
        Assert.Empty(Directory.GetDirectories(_state, "restore-drill.*"));
    }

    private async Task<Guid> BookAsync(int slot)
    {
        await using var data = NpgsqlDataSource.Create(Connection("booking_app"));
        var protector = new PersonalDataProtector(KeyRing.Load(_environment["Booking__DataProtection__KeyFile"]));
        // Another birth date each time: the flu shot's minimum interval would refuse the same person twice.
        var citizen = new CitizenDetails("Marie", "Tremblay", new DateOnly(1980, 5, 1 + slot), null, "marie@example.org", "+15145550143", "fr", EmailConsent: true);
        var start = QuebecDate.At(QuebecDate.NextWeekday(2), 9).AddMinutes(10 * slot);
        var booking = new NewBooking(Guid.CreateVersion7(), ConfirmationCode.New(), DemoSeed.MontrealRegion, MontrealClinic, "FLU", start, start.AddMinutes(10), 0, 1,
            $"hold-{Guid.NewGuid():N}", null, protector.Seal(citizen, QuebecDate.Of(start), DemoSeed.MontrealRegion), protector.Seal(new BookingDeclarations([], []), DemoSeed.MontrealRegion), TestClock.Now, null);
        Assert.IsType<InsertOutcome.Inserted>(Assert.Single(await new BookingRepository(data).InsertAsync([booking])));
        return booking.Id;
    }

    /// <summary>The server's own clock, as pgBackRest takes a target time: the instant between two commits.</summary>
    private async Task<string> ServerClockAsync()
    {
        await using var data = NpgsqlDataSource.Create(Connection("booking_app"));
        await using var command = data.CreateCommand("select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00'");
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private string Connection(string role) =>
        $"Host=127.0.0.1;Port={File.ReadAllLines(Path.Combine(PgDir, "data", "postmaster.pid"))[3].Trim()};Username={role};" +
        $"Password={File.ReadAllText(Path.Combine(PgDir, role + ".password")).Trim()};Database=booking";

    private async Task<string> Shell(string command) =>
        (await ShellCommand.RunAsync(command, _environment, TimeSpan.FromMinutes(3))).Succeeded().Output;
}
