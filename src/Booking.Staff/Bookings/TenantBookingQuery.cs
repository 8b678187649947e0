using Booking.Staff.Access;
using Npgsql;

namespace Booking.Staff.Bookings;

/// <summary>A booking's row as staff may reach it: its facts and sealed citizen, with its clinic and service.</summary>
public sealed record TenantBookingRow(
    Guid Id,
    Guid LocationId,
    string ConfirmationCode,
    string Status,
    string ServiceCode,
    string ServiceNameFr,
    string ServiceNameEn,
    string LocationName,
    string LocationAddress,
    string LocationCity,
    string TimeZone,
    DateTimeOffset SlotStart,
    DateTimeOffset SlotEnd,
    byte[] CitizenCiphertext,
    string EncryptionKeyId);

/// <summary>Finds a booking by confirmation code among the clinics where a staff member may look up bookings
/// (<see cref="StaffPermission.ViewBookings"/>, through <see cref="StaffScopeSql"/>). A booking anywhere else is simply
/// not found, so a code says nothing about bookings staff may not see, and their sealed details are never read.</summary>
public sealed class TenantBookingQuery(NpgsqlDataSource dataSource)
{
    public async Task<TenantBookingRow?> FindAsync(Guid staffUserId, string confirmationCode, CancellationToken cancellationToken = default)
    {
        var sql = $"""
            with recursive {StaffScopeSql.Locations("visible")}
            select b.id, b.location_id, b.confirmation_code, b.status, s.code, s.name_fr, s.name_en, l.name, l.address, l.city, l.time_zone,
                   b.slot_start, b.slot_end, b.citizen_ciphertext, b.encryption_key_id
            from bookings b
            join locations l on l.id = b.location_id
            join services s on s.code = b.service_code
            where b.confirmation_code = @code and b.location_id in (select id from visible)
            """;
        await using var command = dataSource.CreateCommand(sql);
        StaffScopeSql.AddParameters(command.Parameters, staffUserId, StaffPermission.ViewBookings);
        command.Parameters.AddWithValue("code", confirmationCode);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return new TenantBookingRow(
            reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6),
            reader.GetString(7), reader.GetString(8), reader.GetString(9), reader.GetString(10),
            reader.GetFieldValue<DateTimeOffset>(11), reader.GetFieldValue<DateTimeOffset>(12),
            reader.GetFieldValue<byte[]>(13), reader.GetString(14));
    }
}
