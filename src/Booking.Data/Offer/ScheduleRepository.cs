using Booking.Data.Catalog;
using Booking.Data.Infrastructure;
using Booking.Domain.Scheduling;
using Dapper;
using Npgsql;

namespace Booking.Data.Offer;

/// <summary>Clinics' weekly templates and dated exceptions as staff edit them. A change is written in one transaction
/// with its audit entry, and only if what it replaces is still at the version it was made from.</summary>
public sealed class ScheduleRepository(NpgsqlDataSource dataSource)
{
    /// <summary>Every template of the clinic, and its exceptions from <paramref name="exceptionsFrom"/> on.</summary>
    public async Task<OfferSchedule> ReadAsync(Guid locationId, DateOnly exceptionsFrom, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select w.id, w.service_code, w.slot_minutes, w.capacity, w.valid_from, w.valid_until, w.version, h.iso_weekday, h.opens_at, h.closes_at
            from weekly_templates w left join weekly_template_hours h on h.weekly_template_id = w.id
            where w.location_id = @locationId
            order by w.service_code, w.valid_from, w.id, h.iso_weekday, h.opens_at;

            select id, service_code, on_date, kind, opens_at, closes_at, slot_minutes, capacity, version
            from schedule_exceptions where location_id = @locationId and on_date >= @exceptionsFrom
            order by on_date, service_code nulls first, opens_at nulls first, id;
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, new { locationId, exceptionsFrom }, cancellationToken: cancellationToken));
        var templates = (await results.ReadAsync<TemplateRow>())
            .GroupBy(r => r.id)
            .Select(g => g.First().ToTemplate(g.Where(r => r.iso_weekday is not null)
                .Select(r => new TemplateHours((DayOfWeek)(r.iso_weekday!.Value % 7), r.opens_at!.Value, r.closes_at!.Value)).ToList()))
            .ToList();
        var exceptions = (await results.ReadAsync<ExceptionRow>()).Select(r => r.ToException()).ToList();
        return new OfferSchedule(templates, exceptions);
    }

    /// <summary>
    /// Writes <paramref name="edit"/> and its audit entry in one transaction, and ends the clinic's mark of
    /// <paramref name="changeId"/> in the same commit.
    /// </summary>
    /// <returns>False when what the edit replaces has changed since <paramref name="before"/> was read: nothing was written.</returns>
    public async Task<bool> SaveAsync(Guid tenantId, Guid locationId, OfferSchedule before, ScheduleEdit edit, OfferActor actor, Guid? changeId,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changes = await WriteAsync(connection, locationId, before, edit, cancellationToken);
        if (changes is null)
            return false;
        foreach (var (entity, id, was, now) in changes)
            await OfferAudit.RecordAsync(connection, transaction, actor, new OfferChange(tenantId, locationId, entity, id.ToString(),
                was is null ? "create" : now is null ? "delete" : "update", was, now), cancellationToken);
        if (changeId is { } change)
            await ScheduleChangeMarks.ClearAsync(connection, transaction, locationId, change, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static async Task<IReadOnlyList<(string Entity, Guid Id, object? Before, object? After)>?> WriteAsync(NpgsqlConnection connection,
        Guid locationId, OfferSchedule before, ScheduleEdit edit, CancellationToken cancellationToken)
    {
        // Npgsql's own parameters (DateOnly, TimeOnly); the command joins the connection's transaction.
        async Task<bool> Run(string sql, params (string Name, object Value)[] parameters) =>
            await connection.ExecuteNpgsqlAsync(sql, cancellationToken, parameters) > 0;

        switch (edit)
        {
            case ScheduleEdit.SaveTemplate { Template: var template } when template.Version == 0:
                await Run(InsertTemplate, TemplateParameters(locationId, template));
                await InsertHoursAsync(connection, template, cancellationToken);
                return [("weekly_template", template.Id, null, template with { Version = 1 })];
            case ScheduleEdit.SaveTemplate { Template: var template }:
                if (!await Run(UpdateTemplate, TemplateParameters(locationId, template)))
                    return null;
                await Run("delete from weekly_template_hours where weekly_template_id = @id", ("id", template.Id));
                await InsertHoursAsync(connection, template, cancellationToken);
                return [("weekly_template", template.Id, before.Templates.Single(t => t.Id == template.Id), template with { Version = template.Version + 1 })];
            case ScheduleEdit.DeleteTemplate(var id, var version):
                if (!await Run("delete from weekly_templates where id = @id and location_id = @locationId and version = @version", ("id", id), ("locationId", locationId), ("version", version)))
                    return null;
                return [("weekly_template", id, before.Templates.Single(t => t.Id == id), null)];
            case ScheduleEdit.AddExceptions(var exceptions):
                foreach (var exception in exceptions)
                    await Run(InsertException, ExceptionParameters(locationId, exception));
                return exceptions.Select(e => ("schedule_exception", e.Id, (object?)null, (object?)(e with { Version = 1 }))).ToList();
            case ScheduleEdit.DeleteException(var id, var version):
                if (!await Run("delete from schedule_exceptions where id = @id and location_id = @locationId and version = @version", ("id", id), ("locationId", locationId), ("version", version)))
                    return null;
                return [("schedule_exception", id, before.Exceptions.Single(e => e.Id == id), null)];
            default:
                throw new ArgumentOutOfRangeException(nameof(edit), edit, "Unknown schedule edit.");
        }
    }

    private const string InsertTemplate = """
        insert into weekly_templates (id, location_id, service_code, slot_minutes, capacity, valid_from, valid_until)
        values (@id, @locationId, @serviceCode, @slotMinutes, @capacity, @validFrom, @validUntil)
        """;

    private const string UpdateTemplate = """
        update weekly_templates
        set service_code = @serviceCode, slot_minutes = @slotMinutes, capacity = @capacity, valid_from = @validFrom, valid_until = @validUntil,
            version = version + 1
        where id = @id and location_id = @locationId and version = @version
        """;

    private const string InsertException = """
        insert into schedule_exceptions (id, location_id, service_code, on_date, kind, opens_at, closes_at, slot_minutes, capacity)
        values (@id, @locationId, @serviceCode, @onDate, @kind, @opens, @closes, @slotMinutes, @capacity)
        """;

    private static (string, object)[] TemplateParameters(Guid locationId, WeeklyTemplate t) =>
    [
        ("id", t.Id), ("locationId", locationId), ("serviceCode", t.ServiceCode), ("slotMinutes", t.SlotMinutes), ("capacity", t.Capacity),
        ("validFrom", t.ValidFrom), ("validUntil", (object?)t.ValidUntil ?? DBNull.Value), ("version", t.Version),
    ];

    private static (string, object)[] ExceptionParameters(Guid locationId, DatedException e) =>
    [
        ("id", e.Id), ("locationId", locationId), ("serviceCode", (object?)e.Exception.ServiceCode ?? DBNull.Value), ("onDate", e.Exception.Date),
        ("kind", ScheduleExceptionKinds.Name(e.Exception.Kind)), ("opens", (object?)e.Exception.Opens ?? DBNull.Value),
        ("closes", (object?)e.Exception.Closes ?? DBNull.Value), ("slotMinutes", (object?)e.Exception.SlotMinutes ?? DBNull.Value),
        ("capacity", (object?)e.Exception.Capacity ?? DBNull.Value),
    ];

    private static async Task InsertHoursAsync(NpgsqlConnection connection, WeeklyTemplate template, CancellationToken cancellationToken)
    {
        const string sql = """
            insert into weekly_template_hours (id, weekly_template_id, iso_weekday, opens_at, closes_at)
            values (@id, @template, @isoWeekday, @opens, @closes)
            """;
        foreach (var hours in template.Hours)
            await connection.ExecuteNpgsqlAsync(sql, cancellationToken, ("id", Guid.CreateVersion7()), ("template", template.Id),
                ("isoWeekday", (short)(hours.Day == DayOfWeek.Sunday ? 7 : (int)hours.Day)), ("opens", hours.Opens), ("closes", hours.Closes));
    }

    private sealed record TemplateRow(Guid id, string service_code, int slot_minutes, int capacity, DateOnly valid_from, DateOnly? valid_until, int version,
        short? iso_weekday, TimeOnly? opens_at, TimeOnly? closes_at)
    {
        public WeeklyTemplate ToTemplate(IReadOnlyList<TemplateHours> hours) =>
            new(id, service_code, slot_minutes, capacity, valid_from, valid_until, hours, version);
    }

    private sealed record ExceptionRow(Guid id, string? service_code, DateOnly on_date, string kind, TimeOnly? opens_at, TimeOnly? closes_at,
        int? slot_minutes, int? capacity, int version)
    {
        public DatedException ToException() =>
            new(id, new ScheduleException(service_code, on_date, ScheduleExceptionKinds.Parse(kind), opens_at, closes_at, slot_minutes, capacity), version);
    }
}
