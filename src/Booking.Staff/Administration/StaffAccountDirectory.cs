using Booking.Data.Notifications;
using Booking.Data.Staff;
using Booking.Staff.Access;

namespace Booking.Staff.Administration;

/// <summary>A role as an account's page shows it: over which tenant, at which clinics, by name.</summary>
public sealed record HeldRole(Guid Id, StaffRole Role, Guid TenantId, string TenantName, IReadOnlyList<Guid> ClinicIds, IReadOnlyList<string> ClinicNames);

/// <summary>A staff account as its administrators see it.</summary>
public sealed record StaffAccountView(Guid Id, string Email, string DisplayName, string Language, Guid TenantId, string TenantName,
    bool Suspended, bool MustChangePassword, bool Enrolled, IReadOnlyList<HeldRole> Roles);

/// <summary>The staff accounts an administrator may see: those of the tenants over which they hold
/// <see cref="StaffPermission.ManageStaff"/> (<see cref="StaffScopeSql"/>), with their roles and history.</summary>
public sealed class StaffAccountDirectory(StaffAccountRepository accounts)
{
    public async Task<IReadOnlyList<StaffAccountView>> ListAsync(Guid administratorId, CancellationToken cancellationToken = default) =>
        await WithRolesAsync(await accounts.ListAsync(Administrator(administratorId), cancellationToken), cancellationToken);

    /// <returns>Null when there is no such account or it is not one this administrator may see.</returns>
    public async Task<StaffAccountView?> FindAsync(Guid administratorId, Guid accountId, CancellationToken cancellationToken = default) =>
        await accounts.FindAsync(Administrator(administratorId), accountId, cancellationToken) is { } account
            ? (await WithRolesAsync([account], cancellationToken)).Single()
            : null;

    /// <summary>The person's own account, as their account page shows it.</summary>
    public async Task<StaffAccountView?> OwnAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await accounts.OwnAsync(userId, cancellationToken) is { } account ? (await WithRolesAsync([account], cancellationToken)).Single() : null;

    /// <summary>The account's latest changes, newest first (for a page that has found it with <see cref="FindAsync"/>).</summary>
    public async Task<IReadOnlyList<StaffAuditEntry>> HistoryAsync(Guid accountId, int limit, CancellationToken cancellationToken = default) =>
        (await accounts.HistoryAsync(accountId, limit, cancellationToken))
            .Select(r => new StaffAuditEntry(r.OccurredAt, r.ActorName, DatabaseNames.Parse<StaffAccountEvent>(r.Action), r.Detail)).ToList();

    public Task<StaffScopeChoices> ChoicesAsync(Guid administratorId, CancellationToken cancellationToken = default) =>
        accounts.ChoicesAsync(Administrator(administratorId), cancellationToken);

    private static StaffGrantee Administrator(Guid administratorId) => StaffAccess.Grantee(administratorId, StaffPermission.ManageStaff);

    private async Task<IReadOnlyList<StaffAccountView>> WithRolesAsync(IReadOnlyList<StaffAccountRow> rows, CancellationToken cancellationToken)
    {
        var roles = (await accounts.RolesAsync(rows.Select(a => a.Id).ToArray(), cancellationToken)).ToLookup(r => r.UserId, r =>
            new HeldRole(r.Id, StaffRoleCodes.Parse(r.Role), r.TenantId, r.TenantName, r.ClinicIds, r.ClinicNames));
        return rows.Select(a => new StaffAccountView(a.Id, a.Email, a.DisplayName, a.Language, a.TenantId, a.TenantName, a.Suspended,
            a.MustChangePassword, a.Enrolled, roles[a.Id].ToList())).ToList();
    }
}
