using System.Globalization;
using Booking.Testing;
using Microsoft.Playwright;

namespace Booking.Web.BrowserTests;

/// <summary>The steps a citizen takes on the site, as a person would: by labels and buttons. Each step waits for the
/// page it leads to; <see cref="Check"/> runs the accessibility check and screenshot on the way when set. A step that
/// fails says what the page showed, with a screenshot (<see cref="PageChecks.Failed"/>).</summary>
public sealed class CitizenJourney(IPage page, string screenshotPrefix, bool check = true)
{
    /// <summary>The day every journey books on: a weekday ahead, so no slot is about to start, whatever the hour.</summary>
    public static DateOnly Day { get; } = QuebecDate.NextWeekday(2);

    public IPage Page => page;

    private Task Check(string step) => check ? PageChecks.CheckAsync(page, $"{screenshotPrefix}-{step}") : Task.CompletedTask;

    public Task SearchAsync(string serviceCode, string postalCode, string language = "fr") =>
        PageChecks.Explained(page, $"{screenshotPrefix}-search", async () =>
        {
            await page.GotoAsync($"/?lang={language}");
            await Check("1-home");
            await page.Locator($"#service-{serviceCode}").CheckAsync();
            await page.Locator("#postalCode").FillAsync(postalCode);
            await page.Locator(".search-form button[type=submit]").ClickAsync();
            await page.WaitForPageAsync("/search\\?");
            await page.Locator(".location").First.WaitForAsync();
            await Check("2-search");
        });

    /// <summary>Opens the nearest clinic's times, picks <see cref="Day"/> and holds its <paramref name="slot"/>-th time.</summary>
    public Task HoldAsync(int slot = 0) => PageChecks.Explained(page, $"{screenshotPrefix}-hold", async () =>
    {
        await page.Locator(".location a.button").First.ClickAsync();
        await page.Locator("#slots .slot").First.WaitForAsync();
        var day = Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.Locator($"#slots a.day[href*='day={day}']").ClickAsync();
        await page.WaitForPageAsync($"day={day}");
        await Check("3-slots");
        await page.Locator("#slots .slot").Nth(slot).ClickAsync();
    });

    /// <summary>Screening answers that let the demo services book ("no" to every risk, "yes" to having a requisition);
    /// the citizen declares being a health worker when the service's campaign asks for a priority group.</summary>
    public Task ScreenAsync(bool declareGroup = true) => PageChecks.Explained(page, $"{screenshotPrefix}-screening", async () =>
    {
        await page.WaitForPageAsync("/screening\\?");
        await Check("4-screening");
        foreach (var no in await page.Locator("input[type=radio][value=no]").AllAsync())
            await no.CheckAsync();
        if (await page.Locator("#screening-requisition-yes").CountAsync() > 0)
            await page.Locator("#screening-requisition-yes").CheckAsync();
        if (declareGroup && await page.Locator("#group-health-worker").CountAsync() > 0)
            await page.Locator("#group-health-worker").CheckAsync();
        await page.Locator("form button[type=submit]").Last.ClickAsync();
    });

    public async Task<string> BookAsync(Citizen citizen)
    {
        await ScreenAsync();
        return await ConfirmDetailsAsync(citizen);
    }

    public Task<string> ConfirmDetailsAsync(Citizen citizen) => PageChecks.Explained(page, $"{screenshotPrefix}-details", async () =>
    {
        await page.WaitForPageAsync("/details\\?");
        await Check("5-details");
        await FillDetailsAsync(citizen);
        await page.WaitForPageAsync("/confirmation/");
        await Check("6-confirmation");
        return (await page.Locator(".code").InnerTextAsync()).Trim();
    });

    public async Task FillDetailsAsync(Citizen citizen)
    {
        await page.Locator("#firstName").FillAsync(citizen.FirstName);
        await page.Locator("#lastName").FillAsync(citizen.LastName);
        await page.Locator("#birthDate").FillAsync(citizen.BirthDate);
        if (citizen.HealthCard is not null)
            await page.Locator("#healthCardNumber").FillAsync(citizen.HealthCard);
        await page.Locator("#email").FillAsync(citizen.Email);
        await page.Locator("#emailConsent").CheckAsync();
        await page.Locator("#consent").CheckAsync();
        await page.Locator("form button[type=submit]").Last.ClickAsync();
    }
}

public sealed record Citizen(string FirstName, string LastName, string BirthDate, string Email, string? HealthCard = null)
{
    private static int _next;

    /// <summary>A citizen no other test uses, so eligibility history never crosses tests.</summary>
    public static Citizen Unique(string? healthCard = null)
    {
        var n = Interlocked.Increment(ref _next);
        return new Citizen("Élise", "Tremblay-" + new string((char)('a' + n % 26), 1 + n / 26), "1980-05-01", $"elise{n}@example.org", healthCard);
    }
}
