using Dapper;
using Npgsql;

namespace Booking.Data.Staff;

/// <summary>A tenant a staff member reaches, by name.</summary>
public sealed record ScopeTenant(Guid Id, string Name);

/// <summary>What a staff member holds and where (<see cref="StaffScopeSql"/>): the questions the staff site's one
/// authorization seam asks the database.</summary>
public sealed class StaffScopeRepository(NpgsqlDataSource dataSource)
{
    /// <summary>The codes of the roles the person holds anywhere, none while suspended or bound to change their password.</summary>
    public async Task<IReadOnlyList<string>> HeldRolesAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select distinct r.role from staff_role_assignments r join staff_users u on u.id = r.user_id
            where r.user_id = @userId and u.suspended_at is null and not u.must_change_password
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(sql, new { userId }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>Whether the grantee holds the permission over the tenant as a whole.</summary>
    public Task<bool> ReachesTenantAsync(StaffGrantee grantee, Guid tenantId, CancellationToken cancellationToken = default) =>
        ReachesAsync(StaffScopeSql.Tenants("visible"), grantee, tenantId, cancellationToken);

    /// <summary>Whether the grantee holds the permission at the clinic (its tenant read here, never taken from a request).</summary>
    public Task<bool> ReachesLocationAsync(StaffGrantee grantee, Guid locationId, CancellationToken cancellationToken = default) =>
        ReachesAsync(StaffScopeSql.Locations("visible"), grantee, locationId, cancellationToken);

    public Task<IReadOnlyList<Guid>> LocationIdsAsync(StaffGrantee grantee, CancellationToken cancellationToken = default) =>
        IdsAsync(StaffScopeSql.Locations("visible"), grantee, cancellationToken);

    public Task<IReadOnlyList<Guid>> TenantIdsAsync(StaffGrantee grantee, CancellationToken cancellationToken = default) =>
        IdsAsync(StaffScopeSql.Tenants("visible"), grantee, cancellationToken);

    /// <summary>The tenants over which the grantee holds the permission as a whole, by name.</summary>
    public async Task<IReadOnlyList<ScopeTenant>> TenantsAsync(StaffGrantee grantee, CancellationToken cancellationToken = default)
    {
        var sql = $"""
            with recursive {StaffScopeSql.Tenants("managed")}
            select t.id, t.name from tenants t where t.id in (select id from managed) order by t.name
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<ScopeTenant>(new CommandDefinition(sql, StaffScopeSql.Parameters(grantee), cancellationToken: cancellationToken))).ToList();
    }

    private async Task<bool> ReachesAsync(string visible, StaffGrantee grantee, Guid target, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            $"with recursive {visible} select exists (select 1 from visible where id = @target)",
            StaffScopeSql.Parameters(grantee, new { target }), cancellationToken: cancellationToken));
    }

    private async Task<IReadOnlyList<Guid>> IdsAsync(string visible, StaffGrantee grantee, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<Guid>(new CommandDefinition(
            $"with recursive {visible} select id from visible", StaffScopeSql.Parameters(grantee), cancellationToken: cancellationToken))).ToList();
    }
}
