using Dapper;
using Npgsql;

namespace Booking.Data.Offer;

/// <summary>What staff set about a clinic: how citizens find it and whether it takes bookings.</summary>
public sealed record LocationDetails(
    string Name,
    string Address,
    string City,
    string PostalCode,
    double Latitude,
    double Longitude,
    string TimeZone,
    string NotesFr,
    string NotesEn,
    bool IsOpen,
    int WalkInExtraSeats = 0);

/// <summary>A clinic as the staff site shows it, at <see cref="Version"/>.</summary>
public sealed record StaffLocation(Guid Id, Guid TenantId, string TenantName, LocationDetails Details, int Version);

/// <summary>Clinics as staff create and edit them. Every write carries its audit entry in the same transaction; an
/// edit names the version it was made from and changes nothing if the clinic has changed since.</summary>
public sealed class LocationRepository(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        l.id, l.tenant_id, t.name as tenant_name, l.name, l.address, l.city, l.postal_code, l.latitude, l.longitude, l.time_zone,
        l.notes_fr, l.notes_en, l.is_open, l.walk_in_extra_seats, l.version
        """;

    /// <summary>The clinics of <paramref name="ids"/>, by name; the caller has chosen which the person may see.</summary>
    public async Task<IReadOnlyList<StaffLocation>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        var sql = $"select {Columns} from locations l join tenants t on t.id = l.tenant_id where l.id = any(@ids) order by l.name, l.id";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, new { ids = ids.ToArray() }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToLocation()).ToList();
    }

    public async Task<StaffLocation?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var sql = $"select {Columns} from locations l join tenants t on t.id = l.tenant_id where l.id = @id";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken));
        return row?.ToLocation();
    }

    /// <summary>Whether the clinic has any weekly template or dated change: its slots then hang on its time zone.</summary>
    public async Task<bool> HasScheduleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select exists (select 1 from weekly_templates where location_id = @id) or exists (select 1 from schedule_exceptions where location_id = @id)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>A new clinic, offering <paramref name="services"/> (its tenant's, at first).</summary>
    public async Task CreateAsync(Guid id, Guid tenantId, LocationDetails details, IReadOnlyCollection<string> services, OfferActor actor,
        CancellationToken cancellationToken = default)
    {
        const string sql = """
            insert into locations (id, tenant_id, name, address, city, postal_code, latitude, longitude, time_zone, notes_fr, notes_en, is_open,
                                   walk_in_extra_seats)
            values (@id, @tenant, @name, @address, @city, @postalCode, @latitude, @longitude, @timeZone, @notesFr, @notesEn, @isOpen, @walkInExtraSeats)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, Parameters(id, details, tenantId), transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("insert into location_services (location_id, service_code) select @id, unnest(@services)",
            new { id, services = services.ToArray() }, transaction, cancellationToken: cancellationToken));
        await OfferAudit.RecordAsync(connection, transaction, actor, OfferChange.Created(tenantId, id, "location", id.ToString(), details), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <returns>False when the clinic is no longer at <paramref name="expectedVersion"/>: nothing was written.</returns>
    public async Task<bool> UpdateAsync(Guid id, int expectedVersion, LocationDetails details, OfferActor actor, CancellationToken cancellationToken = default)
    {
        const string sql = """
            update locations
            set name = @name, address = @address, city = @city, postal_code = @postalCode, latitude = @latitude, longitude = @longitude,
                time_zone = @timeZone, notes_fr = @notesFr, notes_en = @notesEn, is_open = @isOpen,
                walk_in_extra_seats = @walkInExtraSeats, version = version + 1
            where id = @id and version = @expectedVersion
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Locked, so the audit's "before" is the row this update replaces.
        var before = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"select {Columns} from locations l join tenants t on t.id = l.tenant_id where l.id = @id for update of l", new { id }, transaction,
            cancellationToken: cancellationToken));
        var parameters = new DynamicParameters(Parameters(id, details, before?.tenant_id ?? Guid.Empty));
        parameters.Add("expectedVersion", expectedVersion);
        if (before is null || await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)) == 0)
            return false;
        await OfferAudit.RecordAsync(connection, transaction, actor,
            OfferChange.Updated(before.tenant_id, id, "location", id.ToString(), before.ToLocation().Details, details), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static object Parameters(Guid id, LocationDetails d, Guid tenant) => new
    {
        id, tenant, name = d.Name, address = d.Address, city = d.City, postalCode = d.PostalCode, latitude = d.Latitude, longitude = d.Longitude,
        timeZone = d.TimeZone, notesFr = d.NotesFr, notesEn = d.NotesEn, isOpen = d.IsOpen, walkInExtraSeats = d.WalkInExtraSeats,
    };

    private sealed record Row(Guid id, Guid tenant_id, string tenant_name, string name, string address, string city, string postal_code,
        double latitude, double longitude, string time_zone, string notes_fr, string notes_en, bool is_open, int walk_in_extra_seats, int version)
    {
        public StaffLocation ToLocation() => new(id, tenant_id, tenant_name,
            new LocationDetails(name, address, city, postal_code, latitude, longitude, time_zone, notes_fr, notes_en, is_open, walk_in_extra_seats), version);
    }
}
