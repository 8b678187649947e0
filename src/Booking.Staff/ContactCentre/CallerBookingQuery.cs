using Booking.Staff.Access;
using Npgsql;

namespace Booking.Staff.ContactCentre;

/// <summary>A caller's booking as an agent finds it: its facts and the sealed citizen.</summary>
public sealed record CallerBooking(Guid Id, string ConfirmationCode, string Status, string ServiceCode, Guid LocationId, string LocationName,
    DateTimeOffset SlotStart, string Channel, byte[] CitizenCiphertext, string EncryptionKeyId);

/// <summary>
/// A caller's bookings among the clinics where the agent may act for callers (<see cref="StaffPermission.ActForCallers"/>,
/// through <see cref="StaffScopeSql"/>): by confirmation code, or by the keyed fingerprint of a health card or of a phone
/// number, never by a plaintext. A booking anywhere else is not found, and its sealed details are never read.
/// </summary>
public sealed class CallerBookingQuery(NpgsqlDataSource dataSource)
{
    /// <summary>Enough for one caller and their family, not a way to list a region.</summary>
    public const int MaxMatches = 20;

    public async Task<IReadOnlyList<CallerBooking>> FindAsync(Guid staffUserId, string? confirmationCode, IReadOnlyList<byte[]> fingerprints,
        CancellationToken cancellationToken = default)
    {
        var sql = $"""
            with recursive {StaffScopeSql.Locations("visible")}
            select b.id, b.confirmation_code, b.status, b.service_code, l.id, l.name, b.slot_start, b.channel, b.citizen_ciphertext, b.encryption_key_id
            from bookings b join locations l on l.id = b.location_id
            where b.location_id in (select id from visible)
              and (b.confirmation_code = @code or b.health_card_fingerprint = any(@fingerprints) or b.phone_fingerprint = any(@fingerprints))
            order by b.slot_start desc
            limit {MaxMatches}
            """;
        await using var command = dataSource.CreateCommand(sql);
        StaffScopeSql.AddParameters(command.Parameters, staffUserId, StaffPermission.ActForCallers);
        command.Parameters.Add(new NpgsqlParameter("code", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)confirmationCode ?? DBNull.Value });
        command.Parameters.AddWithValue("fingerprints", fingerprints.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new List<CallerBooking>();
        while (await reader.ReadAsync(cancellationToken))
            found.Add(new CallerBooking(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetGuid(4),
                reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetString(7), reader.GetFieldValue<byte[]>(8), reader.GetString(9)));
        return found;
    }
}
