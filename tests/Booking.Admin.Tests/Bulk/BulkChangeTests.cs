using System.Net;
using Booking.Admin.Tests.Offer;
using Booking.Data.Demo;
using Booking.Staff.Access;
using Booking.Testing;
using Booking.Web.BrowserTests;
using Booking.Web.FunctionalTests;
using Microsoft.Playwright;

namespace Booking.Admin.Tests.Bulk;

/// <summary>
/// A manager closing a clinic's day for a snowstorm, in headless Chromium: one dry run, then the move, followed on its
/// progress page until it is done; every booking of the day is moved to the next days within capacity and each citizen
/// gets exactly one "moved by the clinic" message. Each page is checked with axe-core. And the attack: another
/// region's manager cannot run a bulk change at this clinic, nor see one.
/// </summary>
[Collection(OfferCollection.Name)]
public sealed class BulkChangeTests(OfferFixture fixture)
{
    private const string Flu = "FLU";
    private CitizenApi Citizens => new(fixture.Http);

    [Fact]
    public async Task A_manager_moves_every_booking_of_a_snowed_in_day_after_one_dry_run_and_each_citizen_is_told_once()
    {
        var day = QuebecDate.NextWeekday(7);
        var (first, last) = (QuebecDate.NextWeekday(8), QuebecDate.NextWeekday(9));
        var codes = new List<string>();
        for (var n = 0; n < 6; n++)
            codes.Add((await Citizens.Book(DemoClinics.StadeOlympique, Flu, QuebecDate.At(day, 9, 10 * n)))["confirmationCode"]!.GetValue<string>());
        var manager = await fixture.StaffAsync(RoleGrant.At(StaffRole.ClinicManager, DemoSeed.MontrealRegion, DemoClinics.StadeOlympique));
        var page = await fixture.NewStaffBrowserPageAsync();

        await page.GotoAsync($"bulk?location={DemoClinics.StadeOlympique}&date={ScheduleForms.Day(day)}");
        await page.SignInAsync(manager);
        await page.WaitForPageAsync("/bulk");
        await page.SelectOptionAsync("#field-servicecode", Flu);
        await page.FillAsync("#field-targetfrom", ScheduleForms.Day(first));
        await page.FillAsync("#field-targetuntil", ScheduleForms.Day(last));
        await BrowserSteps.CheckAsync(page, "bulk-1-selection");
        await page.ClickAsync("#dry-run-button");

        await Assertions.Expect(page.Locator("#dry-run-counts")).ToHaveTextAsync("6 rendez-vous touchés; 6 trouvent une place; 0 resteraient où ils sont.");
        await Assertions.Expect(page.Locator("#dry-run-targets tbody")).ToContainTextAsync(ScheduleForms.Day(first));
        await BrowserSteps.CheckAsync(page, "bulk-2-dry-run");
        await page.ClickAsync("#start-button");

        await page.WaitForPageAsync(@"/bulk/[0-9a-f-]{36}$");
        await BrowserSteps.CheckAsync(page, "bulk-3-progress");
        await Poll.UntilAsync(async () =>
        {
            await page.ReloadAsync();
            return await page.Locator("#job-status").InnerTextAsync() == "Terminé";
        }, TimeSpan.FromSeconds(60), "the bulk move to finish");
        await Assertions.Expect(page.Locator("td[data-count=moved]")).ToHaveTextAsync("6");
        await Assertions.Expect(page.Locator("#job-progress")).ToHaveAttributeAsync("value", "6");
        await BrowserSteps.CheckAsync(page, "bulk-4-done");

        Assert.Equal(0, await fixture.Database.CountAsync(
            "select count(*) from bookings where confirmation_code = any(@codes) and (status <> 'confirmed' or slot_start < @from)",
            ("codes", codes.ToArray()), ("from", QuebecDate.At(first, 0))));
        Assert.Equal(6, await fixture.Database.CountAsync("""
            select count(*) from notifications n join bookings b on b.id = n.booking_id
            where b.confirmation_code = any(@codes) and n.kind = 'BookingMovedByClinic' and n.fallback_of is null
            """, ("codes", codes.ToArray())));
    }

    [Fact]
    public async Task Another_regions_manager_can_neither_run_a_bulk_change_at_a_clinic_nor_see_one()
    {
        var day = QuebecDate.NextWeekday(14);
        await Citizens.Book(DemoClinics.StadeOlympique, Flu, QuebecDate.At(day, 11));
        using var outsider = await fixture.SignedInAsync(RoleGrant.At(StaffRole.ClinicManager, DemoSeed.QuebecRegion, DemoClinics.ExpoCite));
        using var insider = await fixture.ManagerAsync();
        var form = new Dictionary<string, string>
        {
            ["Input.LocationId"] = DemoClinics.StadeOlympique.ToString(), ["Input.ServiceCode"] = Flu, ["Input.From"] = ScheduleForms.Day(day),
            ["Input.Until"] = ScheduleForms.Day(day), ["Input.FromTime"] = "", ["Input.UntilTime"] = "", ["Input.Action"] = "cancel",
            ["Input.TargetFrom"] = "", ["Input.TargetUntil"] = "",
        };
        var jobsBefore = await fixture.Database.CountAsync("select count(*) from bulk_jobs");

        var dryRun = await outsider.SubmitAsync("bulk", "bulk", new Dictionary<string, string>(form) { ["Step"] = "dry-run" });
        var start = await outsider.SubmitAsync("bulk", "bulk", new Dictionary<string, string>(form) { ["Step"] = "start" });
        var insiders = await insider.SubmitAsync("bulk", "bulk", new Dictionary<string, string>(form) { ["Step"] = "dry-run" });

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (dryRun.StatusCode, start.StatusCode));
        Assert.DoesNotContain("dry-run-counts", await dryRun.TextAsync());
        Assert.Equal(jobsBefore, await fixture.Database.CountAsync("select count(*) from bulk_jobs"));
        Assert.Equal(HttpStatusCode.OK, insiders.StatusCode);
        Assert.Contains("1 rendez-vous touchés", await insiders.TextAsync());
    }
}
