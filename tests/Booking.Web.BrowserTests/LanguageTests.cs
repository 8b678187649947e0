
namespace Booking.Web.BrowserTests;

[Collection(SiteCollection.Name)]
public class LanguageTests(SiteFixture site)
{
    [Fact]
    public async Task French_by_default_and_english_kept_across_pages_once_chosen()
    {
        var page = await site.NewVisitorAsync(Viewport.Desktop);
        await page.GotoAsync("/");
        Assert.Equal("fr", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Prendre rendez-vous", (await page.Locator("h1").InnerTextAsync()).Trim());

        await page.Locator("a.language-switch").ClickAsync();
        await page.WaitForPageAsync("lang=en");
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Book an appointment", (await page.Locator("h1").InnerTextAsync()).Trim());

        // Every following page stays in English without ?lang in its links; the whole booking is checked in English.
        var journey = new CitizenJourney(page, "book-en-desktop");
        await page.Locator("#service-FLU").CheckAsync();
        await page.Locator("#postalCode").FillAsync("G1R 1S9");
        await page.Locator(".search-form button[type=submit]").ClickAsync();
        await page.WaitForPageAsync("/search\\?");
        Assert.Equal("Find a clinic", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await PageChecks.CheckAsync(page, "book-en-desktop-2-search");
        await journey.HoldAsync();
        var code = await journey.BookAsync(Citizen.Unique());

        Assert.Equal("Appointment confirmed", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.EndsWith("&lang=en", await page.Locator("a", new() { HasText = "Manage my appointment" }).GetAttributeAsync("href"));
        Assert.False(string.IsNullOrEmpty(code));

        await page.Locator("a.language-switch").ClickAsync();
        await page.WaitForPageAsync("lang=fr");
        Assert.Equal("Rendez-vous confirmé", (await page.Locator("h1").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task English_pages_at_phone_size_pass_the_accessibility_check()
    {
        var journey = new CitizenJourney(await site.NewVisitorAsync(Viewport.Phone390), "book-en-phone");
        await journey.SearchAsync("COVID19", "H7S 1Y9", language: "en");
        await journey.HoldAsync(5);
        await journey.BookAsync(Citizen.Unique());
        Assert.Equal("Appointment confirmed", (await journey.Page.Locator("h1").InnerTextAsync()).Trim());
    }
}
