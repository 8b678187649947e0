using Booking.Data.Notifications;
using Dapper;
using Npgsql;

namespace Booking.Data.Staff;

/// <summary>What a role granted or removed reads and writes, within the change's transaction.</summary>
public static class StaffRoleWrites
{
    /// <summary>Asks for the role (by code) over the tenant, at the clinics when it is limited to clinics (none: the
    /// whole tenant, stored as null as the table's check requires). Nothing is asked when the role is held so already;
    /// asking again for an open request replaces its clinics.</summary>
    /// <returns>Whether anything changed.</returns>
    public static async Task<bool> RequestAsync(NpgsqlTransaction transaction, Guid accountId, string role, Guid tenantId, Guid[] clinics, Guid actorId,
        DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        const string sql = """
            insert into staff_role_requests as q (id, user_id, role, tenant_id, location_ids, requested_by, requested_at)
            select @id, @accountId, @role, @tenantId, @clinics::uuid[], @actorId, @now
            where not exists (select 1 from staff_role_assignments r where r.user_id = @accountId and r.role = @role
                              and r.tenant_id = @tenantId and r.location_ids is not distinct from @clinics::uuid[])
            on conflict (user_id, role, tenant_id) do update
                set location_ids = excluded.location_ids, requested_by = excluded.requested_by, requested_at = excluded.requested_at
                where q.location_ids is distinct from excluded.location_ids
            returning id
            """;
        var parameters = new { id = Guid.CreateVersion7(), accountId, role, tenantId, clinics = ClinicsOrNull(clinics), actorId, now };
        return await transaction.Connection!.ExecuteScalarAsync<Guid?>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken))
            is not null;
    }

    /// <summary>Grants the requested role as it was asked, approved by <paramref name="actorId"/> and due for review at
    /// <paramref name="reviewDue"/>; a role held so already takes the request's clinics and a fresh review.</summary>
    public static async Task ApproveAsync(NpgsqlTransaction transaction, RoleDecisionRow request, Guid actorId, DateTimeOffset now, DateTimeOffset reviewDue,
        CancellationToken cancellationToken = default)
    {
        const string sql = """
            insert into staff_role_assignments as r (id, user_id, role, tenant_id, location_ids, granted_by, granted_at, requested_by, requested_at, review_due)
            values (@id, @accountId, @role, @tenantId, @clinics, @actorId, @now, @requestedBy, @requestedAt, @reviewDue)
            on conflict (user_id, role, tenant_id) do update
                set location_ids = excluded.location_ids, granted_by = excluded.granted_by, granted_at = excluded.granted_at,
                    requested_by = excluded.requested_by, requested_at = excluded.requested_at, review_due = excluded.review_due,
                    reviewed_by = null, reviewed_at = null
            """;
        var parameters = new
        {
            id = Guid.CreateVersion7(), accountId = request.AccountId, role = request.Role, tenantId = request.TenantId,
            clinics = ClinicsOrNull(request.ClinicIds), actorId, now, requestedBy = request.RequestedBy, requestedAt = request.RequestedAt, reviewDue,
        };
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Removes the open request, as it was read: false when another decision took it first, or it was asked
    /// again since (other clinics, another requester), which must be decided anew.</summary>
    public static async Task<bool> TakeRequestAsync(NpgsqlTransaction transaction, Guid requestId, DateTimeOffset requestedAt,
        CancellationToken cancellationToken = default) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("delete from staff_role_requests where id = @requestId and requested_at = @requestedAt",
            new { requestId, requestedAt }, transaction, cancellationToken: cancellationToken)) == 1;

    /// <summary>Keeps a role held until <paramref name="reviewDue"/>, reviewed by <paramref name="actorId"/>.</summary>
    /// <returns>Whether the role is still held.</returns>
    public static async Task<bool> ConfirmAsync(NpgsqlTransaction transaction, Guid assignmentId, Guid actorId, DateTimeOffset now, DateTimeOffset reviewDue,
        CancellationToken cancellationToken = default) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "update staff_role_assignments set review_due = @reviewDue, reviewed_by = @actorId, reviewed_at = @now where id = @assignmentId",
            new { assignmentId, actorId, now, reviewDue }, transaction, cancellationToken: cancellationToken)) > 0;

    /// <returns>Whether the account held that role.</returns>
    public static async Task<bool> RemoveAsync(NpgsqlTransaction transaction, Guid accountId, Guid assignmentId, CancellationToken cancellationToken = default) =>
        await transaction.Connection!.ExecuteAsync(new CommandDefinition("delete from staff_role_assignments where id = @assignmentId and user_id = @accountId",
            new { assignmentId, accountId }, transaction, cancellationToken: cancellationToken)) > 0;

    /// <summary>Whether the role's tenant is the account's or one below it, and how many of the clinics belong to the
    /// role's tenant or one below it.</summary>
    public static async Task<(bool WithinAccount, long ClinicsInScope)> PlacementAsync(NpgsqlTransaction transaction, Guid accountTenant, Guid roleTenant,
        Guid[] clinics, CancellationToken cancellationToken = default)
    {
        const string sql = """
            with recursive account_tree (id) as (
                select @accountTenant::uuid
                union
                select t.id from tenants t join account_tree a on t.parent_id = a.id),
            role_tree (id) as (
                select @roleTenant::uuid
                union
                select t.id from tenants t join role_tree r on t.parent_id = r.id)
            select @roleTenant in (select id from account_tree) as within_account,
                   (select count(*) from locations where id = any(@clinics) and tenant_id in (select id from role_tree)) as clinics_in_scope
            """;
        return await transaction.Connection!.QuerySingleAsync<(bool, long)>(new CommandDefinition(sql, new { accountTenant, roleTenant, clinics }, transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>The role (by code) with its tenant's and clinics' names, as the audit row and the e-mail name them.</summary>
    public static async Task<StaffRoleChange> DescribeAsync(NpgsqlTransaction transaction, string role, Guid tenantId, Guid[] clinics,
        CancellationToken cancellationToken = default)
    {
        const string sql = "select (select name from tenants where id = @tenantId), array(select name from locations where id = any(@clinics) order by name)";
        var (tenant, clinicNames) = await transaction.Connection!.QuerySingleAsync<(string, string[])>(new CommandDefinition(sql, new { tenantId, clinics },
            transaction, cancellationToken: cancellationToken));
        return new StaffRoleChange(role, tenant, clinicNames);
    }

    /// <summary>A role over a whole tenant names no clinic: null, as the tables' checks require.</summary>
    private static Guid[]? ClinicsOrNull(Guid[] clinics) => clinics.Length > 0 ? clinics : null;
}
