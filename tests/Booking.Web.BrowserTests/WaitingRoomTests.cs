using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Booking.Web.BrowserTests;

[Collection(SiteCollection.Name)]
public class WaitingRoomTests(SiteFixture site)
{
    private const string Search = $"/search?service={SiteFixture.GatedService}&postalCode=G1R+1S9";

    [Fact]
    public async Task A_queued_visitor_sees_their_place_and_is_let_in_without_reloading()
    {
        var first = await site.NewVisitorAsync(Viewport.Desktop);
        await first.GotoAsync(Search);
        var second = await site.NewVisitorAsync(Viewport.Phone390);
        await second.GotoAsync(Search);

        // Whoever came second waits (one admission every 20 s); the first may have been let straight in.
        var queued = new Regex("/waiting-room/").IsMatch(second.Url) ? second : first;
        Assert.Matches(new Regex($"/waiting-room/{SiteFixture.WaitingRoom}\\?next="), queued.Url);
        Assert.Equal("Salle d'attente", (await queued.Locator("h1").InnerTextAsync()).Trim());
        Assert.Matches(new Regex("^[1-9][0-9]*$"), (await queued.Locator("[data-queue-position]").InnerTextAsync()).Trim());
        await PageChecks.CheckAsync(queued, "waiting-room");

        // The page's script polls the room and goes on to the search once admitted.
        await queued.WaitForPageAsync("/search\\?service=BLOOD", timeoutMs: 60_000);
        await queued.Locator(".location").First.WaitForAsync();
        Assert.Equal("Trouver une clinique", (await queued.Locator("h1").InnerTextAsync()).Trim());
    }
}
