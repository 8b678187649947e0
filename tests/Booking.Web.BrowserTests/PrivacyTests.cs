
namespace Booking.Web.BrowserTests;

[Collection(SiteCollection.Name)]
public class PrivacyTests(SiteFixture site)
{
    [Fact]
    public async Task Citizen_sees_what_is_held_about_them_and_asks_for_a_correction()
    {
        var citizen = Citizen.Unique();
        var journey = new CitizenJourney(await site.NewVisitorAsync(Viewport.Desktop), "privacy", check: false);
        await journey.SearchAsync("FLU", "H1V 3N7");
        await journey.HoldAsync(7);
        await journey.BookAsync(citizen);
        var page = journey.Page;
        await page.Locator("a", new() { HasText = "Gérer mon rendez-vous" }).ClickAsync();
        await page.Locator("a", new() { HasText = "Voir mes renseignements personnels" }).ClickAsync();
        await page.WaitForPageAsync("/manage/[^/]+/privacy\\?token=");
        await page.Locator("h1", new() { HasText = "Mes renseignements personnels" }).WaitForAsync();

        var held = await page.Locator(".facts").InnerTextAsync();
        Assert.Contains(citizen.LastName, held);
        Assert.Contains(citizen.Email, held);
        Assert.Contains("Avez-vous de la fièvre aujourd'hui ?", held);
        Assert.True(await page.Locator(".table tbody tr").CountAsync() >= 1, "the access log lists at least this read");
        await PageChecks.CheckAsync(page, "privacy-1-information");

        await page.Locator("#field").SelectOptionAsync("lastName");
        await page.Locator("#value").FillAsync("Tremblay-Roy");
        await page.Locator("form button[type=submit]").Last.ClickAsync();

        await page.Locator(".message--success").WaitForAsync();
        Assert.Contains("Votre demande de correction est reçue", await page.Locator(".message--success").InnerTextAsync());
    }

    [Fact]
    public async Task Anyone_files_a_privacy_complaint_and_gets_a_reference()
    {
        var page = await site.NewVisitorAsync(Viewport.Phone390);
        await page.GotoAsync("/");
        await page.Locator("a", new() { HasText = "Porter plainte" }).ClickAsync();
        await page.WaitForPageAsync("/privacy-complaint");

        await page.Locator("#name").FillAsync("Marc Lavoie");
        await page.Locator("form button[type=submit]").Last.ClickAsync();
        await page.Locator(".error-summary").WaitForAsync();
        Assert.Equal("Marc Lavoie", await page.Locator("#name").InputValueAsync());
        await PageChecks.CheckAsync(page, "complaint-1-errors");

        await page.Locator("#email").FillAsync("marc@example.org");
        await page.Locator("#grounds").FillAsync("J'ai reçu un rappel pour un rendez-vous qui n'est pas le mien.");
        await page.Locator("form button[type=submit]").Last.ClickAsync();

        await page.Locator(".message--success .code").WaitForAsync();
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator(".message--success .code").InnerTextAsync()));
        await PageChecks.CheckAsync(page, "complaint-2-received");
    }
}
