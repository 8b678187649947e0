using Booking.Data.Notifications;
using Booking.Staff.Access;
using Npgsql;

namespace Booking.Staff.Administration;

/// <summary>A role as an account's page shows it: over which tenant, at which clinics, by name.</summary>
public sealed record HeldRole(Guid Id, StaffRole Role, Guid TenantId, string TenantName, IReadOnlyList<Guid> ClinicIds, IReadOnlyList<string> ClinicNames);

/// <summary>A staff account as its administrators see it.</summary>
public sealed record StaffAccountView(Guid Id, string Email, string DisplayName, string Language, Guid TenantId, string TenantName,
    bool Suspended, bool MustChangePassword, bool Enrolled, IReadOnlyList<HeldRole> Roles);

public sealed record ScopeTenant(Guid Id, string Name);

public sealed record ScopeClinic(Guid Id, string Name, Guid TenantId);

/// <summary>Where an administrator may place accounts and roles: the tenants they manage, and those tenants' clinics.</summary>
public sealed record StaffScopeChoices(IReadOnlyList<ScopeTenant> Tenants, IReadOnlyList<ScopeClinic> Clinics);

/// <summary>The staff accounts an administrator may see: those of the tenants over which they hold
/// <see cref="StaffPermission.ManageStaff"/> (<see cref="StaffScopeSql"/>), with their roles and history.</summary>
public sealed class StaffAccountDirectory(NpgsqlDataSource dataSource)
{
    private const string Accounts = """
        select u.id, u.email, u.display_name, u.language, u.tenant_id, t.name, u.suspended_at is not null, u.must_change_password,
               u.two_factor_enabled
        from staff_users u join tenants t on t.id = u.tenant_id
        """;

    public Task<IReadOnlyList<StaffAccountView>> ListAsync(Guid administratorId, CancellationToken cancellationToken = default) =>
        QueryAsync($"""
            with recursive {StaffScopeSql.Tenants("managed")}
            {Accounts}
            where u.tenant_id in (select id from managed)
            order by t.name, u.display_name, u.email
            """, administratorId, null, cancellationToken);

    /// <returns>Null when there is no such account or it is not one this administrator may see.</returns>
    public async Task<StaffAccountView?> FindAsync(Guid administratorId, Guid accountId, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"""
            with recursive {StaffScopeSql.Tenants("managed")}
            {Accounts}
            where u.id = @account and u.tenant_id in (select id from managed)
            """, administratorId, accountId, cancellationToken)).SingleOrDefault();

    /// <summary>The person's own account, as their account page shows it.</summary>
    public async Task<StaffAccountView?> OwnAsync(Guid userId, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"{Accounts} where u.id = @account", userId, userId, cancellationToken)).SingleOrDefault();

    /// <summary>The account's latest changes, newest first (for a page that has found it with <see cref="FindAsync"/>).</summary>
    public async Task<IReadOnlyList<StaffAuditEntry>> HistoryAsync(Guid accountId, int limit, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select a.occurred_at, u.display_name, a.action, a.detail
            from staff_account_audit a join staff_users u on u.id = a.actor_id
            where a.target_user_id = @account
            order by a.id desc
            limit @limit
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("account", accountId);
        command.Parameters.AddWithValue("limit", limit);
        var entries = new List<StaffAuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            entries.Add(new StaffAuditEntry(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), DatabaseNames.Parse<StaffAccountEvent>(reader.GetString(2)),
                reader.GetString(3)));
        return entries;
    }

    public async Task<StaffScopeChoices> ChoicesAsync(Guid administratorId, CancellationToken cancellationToken = default)
    {
        var sql = $"""
            with recursive {StaffScopeSql.Tenants("managed")}
            select 't', t.id, t.name, null::uuid from tenants t where t.id in (select id from managed)
            union all
            select 'l', l.id, l.name, l.tenant_id from locations l where l.tenant_id in (select id from managed)
            order by 1 desc, 3
            """;
        await using var command = dataSource.CreateCommand(sql);
        StaffScopeSql.AddParameters(command.Parameters, administratorId, StaffPermission.ManageStaff);
        var tenants = new List<ScopeTenant>();
        var clinics = new List<ScopeClinic>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetString(0) == "t")
                tenants.Add(new ScopeTenant(reader.GetGuid(1), reader.GetString(2)));
            else
                clinics.Add(new ScopeClinic(reader.GetGuid(1), reader.GetString(2), reader.GetGuid(3)));
        }
        return new StaffScopeChoices(tenants, clinics);
    }

    private async Task<IReadOnlyList<StaffAccountView>> QueryAsync(string sql, Guid administratorId, Guid? accountId, CancellationToken cancellationToken)
    {
        var accounts = new List<StaffAccountView>();
        await using (var command = dataSource.CreateCommand(sql))
        {
            StaffScopeSql.AddParameters(command.Parameters, administratorId, StaffPermission.ManageStaff);
            if (accountId is { } id)
                command.Parameters.AddWithValue("account", id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                accounts.Add(new StaffAccountView(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetGuid(4),
                    reader.GetString(5), reader.GetBoolean(6), reader.GetBoolean(7), reader.GetBoolean(8), []));
        }
        var roles = await RolesAsync(accounts.Select(a => a.Id).ToArray(), cancellationToken);
        return accounts.Select(a => a with { Roles = roles[a.Id].ToList() }).ToList();
    }

    private async Task<ILookup<Guid, HeldRole>> RolesAsync(Guid[] accountIds, CancellationToken cancellationToken)
    {
        const string sql = """
            select r.user_id, r.id, r.role, r.tenant_id, t.name, coalesce(r.location_ids, '{}'),
                   coalesce((select array_agg(l.name order by l.name) from locations l where l.id = any(r.location_ids)), '{}')
            from staff_role_assignments r join tenants t on t.id = r.tenant_id
            where r.user_id = any(@accounts)
            order by r.granted_at, r.id
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("accounts", accountIds);
        var roles = new List<(Guid, HeldRole)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            roles.Add((reader.GetGuid(0), new HeldRole(reader.GetGuid(1), StaffRoleCodes.Parse(reader.GetString(2)), reader.GetGuid(3), reader.GetString(4),
                reader.GetFieldValue<Guid[]>(5), reader.GetFieldValue<string[]>(6))));
        return roles.ToLookup(r => r.Item1, r => r.Item2);
    }
}
