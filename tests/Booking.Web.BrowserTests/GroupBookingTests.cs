using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Npgsql;

namespace Booking.Web.BrowserTests;

[Collection(SiteCollection.Name)]
public class GroupBookingTests(SiteFixture site)
{
    [Fact]
    public async Task A_family_of_three_books_in_one_go_after_fixing_one_birth_date()
    {
        var page = await site.NewVisitorAsync(Viewport.Desktop);
        var journey = new CitizenJourney(page, "group", check: false);
        await page.GotoAsync("/?lang=fr");
        await page.Locator("#service-FLU").CheckAsync();
        await page.Locator("#postalCode").FillAsync("H2X 1Y4");
        await page.GetByLabel("Nombre de personnes").SelectOptionAsync("3");
        await page.Locator(".search-form button[type=submit]").ClickAsync();
        await page.WaitForPageAsync("people=3");
        await page.Locator(".location").First.WaitForAsync();
        await journey.HoldAsync();

        await page.WaitForPageAsync("/group\\?");
        Assert.Equal(3, await page.Locator(".held-times li").CountAsync());
        Assert.Matches(new Regex(@"\d+ min \d\d s"), await page.Locator("[data-countdown-value]").InnerTextAsync());
        await PageChecks.CheckAsync(page, "group-1-form");

        var family = new[] { Citizen.Unique(), Citizen.Unique(), Citizen.Unique() };
        foreach (var no in await page.Locator("input[type=radio][value=no]").AllAsync())
            await no.CheckAsync();
        foreach (var yes in await page.Locator("input[type=radio][id$='.screening.requisition-yes']").AllAsync())
            await yes.CheckAsync();
        foreach (var group in await page.Locator("input[type=checkbox][id$='group-health-worker']").AllAsync())
            await group.CheckAsync();
        for (var i = 0; i < family.Length; i++)
        {
            await Input(page, $"people[{i}].firstName").FillAsync(family[i].FirstName);
            await Input(page, $"people[{i}].lastName").FillAsync(family[i].LastName);
            await Input(page, $"people[{i}].birthDate").FillAsync(i == 1 ? "1985-13-45" : family[i].BirthDate);
        }
        await page.Locator("#email").FillAsync(family[0].Email);
        await page.Locator("#emailConsent").CheckAsync();
        await page.Locator("#consent").CheckAsync();
        await page.Locator("form button[type=submit]").Last.ClickAsync();

        // The error names the second person's birth date, its link focuses that field, and nothing typed is lost.
        var summary = page.Locator(".error-summary");
        await summary.WaitForAsync();
        var link = summary.Locator("a[href$='#people[1].birthDate']");
        Assert.Equal(1, await link.CountAsync());
        Assert.Equal(1, await summary.Locator("li").CountAsync());
        Assert.Equal("true", await Input(page, "people[1].birthDate").GetAttributeAsync("aria-invalid"));
        Assert.Equal("1985-13-45", await Input(page, "people[1].birthDate").InputValueAsync());
        Assert.Equal(family[0].FirstName, await Input(page, "people[0].firstName").InputValueAsync());
        Assert.Equal(family[2].LastName, await Input(page, "people[2].lastName").InputValueAsync());
        Assert.Equal(family[0].Email, await page.Locator("#email").InputValueAsync());
        Assert.True(await page.Locator("#consent").IsCheckedAsync());
        await PageChecks.CheckAsync(page, "group-2-error");
        await link.ClickAsync();
        Assert.Equal("people[1].birthDate", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        await Input(page, "people[1].birthDate").FillAsync(family[1].BirthDate);
        await page.Locator("form button[type=submit]").Last.ClickAsync();
        await page.WaitForPageAsync("/group/confirmation\\?");
        await PageChecks.CheckAsync(page, "group-3-confirmation");

        var codes = (await page.Locator(".code").AllInnerTextsAsync()).Select(c => c.Trim()).ToList();
        Assert.Equal(3, codes.Distinct().Count());
        var manageLinks = await page.Locator("a[href*='manage/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(codes.Order(), manageLinks.Select(h => Regex.Match(h, @"manage/([^?]+)\?token=[^&]+&lang=fr$").Groups[1].Value).Order());
        Assert.Equal(3, await page.Locator("a[href*='calendar/'][download]").CountAsync());

        await using var connection = new NpgsqlConnection(site.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select status, slot_start, slot_end, seat from bookings where confirmation_code = any(@codes) order by slot_start, seat", connection);
        command.Parameters.AddWithValue("codes", codes.ToArray());
        var rows = new List<(string Status, DateTime Start, DateTime End, int Seat)>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                rows.Add((reader.GetString(0), reader.GetDateTime(1), reader.GetDateTime(2), reader.GetInt32(3)));
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal("confirmed", r.Status));
        Assert.Equal(3, rows.Select(r => (r.Start, r.Seat)).Distinct().Count());
        // Side by side in the chosen slot, or in slots that follow one another without a gap.
        var starts = rows.Select(r => r.Start).Distinct().Order().ToList();
        for (var i = 1; i < starts.Count; i++)
            Assert.Equal(rows.First(r => r.Start == starts[i - 1]).End, starts[i]);
    }

    private static ILocator Input(IPage page, string id) => page.Locator($"[id='{id}']");
}
