using Booking.Data.Staff;
using Booking.Staff.Access;

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
/// (<see cref="StaffRightsRepository"/>): the requests awaiting approval, the roles due for review, and the report of
/// every role held.</summary>
public sealed class StaffRightsQuery(StaffRightsRepository rights)
{
    /// <summary>How far ahead a review shows on the list: a month's notice.</summary>
    public static readonly TimeSpan ReviewNotice = TimeSpan.FromDays(30);

    /// <summary>Every role held over the administrator's staff, by the account's tenant, then person.</summary>
    public async Task<IReadOnlyList<GrantedRight>> ReportAsync(Guid administratorId, CancellationToken cancellationToken = default) =>
        (await rights.ReportAsync(Administrator(administratorId), cancellationToken)).Select(Right).ToList();

    /// <summary>The roles due for review by <paramref name="until"/>, soonest first.</summary>
    public async Task<IReadOnlyList<GrantedRight>> DueAsync(Guid administratorId, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        (await rights.DueAsync(Administrator(administratorId), until, cancellationToken)).Select(Right).ToList();

    public async Task<IReadOnlyList<RoleRequest>> PendingAsync(Guid administratorId, CancellationToken cancellationToken = default) =>
        (await rights.PendingAsync(Administrator(administratorId), cancellationToken))
            .Select(r => new RoleRequest(r.Id, r.AccountId, r.AccountName, r.AccountEmail, StaffRoleCodes.Parse(r.Role), r.RoleTenant, r.Clinics,
                r.RequestedById, r.RequestedBy, r.RequestedAt))
            .ToList();

    private static StaffGrantee Administrator(Guid administratorId) => StaffAccess.Grantee(administratorId, StaffPermission.ManageStaff);

    private static GrantedRight Right(GrantedRightRow r) =>
        new(r.Id, r.AccountId, r.AccountTenant, r.AccountName, r.AccountEmail, StaffRoleCodes.Parse(r.Role), r.RoleTenant, r.Clinics, r.RequestedBy,
            r.RequestedAt, r.ApprovedBy, r.ApprovedAt, r.ReviewDue, r.ReviewedBy, r.ReviewedAt);
}
