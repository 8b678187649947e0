using Dapper;
using Npgsql;

namespace Booking.Data.Staff;

/// <summary>A booking's row as staff may reach it: its facts and sealed citizen, with its clinic and service.</summary>
public sealed record TenantBookingRow
{
    public Guid Id { get; init; }
    public Guid LocationId { get; init; }

    /// <summary>Whose booking it is: its records are sealed with this tenant's key.</summary>
    public Guid TenantId { get; init; }
    public string ConfirmationCode { get; init; } = "";
    public string Status { get; init; } = "";
    public string ServiceCode { get; init; } = "";
    public string ServiceNameFr { get; init; } = "";
    public string ServiceNameEn { get; init; } = "";
    public string LocationName { get; init; } = "";
    public string LocationAddress { get; init; } = "";
    public string LocationCity { get; init; } = "";
    public string TimeZone { get; init; } = "";
    public DateTimeOffset SlotStart { get; init; }
    public DateTimeOffset SlotEnd { get; init; }
    /// <summary>Null once erased under the retention rule.</summary>
    public byte[]? CitizenCiphertext { get; init; }
    public string? EncryptionKeyId { get; init; }
}

/// <summary>Bookings of one service at one clinic over a period: numbers only.</summary>
public sealed record BookingCount
{
    public string Clinic { get; init; } = "";
    public string ServiceFr { get; init; } = "";
    public string ServiceEn { get; init; } = "";
    public long Confirmed { get; init; }
    public long Cancelled { get; init; }
}

/// <summary>A caller's booking as an agent finds it: its facts and the sealed citizen.</summary>
public sealed record CallerBooking
{
    public Guid Id { get; init; }
    public string ConfirmationCode { get; init; } = "";
    public string Status { get; init; } = "";
    public string ServiceCode { get; init; } = "";
    public Guid LocationId { get; init; }
    public string LocationName { get; init; } = "";
    public DateTimeOffset SlotStart { get; init; }
    public string Channel { get; init; } = "";
    /// <summary>Null once erased under the retention rule.</summary>
    public byte[]? CitizenCiphertext { get; init; }
    public string? EncryptionKeyId { get; init; }
}

/// <summary>Bookings as staff reach them: only at the clinics where the grantee holds the permission
/// (<see cref="StaffScopeSql"/>). A booking anywhere else is simply not found.</summary>
public sealed class StaffBookingRepository(NpgsqlDataSource dataSource)
{
    public async Task<TenantBookingRow?> FindAsync(StaffGrantee grantee, string confirmationCode, CancellationToken cancellationToken = default)
    {
        var sql = $"""
            with recursive {StaffScopeSql.Locations("visible")}
            select b.id, b.location_id, b.tenant_id, b.confirmation_code, b.status, s.code as service_code, s.name_fr as service_name_fr, s.name_en as service_name_en,
                   l.name as location_name, l.address as location_address, l.city as location_city, l.time_zone,
                   b.slot_start, b.slot_end, b.citizen_ciphertext, b.encryption_key_id
            from bookings b
            join locations l on l.id = b.location_id
            join services s on s.code = b.service_code
            where b.confirmation_code = @confirmationCode and b.location_id in (select id from visible)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<TenantBookingRow>(new CommandDefinition(
            sql, StaffScopeSql.Parameters(grantee, new { confirmationCode }), cancellationToken: cancellationToken));
    }

    /// <summary>Aggregates only: no booking, no citizen, nothing sealed is read.</summary>
    public async Task<IReadOnlyList<BookingCount>> CountAsync(StaffGrantee grantee, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var sql = $"""
            with recursive {StaffScopeSql.Locations("visible")}
            select l.name as clinic, s.name_fr as service_fr, s.name_en as service_en,
                   count(*) filter (where b.status = 'confirmed') as confirmed, count(*) filter (where b.status = 'cancelled') as cancelled
            from bookings b
            join locations l on l.id = b.location_id
            join services s on s.code = b.service_code
            where b.location_id in (select id from visible) and b.slot_start >= @start and b.slot_start < @end
            group by l.name, s.name_fr, s.name_en
            order by l.name, s.name_fr
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<BookingCount>(new CommandDefinition(
            sql, StaffScopeSql.Parameters(grantee, new { start = from, end = to }), cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>Enough for one caller and their family, not a way to list a region.</summary>
    public const int MaxCallerMatches = 20;

    /// <summary>A caller's bookings, by confirmation code or by the keyed fingerprint of a health card or of a phone
    /// number, never by a plaintext; latest first.</summary>
    public async Task<IReadOnlyList<CallerBooking>> FindForCallerAsync(StaffGrantee grantee, string? confirmationCode, IReadOnlyList<byte[]> fingerprints,
        CancellationToken cancellationToken = default)
    {
        var sql = $"""
            with recursive {StaffScopeSql.Locations("visible")}
            select b.id, b.confirmation_code, b.status, b.service_code, l.id as location_id, l.name as location_name, b.slot_start, b.channel,
                   b.citizen_ciphertext, b.encryption_key_id
            from bookings b join locations l on l.id = b.location_id
            where b.location_id in (select id from visible)
              and (b.confirmation_code = @confirmationCode or b.health_card_fingerprint = any(@fingerprints) or b.phone_fingerprint = any(@fingerprints))
            order by b.slot_start desc
            limit {MaxCallerMatches}
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<CallerBooking>(new CommandDefinition(
            sql, StaffScopeSql.Parameters(grantee, new { confirmationCode, fingerprints = fingerprints.ToArray() }), cancellationToken: cancellationToken))).ToList();
    }
}
