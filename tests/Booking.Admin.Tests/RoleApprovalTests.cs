using System.Net;
using Booking.Data.Demo;
using Booking.Staff.Access;

namespace Booking.Admin.Tests;

/// <summary>Rights with a second pair of eyes, over real HTTP: a requested role grants nothing until another person
/// who may grant it approves it, never its requester nor its grantee, never someone out of scope; rejected, it is gone.
/// Each decision is audited and told.</summary>
[Collection(AdminCollection.Name)]
public sealed class RoleApprovalTests(AdminFixture fixture)
{
    private static readonly RoleGrant MontrealAdministrator = new(StaffRole.TenantAdministrator, DemoSeed.MontrealRegion);

    /// <summary>A request, as an administrator of the region makes it on the account's page.</summary>
    private async Task<(StaffMember Requester, Guid Request)> RequestAsync(Guid accountId, StaffRole role = StaffRole.ContactCentreAgent,
        RoleGrant? requesterRole = null)
    {
        var (requester, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, requesterRole ?? MontrealAdministrator);
        using var _ = session;
        return (requester, await RequestWithAsync(session, accountId, role));
    }

    private async Task<Guid> RequestWithAsync(StaffSession session, Guid accountId, StaffRole role)
    {
        var response = await session.SubmitAsync($"staff/{accountId}", "grant-role",
            [new("Grant.Role", role.ToString()), new("Grant.Tenant", DemoSeed.MontrealRegion.ToString())]);
        Assert.Contains("data-outcome=\"Requested\"", await response.Content.ReadAsStringAsync());
        return await fixture.Database.ScalarAsync<Guid>(
            "select id from staff_role_requests where user_id = @id and role = @role", ("id", accountId), ("role", role.Code()));
    }

    private Task<long> HeldAsync(Guid accountId, StaffRole role) => fixture.Database.ScalarAsync<long>(
        "select count(*) from staff_role_assignments where user_id = @id and role = @role", ("id", accountId), ("role", role.Code()));

    private Task<long> AuditAsync(Guid accountId, string action) => fixture.Database.ScalarAsync<long>(
        "select count(*) from staff_account_audit where target_user_id = @id and action = @action", ("id", accountId), ("action", action));

    [Fact]
    public async Task A_requested_role_grants_nothing_until_approved()
    {
        var (member, memberSession) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, new RoleGrant(StaffRole.MinistryAnalyst, DemoSeed.MontrealRegion));
        using var _ = memberSession;
        await RequestAsync(member.Id);

        Assert.Equal(HttpStatusCode.Forbidden, (await memberSession.PageAsync("bookings")).Status);
        Assert.Equal(0L, await HeldAsync(member.Id, StaffRole.ContactCentreAgent));
        Assert.Equal(1L, await AuditAsync(member.Id, "role_requested"));
    }

    [Fact]
    public async Task The_requester_cannot_approve_their_own_request()
    {
        var member = await fixture.WithoutRolesAsync(DemoSeed.MontrealRegion);
        var (_, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, MontrealAdministrator);
        using var _ = session;
        var request = await RequestWithAsync(session, member.Id, StaffRole.ContactCentreAgent);

        var refused = await session.SubmitAsync("staff/reviews", $"approve-{request}", []);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("data-outcome=\"OwnRequest\"", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0L, await HeldAsync(member.Id, StaffRole.ContactCentreAgent));
    }

    [Fact]
    public async Task The_grantee_cannot_approve_a_role_asked_for_them()
    {
        var (grantee, granteeSession) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, MontrealAdministrator);
        using var _ = granteeSession;
        var (_, request) = await RequestAsync(grantee.Id, StaffRole.ContactCentreAgent);

        var refused = await granteeSession.SubmitAsync("staff/reviews", $"approve-{request}", []);

        Assert.Contains("data-outcome=\"OwnAccount\"", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0L, await HeldAsync(grantee.Id, StaffRole.ContactCentreAgent));
    }

    [Fact]
    public async Task Another_region_and_a_lesser_authority_cannot_approve()
    {
        var member = await fixture.WithoutRolesAsync(DemoSeed.MontrealRegion);
        var (_, request) = await RequestAsync(member.Id);
        var (_, operatorRequest) = await RequestAsync(member.Id, StaffRole.PlatformOperator, new RoleGrant(StaffRole.PlatformOperator, DemoSeed.MontrealRegion));
        var (_, quebec) = await fixture.SignedInAsync(DemoSeed.QuebecRegion, new RoleGrant(StaffRole.TenantAdministrator, DemoSeed.QuebecRegion));
        using var __ = quebec;
        var (_, administrator) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, MontrealAdministrator);
        using var ___ = administrator;

        var (_, quebecPage) = await quebec.PageAsync("staff/reviews");
        var fromQuebec = await quebec.PostFormAsync("staff/reviews", $"approve-{request}", tokenPage: "staff/reviews");
        var beyond = await administrator.SubmitAsync("staff/reviews", $"approve-{operatorRequest}", []);

        Assert.DoesNotContain(member.Email, quebecPage);
        Assert.Equal(HttpStatusCode.NotFound, fromQuebec.StatusCode);
        Assert.Contains("data-outcome=\"BeyondScope\"", await beyond.Content.ReadAsStringAsync());
        Assert.Equal(0L, await HeldAsync(member.Id, StaffRole.ContactCentreAgent) + await HeldAsync(member.Id, StaffRole.PlatformOperator));
        Assert.Equal(0L, await AuditAsync(member.Id, "role_granted"));
    }

    [Fact]
    public async Task A_rejected_request_is_gone_audited_and_told()
    {
        var member = await fixture.WithoutRolesAsync(DemoSeed.MontrealRegion);
        var (_, request) = await RequestAsync(member.Id);
        var (_, administrator) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, MontrealAdministrator);
        using var _ = administrator;

        var rejected = await administrator.SubmitAsync("staff/reviews", $"reject-{request}", []);

        Assert.Contains("data-outcome=\"Done\"", await rejected.Content.ReadAsStringAsync());
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("select count(*) from staff_role_requests where id = @id", ("id", request)));
        Assert.Equal(0L, await HeldAsync(member.Id, StaffRole.ContactCentreAgent));
        Assert.Equal(1L, await AuditAsync(member.Id, "role_rejected"));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "select count(*) from staff_notifications where staff_user_id = @id and kind = 'RoleRejected'", ("id", member.Id)));
    }
}
