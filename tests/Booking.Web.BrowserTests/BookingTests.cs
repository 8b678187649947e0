using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Booking.Web.BrowserTests;

[Collection(SiteCollection.Name)]
public class BookingTests(SiteFixture site)
{
    public static TheoryData<string> Screens => [Viewport.Phone390.Name, Viewport.Desktop.Name];

    private static Viewport Screen(string name) => name == Viewport.Phone390.Name ? Viewport.Phone390 : Viewport.Desktop;

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task Citizen_books_a_flu_shot_end_to_end(string screen)
    {
        var page = await site.NewVisitorAsync(Screen(screen));
        var journey = new CitizenJourney(page, $"book-fr-{screen}");

        await journey.SearchAsync("FLU", "H2X 1Y4");
        await journey.HoldAsync();
        Assert.Matches(new Regex(@"\d+ min \d\d s"), await page.Locator("[data-countdown-value]").InnerTextAsync());
        var code = await journey.BookAsync(Citizen.Unique());

        Assert.Matches("^[A-Z0-9-]{6,}$", code);
        Assert.Equal("Rendez-vous confirmé", (await page.Locator("h1").InnerTextAsync()).Trim());
        var manage = await page.Locator("a", new() { HasText = "Gérer mon rendez-vous" }).GetAttributeAsync("href");
        Assert.Matches(new Regex($@"^/?manage/{code}\?token=[^&]+&lang=fr$"), manage);

        await page.Locator("a", new() { HasText = "Gérer mon rendez-vous" }).ClickAsync();
        await page.WaitForPageAsync("/manage/");
        Assert.Contains("Confirmé", await page.Locator(".facts").InnerTextAsync());
        await PageChecks.CheckAsync(page, $"book-fr-{screen}-7-manage");
    }

    [Fact]
    public async Task The_details_form_offers_the_postal_code_searched_with_refuses_an_invalid_one_on_its_field_and_keeps_only_the_area()
    {
        var page = await site.NewVisitorAsync(Viewport.Desktop);
        var journey = new CitizenJourney(page, "postal-code", check: false);
        await journey.SearchAsync("FLU", "H2X 1Y4");
        await journey.HoldAsync(2);
        await journey.ScreenAsync();
        await page.WaitForPageAsync("/details\\?");
        Assert.Equal("H2X 1Y4", await page.Locator("#postalCode").InputValueAsync());

        await page.Locator("#postalCode").FillAsync("12345");
        await journey.FillDetailsAsync(Citizen.Unique());

        await page.Locator("#postalCode-error").WaitForAsync();
        Assert.Contains("code postal canadien", await page.Locator("#postalCode-error").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(("true", "12345"), (await page.Locator("#postalCode").GetAttributeAsync("aria-invalid"), await page.Locator("#postalCode").InputValueAsync()));
        await page.Locator("#postalCode").FillAsync("g0a 1b0");
        await journey.FillDetailsAsync(Citizen.Unique());
        await page.WaitForPageAsync("/confirmation/");
        var code = (await page.Locator(".code").InnerTextAsync()).Trim();
        Assert.Equal("G0A", await site.Database.ScalarAsync<string>("select fsa from bookings where confirmation_code = @c", ("c", code)));
    }

    [Fact]
    public async Task Citizen_books_with_javascript_disabled()
    {
        var page = await site.NewVisitorAsync(Viewport.Desktop, javaScript: false);
        var journey = new CitizenJourney(page, "nojs", check: false);

        await journey.SearchAsync("COVID19", "H1V 3N7");
        await journey.HoldAsync(1);
        var code = await journey.BookAsync(Citizen.Unique());

        Assert.Matches("^[A-Z0-9-]{6,}$", code);
        await page.ScreenshotAsync(new() { Path = Path.Combine(PageChecks.Screenshots, "nojs-confirmation.png"), FullPage = true });
    }

    [Fact]
    public async Task Citizen_sees_why_a_search_was_refused_in_french_and_reaches_the_field()
    {
        var page = await site.NewVisitorAsync(Viewport.Desktop);
        await page.GotoAsync("/search?postalCode=ZZZ&radiusKm=abc&days=7");

        var summary = page.Locator(".error-summary");
        Assert.Contains("Écrivez un code postal canadien", await summary.InnerTextAsync());
        Assert.Contains("Choisissez un service.", await summary.InnerTextAsync());
        Assert.Contains("Choisissez une distance de 1 à 1000 km.", await summary.InnerTextAsync());
        Assert.Equal("true", await page.Locator("#postalCode").GetAttributeAsync("aria-invalid"));
        Assert.Equal("postalCode-hint postalCode-error", await page.Locator("#postalCode").GetAttributeAsync("aria-describedby"));
        await PageChecks.CheckAsync(page, "search-errors-fr");

        await summary.Locator("a", new() { HasText = "code postal" }).ClickAsync();
        Assert.Equal("postalCode", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }
}
