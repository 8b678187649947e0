using Booking.Data.Notifications;
using Booking.Staff.Access;
using Booking.Staff.Bookings;
using Booking.Staff.Identity;
using Npgsql;

namespace Booking.Staff.Administration;

/// <summary>
/// The second pair of eyes on rights: a requested role is approved, or rejected, by a person who may grant it and
/// manage the account, and who is neither its requester nor its grantee; a role held is confirmed for another year at
/// its review (or removed, through <see cref="StaffRoleChanges.RemoveAsync"/>). Each is one transaction with its
/// audit row and the e-mail that tells the person.
/// </summary>
public sealed class StaffRoleApprovals(StaffIdentityContext context, NpgsqlDataSource dataSource, StaffAccountGuard guard, TimeProvider clock)
{
    /// <summary>How long an approval or a review holds before the role is due for review again.</summary>
    public static readonly TimeSpan ReviewPeriod = TimeSpan.FromDays(365);

    public async Task<StaffChangeOutcome> ApproveAsync(StaffActor actor, Guid requestId, CancellationToken cancellationToken = default)
    {
        var (outcome, request, change) = await BeginAsync(actor, requestId, cancellationToken);
        if (change is null)
            return outcome;
        await using var _ = change;
        if (request!.RequestedBy == actor.UserId)
            return StaffChangeOutcome.OwnRequest;
        if (!await TakeAsync(change, requestId, request!.RequestedAt, cancellationToken))
            return StaffChangeOutcome.Unchanged;
        const string approve = """
            insert into staff_role_assignments as r (id, user_id, role, tenant_id, location_ids, granted_by, granted_at, requested_by, requested_at, review_due)
            values (@id, @account, @role, @tenant, @clinics, @actor, @now, @requested_by, @requested_at, @due)
            on conflict (user_id, role, tenant_id) do update
                set location_ids = excluded.location_ids, granted_by = excluded.granted_by, granted_at = excluded.granted_at,
                    requested_by = excluded.requested_by, requested_at = excluded.requested_at, review_due = excluded.review_due,
                    reviewed_by = null, reviewed_at = null
            """;
        var now = clock.GetUtcNow();
        await using (var command = change.Command(approve))
        {
            command.Parameters.AddWithValue("id", Guid.CreateVersion7());
            command.Parameters.AddWithValue("account", request.AccountId);
            command.Parameters.AddWithValue("role", request.Role.Code());
            command.Parameters.AddWithValue("tenant", request.TenantId);
            command.Parameters.Add(new NpgsqlParameter("clinics", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Uuid)
            { Value = request.ClinicIds.Length > 0 ? request.ClinicIds : DBNull.Value });
            command.Parameters.AddWithValue("actor", actor.UserId);
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("requested_by", (object?)request.RequestedBy ?? DBNull.Value);
            command.Parameters.AddWithValue("requested_at", request.RequestedAt);
            command.Parameters.AddWithValue("due", now + ReviewPeriod);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return await RecordAsync(change, StaffAccountEvent.RoleGranted, request, cancellationToken);
    }

    /// <summary>Turns a request down; its requester may withdraw it so (the grantee may not).</summary>
    public async Task<StaffChangeOutcome> RejectAsync(StaffActor actor, Guid requestId, CancellationToken cancellationToken = default)
    {
        var (outcome, request, change) = await BeginAsync(actor, requestId, cancellationToken);
        if (change is null)
            return outcome;
        await using var _ = change;
        if (!await TakeAsync(change, requestId, request!.RequestedAt, cancellationToken))
            return StaffChangeOutcome.Unchanged;
        return await RecordAsync(change, StaffAccountEvent.RoleRejected, request!, cancellationToken);
    }

    /// <summary>Keeps a role held for another <see cref="ReviewPeriod"/>, by someone who could grant it, not its holder.</summary>
    public async Task<StaffChangeOutcome> ConfirmAsync(StaffActor actor, Guid assignmentId, CancellationToken cancellationToken = default)
    {
        if (await FindAsync("staff_role_assignments", assignmentId, cancellationToken) is not { } held)
            return StaffChangeOutcome.NotFound;
        var (allowed, _) = await guard.CheckAsync(actor, held.AccountId, cancellationToken);
        if (allowed != StaffChangeOutcome.Done)
            return allowed;
        await using var change = await StaffChange.BeginAsync(context, actor, cancellationToken);
        var now = clock.GetUtcNow();
        await using (var command = change.Command("""
            update staff_role_assignments set review_due = @due, reviewed_by = @actor, reviewed_at = @now where id = @id
            """))
        {
            command.Parameters.AddWithValue("id", assignmentId);
            command.Parameters.AddWithValue("due", now + ReviewPeriod);
            command.Parameters.AddWithValue("actor", actor.UserId);
            command.Parameters.AddWithValue("now", now);
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
                return StaffChangeOutcome.Unchanged;
        }
        return await RecordAsync(change, StaffAccountEvent.RoleReviewed, held, cancellationToken);
    }

    /// <summary>The request, checked: the account must be one the person may change (so never their own: the grantee
    /// decides nothing about their own rights) and the role one they may grant; else no transaction is begun.</summary>
    private async Task<(StaffChangeOutcome, RoleRow?, StaffChange?)> BeginAsync(StaffActor actor, Guid requestId, CancellationToken cancellationToken)
    {
        if (await FindAsync("staff_role_requests", requestId, cancellationToken) is not { } request)
            return (StaffChangeOutcome.NotFound, null, null);
        var (allowed, _) = await guard.CheckAsync(actor, request.AccountId, cancellationToken);
        if (allowed != StaffChangeOutcome.Done)
            return (allowed, null, null);
        if (!await guard.MayGrantAsync(actor, request.Role, request.TenantId, cancellationToken))
            return (StaffChangeOutcome.BeyondScope, null, null);
        return (StaffChangeOutcome.Done, request, await StaffChange.BeginAsync(context, actor, cancellationToken));
    }

    /// <summary>Removes the open request, as it was read, in the change's transaction: false when another decision
    /// took it first, or it was asked again since (other clinics, another requester), which must be decided anew.</summary>
    private static async Task<bool> TakeAsync(StaffChange change, Guid requestId, DateTimeOffset requestedAt, CancellationToken cancellationToken)
    {
        await using var command = change.Command("delete from staff_role_requests where id = @id and requested_at = @requested_at");
        command.Parameters.AddWithValue("id", requestId);
        command.Parameters.AddWithValue("requested_at", requestedAt);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<StaffChangeOutcome> RecordAsync(StaffChange change, StaffAccountEvent action, RoleRow role, CancellationToken cancellationToken)
    {
        var detail = await StaffRoleChanges.DescribeAsync(change, role.Role, role.TenantId, role.ClinicIds, cancellationToken);
        await change.RecordAsync(action, role.AccountId, role.AccountTenantId, detail.ToDetail(), cancellationToken);
        await change.CommitAsync(cancellationToken);
        return StaffChangeOutcome.Done;
    }

    private async Task<RoleRow?> FindAsync(string table, Guid id, CancellationToken cancellationToken)
    {
        var sql = $$"""
            select r.user_id, u.tenant_id, r.role, r.tenant_id, coalesce(r.location_ids, '{}'), r.requested_by,
                   {{(table == "staff_role_requests" ? "r.requested_at" : "coalesce(r.requested_at, r.granted_at)")}}
            from {{table}} r join staff_users u on u.id = r.user_id where r.id = @id
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
            return null;
        return new RoleRow(reader.GetGuid(0), reader.GetGuid(1), StaffRoleCodes.Parse(reader.GetString(2)), reader.GetGuid(3),
            reader.GetFieldValue<Guid[]>(4), reader.IsDBNull(5) ? null : reader.GetGuid(5), reader.GetFieldValue<DateTimeOffset>(6));
    }

    /// <summary>A requested or held role: whose, of which tenant, over what, asked by whom and when.</summary>
    private sealed record RoleRow(Guid AccountId, Guid AccountTenantId, StaffRole Role, Guid TenantId, Guid[] ClinicIds, Guid? RequestedBy,
        DateTimeOffset RequestedAt);
}
