namespace Booking.Admin.Tests;

public static class SignedInStaff
{
    /// <summary>A new enrolled person holding <paramref name="roles"/> (a contact-centre agent of the tenant when none
    /// are given), signed in with both factors in a session of their own.</summary>
    public static async Task<(StaffMember Member, StaffSession Session)> SignedInAsync(this AdminFixture fixture, Guid tenant, params RoleGrant[] roles)
    {
        var member = await fixture.EnrolledAsync(tenant, roles);
        var session = new StaffSession(fixture.SiteAddress);
        await session.SignInAsync(member);
        return (member, session);
    }
}
