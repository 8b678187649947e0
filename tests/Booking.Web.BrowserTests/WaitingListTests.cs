using System.Text.RegularExpressions;
using Booking.Data.Protection;
using Booking.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Web.BrowserTests;

/// <summary>A citizen whose search found no free time joins the waiting list from the results, in French, then leaves
/// it in English through the link of the messages; every page is accessible.</summary>
[Collection(SiteCollection.Name)]
public class WaitingListTests(SiteFixture site)
{
    [Fact]
    public async Task A_search_with_no_free_time_leads_to_the_waiting_list_and_its_link_leaves_it()
    {
        // Past the demo schedules' 30 days: the clinics are near but have no time to offer.
        var from = QuebecDate.Today.AddDays(40);
        var page = await site.NewVisitorAsync(Viewport.Phone390);
        await page.GotoAsync($"/search?service=FLU&postalCode=H1V3N7&radiusKm=5&from={from:yyyy-MM-dd}&days=7");
        await page.Locator("#join-waiting-list").ClickAsync();
        await page.WaitForURLAsync(new Regex("/waiting-list\\?"), PageChecks.Parsed);
        await page.Locator("h1", new() { HasText = "Liste d'attente" }).WaitForAsync();

        await page.Locator("#join-waiting-list").ClickAsync();
        await page.Locator(".error-summary").WaitForAsync();
        await PageChecks.CheckAsync(page, "waiting-list-1-errors");

        var email = $"attente-{Guid.NewGuid():N}@example.org";
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#emailConsent").CheckAsync();
        await page.Locator("#consent").CheckAsync();
        await page.Locator("#join-waiting-list").ClickAsync();
        await page.Locator("#waiting-list-joined").WaitForAsync();
        await PageChecks.CheckAsync(page, "waiting-list-2-joined");

        var entry = await site.Database.ScalarAsync<Guid>(
            "select id from waiting_list_entries where from_date = @from order by position desc limit 1", ("from", from.ToDateTime(TimeOnly.MinValue)));
        var token = site.WebServices.GetRequiredService<WaitingListTokens>().ForPlace(entry);
        await page.GotoAsync($"/waiting-list/places/{entry}/leave?token={token}&lang=en");
        await page.Locator("h1", new() { HasText = "Leave the waiting list" }).WaitForAsync();
        await PageChecks.CheckAsync(page, "waiting-list-3-leave");
        await page.Locator("#leave-waiting-list").ClickAsync();
        await page.Locator("#waiting-list-left").WaitForAsync();
        Assert.Equal("left", await site.Database.ScalarAsync<string>("select status from waiting_list_entries where id = @e", ("e", entry)));
        await PageChecks.CheckAsync(page, "waiting-list-4-left");
    }
}
