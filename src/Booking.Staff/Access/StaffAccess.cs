using System.Security.Claims;
using Booking.Data.Staff;

namespace Booking.Staff.Access;

/// <summary>
/// The one place the staff site asks what a signed-in person may do. Pages name a permission in their
/// <c>[Authorize(Policy = StaffPolicies.…)]</c> (held somewhere), then ask for the resource in hand through the same
/// policy with a <see cref="StaffScope"/> (<see cref="StaffPermissionHandler"/> lands here); lists of clinics or tenants
/// come from <see cref="LocationsAsync(Guid, StaffPermission, CancellationToken)"/> and
/// <see cref="TenantsAsync(Guid, StaffPermission, CancellationToken)"/>, or from <see cref="StaffScopeSql"/> inside a
/// query, given <see cref="Grantee"/>. The permission table is here; the scope's SQL is in <c>Booking.Data/Staff</c>.
/// One per request: the roles held are read once.
/// </summary>
public sealed class StaffAccess(StaffScopeRepository scopes)
{
    private (Guid UserId, IReadOnlySet<StaffPermission> Permissions)? _held;

    public static Guid? UserId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The person as a scope query sees them when it asks for <paramref name="permission"/>: with the roles that grant it.</summary>
    public static StaffGrantee Grantee(Guid userId, StaffPermission permission) =>
        new(userId, StaffRolePermissions.Granting(permission).Select(role => role.Code()).ToArray());

    /// <summary>The permissions the person holds anywhere: what a page's entry asks, and which links the menu shows.</summary>
    public async Task<IReadOnlySet<StaffPermission>> HeldAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (UserId(user) is not { } userId)
            return new HashSet<StaffPermission>();
        if (_held is { } held && held.UserId == userId)
            return held.Permissions;
        var permissions = new HashSet<StaffPermission>();
        foreach (var role in await scopes.HeldRolesAsync(userId, cancellationToken))
            permissions.UnionWith(StaffRolePermissions.Of(StaffRoleCodes.Parse(role)));
        _held = (userId, permissions);
        return permissions;
    }

    public async Task<bool> HoldsAnywhereAsync(ClaimsPrincipal user, StaffPermission permission, CancellationToken cancellationToken = default) =>
        (await HeldAsync(user, cancellationToken)).Contains(permission);

    public Task<bool> AllowsAsync(ClaimsPrincipal user, StaffPermission permission, StaffScope scope, CancellationToken cancellationToken = default) =>
        UserId(user) is { } userId ? AllowsAsync(userId, permission, scope, cancellationToken) : Task.FromResult(false);

    /// <summary>Whether the person holds <paramref name="permission"/> over <paramref name="scope"/>: a tenant as a whole,
    /// or one clinic (its tenant read by the query).</summary>
    public Task<bool> AllowsAsync(Guid userId, StaffPermission permission, StaffScope scope, CancellationToken cancellationToken = default) =>
        scope switch
        {
            StaffScope.TenantScope tenant => scopes.ReachesTenantAsync(Grantee(userId, permission), tenant.TenantId, cancellationToken),
            StaffScope.LocationScope location => scopes.ReachesLocationAsync(Grantee(userId, permission), location.LocationId, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Unknown staff scope."),
        };

    public Task<IReadOnlyList<Guid>> LocationsAsync(ClaimsPrincipal user, StaffPermission permission, CancellationToken cancellationToken = default) =>
        UserId(user) is { } userId ? LocationsAsync(userId, permission, cancellationToken) : Task.FromResult<IReadOnlyList<Guid>>([]);

    /// <summary>The clinics where the person holds <paramref name="permission"/>.</summary>
    public Task<IReadOnlyList<Guid>> LocationsAsync(Guid userId, StaffPermission permission, CancellationToken cancellationToken = default) =>
        scopes.LocationIdsAsync(Grantee(userId, permission), cancellationToken);

    public Task<IReadOnlyList<Guid>> TenantsAsync(ClaimsPrincipal user, StaffPermission permission, CancellationToken cancellationToken = default) =>
        UserId(user) is { } userId ? TenantsAsync(userId, permission, cancellationToken) : Task.FromResult<IReadOnlyList<Guid>>([]);

    /// <summary>The tenants over which the person holds <paramref name="permission"/> as a whole.</summary>
    public Task<IReadOnlyList<Guid>> TenantsAsync(Guid userId, StaffPermission permission, CancellationToken cancellationToken = default) =>
        scopes.TenantIdsAsync(Grantee(userId, permission), cancellationToken);
}
