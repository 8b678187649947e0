using System.Globalization;
using Booking.Admin.Tests.ClinicDay;
using Booking.Data.Demo;
using Booking.Staff.Access;
using Booking.Testing;
using Booking.Web.BrowserTests;
using Microsoft.Playwright;

namespace Booking.Admin.Tests.ContactCentre;

/// <summary>A contact-centre agent in a real headless Chromium: signs in, finds a free time at a clinic, holds it for a
/// caller, types their details and books; the agent reads the confirmation code to the caller. Each page is checked with
/// axe-core.</summary>
[Collection(AdminCollection.Name)]
public sealed class AgentBookingJourneyTests(AdminFixture fixture)
{
    [Fact]
    public async Task An_agent_finds_a_free_time_books_it_for_a_caller_and_reads_them_the_confirmation_code()
    {
        var changes = new ClinicBookingChanges(fixture);
        var (clinic, day) = await changes.OneSeatClinicAsync(16);
        // Offered as a staff save offers it: the catalogue's revision bumped, the clinic's day publishing its free times.
        await fixture.Database.ScalarAsync<int>("update catalogue_revision set revision = revision + 1 returning 1");
        await changes.PublishAsync(clinic, day);
        var agent = await fixture.EnrolledAsync(DemoSeed.MontrealRegion, new RoleGrant(StaffRole.ContactCentreAgent, DemoSeed.MontrealRegion));
        var page = await fixture.NewBrowserPageAsync();

        await page.GotoAsync("contact-centre/new");
        await page.SignInAsync(agent);
        await page.WaitForPageAsync("/contact-centre/new");
        // The staff site's cached catalogue lists the new clinic within a second or so.
        await Poll.UntilAsync(async () =>
        {
            await page.GotoAsync("contact-centre/new");
            return await page.Locator($"#clinic option[value='{clinic}']").CountAsync() == 1;
        }, TimeSpan.FromSeconds(10), "the new clinic among the agent's clinics");
        await BrowserSteps.CheckAsync(page, "agent-booking-1-clinics");

        await page.SelectOptionAsync("#clinic", clinic.ToString());
        await page.ClickAsync("#choose-heading ~ form button[type=submit]");
        await Assertions.Expect(page.Locator("#service")).ToBeVisibleAsync();
        await page.SelectOptionAsync("#service", "FLU");
        await page.FillAsync("#date", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.ClickAsync("#choose-heading ~ form button[type=submit]");
        await Assertions.Expect(page.Locator("#slot-0900")).ToBeVisibleAsync();
        await BrowserSteps.CheckAsync(page, "agent-booking-2-free-times");

        await page.CheckAsync("#slot-0900");
        await page.ClickAsync("#slots-heading ~ form button[type=submit]");
        await Assertions.Expect(page.Locator("#outcome")).ToHaveAttributeAsync("data-outcome", "held");
        await BrowserSteps.CheckAsync(page, "agent-booking-3-caller");

        await page.FillAsync("#caller-firstName", "Appelante");
        await page.FillAsync("#caller-lastName", "Navigatrice");
        await page.FillAsync("#caller-birthDate", "1971-03-14");
        await page.FillAsync("#caller-phone", "514 555-0199");
        await page.SelectOptionAsync("#caller-language", "en");
        foreach (var no in await page.Locator("#caller-screening input[value=no]").AllAsync())
            await no.CheckAsync();
        await page.CheckAsync("#caller-consent");
        await page.ClickAsync("#caller-heading ~ form button[type=submit]");
        await Assertions.Expect(page.Locator("#outcome")).ToHaveAttributeAsync("data-outcome", "booked");

        var code = await fixture.Database.ScalarAsync<string>(
            "select confirmation_code from bookings where location_id = @clinic and channel = 'agent'", ("clinic", clinic));
        await Assertions.Expect(page.Locator("#outcome")).ToContainTextAsync(code);
        await BrowserSteps.CheckAsync(page, "agent-booking-4-booked");
    }
}
