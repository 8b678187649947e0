using Dapper;
using Npgsql;

namespace Booking.Data.Staff;

/// <summary>A staff account's row, with its tenant's name.</summary>
public sealed record StaffAccountRow
{
    public Guid Id { get; init; }
    public string Email { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string Language { get; init; } = "";
    public Guid TenantId { get; init; }
    public string TenantName { get; init; } = "";
    public bool Suspended { get; init; }
    public bool MustChangePassword { get; init; }
    public bool Enrolled { get; init; }
}

/// <summary>A role an account holds (<c>staff_role_assignments</c>, its role by code), with the names of its tenant and clinics.</summary>
public sealed record StaffRoleRow
{
    public Guid UserId { get; init; }
    public Guid Id { get; init; }
    public string Role { get; init; } = "";
    public Guid TenantId { get; init; }
    public string TenantName { get; init; } = "";
    public Guid[] ClinicIds { get; init; } = [];
    public string[] ClinicNames { get; init; } = [];
}

/// <summary>One line of an account's history (<c>staff_account_audit</c>, its action by code).</summary>
public sealed record StaffAuditRow
{
    public DateTimeOffset OccurredAt { get; init; }
    public string ActorName { get; init; } = "";
    public string Action { get; init; } = "";
    public string Detail { get; init; } = "";
}

/// <summary>A clinic where an administrator may place a role.</summary>
public sealed record ScopeClinic
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public Guid TenantId { get; init; }
}

/// <summary>Where an administrator may place accounts and roles: the tenants they manage, and those tenants' clinics.</summary>
public sealed record StaffScopeChoices(IReadOnlyList<ScopeTenant> Tenants, IReadOnlyList<ScopeClinic> Clinics);

/// <summary>Staff accounts as their administrators read them: only those of the tenants the grantee reaches
/// (<see cref="StaffScopeSql"/>), with their roles and history.</summary>
public sealed class StaffAccountRepository(NpgsqlDataSource dataSource)
{
    private const string Accounts = """
        select u.id, u.email, u.display_name, u.language, u.tenant_id, t.name as tenant_name, u.suspended_at is not null as suspended,
               u.must_change_password, u.two_factor_enabled as enrolled
        from staff_users u join tenants t on t.id = u.tenant_id
        """;

    public Task<IReadOnlyList<StaffAccountRow>> ListAsync(StaffGrantee administrator, CancellationToken cancellationToken = default) =>
        QueryAsync($"""
            with recursive {StaffScopeSql.Tenants("managed")}
            {Accounts}
            where u.tenant_id in (select id from managed)
            order by t.name, u.display_name, u.email
            """, StaffScopeSql.Parameters(administrator), cancellationToken);

    /// <returns>Null when there is no such account or it is not of a tenant the administrator reaches.</returns>
    public async Task<StaffAccountRow?> FindAsync(StaffGrantee administrator, Guid accountId, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"""
            with recursive {StaffScopeSql.Tenants("managed")}
            {Accounts}
            where u.id = @accountId and u.tenant_id in (select id from managed)
            """, StaffScopeSql.Parameters(administrator, new { accountId }), cancellationToken)).SingleOrDefault();

    /// <summary>The person's own account.</summary>
    public async Task<StaffAccountRow?> OwnAsync(Guid userId, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"{Accounts} where u.id = @userId", new DynamicParameters(new { userId }), cancellationToken)).SingleOrDefault();

    /// <summary>The roles of the accounts, oldest grant first.</summary>
    public async Task<IReadOnlyList<StaffRoleRow>> RolesAsync(IReadOnlyCollection<Guid> accountIds, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select r.user_id, r.id, r.role, r.tenant_id, t.name as tenant_name, coalesce(r.location_ids, '{}') as clinic_ids,
                   coalesce((select array_agg(l.name order by l.name) from locations l where l.id = any(r.location_ids)), '{}') as clinic_names
            from staff_role_assignments r join tenants t on t.id = r.tenant_id
            where r.user_id = any(@accounts)
            order by r.granted_at, r.id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<StaffRoleRow>(new CommandDefinition(sql, new { accounts = accountIds.ToArray() }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>The account's latest changes, newest first.</summary>
    public async Task<IReadOnlyList<StaffAuditRow>> HistoryAsync(Guid accountId, int limit, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select a.occurred_at, u.display_name as actor_name, a.action, a.detail
            from staff_account_audit a join staff_users u on u.id = a.actor_id
            where a.target_user_id = @accountId
            order by a.id desc
            limit @limit
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<StaffAuditRow>(new CommandDefinition(sql, new { accountId, limit }, cancellationToken: cancellationToken))).ToList();
    }

    public async Task<StaffScopeChoices> ChoicesAsync(StaffGrantee administrator, CancellationToken cancellationToken = default)
    {
        var sql = $"""
            with recursive {StaffScopeSql.Tenants("managed")}
            select t.id, t.name from tenants t where t.id in (select id from managed) order by t.name;
            with recursive {StaffScopeSql.Tenants("managed")}
            select l.id, l.name, l.tenant_id from locations l where l.tenant_id in (select id from managed) order by l.name;
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(sql, StaffScopeSql.Parameters(administrator), cancellationToken: cancellationToken));
        var tenants = (await results.ReadAsync<ScopeTenant>()).ToList();
        var clinics = (await results.ReadAsync<ScopeClinic>()).ToList();
        return new StaffScopeChoices(tenants, clinics);
    }

    private async Task<IReadOnlyList<StaffAccountRow>> QueryAsync(string sql, DynamicParameters parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QueryAsync<StaffAccountRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).ToList();
    }
}
