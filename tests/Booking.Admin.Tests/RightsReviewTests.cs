using System.Net;
using Booking.Data.Demo;
using Booking.Staff.Access;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Admin.Tests;

/// <summary>The yearly review and the report of rights granted, over real HTTP: a role due is listed for review and
/// is kept for another year or revoked, never by its holder; the report (page and CSV) names, per organisation, who
/// asked for each role and who approved it, and nothing of another region.</summary>
[Collection(AdminCollection.Name)]
public sealed class RightsReviewTests(AdminFixture fixture)
{
    private static readonly RoleGrant MontrealAdministrator = new(StaffRole.TenantAdministrator, DemoSeed.MontrealRegion);

    private DateTimeOffset Now => fixture.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    /// <summary>A person whose contact-centre role is due for review (approved over a year ago).</summary>
    private async Task<(StaffMember Member, Guid Role)> DueAsync()
    {
        var member = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);
        var role = await fixture.Database.ScalarAsync<Guid>(
            "update staff_role_assignments set review_due = @due where user_id = @id returning id", ("due", Now.AddDays(-2)), ("id", member.Id));
        return (member, role);
    }

    [Fact]
    public async Task A_role_due_is_kept_for_another_year_by_a_reviewer_and_told()
    {
        var (member, role) = await DueAsync();
        var (reviewer, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, MontrealAdministrator);
        using var _ = session;

        var (status, page) = await session.PageAsync("staff/reviews");
        var kept = await session.SubmitAsync("staff/reviews", $"confirm-{role}", []);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"id=\"right-{role}\"", page);
        Assert.Contains("data-outcome=\"Done\"", await kept.Content.ReadAsStringAsync());
        var due = await fixture.Database.ScalarAsync<DateTime>("select review_due from staff_role_assignments where id = @id", ("id", role));
        Assert.InRange(due, Now.AddDays(364).UtcDateTime, Now.AddDays(366).UtcDateTime);
        Assert.Equal(reviewer.Id, await fixture.Database.ScalarAsync<Guid>("select reviewed_by from staff_role_assignments where id = @id", ("id", role)));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "select count(*) from staff_account_audit where target_user_id = @id and action = 'role_reviewed' and actor_id = @reviewer",
            ("id", member.Id), ("reviewer", reviewer.Id)));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "select count(*) from staff_notifications where staff_user_id = @id and kind = 'RoleReviewed'", ("id", member.Id)));
        Assert.DoesNotContain($"id=\"right-{role}\"", (await session.PageAsync("staff/reviews")).Html);
    }

    [Fact]
    public async Task A_role_revoked_at_its_review_closes_its_pages_and_its_holder_cannot_keep_it_themselves()
    {
        var (holder, holderSession) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, MontrealAdministrator);
        using var _ = holderSession;
        var role = await fixture.Database.ScalarAsync<Guid>(
            "update staff_role_assignments set review_due = @due where user_id = @id returning id", ("due", Now.AddDays(-2)), ("id", holder.Id));
        var (_, reviewer) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, MontrealAdministrator);
        using var __ = reviewer;

        var ownReview = await holderSession.SubmitAsync("staff/reviews", $"confirm-{role}", []);
        var revoked = await reviewer.SubmitAsync("staff/reviews", $"revoke-{role}", []);

        Assert.Contains("data-outcome=\"OwnAccount\"", await ownReview.Content.ReadAsStringAsync());
        Assert.Contains("data-outcome=\"Done\"", await revoked.Content.ReadAsStringAsync());
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("select count(*) from staff_role_assignments where id = @id", ("id", role)));
        Assert.Equal(HttpStatusCode.Forbidden, (await holderSession.PageAsync("staff")).Status);
    }

    [Fact]
    public async Task The_report_names_who_asked_and_who_approved_per_organisation_as_a_page_and_as_CSV()
    {
        var member = await fixture.WithoutRolesAsync(DemoSeed.MontrealRegion);
        var name = $"=Rapport{Guid.NewGuid():N}"[..20];
        await fixture.Database.ScalarAsync<int>("update staff_users set display_name = @name where id = @id returning 1", ("name", name), ("id", member.Id));
        var (requester, requesting) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, MontrealAdministrator);
        using (requesting)
            await requesting.SubmitAsync($"staff/{member.Id}", "grant-role",
                [new("Grant.Role", nameof(StaffRole.ContactCentreAgent)), new("Grant.Tenant", DemoSeed.MontrealRegion.ToString())]);
        var request = await fixture.Database.ScalarAsync<Guid>("select id from staff_role_requests where user_id = @id", ("id", member.Id));
        var (approver, approving) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, MontrealAdministrator);
        using var _ = approving;
        await approving.SubmitAsync("staff/reviews", $"approve-{request}", []);
        await fixture.Database.ScalarAsync<int>("update staff_users set display_name = @name where id = @id returning 1",
            ("name", "Requérante Rapport"), ("id", requester.Id));
        await fixture.Database.ScalarAsync<int>("update staff_users set display_name = @name where id = @id returning 1",
            ("name", "Approbateur Rapport"), ("id", approver.Id));
        var (_, quebec) = await fixture.SignedInAsync(DemoSeed.QuebecRegion, new RoleGrant(StaffRole.TenantAdministrator, DemoSeed.QuebecRegion));
        using var __ = quebec;

        var (status, page) = await approving.PageAsync("staff/rights");
        var csv = await approving.GetAsync("staff/rights.csv");
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n");
        var (_, quebecPage) = await quebec.PageAsync("staff/rights");
        var quebecCsv = await (await quebec.GetAsync("staff/rights.csv")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(name, page);
        Assert.Contains("Requérante Rapport", page);
        Assert.Contains("Approbateur Rapport", page);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("organisation,person,email,role,role_tenant,clinics,requested_by,requested_at,approved_by,approved_at,review_due,reviewed_by,reviewed_at", lines[0]);
        var row = Assert.Single(lines, line => line.Contains(member.Email));
        Assert.StartsWith($"CIUSSS du Centre-Sud-de-l'Île-de-Montréal (démo),'{name},{member.Email},contact_centre_agent,", row);
        Assert.Matches(",Requérante Rapport,\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z,Approbateur Rapport,\\d{4}-", row);
        Assert.DoesNotContain(member.Email, quebecPage);
        Assert.DoesNotContain(member.Email, quebecCsv);
    }
}
