using System.Text.RegularExpressions;
using Booking.Data.Demo;
using Booking.Staff.Access;
using Booking.Web.BrowserTests;
using Microsoft.Playwright;

namespace Booking.Admin.Tests;

/// <summary>A tenant administrator's visit in a real headless Chromium: the accounts list, a new account with its
/// first password, a clinic role requested, the account suspended, its history, the sign-in log, in French then
/// English; every page checked with axe-core.</summary>
[Collection(AdminCollection.Name)]
public sealed class AccountAdministrationJourneyTests(AdminFixture fixture)
{
    [Fact]
    public async Task An_administrator_creates_an_account_grants_it_a_clinic_role_and_suspends_it()
    {
        var admin = await fixture.EnrolledAsync(DemoSeed.MontrealRegion, new RoleGrant(StaffRole.TenantAdministrator, DemoSeed.MontrealRegion));
        var page = await fixture.NewBrowserPageAsync();
        var email = $"nouvelle-{Guid.NewGuid():N}@test.example";

        await page.GotoAsync("staff");
        await page.SignInAsync(admin);
        await page.WaitForPageAsync("/staff$");
        await Assertions.Expect(page.Locator($"#account-{admin.Id}")).ToContainTextAsync("Administration de l'organisation");
        await BrowserSteps.CheckAsync(page, "admin-1-accounts");

        await page.ClickAsync("#new-account");
        await page.FillAsync("#email", email);
        await page.FillAsync("#name", "Nouvelle Personne");
        await page.SelectOptionAsync("#tenant", DemoSeed.MontrealRegion.ToString());
        await page.CheckAsync("#access-password");
        await BrowserSteps.CheckAsync(page, "admin-2-new-account");
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.Locator("#first-password")).ToHaveTextAsync(new Regex("^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3,}$"));
        await BrowserSteps.CheckAsync(page, "admin-3-first-password");

        await page.ClickAsync("#created-account");
        await page.SelectOptionAsync("#role", nameof(StaffRole.FrontDesk));
        await page.SelectOptionAsync("#grant-tenant", DemoSeed.MontrealRegion.ToString());
        await page.CheckAsync($"#clinic-{DemoSeed.StadeOlympique}");
        await page.ClickAsync("form:has(#role) button[type=submit]");
        await Assertions.Expect(page.Locator("#outcome")).ToHaveAttributeAsync("data-outcome", "Requested");
        await Assertions.Expect(page.Locator("#history tr[data-action=role_requested]")).ToContainTextAsync("Stade olympique");
        await BrowserSteps.CheckAsync(page, "admin-4-role-requested");

        await page.ClickAsync("#suspend");
        await Assertions.Expect(page.Locator("#outcome")).ToHaveAttributeAsync("data-outcome", "Done");
        await Assertions.Expect(page.Locator("#history tr[data-action=account_suspended]")).ToContainTextAsync("Compte suspendu");
        await Assertions.Expect(page.Locator("#reactivate")).ToBeVisibleAsync();
        await BrowserSteps.CheckAsync(page, "admin-5-suspended");

        await page.ClickAsync("a[lang=en]");
        await Assertions.Expect(page.Locator("#history tr[data-action=role_requested]")).ToContainTextAsync("Role requested (awaiting approval): Front desk");
        await BrowserSteps.CheckAsync(page, "admin-6-account-en");

        await page.ClickAsync("nav.menu a[href='staff/sign-ins']");
        await Assertions.Expect(page.Locator("#sign-ins")).ToContainTextAsync("Signed in");
        await BrowserSteps.CheckAsync(page, "admin-7-sign-in-log-en");
    }
}
