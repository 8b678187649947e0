
namespace Booking.Web.BrowserTests;

[Collection(SiteCollection.Name)]
public class EligibilityTests(SiteFixture site)
{
    [Fact]
    public async Task A_screening_answer_stops_the_booking_with_what_to_do_instead()
    {
        var journey = new CitizenJourney(await site.NewVisitorAsync(Viewport.Desktop), "screening", check: false);
        await journey.SearchAsync("FLU", "G1L 5A7");
        await journey.HoldAsync(2);
        var page = journey.Page;
        await page.WaitForPageAsync("/screening\\?");
        await PageChecks.CheckAsync(page, "screening-questions");

        await page.Locator("#screening-fever-yes").CheckAsync();
        await page.Locator("#screening-severe-allergy-no").CheckAsync();
        await page.Locator("#screening-guillain-barre-no").CheckAsync();
        await page.Locator("form button[type=submit]").Last.ClickAsync();

        var blocked = page.Locator(".message--error");
        await blocked.WaitForAsync();
        Assert.Contains("Revenez quand vous n'aurez plus de fièvre", await blocked.InnerTextAsync());
        await PageChecks.CheckAsync(page, "screening-blocked");
    }

    [Fact]
    public async Task An_unanswered_question_is_named_and_nothing_is_lost()
    {
        var journey = new CitizenJourney(await site.NewVisitorAsync(Viewport.Phone390), "screening-missing", check: false);
        await journey.SearchAsync("FLU", "G1L 5A7");
        await journey.HoldAsync(3);
        var page = journey.Page;
        await page.WaitForPageAsync("/screening\\?");

        await page.Locator("#screening-fever-no").CheckAsync();
        await page.Locator("form button[type=submit]").Last.ClickAsync();

        await page.Locator(".error-summary").WaitForAsync();
        Assert.Equal(2, await page.Locator(".error-summary li").CountAsync()); // severe-allergy and guillain-barre
        Assert.True(await page.Locator("#screening-fever-no").IsCheckedAsync());
        await PageChecks.CheckAsync(page, "screening-missing");
    }

    [Fact]
    public async Task A_citizen_outside_the_campaigns_open_groups_is_told_who_may_book()
    {
        var journey = new CitizenJourney(await site.NewVisitorAsync(Viewport.Desktop), "campaign", check: false);
        await journey.SearchAsync("COVID19", "G1L 5A7");
        await journey.HoldAsync(6);
        await journey.ScreenAsync(declareGroup: false);
        await journey.Page.WaitForPageAsync("/details\\?");
        await journey.FillDetailsAsync(Citizen.Unique());

        var refusal = journey.Page.Locator(".message--error");
        await refusal.WaitForAsync();
        var text = await refusal.InnerTextAsync();
        Assert.True(text.Contains("Pour l'instant, ce service est offert seulement à ces groupes : 60 ans et plus, personnes ayant une maladie chronique, travailleurs de la santé."), text);
        await PageChecks.CheckAsync(journey.Page, "campaign-refused");
    }
}
