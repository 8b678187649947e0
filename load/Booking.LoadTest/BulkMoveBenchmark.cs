using System.Diagnostics;
using System.Globalization;
using Booking.Data.Bulk;
using Booking.Data.Protection;
using Booking.Domain.Bulk;
using Booking.Domain.Citizens;
using Npgsql;
using NpgsqlTypes;

namespace Booking.LoadTest;

/// <summary>
/// <c>--scenario bulk-move</c>: a clinic of its own tenant (5-minute FLU slots of <c>--seats</c> seats, 07:00–21:00 every
/// day) full of N synthetic bookings over the days from tomorrow; one bulk job moves all of them to the following days,
/// run by the platform's silos as a manager's would be. Measures the time from the job's start to its end, then checks
/// in PostgreSQL: no slot over capacity, every booking still live, each moved booking told exactly once.
/// </summary>
public static class BulkMoveBenchmark
{
    public const string Name = "bulk-move";

    public const string Usage = """
        usage: dotnet run -c Release --project load/Booking.LoadTest -- --scenario bulk-move
                 --db "Host=127.0.0.1;Port=5433;Username=booking_owner;Database=booking" --key-file .local/keys.json
                 [--bookings 100000] [--seats 100] [--timeout 900] [--state-dir .local]
        """;

    private const int SlotsPerDay = 14 * 12;
    private const int ChunkSize = 5000;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = CommandOptions.Parse(args);
        if (!options.TryGetValue("--db", out var db) || !options.TryGetValue("--key-file", out var keyFile))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var bookings = int.Parse(options.GetValueOrDefault("--bookings", "100000"), CultureInfo.InvariantCulture);
        var seats = int.Parse(options.GetValueOrDefault("--seats", "100"), CultureInfo.InvariantCulture);
        var timeout = TimeSpan.FromSeconds(int.Parse(options.GetValueOrDefault("--timeout", "900"), CultureInfo.InvariantCulture));
        await using var dataSource = NpgsqlDataSource.Create(DatabaseConnection.Resolve(db, CommandOptions.StateDirectory(options)).ConnectionString);
        var protector = new PersonalDataProtector(KeyRing.Load(keyFile));

        var days = (bookings + SlotsPerDay * seats - 1) / (SlotsPerDay * seats);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Zone).DateTime);
        var (first, last) = (today.AddDays(1), today.AddDays(days));
        var (tenant, clinic) = await CreateClinicAsync(dataSource, seats, first);
        Console.Error.WriteLine($"Clinic {clinic}: booking {bookings} people over {days} days from {first}...");
        for (var offset = 0; offset < bookings; offset += ChunkSize)
            await BookAsync(dataSource, protector, clinic, tenant, first, seats, offset, Math.Min(ChunkSize, bookings - offset));

        var job = new BulkJob(Guid.CreateVersion7(), tenant, BulkActions.Move, new BulkSelection(clinic, "FLU", first, last, null, null),
            last.AddDays(1), last.AddDays(days + 1));
        var clock = Stopwatch.StartNew();
        var total = await new BulkJobRepository(dataSource).CreateAsync(job, "load:bulk-move", DateTimeOffset.UtcNow);
        Console.Error.WriteLine($"Job {job.Id} holds {total} bookings, moving to {job.TargetFrom}–{job.TargetUntil}...");
        BulkJobProgress progress;
        while (!(progress = (await new BulkJobRepository(dataSource).FindAsync(job.Id))!).IsDone && clock.Elapsed < timeout)
        {
            Console.Error.Write($"\r  {progress.Finished} of {progress.Total} after {clock.Elapsed.TotalSeconds:0} s   ");
            await Task.Delay(2000);
        }
        var seconds = ((progress.FinishedAt ?? DateTimeOffset.UtcNow) - progress.CreatedAt).TotalSeconds;
        var (overCapacity, live, onSourceDays, toldTwice, told) = await CheckAsync(dataSource, clinic, job.Id, first, last);

        Console.WriteLine();
        Console.WriteLine($"# Bulk move on {MachineInfo.Current()}");
        Console.WriteLine($"- bookings selected: {progress.Total} over {days} days ({seats} seats per 5-minute slot)");
        Console.WriteLine($"- moved: {progress.Moved}, unplaced: {progress.Unplaced}, changed meanwhile: {progress.Changed}, status: {progress.Status}");
        Console.WriteLine($"- **{progress.Moved} bookings moved in {seconds:0.0} s ({progress.Moved / Math.Max(seconds, 0.001):0} a second)**, job start to end");
        Console.WriteLine($"- slots over capacity: {overCapacity}; live bookings: {live} of {bookings}; left on the closed days: {onSourceDays}");
        Console.WriteLine($"- moved bookings told: {told} of {progress.Moved}; told more than once: {toldTwice}");
        var holds = progress.IsDone && overCapacity == 0 && live == bookings && toldTwice == 0 && told == progress.Moved && onSourceDays == progress.Unplaced;
        Console.WriteLine(holds ? "- invariants hold" : "- INVARIANTS VIOLATED or job not finished");
        return holds ? 0 : 1;
    }

    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/Montreal");

    private static async Task<(Guid Tenant, Guid Clinic)> CreateClinicAsync(NpgsqlDataSource dataSource, int seats, DateOnly from)
    {
        var (tenant, clinic, template) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await using var command = dataSource.CreateCommand("""
            with t as (insert into tenants (id, name) values (@tenant, 'Banc d''essai ' || @tenant) returning id),
                 l as (insert into locations (id, tenant_id, name, address, city, postal_code, latitude, longitude)
                       select @clinic, id, 'Banc d''essai', '1, rue du Banc', 'Montréal', 'H2X 1Y4', 45.51, -73.57 from t returning id),
                 w as (insert into weekly_templates (id, location_id, service_code, slot_minutes, capacity, valid_from)
                       select @template, id, 'FLU', 5, @seats, @from from l returning id)
            insert into weekly_template_hours (id, weekly_template_id, iso_weekday, opens_at, closes_at)
            select gen_random_uuid(), w.id, d, '07:00', '21:00' from w cross join generate_series(1, 7) d
            """);
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.AddWithValue("clinic", clinic);
        command.Parameters.AddWithValue("template", template);
        command.Parameters.AddWithValue("seats", seats);
        command.Parameters.AddWithValue("from", from);
        await command.ExecuteNonQueryAsync();
        return (tenant, clinic);
    }

    /// <summary>Fills seats in order: booking n sits in seat n mod seats of slot n div seats, from 07:00 on the first day.</summary>
    private static async Task BookAsync(NpgsqlDataSource dataSource, PersonalDataProtector protector, Guid clinic, Guid tenant, DateOnly first,
        int seats, int offset, int count)
    {
        const string sql = """
            insert into bookings (id, confirmation_code, tenant_id, location_id, service_code, slot_start, slot_end, seat,
                                  slot_capacity, status, hold_digest, citizen_ciphertext, encryption_key_id, citizen_fingerprint, language, consent_at)
            select u.id, u.code, @tenant, @clinic, 'FLU', u.start, u.start + interval '5 minutes', u.seat, @seats, 'confirmed',
                   convert_to('bulk-move-' || u.id, 'UTF8'), u.cipher, @key_id, u.fingerprint, u.language, now()
            from unnest(@id, @code, @start, @seat, @cipher, @fingerprint, @language) as u(id, code, start, seat, cipher, fingerprint, language)
            """;
        var numbers = Enumerable.Range(offset, count).ToList();
        // Told by SMS (no e-mail address): the e-mail's calendar entry and QR code would make the worker, not the move, the
        // measure on a 2-core machine; the burst scenario measures the worker.
        var citizens = numbers.Select(i => new CitizenDetails("Bulk", $"Move{i}", new DateOnly(1970, 1, 1).AddDays(i % 10_000), null,
            null, $"+1438{i % 10_000_000:0000000}", i % 2 == 0 ? "fr" : "en", EmailConsent: false)).Select(c => protector.Seal(c, first, tenant)).ToList();
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("tenant", tenant);
        command.Parameters.AddWithValue("clinic", clinic);
        command.Parameters.AddWithValue("seats", seats);
        command.Parameters.AddWithValue("key_id", citizens[0].KeyId);
        command.Parameters.AddWithValue("id", numbers.Select(_ => Guid.CreateVersion7()).ToArray());
        command.Parameters.AddWithValue("code", numbers.Select(_ => "B" + Guid.NewGuid().ToString("N")[..11].ToUpperInvariant()).ToArray());
        command.Parameters.AddWithValue("start", numbers.Select(i => SlotStart(first, i / seats)).ToArray());
        command.Parameters.AddWithValue("seat", numbers.Select(i => i % seats).ToArray());
        command.Parameters.Add(new NpgsqlParameter("cipher", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = citizens.Select(c => c.Ciphertext).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("fingerprint", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = citizens.Select(c => c.Fingerprint).ToArray() });
        command.Parameters.AddWithValue("language", numbers.Select(i => i % 2 == 0 ? "fr" : "en").ToArray());
        await command.ExecuteNonQueryAsync();
    }

    private static DateTimeOffset SlotStart(DateOnly first, int slot)
    {
        var local = first.AddDays(slot / SlotsPerDay).ToDateTime(new TimeOnly(7, 0)).AddMinutes(5 * (slot % SlotsPerDay));
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static async Task<(long OverCapacity, long Live, long OnSourceDays, long ToldTwice, long Told)> CheckAsync(NpgsqlDataSource dataSource,
        Guid clinic, Guid job, DateOnly first, DateOnly last)
    {
        await using var command = dataSource.CreateCommand("""
            select
              (select count(*) from (select 1 from bookings where location_id = @clinic and status = 'confirmed'
                                     group by service_code, slot_start having count(*) > min(slot_capacity)) o),
              (select count(*) from bookings where location_id = @clinic and status = 'confirmed'),
              (select count(*) from bookings where location_id = @clinic and status = 'confirmed'
                 and (slot_start at time zone 'America/Montreal')::date between @first and @last),
              (select count(*) from (select n.booking_id from notifications n join bulk_job_items i on i.booking_id = n.booking_id
                                     where i.job_id = @job and n.kind = 'BookingMovedByClinic' and n.fallback_of is null
                                     group by n.booking_id having count(*) > 1) t),
              (select count(distinct n.booking_id) from notifications n join bulk_job_items i on i.booking_id = n.booking_id
                 where i.job_id = @job and i.status = 'moved' and n.kind = 'BookingMovedByClinic')
            """);
        command.Parameters.AddWithValue("clinic", clinic);
        command.Parameters.AddWithValue("job", job);
        command.Parameters.AddWithValue("first", first);
        command.Parameters.AddWithValue("last", last);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
    }
}
