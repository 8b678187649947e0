using Dapper;
using Npgsql;

namespace Booking.Data.Demo;

/// <summary>The demo staff's roles: granted once (a role held already is left as it is), and described as the run
/// command prints them.</summary>
public sealed class DemoStaffRoles(NpgsqlDataSource dataSource)
{
    /// <summary>Grants the role (by code) over the tenant, at the clinics when given.</summary>
    public async Task GrantAsync(Guid userId, string role, Guid tenantId, Guid[]? clinics)
    {
        // Roles held, approved by the seed (no approver named), so the demo accounts work at once; due for review in a year.
        const string sql = """
            insert into staff_role_assignments (id, user_id, role, tenant_id, location_ids, granted_at)
            values (@id, @userId, @role, @tenantId, @clinics, now())
            on conflict (user_id, role, tenant_id) do nothing
            """;
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(sql, new { id = Guid.CreateVersion7(), userId, role, tenantId, clinics });
    }

    /// <summary>Each account's roles (role, tenant, clinics), in the order of <paramref name="emails"/>.</summary>
    public async Task<IReadOnlyList<(string Email, string Roles)>> DescribeAsync(IReadOnlyCollection<string> emails)
    {
        const string sql = """
            select u.email, string_agg(replace(r.role, '_', ' ') || ', ' || t.name
                   || coalesce(' (' || (select string_agg(l.name, ', ' order by l.name) from locations l where l.id = any(r.location_ids)) || ')', ''),
                   '; ' order by r.role)
            from staff_users u join staff_role_assignments r on r.user_id = u.id join tenants t on t.id = r.tenant_id
            where u.email = any(@emails)
            group by u.email
            order by array_position(@emails, u.email::text)
            """;
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<(string, string)>(sql, new { emails = emails.ToArray() })).ToList();
    }
}
