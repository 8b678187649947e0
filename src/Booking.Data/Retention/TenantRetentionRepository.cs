using Booking.Data.Offer;
using Dapper;
using Npgsql;

namespace Booking.Data.Retention;

/// <summary>The retention of each class of personal data per tenant: the class's default, overridden along the tenant
/// tree (the nearest tenant that sets a class wins, as services' settings are inherited).</summary>
public sealed class TenantRetentionRepository(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<RetentionClass>> ClassesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<RetentionClass>(new CommandDefinition(
            "select data_class as dataclass, default_months as defaultmonths, floor_months as floormonths from retention_classes order by data_class", cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>Every class's months for the given tenants (null: every tenant).</summary>
    public async Task<IReadOnlyList<EffectiveRetention>> EffectiveAsync(IReadOnlyList<Guid>? tenants = null, CancellationToken cancellationToken = default)
    {
        const string sql = """
            with recursive lineage (tenant_id, ancestor_id, depth) as (
                select id, id, 0 from tenants where @all or id = any(@tenants)
                union all
                select l.tenant_id, t.parent_id, l.depth + 1 from lineage l join tenants t on t.id = l.ancestor_id where t.parent_id is not null)
            select distinct on (l.tenant_id, c.data_class)
                   l.tenant_id as tenantid, c.data_class as dataclass, coalesce(r.months, c.default_months) as months, r.tenant_id as fromtenant
            from lineage l cross join retention_classes c
            left join tenant_retention r on r.tenant_id = l.ancestor_id and r.data_class = c.data_class
            order by l.tenant_id, c.data_class, r.months is null, l.depth
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<EffectiveRetention>(new CommandDefinition(sql,
            new { all = tenants is null, tenants = (tenants ?? []).ToArray() }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>What the tenant sets itself, by class.</summary>
    public async Task<IReadOnlyDictionary<string, int>> OwnAsync(Guid tenantId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<(string DataClass, int Months)>(new CommandDefinition(
                "select data_class, months from tenant_retention where tenant_id = @tenantId", new { tenantId }, cancellationToken: cancellationToken)))
            .ToDictionary(r => r.DataClass, r => r.Months);
    }

    /// <summary>Sets the tenant's own months (a class left null inherits again) and audits the change with what it was
    /// before, in one transaction. The database refuses a value under a class's floor.</summary>
    public async Task SaveAsync(Guid tenantId, IReadOnlyDictionary<string, int?> months, OfferActor actor, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = (await connection.QueryAsync<(string DataClass, int Months)>(new CommandDefinition(
                "select data_class, months from tenant_retention where tenant_id = @tenantId order by data_class for update",
                new { tenantId }, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(r => r.DataClass, r => r.Months);
        foreach (var (dataClass, value) in months)
            await connection.ExecuteAsync(new CommandDefinition(value is null
                    ? "delete from tenant_retention where tenant_id = @tenantId and data_class = @dataClass"
                    : """
                      insert into tenant_retention (tenant_id, data_class, months) values (@tenantId, @dataClass, @value)
                      on conflict (tenant_id, data_class) do update set months = excluded.months, updated_at = now()
                      """,
                new { tenantId, dataClass, value }, transaction, cancellationToken: cancellationToken));
        var after = months.Where(m => m.Value is not null).ToDictionary(m => m.Key, m => m.Value!.Value);
        foreach (var (dataClass, value) in before.Where(b => !months.ContainsKey(b.Key)))
            after[dataClass] = value;
        await OfferAudit.RecordAsync(connection, transaction, actor,
            new OfferChange(tenantId, null, "tenant_retention", tenantId.ToString(), "update", before, after), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
