using Booking.Data.Protection;
using Dapper;
using Npgsql;

namespace Booking.Data.Privacy;

/// <summary>Rows of <see cref="Table"/> that <see cref="TenantId"/> must reseal (<c>Booking.Tool reseal-tenant</c>) to hold
/// them under its own key.</summary>
public sealed record SealedRowsToReseal(Guid TenantId, string Table, long Rows);

/// <summary>
/// Where a tenant's shredding and its data disagree (<c>tenant_sealed_rows</c>): its records under another key, which
/// destroying its keys would leave readable, and other tenants' records under its keys (bookings moved away), which it
/// would take with it. Records under a key already destroyed cannot be resealed and are not counted.
/// </summary>
internal static class TenantSealedRows
{
    public static async Task<IReadOnlyList<SealedRowsToReseal>> ToResealAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid tenantId,
        IReadOnlySet<string> shreddedKeyIds, CancellationToken cancellationToken)
    {
        const string sql = """
            select tenant_id as tenantid, table_name as "table", count(*) as rows
            from tenant_sealed_rows
            where key_id <> all(@shredded)
              and ((tenant_id = @tenant and key_id not like @own) or (tenant_id <> @tenant and key_id like @own))
            group by tenant_id, table_name
            order by tenant_id, table_name
            """;
        return (await connection.QueryAsync<SealedRowsToReseal>(new CommandDefinition(sql, new
        {
            tenant = tenantId, own = TenantDataKeys.KeyIdPattern(tenantId), shredded = shreddedKeyIds.ToArray(),
        }, transaction, cancellationToken: cancellationToken))).ToList();
    }
}
