using System.Security.Claims;
using Npgsql;

namespace Booking.Staff.Access;

/// <summary>
/// The one place the staff site asks what a signed-in person may do. Pages name a permission in their
/// <c>[Authorize(Policy = StaffPolicies.…)]</c> (held somewhere), then ask for the resource in hand through the same
/// policy with a <see cref="StaffScope"/> (<see cref="StaffPermissionHandler"/> lands here); lists of clinics or tenants
/// come from <see cref="LocationsAsync(Guid, StaffPermission, CancellationToken)"/> and
/// <see cref="TenantsAsync(Guid, StaffPermission, CancellationToken)"/>, or from <see cref="StaffScopeSql"/> inside a
/// query. One per request: the roles held are read once.
/// </summary>
public sealed class StaffAccess(NpgsqlDataSource dataSource)
{
    private (Guid UserId, IReadOnlySet<StaffPermission> Permissions)? _held;

    public static Guid? UserId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The permissions the person holds anywhere: what a page's entry asks, and which links the menu shows.</summary>
    public async Task<IReadOnlySet<StaffPermission>> HeldAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (UserId(user) is not { } userId)
            return new HashSet<StaffPermission>();
        if (_held is { } held && held.UserId == userId)
            return held.Permissions;
        const string sql = """
            select distinct r.role from staff_role_assignments r join staff_users u on u.id = r.user_id
            where r.user_id = @user and u.suspended_at is null and not u.must_change_password
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("user", userId);
        var permissions = new HashSet<StaffPermission>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                permissions.UnionWith(StaffRolePermissions.Of(StaffRoleCodes.Parse(reader.GetString(0))));
        _held = (userId, permissions);
        return permissions;
    }

    public async Task<bool> HoldsAnywhereAsync(ClaimsPrincipal user, StaffPermission permission, CancellationToken cancellationToken = default) =>
        (await HeldAsync(user, cancellationToken)).Contains(permission);

    public Task<bool> AllowsAsync(ClaimsPrincipal user, StaffPermission permission, StaffScope scope, CancellationToken cancellationToken = default) =>
        UserId(user) is { } userId ? AllowsAsync(userId, permission, scope, cancellationToken) : Task.FromResult(false);

    /// <summary>Whether the person holds <paramref name="permission"/> over <paramref name="scope"/>: a tenant as a whole,
    /// or one clinic (its tenant read here).</summary>
    public async Task<bool> AllowsAsync(Guid userId, StaffPermission permission, StaffScope scope, CancellationToken cancellationToken = default)
    {
        var (visible, target) = scope switch
        {
            StaffScope.TenantScope tenant => (StaffScopeSql.Tenants("visible"), tenant.TenantId),
            StaffScope.LocationScope location => (StaffScopeSql.Locations("visible"), location.LocationId),
            _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Unknown staff scope."),
        };
        await using var command = dataSource.CreateCommand($"with recursive {visible} select exists (select 1 from visible where id = @target)");
        StaffScopeSql.AddParameters(command.Parameters, userId, permission);
        command.Parameters.AddWithValue("target", target);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public Task<IReadOnlyList<Guid>> LocationsAsync(ClaimsPrincipal user, StaffPermission permission, CancellationToken cancellationToken = default) =>
        UserId(user) is { } userId ? LocationsAsync(userId, permission, cancellationToken) : Task.FromResult<IReadOnlyList<Guid>>([]);

    /// <summary>The clinics where the person holds <paramref name="permission"/>.</summary>
    public Task<IReadOnlyList<Guid>> LocationsAsync(Guid userId, StaffPermission permission, CancellationToken cancellationToken = default) =>
        IdsAsync(userId, permission, StaffScopeSql.Locations("visible"), cancellationToken);

    public Task<IReadOnlyList<Guid>> TenantsAsync(ClaimsPrincipal user, StaffPermission permission, CancellationToken cancellationToken = default) =>
        UserId(user) is { } userId ? TenantsAsync(userId, permission, cancellationToken) : Task.FromResult<IReadOnlyList<Guid>>([]);

    /// <summary>The tenants over which the person holds <paramref name="permission"/> as a whole.</summary>
    public Task<IReadOnlyList<Guid>> TenantsAsync(Guid userId, StaffPermission permission, CancellationToken cancellationToken = default) =>
        IdsAsync(userId, permission, StaffScopeSql.Tenants("visible"), cancellationToken);

    private async Task<IReadOnlyList<Guid>> IdsAsync(Guid userId, StaffPermission permission, string visible, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"with recursive {visible} select id from visible");
        StaffScopeSql.AddParameters(command.Parameters, userId, permission);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            ids.Add(reader.GetGuid(0));
        return ids;
    }
}
