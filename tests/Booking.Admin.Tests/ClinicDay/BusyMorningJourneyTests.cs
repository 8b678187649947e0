using Booking.Data.Demo;
using Booking.Staff.Access;
using Booking.Web.BrowserTests;
using Microsoft.Playwright;

namespace Booking.Admin.Tests.ClinicDay;

/// <summary>A front desk's busy morning in a real headless Chromium: the day opens with the pass field focused, a
/// handheld scanner types 20 passes (each as keystrokes and Enter), one is scanned twice, 3 walk-ins are booked, then
/// the people who did not come are marked absent; the pages are checked with axe-core.</summary>
[Collection(AdminCollection.Name)]
public sealed class BusyMorningJourneyTests(AdminFixture fixture)
{
    [Fact]
    public async Task A_front_desk_scans_20_passes_takes_3_walk_ins_and_marks_the_no_shows()
    {
        var bookings = new DayBookings(fixture);
        var (clinic, zone, start) = await bookings.AllDayClinicAsync();
        var arriving = new List<Booking.Data.Bookings.NewBooking>();
        for (var i = 0; i < 20; i++)
            arriving.Add(await bookings.BookAsync(clinic, start, $"Personne{i:00}", "Matinale"));
        var absent = new[] { await bookings.BookAsync(clinic, start, "Absente", "Un"), await bookings.BookAsync(clinic, start, "Absent", "Deux") };
        var member = await fixture.EnrolledAsync(DemoSeed.MontrealRegion, RoleGrant.At(StaffRole.FrontDesk, DemoSeed.MontrealRegion, clinic));
        var page = await fixture.NewBrowserPageAsync();

        await page.GotoAsync($"clinic-day/{clinic}");
        await page.SignInAsync(member);
        await page.WaitForPageAsync($"/clinic-day/{clinic}$");
        await Assertions.Expect(page.Locator("#pass")).ToBeFocusedAsync();
        await BrowserSteps.CheckAsync(page, "front-desk-1-day");

        foreach (var booking in arriving.Append(arriving[0]))
        {
            // What a handheld scanner does: type the QR code's text where the focus is, then Enter.
            await Assertions.Expect(page.Locator("#pass")).ToBeFocusedAsync();
            await page.Keyboard.InsertTextAsync(bookings.PassOf(booking, zone));
            await page.Keyboard.PressAsync("Enter");
            await Assertions.Expect(page.Locator("#outcome p")).ToContainTextAsync($"Personne{arriving.IndexOf(booking):00} Matinale");
        }
        await Assertions.Expect(page.Locator("#outcome p")).ToHaveAttributeAsync("data-outcome", "already-checked-in");
        await BrowserSteps.CheckAsync(page, "front-desk-2-scanned-twice");

        foreach (var name in new[] { "Sans", "Rendez", "Vous" })
        {
            await page.SelectOptionAsync("#walk-in-service", "FLU");
            await page.FillAsync("#walk-in-first-name", name);
            await page.FillAsync("#walk-in-last-name", "Passant");
            await page.FillAsync("#walk-in-birth-date", "1970-01-15");
            await page.CheckAsync("#walk-in-consent");
            await page.ClickAsync("#walk-in-heading ~ form button[type=submit]");
            await Assertions.Expect(page.Locator("#outcome p")).ToHaveAttributeAsync("data-outcome", "walk-in-booked");
        }
        await BrowserSteps.CheckAsync(page, "front-desk-3-walk-ins");
        Assert.Equal(3L, await fixture.Database.ScalarAsync<long>("select count(*) from bookings where location_id = @clinic and channel = 'walk-in'",
            ("clinic", clinic)));

        await page.GotoAsync($"clinic-day/{clinic}?slot=00:00");
        foreach (var booking in absent)
        {
            await page.ClickAsync($"tr[data-booking='{booking.ConfirmationCode}'] button:has-text('Absent')");
            await Assertions.Expect(page.Locator($"tr[data-booking='{booking.ConfirmationCode}']")).ToHaveAttributeAsync("data-attendance", "no-show");
        }
        var slot = page.Locator("tr[data-slot='00:00'][data-service=FLU]");
        await Assertions.Expect(slot.Locator(".booked")).ToHaveTextAsync("22");
        await Assertions.Expect(slot.Locator(".checked-in")).ToHaveTextAsync("20");
        await Assertions.Expect(slot.Locator(".no-shows")).ToHaveTextAsync("2");
        await BrowserSteps.CheckAsync(page, "front-desk-4-no-shows");
    }
}
