using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Staff.Access;

/// <summary>
/// One authorization policy per <see cref="StaffPermission"/>: a two-factor session whose person holds the permission.
/// A page states what it requires with <c>@attribute [Authorize(Policy = StaffPolicies.ManageOffer)]</c> (held
/// somewhere, else 403), then checks the resource in hand with
/// <c>IAuthorizationService.AuthorizeAsync(user, StaffScope.OfLocation(id), StaffPolicies.ManageOffer)</c>
/// (out of scope: answer as if it did not exist, 404).
/// </summary>
public static class StaffPolicies
{
    public const string ViewBookings = Prefix + nameof(StaffPermission.ViewBookings);
    public const string RunClinicDay = Prefix + nameof(StaffPermission.RunClinicDay);
    public const string ActForCallers = Prefix + nameof(StaffPermission.ActForCallers);
    public const string ViewStatistics = Prefix + nameof(StaffPermission.ViewStatistics);
    public const string ManageOffer = Prefix + nameof(StaffPermission.ManageOffer);
    public const string ManageStaff = Prefix + nameof(StaffPermission.ManageStaff);
    public const string ManageOperators = Prefix + nameof(StaffPermission.ManageOperators);
    public const string ViewSignInLog = Prefix + nameof(StaffPermission.ViewSignInLog);
    public const string DownloadExtracts = Prefix + nameof(StaffPermission.DownloadExtracts);
    public const string ManageRetention = Prefix + nameof(StaffPermission.ManageRetention);
    public const string OperatePlatform = Prefix + nameof(StaffPermission.OperatePlatform);
    public const string HandlePrivacyRequests = Prefix + nameof(StaffPermission.HandlePrivacyRequests);
    public const string ViewClusterDashboard = Prefix + nameof(StaffPermission.ViewClusterDashboard);

    private const string Prefix = "staff:";

    public static string For(StaffPermission permission) => Prefix + permission;

    /// <summary>The seam's services and a policy per permission, each on top of <paramref name="signedIn"/> (the
    /// site's two-factor session policy).</summary>
    public static IServiceCollection AddStaffAccess(this IServiceCollection services, AuthorizationPolicy signedIn)
    {
        services.AddScoped<StaffAccess>();
        services.AddScoped<IAuthorizationHandler, StaffPermissionHandler>();
        var authorization = services.AddAuthorizationBuilder();
        foreach (var permission in Enum.GetValues<StaffPermission>())
            authorization.AddPolicy(For(permission), policy => policy.Combine(signedIn).AddRequirements(new StaffPermissionRequirement(permission)));
        return services;
    }
}
