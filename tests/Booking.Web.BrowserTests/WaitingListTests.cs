using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Booking.Data.Protection;
using Booking.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Web.BrowserTests;

/// <summary>A citizen whose search found no free time joins the waiting list from the results, in French, then leaves
/// it in English through the link of the messages; a seat offered is taken from its link through the ordinary screening
/// and details. Every page is accessible.</summary>
[Collection(SiteCollection.Name)]
public class WaitingListTests(SiteFixture site)
{
    private static readonly string[] HealthWorker = ["health-worker"];

    [Fact]
    public async Task A_search_with_no_free_time_leads_to_the_waiting_list_and_its_link_leaves_it()
    {
        // Past the demo schedules' 30 days: the clinics are near but have no time to offer.
        var from = QuebecDate.Today.AddDays(40);
        var page = await site.NewVisitorAsync(Viewport.Phone390);
        await page.GotoAsync($"/search?service=FLU&postalCode=H1V3N7&radiusKm=5&from={from:yyyy-MM-dd}&days=7");
        await page.Locator("#join-waiting-list").ClickAsync();
        await page.WaitForPageAsync("/waiting-list\\?");
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

    [Fact]
    public async Task A_seat_offered_is_taken_from_its_link_through_screening_and_details()
    {
        var day = QuebecDate.NextWeekday(12);
        var stade = new Guid("10000000-0000-4000-8000-000000000001");
        var joined = await site.Http.PostAsJsonAsync("/api/v1/waiting-list", new
        {
            service = "FLU", postalCode = "H1V3N7", distanceKm = 2, from = $"{day:yyyy-MM-dd}", to = $"{day:yyyy-MM-dd}",
            contact = new { email = $"offre-{Guid.NewGuid():N}@example.org", emailConsent = true, language = "fr" }, consent = true,
        });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, joined.StatusCode);
        var entry = await site.Database.ScalarAsync<Guid>("select id from waiting_list_entries where service_code = 'FLU' order by position desc limit 1");
        await FreeASeatAsync(stade, QuebecDate.At(day, 11));
        const string latest = "select coalesce((select id from waiting_list_offers where entry_id = @e), '00000000-0000-0000-0000-000000000000'::uuid)";
        await Poll.UntilAsync(async () => await site.Database.ScalarAsync<Guid>(latest, ("e", entry)) != Guid.Empty, TimeSpan.FromSeconds(15), "the offer");
        var offer = await site.Database.ScalarAsync<Guid>(latest, ("e", entry));

        var page = await site.NewVisitorAsync(Viewport.Desktop);
        await PageChecks.Explained(page, "waiting-list-offer-offered", async () =>
        {
            await page.GotoAsync($"/waiting-list/offers/{offer}?token={site.WebServices.GetRequiredService<WaitingListTokens>().ForOffer(offer)}&lang=fr");
            await page.Locator("h1", new() { HasText = "Une place pour vous" }).WaitForAsync();
            await PageChecks.CheckAsync(page, "waiting-list-offer-1-offered");
            await page.Locator("#take-offer").ClickAsync();
        });
        var code = await new CitizenJourney(page, "waiting-list-offer", check: false).BookAsync(Citizen.Unique());

        Assert.False(string.IsNullOrWhiteSpace(code));
        Assert.Equal("accepted", await site.Database.ScalarAsync<string>("select status from waiting_list_offers where id = @o", ("o", offer)));
        Assert.Equal("booked", await site.Database.ScalarAsync<string>("select status from waiting_list_entries where id = @e", ("e", entry)));
    }

    /// <summary>Books a seat and cancels it through the API, as a citizen giving up their appointment does.</summary>
    private async Task FreeASeatAsync(Guid location, DateTimeOffset start)
    {
        var hold = await Json(await site.Http.PostAsJsonAsync("/api/v1/holds", new { locationId = location, service = "FLU", start }));
        var citizen = Citizen.Unique();
        var booked = await Json(await site.Http.PostAsJsonAsync("/api/v1/bookings", new
        {
            holdId = hold["holdId"]!.GetValue<string>(), consent = true, priorityGroups = HealthWorker,
            citizen = new { firstName = citizen.FirstName, lastName = citizen.LastName, birthDate = citizen.BirthDate, email = citizen.Email, emailConsent = true, language = "fr" },
            screening = new Dictionary<string, bool> { ["fever"] = false, ["severe-allergy"] = false, ["guillain-barre"] = false },
        }));
        var cancelled = await site.Http.PostAsync(
            $"/api/v1/bookings/{booked["confirmationCode"]!.GetValue<string>()}/cancel?token={Uri.EscapeDataString(booked["manageToken"]!.GetValue<string>())}", null);
        Assert.Equal(System.Net.HttpStatusCode.OK, cancelled.StatusCode);
    }

    private static async Task<JsonNode> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!;
    }
}
