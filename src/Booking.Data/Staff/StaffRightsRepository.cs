using Dapper;
using Npgsql;

namespace Booking.Data.Staff;

/// <summary>A role held, as the rights report and the review list show it, its role by code.</summary>
public sealed record GrantedRightRow
{
    public Guid Id { get; init; }
    public Guid AccountId { get; init; }
    public string AccountTenant { get; init; } = "";
    public string AccountName { get; init; } = "";
    public string AccountEmail { get; init; } = "";
    public string Role { get; init; } = "";
    public string RoleTenant { get; init; } = "";
    public string[] Clinics { get; init; } = [];
    public string? RequestedBy { get; init; }
    public DateTimeOffset? RequestedAt { get; init; }
    public string? ApprovedBy { get; init; }
    public DateTimeOffset ApprovedAt { get; init; }
    public DateTimeOffset ReviewDue { get; init; }
    public string? ReviewedBy { get; init; }
    public DateTimeOffset? ReviewedAt { get; init; }
}

/// <summary>A role asked for and not yet approved or rejected, its role by code.</summary>
public sealed record RoleRequestRow
{
    public Guid Id { get; init; }
    public Guid AccountId { get; init; }
    public string AccountName { get; init; } = "";
    public string AccountEmail { get; init; } = "";
    public string Role { get; init; } = "";
    public string RoleTenant { get; init; } = "";
    public string[] Clinics { get; init; } = [];
    public Guid RequestedById { get; init; }
    public string RequestedBy { get; init; } = "";
    public DateTimeOffset RequestedAt { get; init; }
}

/// <summary>Rights over staff accounts: the roles requested and held over the accounts of the tenants the grantee
/// manages (<see cref="StaffScopeSql"/>), and one request or role by its id.</summary>
public sealed class StaffRightsRepository(NpgsqlDataSource dataSource)
{
    private static readonly string Rights = $$"""
        with recursive {{StaffScopeSql.Tenants("managed")}}
        select r.id, u.id as account_id, at.name as account_tenant, u.display_name as account_name, u.email as account_email, r.role,
               rt.name as role_tenant,
               coalesce((select array_agg(l.name order by l.name) from locations l where l.id = any(r.location_ids)), '{}') as clinics,
               rq.display_name as requested_by, r.requested_at, ap.display_name as approved_by, r.granted_at as approved_at, r.review_due,
               rv.display_name as reviewed_by, r.reviewed_at
        from staff_role_assignments r
        join staff_users u on u.id = r.user_id
        join tenants at on at.id = u.tenant_id
        join tenants rt on rt.id = r.tenant_id
        left join staff_users rq on rq.id = r.requested_by
        left join staff_users ap on ap.id = r.granted_by
        left join staff_users rv on rv.id = r.reviewed_by
        where u.tenant_id in (select id from managed)
        """;

    /// <summary>Every role held over the grantee's staff, by the account's tenant, then person.</summary>
    public Task<IReadOnlyList<GrantedRightRow>> ReportAsync(StaffGrantee grantee, CancellationToken cancellationToken = default) =>
        RightsAsync($"{Rights} order by at.name, u.display_name, u.email, r.role", StaffScopeSql.Parameters(grantee), cancellationToken);

    /// <summary>The roles due for review by <paramref name="until"/>, soonest first.</summary>
    public Task<IReadOnlyList<GrantedRightRow>> DueAsync(StaffGrantee grantee, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        RightsAsync($"{Rights} and r.review_due <= @until order by r.review_due, u.display_name", StaffScopeSql.Parameters(grantee, new { until }),
            cancellationToken);

    /// <summary>The open requests over the grantee's staff, oldest first.</summary>
    public async Task<IReadOnlyList<RoleRequestRow>> PendingAsync(StaffGrantee grantee, CancellationToken cancellationToken = default)
    {
        var sql = $$"""
            with recursive {{StaffScopeSql.Tenants("managed")}}
            select q.id, u.id as account_id, u.display_name as account_name, u.email as account_email, q.role, rt.name as role_tenant,
                   coalesce((select array_agg(l.name order by l.name) from locations l where l.id = any(q.location_ids)), '{}') as clinics,
                   rq.id as requested_by_id, rq.display_name as requested_by, q.requested_at
            from staff_role_requests q
            join staff_users u on u.id = q.user_id
            join tenants rt on rt.id = q.tenant_id
            join staff_users rq on rq.id = q.requested_by
            where u.tenant_id in (select id from managed)
            order by q.requested_at, q.id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<RoleRequestRow>(new CommandDefinition(sql, StaffScopeSql.Parameters(grantee),
            cancellationToken: cancellationToken))).ToList();
    }

    public Task<RoleDecisionRow?> FindRequestAsync(Guid requestId, CancellationToken cancellationToken = default) =>
        FindAsync("staff_role_requests", "r.requested_at", requestId, cancellationToken);

    public Task<RoleDecisionRow?> FindAssignmentAsync(Guid assignmentId, CancellationToken cancellationToken = default) =>
        FindAsync("staff_role_assignments", "coalesce(r.requested_at, r.granted_at)", assignmentId, cancellationToken);

    private async Task<RoleDecisionRow?> FindAsync(string table, string requestedAt, Guid id, CancellationToken cancellationToken)
    {
        var sql = $$"""
            select r.user_id as account_id, u.tenant_id as account_tenant_id, r.role, r.tenant_id, coalesce(r.location_ids, '{}') as clinic_ids,
                   r.requested_by, {{requestedAt}} as requested_at
            from {{table}} r join staff_users u on u.id = r.user_id where r.id = @id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<RoleDecisionRow>(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken));
    }

    private async Task<IReadOnlyList<GrantedRightRow>> RightsAsync(string sql, DynamicParameters parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<GrantedRightRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).ToList();
    }
}
