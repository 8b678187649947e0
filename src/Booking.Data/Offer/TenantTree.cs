using Npgsql;

namespace Booking.Data.Offer;

public sealed record TenantSummary(Guid Id, Guid? ParentId, string Name);

/// <summary>The tenants under a tenant (itself included), parents before children: whose offer its staff may see.</summary>
public sealed class TenantTree(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<TenantSummary>> SubtreeAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            with recursive subtree (id, parent_id, name, depth) as (
                select id, parent_id, name, 0 from tenants where id = @tenant
                union all
                select t.id, t.parent_id, t.name, s.depth + 1 from tenants t join subtree s on t.parent_id = s.id)
            select id, parent_id, name from subtree order by depth, name
            """;
        return await ReadAsync(sql, tenantId, cancellationToken);
    }

    /// <summary>The tenant and its ancestors, nearest first: where an inherited setting comes from.</summary>
    public async Task<IReadOnlyList<TenantSummary>> LineageAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            with recursive lineage (id, parent_id, name, depth) as (
                select id, parent_id, name, 0 from tenants where id = @tenant
                union all
                select t.id, t.parent_id, t.name, l.depth + 1 from tenants t join lineage l on t.id = l.parent_id)
            select id, parent_id, name from lineage order by depth
            """;
        return await ReadAsync(sql, tenantId, cancellationToken);
    }

    private async Task<IReadOnlyList<TenantSummary>> ReadAsync(string sql, Guid tenantId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("tenant", tenantId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tenants = new List<TenantSummary>();
        while (await reader.ReadAsync(cancellationToken))
            tenants.Add(new TenantSummary(reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.GetString(2)));
        return tenants;
    }
}
