using System.Net;
using Booking.Testing;

namespace Booking.Web.BrowserTests;

/// <summary>A citizen books at a clinic whose staff wrote access and parking notes: they read them where they choose
/// the time, where they confirm it and on the confirmation, each page passing axe.</summary>
[Collection(SiteCollection.Name)]
public sealed class ClinicNotesTests(SiteFixture site) : IAsyncLifetime
{
    private static readonly Guid Plateau = new("10000000-0000-4000-8000-000000000003");
    private const string Notes = "Entrée par la ruelle, porte <b>3</b>.\nStationnement gratuit au P2.";

    public async Task InitializeAsync()
    {
        await SetNotesAsync(Notes);
        await Poll.UntilAsync(async () => WebUtility.HtmlDecode(await site.Http.GetStringAsync($"/search?service=FLU&postalCode=H2H2B4&location={Plateau}"))
            .Contains("Stationnement gratuit au P2.", StringComparison.Ordinal), Poll.Propagation, "the web host to read the new notes");
    }

    // The site's database is shared by the collection: the clinic gets its (empty) notes back.
    public Task DisposeAsync() => SetNotesAsync("");

    [Fact]
    public async Task Citizen_reads_the_clinics_access_notes_while_booking()
    {
        var journey = new CitizenJourney(await site.NewVisitorAsync(Viewport.Desktop), "notes");
        await journey.SearchAsync("FLU", "H2H 2B4");
        await journey.HoldAsync(9);
        var page = journey.Page;
        await page.WaitForPageAsync("/screening\\?");

        Assert.Equal(Notes, await page.Locator(".summary .clinic-notes").InnerTextAsync());
        await journey.ScreenAsync();
        await journey.ConfirmDetailsAsync(Citizen.Unique());
        Assert.Equal(Notes, await page.Locator(".confirmed .clinic-notes").InnerTextAsync());
        Assert.Equal(0, await page.Locator(".clinic-notes b").CountAsync());
    }

    private Task SetNotesAsync(string notes) => site.Database.ScalarAsync<object?>("""
        update locations set notes_fr = @notes where id = @id;
        update catalogue_revision set revision = revision + 1;
        """, ("notes", notes), ("id", Plateau));
}
