using Dapper;

namespace Booking.Data.Staff;

/// <summary>A staff member as a scope query sees them: who, and which of the roles they may hold grant the permission
/// asked about. Which roles grant what is the staff layer's permission table; the data layer only reads roles.</summary>
public sealed record StaffGrantee(Guid UserId, IReadOnlyList<string> Roles);

/// <summary>
/// Where a staff member holds a permission, written once in SQL: a role held over a tenant reaches that tenant, every
/// tenant below it and all their clinics; a clinic-limited role reaches its clinics only, and only those of its
/// tenant's tree. Nothing reaches anything while the account is suspended or must change its password. Every check
/// and every list query that filters by scope embeds these common table expressions, so a page cannot list what it
/// would refuse to open.
/// </summary>
public static class StaffScopeSql
{
    /// <summary>CTE definitions, to follow <c>with recursive</c>, ending in <c>{name} (id)</c>: the clinics where the
    /// grantee (<see cref="Parameters"/>) holds the permission.</summary>
    public static string Locations(string name) => $"""
        {name}_grants as ({Grants}),
        {name}_tenants (grant_id, id) as (
            select id, tenant_id from {name}_grants
            union
            select g.grant_id, t.id from tenants t join {name}_tenants g on t.parent_id = g.id),
        {name} (id) as (
            select distinct l.id from locations l
            join {name}_tenants gt on gt.id = l.tenant_id
            join {name}_grants g on g.id = gt.grant_id
            where g.location_ids is null or l.id = any(g.location_ids))
        """;

    /// <summary>CTE definitions, to follow <c>with recursive</c>, ending in <c>{name} (id)</c>: the tenants over which
    /// the grantee holds the permission as a whole (a clinic-limited role holds no tenant).</summary>
    public static string Tenants(string name) => $"""
        {name}_grants as ({Grants}),
        {name} (id) as (
            select tenant_id from {name}_grants where location_ids is null
            union
            select t.id from tenants t join {name} v on t.parent_id = v.id)
        """;

    private const string Grants = """
        select r.id, r.tenant_id, r.location_ids
        from staff_role_assignments r join staff_users u on u.id = r.user_id
        where r.user_id = @staff_user and r.role = any(@staff_roles)
          and u.suspended_at is null and not u.must_change_password
        """;

    /// <summary>The parameters the fragments read (the person, the roles that grant the permission), with the
    /// query's own.</summary>
    public static DynamicParameters Parameters(StaffGrantee grantee, object? query = null)
    {
        var parameters = new DynamicParameters(query);
        parameters.Add("staff_user", grantee.UserId);
        parameters.Add("staff_roles", grantee.Roles.ToArray());
        return parameters;
    }
}
