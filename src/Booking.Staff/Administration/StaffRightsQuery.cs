using Booking.Staff.Access;
using Npgsql;

namespace Booking.Staff.Administration;

/// <summary>A role held, as the rights report and the review list show it: whose, what, asked by whom and when,
/// approved by whom (none named for a role that predates approvals or comes from the demo seed) and when, when it is
/// due for review and when it was last confirmed.</summary>
public sealed record GrantedRight(Guid Id, Guid AccountId, string AccountTenant, string AccountName, string AccountEmail, StaffRole Role,
    string RoleTenant, IReadOnlyList<string> Clinics, string? RequestedBy, DateTimeOffset? RequestedAt, string? ApprovedBy, DateTimeOffset ApprovedAt,
    DateTimeOffset ReviewDue, string? ReviewedBy, DateTimeOffset? ReviewedAt);

/// <summary>A role asked for and not yet approved or rejected.</summary>
public sealed record RoleRequest(Guid Id, Guid AccountId, string AccountName, string AccountEmail, StaffRole Role, string RoleTenant,
    IReadOnlyList<string> Clinics, Guid RequestedById, string RequestedBy, DateTimeOffset RequestedAt);

/// <summary>Rights over the accounts of the tenants where an administrator holds <see cref="StaffPermission.ManageStaff"/>
/// (<see cref="StaffScopeSql"/>): the requests awaiting approval, the roles due for review, and the report of every
/// role held.</summary>
public sealed class StaffRightsQuery(NpgsqlDataSource dataSource)
{
    /// <summary>How far ahead a review shows on the list: a month's notice.</summary>
    public static readonly TimeSpan ReviewNotice = TimeSpan.FromDays(30);

    private static readonly string Rights = $$"""
        with recursive {{StaffScopeSql.Tenants("managed")}}
        select r.id, u.id, at.name, u.display_name, u.email, r.role, rt.name,
               coalesce((select array_agg(l.name order by l.name) from locations l where l.id = any(r.location_ids)), '{}'),
               rq.display_name, r.requested_at, ap.display_name, r.granted_at, r.review_due, rv.display_name, r.reviewed_at
        from staff_role_assignments r
        join staff_users u on u.id = r.user_id
        join tenants at on at.id = u.tenant_id
        join tenants rt on rt.id = r.tenant_id
        left join staff_users rq on rq.id = r.requested_by
        left join staff_users ap on ap.id = r.granted_by
        left join staff_users rv on rv.id = r.reviewed_by
        where u.tenant_id in (select id from managed)
        """;

    /// <summary>Every role held over the administrator's staff, by the account's tenant, then person.</summary>
    public Task<IReadOnlyList<GrantedRight>> ReportAsync(Guid administratorId, CancellationToken cancellationToken = default) =>
        RightsAsync($"{Rights} order by at.name, u.display_name, u.email, r.role", administratorId, null, cancellationToken);

    /// <summary>The roles due for review by <paramref name="until"/>, soonest first.</summary>
    public Task<IReadOnlyList<GrantedRight>> DueAsync(Guid administratorId, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        RightsAsync($"{Rights} and r.review_due <= @until order by r.review_due, u.display_name", administratorId, until, cancellationToken);

    public async Task<IReadOnlyList<RoleRequest>> PendingAsync(Guid administratorId, CancellationToken cancellationToken = default)
    {
        var sql = $$"""
            with recursive {{StaffScopeSql.Tenants("managed")}}
            select q.id, u.id, u.display_name, u.email, q.role, rt.name,
                   coalesce((select array_agg(l.name order by l.name) from locations l where l.id = any(q.location_ids)), '{}'),
                   rq.id, rq.display_name, q.requested_at
            from staff_role_requests q
            join staff_users u on u.id = q.user_id
            join tenants rt on rt.id = q.tenant_id
            join staff_users rq on rq.id = q.requested_by
            where u.tenant_id in (select id from managed)
            order by q.requested_at, q.id
            """;
        await using var command = dataSource.CreateCommand(sql);
        StaffScopeSql.AddParameters(command.Parameters, administratorId, StaffPermission.ManageStaff);
        var requests = new List<RoleRequest>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            requests.Add(new RoleRequest(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), StaffRoleCodes.Parse(reader.GetString(4)),
                reader.GetString(5), reader.GetFieldValue<string[]>(6), reader.GetGuid(7), reader.GetString(8), reader.GetFieldValue<DateTimeOffset>(9)));
        return requests;
    }

    private async Task<IReadOnlyList<GrantedRight>> RightsAsync(string sql, Guid administratorId, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        StaffScopeSql.AddParameters(command.Parameters, administratorId, StaffPermission.ManageStaff);
        if (until is { } limit)
            command.Parameters.AddWithValue("until", limit);
        var rights = new List<GrantedRight>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rights.Add(new GrantedRight(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                StaffRoleCodes.Parse(reader.GetString(5)), reader.GetString(6), reader.GetFieldValue<string[]>(7),
                reader.IsDBNull(8) ? null : reader.GetString(8), reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
                reader.IsDBNull(10) ? null : reader.GetString(10), reader.GetFieldValue<DateTimeOffset>(11), reader.GetFieldValue<DateTimeOffset>(12),
                reader.IsDBNull(13) ? null : reader.GetString(13), reader.IsDBNull(14) ? null : reader.GetFieldValue<DateTimeOffset>(14)));
        return rights;
    }
}
