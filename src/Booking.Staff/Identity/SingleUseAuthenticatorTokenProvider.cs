using Booking.Data.Staff;
using Microsoft.AspNetCore.Identity;

namespace Booking.Staff.Identity;

/// <summary>Identity's authenticator check (same codes, same window), except that each code is accepted once per
/// person (RFC 6238, section 5.2): a code whose time step is not newer than the last accepted one is refused. Codes are
/// checked against the system clock, never the platform's shiftable one: the person's authenticator app counts real time.</summary>
public sealed class SingleUseAuthenticatorTokenProvider(AuthenticatorSteps steps) : AuthenticatorTokenProvider<StaffUser>
{
    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffUser> manager, StaffUser user) =>
        await manager.GetAuthenticatorKeyAsync(user) is { Length: > 0 } key
        && AuthenticatorCode.MatchingStep(key, token, TimeProvider.System.GetUtcNow()) is { } step
        && await steps.TryUseAsync(user.Id, step);
}
