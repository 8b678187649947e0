using System.Net;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Booking.Data.Offer;

/// <summary>Who changed the offer (<c>staff:&lt;id&gt;</c>) and from which address.</summary>
public sealed record OfferActor(string Name, IPAddress? SourceIp);

/// <summary>One change of the offer: what (entity and id, in which tenant and clinic), which kind of change, and the
/// entity as it was before and after (null when it did not exist).</summary>
public sealed record OfferChange(Guid TenantId, Guid? LocationId, string Entity, string EntityId, string Action, object? Before, object? After)
{
    public static OfferChange Created(Guid tenantId, Guid? locationId, string entity, string entityId, object after) =>
        new(tenantId, locationId, entity, entityId, "create", null, after);

    public static OfferChange Updated(Guid tenantId, Guid? locationId, string entity, string entityId, object before, object after) =>
        new(tenantId, locationId, entity, entityId, "update", before, after);

    public static OfferChange Deleted(Guid tenantId, Guid? locationId, string entity, string entityId, object before) =>
        new(tenantId, locationId, entity, entityId, "delete", before, null);
}

/// <summary>An audit entry as staff read it back.</summary>
public sealed record OfferAuditEntry(DateTimeOffset OccurredAt, string Actor, string Entity, string EntityId, string Action, string? Before, string? After);

/// <summary>
/// The offer's audit trail (<c>offer_audit</c>): every change is written in the transaction that makes it, so no
/// change is without its entry and no entry without its change. It also bumps the catalogue's revision, which tells
/// web hosts to read the catalogue again.
/// </summary>
public sealed class OfferAudit(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, OfferActor actor, OfferChange change,
        CancellationToken cancellationToken)
    {
        const string sql = """
            insert into offer_audit (actor, source_ip, tenant_id, location_id, entity, entity_id, action, before, after)
            values (@actor, @ip, @tenant, @location, @entity, @entityId, @action, @before, @after);
            update catalogue_revision set revision = revision + 1;
            """;
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("actor", actor.Name);
        command.Parameters.AddWithValue("ip", (object?)actor.SourceIp ?? DBNull.Value);
        command.Parameters.AddWithValue("tenant", change.TenantId);
        command.Parameters.AddWithValue("location", (object?)change.LocationId ?? DBNull.Value);
        command.Parameters.AddWithValue("entity", change.Entity);
        command.Parameters.AddWithValue("entityId", change.EntityId);
        command.Parameters.AddWithValue("action", change.Action);
        command.Parameters.Add(new NpgsqlParameter("before", NpgsqlDbType.Jsonb) { Value = Serialised(change.Before) });
        command.Parameters.Add(new NpgsqlParameter("after", NpgsqlDbType.Jsonb) { Value = Serialised(change.After) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The latest changes of one clinic's offer, newest first.</summary>
    public async Task<IReadOnlyList<OfferAuditEntry>> OfLocationAsync(Guid locationId, int limit, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select occurred_at, actor, entity, entity_id, action, before::text, after::text
            from offer_audit where location_id = @location order by id desc limit @limit
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("location", locationId);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<OfferAuditEntry>();
        while (await reader.ReadAsync(cancellationToken))
            entries.Add(new OfferAuditEntry(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        return entries;
    }

    private static object Serialised(object? value) => value is null ? DBNull.Value : JsonSerializer.Serialize(value, value.GetType(), Json);
}
