using Booking.Data.Demo;
using Booking.Staff.Access;
using Booking.Testing;
using Booking.Web.BrowserTests;
using Microsoft.Playwright;

namespace Booking.Admin.Tests.Offer;

/// <summary>In headless Chromium: a tenant administrator (who manages its tenant's offer) signs in with both factors, opens a new clinic, gives it a weekly
/// schedule, previews it and saves it; a citizen then finds the clinic and its times on the booking site. Every staff
/// page on the way is checked with axe-core.</summary>
[Collection(OfferCollection.Name)]
public sealed class OfferJourneyTests(OfferFixture fixture)
{
    [Fact]
    public async Task A_tenant_administrator_opens_a_clinic_with_a_weekly_schedule_and_citizens_see_its_times()
    {
        var manager = await fixture.StaffAsync(new RoleGrant(StaffRole.TenantAdministrator, DemoSeed.MontrealRegion));
        var day = QuebecDate.NextWeekday(2);
        var clinic = "Clinique de la Petite-Patrie";
        var page = await fixture.NewStaffBrowserPageAsync();

        await page.GotoAsync("offer/locations");
        await page.SignInAsync(manager);

        await page.WaitForPageAsync("/offer/locations$");
        await BrowserSteps.CheckAsync(page, "offer-1-clinics");
        await page.ClickAsync("#new-location");
        await page.WaitForPageAsync("/offer/locations/new");
        await page.FillAsync("#field-name", clinic);
        await page.FillAsync("#field-address", "6700, rue Saint-Denis");
        await page.FillAsync("#field-city", "Montréal");
        await page.FillAsync("#field-postalcode", "H2X 1Y4");
        await page.FillAsync("#field-notesfr", "Entrée par la ruelle; stationnement dans la rue.");
        await BrowserSteps.CheckAsync(page, "offer-2-new-clinic");
        await page.ClickAsync("main button[type=submit]");

        await page.WaitForPageAsync(@"/offer/locations/[0-9a-f-]{36}\?saved=created");
        await Assertions.Expect(page.Locator("#saved")).ToHaveTextAsync("Clinique créée.");
        await BrowserSteps.CheckAsync(page, "offer-3-clinic");
        await page.ClickAsync("#new-template");
        await page.WaitForPageAsync("/templates/new");
        await page.SelectOptionAsync("#field-servicecode", "FLU");
        await page.FillAsync("#field-slotminutes", "15");
        await page.FillAsync("#field-capacity", "2");
        var row = ScheduleForms.WeekdayIndex(day);
        await page.FillAsync($"#field-days-{row}-opens", "09:00");
        await page.FillAsync($"#field-days-{row}-closes", "11:00");
        await page.ClickAsync("#preview-button");

        var previewed = page.Locator($"table.preview-day[data-date='{ScheduleForms.Day(day)}']");
        await Assertions.Expect(previewed.Locator("tbody tr")).ToHaveCountAsync(8);
        await Assertions.Expect(previewed.Locator("tr[data-start='09:00']")).ToContainTextAsync("ajoutée");
        await BrowserSteps.CheckAsync(page, "offer-4-preview");
        await page.ClickAsync("#save-button");

        await page.WaitForPageAsync(@"\?saved=template");
        await Assertions.Expect(page.Locator("#saved")).ToContainTextAsync("Horaire enregistré");
        await Assertions.Expect(page.Locator("#templates")).ToContainTextAsync("FLU");
        await BrowserSteps.CheckAsync(page, "offer-5-saved");

        var citizen = await fixture.NewCitizenBrowserPageAsync();
        var search = $"/search?service=FLU&postalCode=H2X+1Y4&from={ScheduleForms.Day(day)}&days=1";
        var listed = citizen.Locator("li.location", new() { Has = citizen.Locator("h3", new() { HasText = clinic }) });
        await Poll.UntilAsync(async () =>
        {
            await citizen.GotoAsync(search);
            return await listed.CountAsync() == 1;
        }, TimeSpan.FromSeconds(10), $"{clinic} to be listed on the citizens' search");
        await listed.Locator("a.button").ClickAsync();
        await citizen.WaitForPageAsync("location=");
        var slots = citizen.Locator(".slots .slot");
        await Assertions.Expect(slots).ToHaveCountAsync(8);
        await Assertions.Expect(slots.First).ToContainTextAsync("9 h 00");
        await Assertions.Expect(slots.Last).ToContainTextAsync("10 h 45");
        await BrowserSteps.ScreenshotAsync(citizen, "offer-6-citizen-slots");
    }
}
