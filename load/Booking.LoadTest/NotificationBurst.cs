using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Booking.Data.Protection;
using Booking.Domain.Citizens;
using Npgsql;
using NpgsqlTypes;

namespace Booking.LoadTest;

/// <summary>
/// <c>--scenario notification-burst</c>: parks N confirmed bookings with their confirmation messages in the outbox
/// (not yet due), releases them all in one statement, and measures how fast the running notification worker drains
/// them into the SendGrid/Twilio stub. The bookings are synthetic rows on one far-future day of one clinic.
/// </summary>
public static class NotificationBurst
{
    public const string Name = "notification-burst";

    public const string Usage = """
        usage: dotnet run -c Release --project load/Booking.LoadTest -- --scenario notification-burst
                 --db "Host=127.0.0.1;Port=5433;Username=booking_owner;Database=booking" --key-file .local/keys.json
                 [--messages 100000] [--email-share 0.5] [--inbox-url http://127.0.0.1:5090] [--timeout 600] [--state-dir .local]
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = CommandOptions.Parse(args);
        if (!options.TryGetValue("--db", out var db) || !options.TryGetValue("--key-file", out var keyFile))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var messages = int.Parse(options.GetValueOrDefault("--messages", "100000"), CultureInfo.InvariantCulture);
        var emailShare = double.Parse(options.GetValueOrDefault("--email-share", "0.5"), System.Globalization.CultureInfo.InvariantCulture);
        var inbox = options.GetValueOrDefault("--inbox-url", "http://127.0.0.1:5090");
        var timeout = TimeSpan.FromSeconds(int.Parse(options.GetValueOrDefault("--timeout", "600"), CultureInfo.InvariantCulture));
        var database = DatabaseConnection.Resolve(db, CommandOptions.StateDirectory(options));
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var protector = new PersonalDataProtector(KeyRing.Load(keyFile));
        var burst = Guid.NewGuid();

        Console.Error.WriteLine($"Parking {messages} confirmations ({emailShare:P0} by e-mail) in the outbox...");
        var park = Stopwatch.StartNew();
        for (var offset = 0; offset < messages; offset += ChunkSize)
            await ParkAsync(dataSource, protector, burst, offset, Math.Min(ChunkSize, messages - offset), emailShare);
        Console.Error.WriteLine($"Parked in {park.Elapsed.TotalSeconds:0.0} s. Releasing them all at once...");

        using var http = new HttpClient();
        var before = await StubCountAsync(http, inbox);
        var released = await ReleaseAsync(dataSource, burst);
        var clock = Stopwatch.StartNew();
        (long Settled, long Sent) progress = (0, 0);
        while (clock.Elapsed < timeout && (progress = await ProgressAsync(dataSource, burst)).Settled < messages)
        {
            Console.Error.Write($"\r  {progress.Settled} settled ({progress.Sent} sent) after {clock.Elapsed.TotalSeconds:0.0} s   ");
            // The drain rate comes from the rows' send times; polling only shows progress, and each poll costs the
            // database a scan of the burst, so it stays infrequent.
            await Task.Delay(2000);
        }
        var (first, last, sent, failed) = await SpanAsync(dataSource, burst);
        var after = await StubCountAsync(http, inbox);
        var reports = await DeliveryReportsAsync(dataSource, burst, sent, clock, timeout);
        var seconds = (last - released).TotalSeconds;
        Console.WriteLine();
        Console.WriteLine($"# Notification burst on {MachineInfo.Current()}");
        Console.WriteLine($"- messages released at once: {messages} ({emailShare:P0} e-mail, the rest SMS)");
        Console.WriteLine($"- sent: {sent}, failed: {failed}, not settled within {timeout.TotalSeconds:0} s: {messages - sent - failed}");
        Console.WriteLine($"- first send {(first - released).TotalSeconds:0.00} s after release, last {seconds:0.00} s after");
        Console.WriteLine($"- **drain rate: {sent / seconds:0} messages/s** (sent ÷ time from release to last send)");
        Console.WriteLine(reports.Delivered == 0
            ? "- delivery reports: none applied (webhooks off?)"
            : $"- delivery reports applied: {reports.Delivered} of {sent}, the last {(reports.Last - released).TotalSeconds:0.00} s after release");
        if (before is not null && after is not null)
            Console.WriteLine($"- stub: {after.Value.Messages - before.Value.Messages} new visible messages from {after.Value.Requests - before.Value.Requests} requests");
        return sent == messages ? 0 : 3;
    }

    private const int ChunkSize = 5000;

    /// <summary>Bookings and their confirmation messages, due in a day: nothing is sent until the release.</summary>
    private static async Task ParkAsync(NpgsqlDataSource dataSource, PersonalDataProtector protector, Guid burst, int offset, int count, double emailShare)
    {
        const string sql = """
            with b as (
                insert into bookings (id, confirmation_code, tenant_id, location_id, service_code, slot_start, slot_end, seat,
                                      slot_capacity, status, hold_digest, citizen_ciphertext, encryption_key_id, citizen_fingerprint, language, consent_at)
                select u.id, u.code, l.tenant_id, l.id, 'FLU', @start + make_interval(secs => u.n), @start + make_interval(secs => u.n + 600), 0,
                       1, 'confirmed', convert_to(@prefix || u.n, 'UTF8'), u.cipher, @key_id, u.fingerprint, u.language, now()
                from unnest(@id, @code, @n, @cipher, @fingerprint, @language) as u(id, code, n, cipher, fingerprint, language)
                     cross join (select id, tenant_id from locations order by id limit 1) l
                returning id, tenant_id)
            insert into notifications (id, tenant_id, booking_id, kind, category, next_attempt_at)
            select gen_random_uuid(), tenant_id, id, 'BookingConfirmed', 'transactional', 'infinity' from b
            """;
        var citizens = Enumerable.Range(offset, count).Select(i => new CitizenDetails("Load", $"Test{i}", new DateOnly(1980, 1, 1), null,
            i % 100 < emailShare * 100 ? $"load{i}@example.org" : null, $"+1514{i % 10_000_000:0000000}", i % 2 == 0 ? "fr" : "en",
            EmailConsent: i % 100 < emailShare * 100)).ToList();
        // Sealed with the key of the tenant of the clinic the statement books at. The burst's bookings store no age band:
        // any day serves for sealing.
        Guid tenant;
        await using (var clinic = dataSource.CreateCommand("select tenant_id from locations order by id limit 1"))
            tenant = (Guid)(await clinic.ExecuteScalarAsync())!;
        var sealedCitizens = citizens.Select(c => protector.Seal(c, DateOnly.FromDateTime(DateTime.UtcNow), tenant)).ToList();
        await using var command = dataSource.CreateCommand(sql);
        // Each burst gets its own far-future days, so seats never collide with an earlier run.
        command.Parameters.AddWithValue("start", new DateTimeOffset(2099, 1, 5, 13, 0, 0, TimeSpan.Zero).AddDays(2 * (burst.GetHashCode() & 0x3FFF)));
        command.Parameters.AddWithValue("key_id", sealedCitizens[0].KeyId);
        command.Parameters.AddWithValue("prefix", Prefix(burst));
        command.Parameters.AddWithValue("id", Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToArray());
        command.Parameters.AddWithValue("code", Enumerable.Range(0, count).Select(_ => "L" + Guid.NewGuid().ToString("N")[..11].ToUpperInvariant()).ToArray());
        command.Parameters.AddWithValue("n", Enumerable.Range(offset, count).ToArray());
        command.Parameters.Add(new NpgsqlParameter("cipher", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = sealedCitizens.Select(c => c.Ciphertext).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("fingerprint", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = sealedCitizens.Select(c => c.Fingerprint).ToArray() });
        command.Parameters.AddWithValue("language", citizens.Select(c => c.Language).ToArray());
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Marks a burst's bookings: written where a real booking keeps its hold's digest, which no burst needs.</summary>
    private static string Prefix(Guid burst) => $"burst-{burst:N}-";

    private const string OfBurst = "from notifications n join bookings b on b.id = n.booking_id where b.hold_digest like convert_to(@prefix, 'UTF8')";

    private static async Task<DateTimeOffset> ReleaseAsync(NpgsqlDataSource dataSource, Guid burst)
    {
        await using var command = dataSource.CreateCommand("""
            with released as (
                update notifications n set next_attempt_at = now(), created_at = now()
                from bookings b where b.id = n.booking_id and b.hold_digest like convert_to(@prefix, 'UTF8')
                returning n.id)
            select now() from released limit 1
            """);
        command.Parameters.AddWithValue("prefix", Prefix(burst) + "%");
        return (DateTimeOffset)(DateTime)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<(long Settled, long Sent)> ProgressAsync(NpgsqlDataSource dataSource, Guid burst)
    {
        await using var command = dataSource.CreateCommand(
            $"select count(*) filter (where n.status not in ('queued', 'sending')), count(n.sent_at) {OfBurst}");
        command.Parameters.AddWithValue("prefix", Prefix(burst) + "%");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>The providers' delivery reports come back through the worker's webhooks during and after the burst;
    /// waits until every sent message is marked delivered, or the run's time is up, or none came for 10 s.</summary>
    private static async Task<(long Delivered, DateTimeOffset Last)> DeliveryReportsAsync(NpgsqlDataSource dataSource, Guid burst, long sent,
        Stopwatch clock, TimeSpan timeout)
    {
        var (seen, lastChange) = (-1L, clock.Elapsed);
        while (true)
        {
            await using var command = dataSource.CreateCommand($"select count(n.delivered_at), max(n.delivered_at) {OfBurst}");
            command.Parameters.AddWithValue("prefix", Prefix(burst) + "%");
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            var delivered = reader.GetInt64(0);
            if (delivered != seen)
                (seen, lastChange) = (delivered, clock.Elapsed);
            if (delivered >= sent || clock.Elapsed >= timeout || clock.Elapsed - lastChange > TimeSpan.FromSeconds(10))
                return (delivered, delivered == 0 ? default : reader.GetFieldValue<DateTimeOffset>(1));
            Console.Error.Write($"\r  {delivered} of {sent} delivery reports applied after {clock.Elapsed.TotalSeconds:0.0} s   ");
            await Task.Delay(2000);
        }
    }

    private static async Task<(DateTimeOffset First, DateTimeOffset Last, long Sent, long Failed)> SpanAsync(NpgsqlDataSource dataSource, Guid burst)
    {
        await using var command = dataSource.CreateCommand(
            $"select min(n.sent_at), max(n.sent_at), count(n.sent_at), count(*) filter (where n.status in ('failed', 'dead_letter')) {OfBurst}");
        command.Parameters.AddWithValue("prefix", Prefix(burst) + "%");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return reader.IsDBNull(0)
            ? (DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, 0, reader.GetInt64(3))
            : (reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    private static async Task<(long Messages, long Requests)?> StubCountAsync(HttpClient http, string inbox)
    {
        try
        {
            var stats = await http.GetFromJsonAsync<StubStats>($"{inbox.TrimEnd('/')}/dev/stats");
            return stats is null ? null : (stats.Messages, stats.Requests);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private sealed record StubStats(long Messages, long Requests);
}
