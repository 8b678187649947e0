using Booking.Data.Demo;
using Booking.Staff.Access;
using Booking.Web.BrowserTests;
using Microsoft.Playwright;

namespace Booking.Admin.Tests.ClinicDay;

/// <summary>A clinic manager in a real headless Chromium: from the clinic's day, opens one appointment, moves it to a free
/// time with a reason, then cancels another; each page is checked with axe-core.</summary>
[Collection(AdminCollection.Name)]
public sealed class ClinicChangeJourneyTests(AdminFixture fixture)
{
    [Fact]
    public async Task A_manager_moves_one_appointment_from_the_clinics_day_and_cancels_another_with_a_reason()
    {
        var changes = new ClinicBookingChanges(fixture);
        var (clinic, day) = await changes.OneSeatClinicAsync(17);
        var moving = await changes.BookAsync(clinic, day, 9, 0, "Josée", "Navigatrice");
        var cancelling = await changes.BookAsync(clinic, day, 9, 10, "Jules", "Navigateur");
        var member = await fixture.EnrolledAsync(DemoSeed.MontrealRegion, RoleGrant.At(StaffRole.ClinicManager, DemoSeed.MontrealRegion, clinic));
        var page = await fixture.NewBrowserPageAsync();

        await page.GotoAsync($"clinic-day/{clinic}?date={day:yyyy-MM-dd}&slot=09:00");
        await page.SignInAsync(member);
        await page.WaitForPageAsync($"/clinic-day/{clinic}");
        await BrowserSteps.CheckAsync(page, "clinic-change-1-day");

        await page.ClickAsync($"tr[data-booking='{moving.ConfirmationCode}'] a.change");
        await page.WaitForPageAsync($"/clinic-day/{clinic}/bookings/{moving.Id}");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Josée Navigatrice");
        await BrowserSteps.CheckAsync(page, "clinic-change-2-booking");

        await page.CheckAsync("#slot-0930");
        await page.SelectOptionAsync("#move-reason", "schedule-error");
        await page.FillAsync("#move-note", "Poste fermé à 9 h");
        await page.ClickAsync("#move-heading ~ form[method=post] button[type=submit]");
        await Assertions.Expect(page.Locator("#outcome p")).ToHaveAttributeAsync("data-outcome", "moved");
        await Assertions.Expect(page.Locator("#appointment-time")).ToContainTextAsync("09:30");
        await BrowserSteps.CheckAsync(page, "clinic-change-3-moved");

        await page.GotoAsync($"clinic-day/{clinic}/bookings/{cancelling.Id}");
        await page.SelectOptionAsync("#cancel-reason", "staff-unavailable");
        await page.ClickAsync("#cancel-heading ~ form button[type=submit]");
        await Assertions.Expect(page.Locator("#outcome p")).ToHaveAttributeAsync("data-outcome", "cancelled");
        await Assertions.Expect(page.Locator("#not-changeable")).ToBeVisibleAsync();
        await BrowserSteps.CheckAsync(page, "clinic-change-4-cancelled");

        Assert.Equal("confirmed|09:30|2|1|1", await changes.StateAsync(moving.Id));
        Assert.Equal("cancelled|09:10|2|1|1", await changes.StateAsync(cancelling.Id));
    }
}
