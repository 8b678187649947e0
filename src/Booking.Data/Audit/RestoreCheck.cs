using System.Security.Cryptography;
using Booking.Data.Protection;
using Npgsql;

namespace Booking.Data.Audit;

/// <summary>What a restored database holds, checked the way the platform reads it: how many bookings and which came
/// last (the recovery point), the inventory invariants, and whether the citizen records open with the key file given.</summary>
public sealed record RestoreCheckReport(
    long Bookings,
    long ConfirmedBookings,
    Guid? LastBookingId,
    DateTimeOffset? LastBookingAt,
    InventoryAuditReport Audit,
    int CitizenRecordsSampled,
    int CitizenRecordsOpened);

/// <summary>
/// The read checks of a restore drill. Citizen records are sealed with keys kept outside the database, so a restored
/// database alone opens none of them: run with the key file's own backup, every sampled record opens; with any other
/// key file, none does. Each sampled record's opening is written to the access log first, as every read of personal
/// data is; what was opened is discarded, never shown.
/// </summary>
public sealed class RestoreCheck(NpgsqlDataSource dataSource, InventoryAudit audit, PersonalDataProtector protector, PersonalDataAccessLog accessLog)
{
    public const string Actor = "operator:restore-check";
    public const string Program = "Booking.Tool/check-restore";

    public async Task<RestoreCheckReport> RunAsync(int citizenSample, CancellationToken cancellationToken = default)
    {
        const string totals = """
            select count(*), count(*) filter (where status = 'confirmed'),
                   (select id from bookings order by created_at desc, id desc limit 1),
                   max(created_at)
            from bookings
            """;
        long bookings, confirmed;
        Guid? lastId;
        DateTimeOffset? lastAt;
        await using (var command = dataSource.CreateCommand(totals))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            bookings = reader.GetInt64(0);
            confirmed = reader.GetInt64(1);
            lastId = reader.IsDBNull(2) ? null : reader.GetGuid(2);
            lastAt = reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3);
        }
        var report = await audit.RunAsync(cancellationToken);
        var (sampled, opened) = await OpenCitizenRecordsAsync(citizenSample, cancellationToken);
        return new RestoreCheckReport(bookings, confirmed, lastId, lastAt, report, sampled, opened);
    }

    private async Task<(int Sampled, int Opened)> OpenCitizenRecordsAsync(int sample, CancellationToken cancellationToken)
    {
        const string sql = "select id, citizen_ciphertext, encryption_key_id from bookings where personal_data_erased_at is null order by created_at desc, id desc limit @sample";
        var records = new List<(Guid Id, byte[] Ciphertext, string KeyId)>();
        await using (var command = dataSource.CreateCommand(sql))
        {
            command.Parameters.AddWithValue("sample", sample);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                records.Add((reader.GetGuid(0), reader.GetFieldValue<byte[]>(1), reader.GetString(2)));
        }
        var opened = 0;
        foreach (var (id, ciphertext, keyId) in records)
        {
            await accessLog.RecordAsync(new PersonalDataAccessRecord(Actor, PersonalDataAccess.Read, "bookings", id, Program, null), cancellationToken);
            try
            {
                protector.Unseal(ciphertext, keyId);
                opened++;
            }
            catch (CryptographicException)
            {
                // Another key file: the key id is unknown to it, or the key under that id fails authentication.
            }
        }
        return (records.Count, opened);
    }
}
