using Booking.Data.Tenancy;
using Npgsql;

namespace Booking.Staff.Bookings;

/// <summary>A booking's row as staff may reach it: its facts and sealed citizen, with its clinic and service.</summary>
public sealed record TenantBookingRow(
    Guid Id,
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

/// <summary>Finds a booking by confirmation code within a tenant's <see cref="TenantScope"/>. A booking of any other
/// tenant is simply not found, so a code says nothing about bookings staff may not see.</summary>
public sealed class TenantBookingQuery(NpgsqlDataSource dataSource)
{
    public async Task<TenantBookingRow?> FindAsync(Guid tenantId, string confirmationCode, CancellationToken cancellationToken = default)
    {
        var sql = $"""
            {TenantScope.With()}
            select b.id, b.confirmation_code, b.status, s.code, s.name_fr, s.name_en, l.name, l.address, l.city, l.time_zone,
                   b.slot_start, b.slot_end, b.citizen_ciphertext, b.encryption_key_id
            from bookings b
            join locations l on l.id = b.location_id
            join services s on s.code = b.service_code
            where b.confirmation_code = @code and {TenantScope.Contains("b.tenant_id")}
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("tenant", tenantId);
        command.Parameters.AddWithValue("code", confirmationCode);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return new TenantBookingRow(
            reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
            reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetString(9),
            reader.GetFieldValue<DateTimeOffset>(10), reader.GetFieldValue<DateTimeOffset>(11),
            reader.GetFieldValue<byte[]>(12), reader.GetString(13));
    }
}
