using Microsoft.AspNetCore.Authorization;

namespace Booking.Staff.Access;

/// <summary>What a <see cref="StaffPolicies"/> policy requires besides a two-factor session.</summary>
public sealed record StaffPermissionRequirement(StaffPermission Permission) : IAuthorizationRequirement;

/// <summary>Decides a <see cref="StaffPermissionRequirement"/> through <see cref="StaffAccess"/>: over the
/// <see cref="StaffScope"/> given as the resource, or held anywhere when there is none (a page's entry, where the
/// resource is the request itself).</summary>
public sealed class StaffPermissionHandler(StaffAccess access) : AuthorizationHandler<StaffPermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, StaffPermissionRequirement requirement)
    {
        var allowed = context.Resource is StaffScope scope
            ? await access.AllowsAsync(context.User, requirement.Permission, scope)
            : await access.HoldsAnywhereAsync(context.User, requirement.Permission);
        if (allowed)
            context.Succeed(requirement);
    }
}
