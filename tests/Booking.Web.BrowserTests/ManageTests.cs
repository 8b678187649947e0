using System.Text.RegularExpressions;

namespace Booking.Web.BrowserTests;

[Collection(SiteCollection.Name)]
public class ManageTests(SiteFixture site)
{
    private async Task<CitizenJourney> BookedAsync(string prefix, Citizen citizen, string service = "FLU", int slot = 0)
    {
        var journey = new CitizenJourney(await site.NewVisitorAsync(Viewport.Desktop), prefix, check: false);
        await journey.SearchAsync(service, "H2H 2B4");
        await journey.HoldAsync(slot);
        await journey.BookAsync(citizen);
        return journey;
    }

    [Fact]
    public async Task Citizen_adds_the_appointment_to_a_calendar()
    {
        var page = (await BookedAsync("ics", Citizen.Unique())).Page;

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a", new() { HasText = "Ajouter à mon agenda" }).ClickAsync());
        var ics = await File.ReadAllTextAsync(await download.PathAsync());

        var code = (await page.Locator(".code").InnerTextAsync()).Trim();
        Assert.Equal($"{code}.ics", download.SuggestedFilename);
        Assert.Contains("BEGIN:VCALENDAR", ics);
        Assert.Contains("STATUS:CONFIRMED", ics);
        Assert.Contains("Numéro de confirmation : " + code, ics);
    }

    [Fact]
    public async Task Citizen_reschedules_and_keeps_one_appointment()
    {
        var journey = await BookedAsync("move", Citizen.Unique(), slot: 0);
        var page = journey.Page;
        await page.Locator("a", new() { HasText = "Gérer mon rendez-vous" }).ClickAsync();
        await page.WaitForPageAsync("/manage/");
        var before = await page.Locator(".facts").InnerTextAsync();

        await page.Locator("a", new() { HasText = "Changer l'heure" }).ClickAsync();
        await page.WaitForPageAsync("/search\\?.*rebook=");
        Assert.Contains("L'ancienne heure reste à vous", await page.Locator("p.notice").InnerTextAsync());
        await journey.HoldAsync(3);
        await page.WaitForPageAsync("/manage/[^/]+/move\\?");
        await PageChecks.CheckAsync(page, "move-1-confirm");
        await page.Locator("button", new() { HasText = "Confirmer la nouvelle heure" }).ClickAsync();

        await page.WaitForPageAsync("moved=1");
        Assert.Contains("Votre rendez-vous a été déplacé", await page.Locator(".message--success").InnerTextAsync());
        var after = await page.Locator(".facts").InnerTextAsync();
        Assert.NotEqual(before, after);
        Assert.Contains("Confirmé", after);
        await PageChecks.CheckAsync(page, "move-2-done");
    }

    [Fact]
    public async Task Citizen_cancels_an_appointment()
    {
        var page = (await BookedAsync("cancel", Citizen.Unique(), slot: 1)).Page;
        await page.Locator("a", new() { HasText = "Gérer mon rendez-vous" }).ClickAsync();
        await page.WaitForPageAsync("/manage/");

        await page.Locator("button", new() { HasText = "Annuler mon rendez-vous" }).ClickAsync();

        await page.Locator(".message--success").WaitForAsync();
        Assert.Contains("Votre rendez-vous est annulé", await page.Locator(".message--success").InnerTextAsync());
        Assert.Contains("Annulé", await page.Locator(".facts").InnerTextAsync());
        Assert.Equal(0, await page.Locator("button", new() { HasText = "Annuler mon rendez-vous" }).CountAsync());
        await PageChecks.CheckAsync(page, "cancel-done");
    }

    [Fact]
    public async Task Citizen_too_soon_after_a_previous_dose_is_told_when_they_can_book()
    {
        const string healthCard = "TREM 8005 0112";
        await BookedAsync("eligible-first", Citizen.Unique(healthCard), service: "COVID19", slot: 2);

        var journey = new CitizenJourney(await site.NewVisitorAsync(Viewport.Phone390), "ineligible", check: false);
        await journey.SearchAsync("COVID19", "H2H 2B4");
        await journey.HoldAsync(4);
        await journey.ScreenAsync();
        await journey.Page.WaitForPageAsync("/details\\?");
        await journey.FillDetailsAsync(Citizen.Unique(healthCard));

        var refusal = journey.Page.Locator(".message--error");
        await refusal.WaitForAsync();
        Assert.Matches(new Regex("Votre rendez-vous précédent pour « Vaccin contre la COVID-19 » est trop récent. Vous pourrez prendre rendez-vous à partir du \\d+ \\p{L}+ \\d{4}."),
            await refusal.InnerTextAsync());
        Assert.Matches(new Regex("/details\\?"), journey.Page.Url);
        await PageChecks.CheckAsync(journey.Page, "ineligible-refused");
    }
}
