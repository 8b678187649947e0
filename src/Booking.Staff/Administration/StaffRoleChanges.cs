using Booking.Data.Notifications;
using Booking.Staff.Access;
using Booking.Staff.Bookings;
using Booking.Staff.Identity;
using Npgsql;
using NpgsqlTypes;

namespace Booking.Staff.Administration;

/// <summary>An administrator asks for a role for an account, or removes one: never beyond what they may grant
/// themselves, only over the account's tenant or one below it, and for a clinic-limited role only at clinics of the
/// role's tenant. A request grants nothing until another person approves it (<see cref="StaffRoleApprovals"/>); a
/// removal takes effect at once. Each change is one transaction with its audit row and the e-mail that tells the person.</summary>
public sealed class StaffRoleChanges(StaffIdentityContext context, StaffAccountGuard guard, TimeProvider clock)
{
    public async Task<StaffChangeOutcome> RequestAsync(StaffActor actor, Guid accountId, StaffRole role, Guid tenantId, IReadOnlyCollection<Guid> clinicIds,
        CancellationToken cancellationToken = default)
    {
        var (allowed, account) = await guard.CheckAsync(actor, accountId, cancellationToken);
        if (allowed != StaffChangeOutcome.Done)
            return allowed;
        if (!await guard.MayGrantAsync(actor, role, tenantId, cancellationToken))
            return StaffChangeOutcome.BeyondScope;
        var clinics = clinicIds.Distinct().ToArray();
        if (StaffRolePermissions.IsLimitedToClinics(role) != clinics.Length > 0)
            return StaffChangeOutcome.WrongClinics;

        await using var change = await StaffChange.BeginAsync(context, actor, cancellationToken);
        var (withinAccount, clinicsInScope) = await PlacementAsync(change, account!.TenantId, tenantId, clinics, cancellationToken);
        if (!withinAccount)
            return StaffChangeOutcome.TenantOutsideAccount;
        if (clinicsInScope != clinics.Length)
            return StaffChangeOutcome.WrongClinics;

        // Nothing to ask when the role is held so already; asking again for an open request replaces its clinics.
        const string request = """
            insert into staff_role_requests as q (id, user_id, role, tenant_id, location_ids, requested_by, requested_at)
            select @id, @account, @role, @tenant, @clinics, @actor, @now
            where not exists (select 1 from staff_role_assignments r where r.user_id = @account and r.role = @role
                              and r.tenant_id = @tenant and r.location_ids is not distinct from @clinics)
            on conflict (user_id, role, tenant_id) do update
                set location_ids = excluded.location_ids, requested_by = excluded.requested_by, requested_at = excluded.requested_at
                where q.location_ids is distinct from excluded.location_ids
            returning id
            """;
        await using (var command = change.Command(request))
        {
            command.Parameters.AddWithValue("id", Guid.CreateVersion7());
            command.Parameters.AddWithValue("account", accountId);
            command.Parameters.AddWithValue("role", role.Code());
            command.Parameters.AddWithValue("tenant", tenantId);
            // A role over a whole tenant names no clinic (null), as the table's check requires.
            command.Parameters.Add(new NpgsqlParameter("clinics", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = clinics.Length > 0 ? clinics : DBNull.Value });
            command.Parameters.AddWithValue("actor", actor.UserId);
            command.Parameters.AddWithValue("now", clock.GetUtcNow());
            if (await command.ExecuteScalarAsync(cancellationToken) is null)
                return StaffChangeOutcome.Unchanged;
        }
        var detail = await DescribeAsync(change, role, tenantId, clinics, cancellationToken);
        await change.RecordAsync(StaffAccountEvent.RoleRequested, accountId, account.TenantId, detail.ToDetail(), cancellationToken);
        await change.CommitAsync(cancellationToken);
        return StaffChangeOutcome.Requested;
    }

    public async Task<StaffChangeOutcome> RemoveAsync(StaffActor actor, Guid accountId, Guid assignmentId, CancellationToken cancellationToken = default)
    {
        var (allowed, account) = await guard.CheckAsync(actor, accountId, cancellationToken);
        if (allowed != StaffChangeOutcome.Done)
            return allowed;
        if (account!.Roles.SingleOrDefault(r => r.Id == assignmentId) is not { } held)
            return StaffChangeOutcome.NotFound;
        await using var change = await StaffChange.BeginAsync(context, actor, cancellationToken);
        await using (var command = change.Command("delete from staff_role_assignments where id = @id and user_id = @account"))
        {
            command.Parameters.AddWithValue("id", assignmentId);
            command.Parameters.AddWithValue("account", accountId);
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
                return StaffChangeOutcome.Unchanged;
        }
        var detail = new StaffRoleChange(held.Role.Code(), held.TenantName, held.ClinicNames);
        await change.RecordAsync(StaffAccountEvent.RoleRemoved, accountId, account.TenantId, detail.ToDetail(), cancellationToken);
        await change.CommitAsync(cancellationToken);
        return StaffChangeOutcome.Done;
    }

    /// <summary>Whether the role's tenant is the account's or one below it, and how many of the clinics belong to the
    /// role's tenant or one below it.</summary>
    private static async Task<(bool WithinAccount, long ClinicsInScope)> PlacementAsync(StaffChange change, Guid accountTenant, Guid roleTenant, Guid[] clinics,
        CancellationToken cancellationToken)
    {
        const string sql = """
            with recursive account_tree (id) as (
                select @account_tenant::uuid
                union
                select t.id from tenants t join account_tree a on t.parent_id = a.id),
            role_tree (id) as (
                select @role_tenant::uuid
                union
                select t.id from tenants t join role_tree r on t.parent_id = r.id)
            select @role_tenant in (select id from account_tree),
                   (select count(*) from locations where id = any(@clinics) and tenant_id in (select id from role_tree))
            """;
        await using var command = change.Command(sql);
        command.Parameters.AddWithValue("account_tenant", accountTenant);
        command.Parameters.AddWithValue("role_tenant", roleTenant);
        command.Parameters.AddWithValue("clinics", clinics);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetBoolean(0), reader.GetInt64(1));
    }

    internal static async Task<StaffRoleChange> DescribeAsync(StaffChange change, StaffRole role, Guid tenantId, Guid[] clinics, CancellationToken cancellationToken)
    {
        const string sql = "select (select name from tenants where id = @tenant), array(select name from locations where id = any(@clinics) order by name)";
        await using var command = change.Command(sql);
        command.Parameters.AddWithValue("tenant", tenantId);
        command.Parameters.AddWithValue("clinics", clinics);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new StaffRoleChange(role.Code(), reader.GetString(0), reader.GetFieldValue<string[]>(1));
    }
}
