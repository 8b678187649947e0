using System.Net;
using Booking.Data.Demo;
using Booking.Staff.Access;

namespace Booking.Admin.Tests;

/// <summary>What each role reaches, as docs/staff-site.md's permission table says: every staff page answered for a
/// person holding only that role over the Montréal region (or at its Stade olympique clinic).</summary>
[Collection(AdminCollection.Name)]
public sealed class RolePermissionTests(AdminFixture fixture)
{
    private static readonly string[] Pages = ["bookings", "contact-centre", "clinic-day", "statistics", "dashboard", "staff", "staff/new", "staff/sign-ins",
        "extracts", "platform/extracts", "privacy", "account", ""];

    /// <summary>The pages each role opens (the others answer 403); written out here, not derived from the code's table.</summary>
    public static TheoryData<StaffRole, string[]> Reach() => new()
    {
        { StaffRole.PlatformOperator, ["staff", "staff/new", "staff/sign-ins", "platform/extracts", "account", ""] },
        { StaffRole.TenantAdministrator, ["statistics", "dashboard", "staff", "staff/new", "staff/sign-ins", "account", ""] },
        { StaffRole.ClinicManager, ["bookings", "clinic-day", "statistics", "dashboard", "account", ""] },
        { StaffRole.FrontDesk, ["bookings", "clinic-day", "account", ""] },
        { StaffRole.ContactCentreAgent, ["bookings", "contact-centre", "account", ""] },
        { StaffRole.MinistryAnalyst, ["statistics", "dashboard", "extracts", "account", ""] },
        { StaffRole.PrivacyOfficer, ["privacy", "account", ""] },
    };

    [Theory]
    [MemberData(nameof(Reach))]
    public async Task Each_role_opens_its_pages_and_gets_403_on_the_others(StaffRole role, string[] opens)
    {
        var grant = StaffRolePermissions.IsLimitedToClinics(role)
            ? RoleGrant.At(role, DemoSeed.MontrealRegion, DemoSeed.StadeOlympique)
            : new RoleGrant(role, DemoSeed.MontrealRegion);
        var (_, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, grant);
        using var _ = session;

        foreach (var page in Pages)
        {
            var (status, html) = await session.PageAsync(page);
            Assert.True(status == (opens.Contains(page) ? HttpStatusCode.OK : HttpStatusCode.Forbidden), $"{role} on /{page}: {status}");
            if (status == HttpStatusCode.Forbidden)
                Assert.Contains("id=\"access-denied\"", html);
        }
    }

    [Fact]
    public async Task A_front_desk_looks_up_bookings_of_its_clinic_only()
    {
        var bookings = new TestBookings(fixture);
        var stade = await bookings.BookAsync(DemoSeed.MontrealRegion, TestBookings.MontrealClinic, "Adèle", "Pelletier");
        var palais = await bookings.BookAsync(DemoSeed.MontrealRegion, DemoSeed.Location(2), "Bruno", "Caron");
        var (_, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, RoleGrant.At(StaffRole.FrontDesk, DemoSeed.MontrealRegion, DemoSeed.StadeOlympique));
        using var _ = session;

        var own = await session.PageAsync($"bookings?code={stade.ConfirmationCode}");
        var other = await session.PageAsync($"bookings?code={palais.ConfirmationCode}");

        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Contains("Adèle Pelletier", own.Html);
        Assert.Equal(HttpStatusCode.NotFound, other.Status);
        Assert.DoesNotContain("Caron", other.Html);
    }

    [Fact]
    public async Task A_contact_centre_agent_looks_up_bookings_anywhere_in_its_tenant()
    {
        var booking = await new TestBookings(fixture).BookAsync(DemoSeed.MontrealRegion, DemoSeed.Location(4), "Carole", "Dion");
        var (_, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, new RoleGrant(StaffRole.ContactCentreAgent, DemoSeed.MontrealRegion));
        using var _ = session;

        var (status, html) = await session.PageAsync($"bookings?code={booking.ConfirmationCode}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Carole Dion", html);
    }

    [Fact]
    public async Task A_ministry_analyst_sees_counts_per_clinic_and_never_a_name()
    {
        var booking = await new TestBookings(fixture).BookAsync(DemoSeed.QuebecRegion, TestBookings.QuebecClinic, "Denise", "Ouimet");
        var (_, session) = await fixture.SignedInAsync(DemoSeed.Ministry, new RoleGrant(StaffRole.MinistryAnalyst, DemoSeed.Ministry));
        using var _ = session;

        var statistics = await session.PageAsync("statistics");
        var lookUp = await session.PageAsync($"bookings?code={booking.ConfirmationCode}");

        Assert.Equal(HttpStatusCode.OK, statistics.Status);
        Assert.Contains("ExpoCité", statistics.Html);
        Assert.Matches("<td class=\"confirmed\">[1-9][0-9]*</td>", statistics.Html);
        Assert.DoesNotContain("Ouimet", statistics.Html);
        Assert.DoesNotContain("Denise", statistics.Html);
        Assert.DoesNotContain(booking.ConfirmationCode, statistics.Html);
        Assert.Equal(HttpStatusCode.Forbidden, lookUp.Status);
        Assert.DoesNotContain("Ouimet", lookUp.Html);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            "select count(*) from personal_data_access_log where record_id = @id and actor like 'staff:%'", ("id", booking.Id)));
    }

    [Fact]
    public async Task Figures_cover_only_the_clinics_in_scope()
    {
        await new TestBookings(fixture).BookAsync(DemoSeed.QuebecRegion, TestBookings.QuebecClinic, "Émile", "Roy");
        var (_, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, new RoleGrant(StaffRole.MinistryAnalyst, DemoSeed.MontrealRegion));
        using var _ = session;

        var (_, html) = await session.PageAsync("statistics");

        Assert.DoesNotContain("ExpoCité", html);
    }

    [Fact]
    public async Task A_person_without_a_role_is_told_so_and_reaches_no_staff_page()
    {
        var member = await fixture.WithoutRolesAsync(DemoSeed.MontrealRegion);
        using var session = new StaffSession(fixture.SiteAddress);
        await session.SignInAsync(member);

        var (status, home) = await session.PageAsync("");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"no-role\"", home);
        Assert.DoesNotContain("href=\"bookings\"", home);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.PageAsync("bookings")).Status);
    }

    [Fact]
    public async Task The_menu_shows_only_what_the_roles_allow()
    {
        var (_, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, RoleGrant.At(StaffRole.FrontDesk, DemoSeed.MontrealRegion, DemoSeed.StadeOlympique));
        using var _ = session;

        var (_, html) = await session.PageAsync("");

        Assert.Contains("<a href=\"bookings\">", html);
        Assert.DoesNotContain("<a href=\"staff\">", html);
        Assert.DoesNotContain("<a href=\"statistics\">", html);
    }
}
