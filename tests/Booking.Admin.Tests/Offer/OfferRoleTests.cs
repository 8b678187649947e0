using System.Net;
using Booking.Data.Demo;
using Booking.Staff.Access;
using Booking.Testing;

namespace Booking.Admin.Tests.Offer;

/// <summary>Who reaches the clinics' offer (<see cref="StaffPermission.ManageOffer"/>): a clinic manager its own clinics
/// only, and no tenant to create a clinic in; the roles that do not grant it, no offer page at all.</summary>
[Collection(OfferCollection.Name)]
public sealed class OfferRoleTests(OfferFixture fixture)
{
    private static readonly Guid PalaisDesCongres = new("10000000-0000-4000-8000-000000000002");

    [Fact]
    public async Task A_clinic_manager_lists_and_opens_only_its_own_clinics()
    {
        using var manager = await fixture.SignedInAsync(RoleGrant.At(StaffRole.ClinicManager, DemoSeed.MontrealRegion, DemoSeed.StadeOlympique));

        var (listStatus, list) = await manager.PageAsync("offer/locations");
        var (ownStatus, _) = await manager.PageAsync($"offer/locations/{DemoSeed.StadeOlympique}");
        var (otherStatus, other) = await manager.PageAsync($"offer/locations/{PalaisDesCongres}");

        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.Contains("Stade olympique", list);
        Assert.DoesNotContain("Palais des congrès", list);
        Assert.Equal(HttpStatusCode.OK, ownStatus);
        Assert.Equal(HttpStatusCode.NotFound, otherStatus);
        Assert.DoesNotContain("Palais des congrès", other);
    }

    [Fact]
    public async Task A_clinic_manager_is_offered_no_tenant_and_creates_no_clinic()
    {
        using var manager = await fixture.SignedInAsync(RoleGrant.At(StaffRole.ClinicManager, DemoSeed.MontrealRegion, DemoSeed.StadeOlympique));
        var name = $"Clinique refusée {Guid.NewGuid():N}"[..30];

        var (_, form) = await manager.PageAsync("offer/locations/new");
        var response = await manager.SubmitAsync("offer/locations/new", "new-location", new Dictionary<string, string>
        {
            ["Input.TenantId"] = DemoSeed.MontrealRegion.ToString(), ["Input.Name"] = name, ["Input.Address"] = "1, rue de l'Essai",
            ["Input.City"] = "Montréal", ["Input.PostalCode"] = "H2X 1Y4", ["Input.TimeZone"] = "America/Montreal", ["Input.IsOpen"] = "true",
        });

        Assert.DoesNotContain(DemoSeed.MontrealRegion.ToString(), form);
        Assert.NotEqual(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(0L, await fixture.Database.CountAsync("select count(*) from locations where name = @name", ("name", name)));
    }

    [Theory]
    [InlineData(StaffRole.FrontDesk)]
    [InlineData(StaffRole.ContactCentreAgent)]
    [InlineData(StaffRole.MinistryAnalyst)]
    public async Task A_role_without_the_offer_gets_403_on_its_pages(StaffRole role)
    {
        var grant = StaffRolePermissions.IsLimitedToClinics(role)
            ? RoleGrant.At(role, DemoSeed.MontrealRegion, DemoSeed.StadeOlympique)
            : new RoleGrant(role, DemoSeed.MontrealRegion);
        using var session = await fixture.SignedInAsync(grant);

        foreach (var page in new[] { "offer/locations", "offer/locations/new", $"offer/locations/{DemoSeed.StadeOlympique}" })
        {
            var (status, html) = await session.PageAsync(page);
            Assert.True(status == HttpStatusCode.Forbidden, $"{page} answered {status}");
            Assert.DoesNotContain("Stade olympique", html);
        }
    }
}
