using System.Net;
using Booking.Data.Demo;
using Booking.Web.BrowserTests;
using Microsoft.AspNetCore.WebUtilities;

namespace Booking.Admin.Tests;

/// <summary>The identity server's sign-in for a staff site, in a real headless Chromium: the authorization request is
/// answered by the existing sign-in pages (password, then the authenticator's code) and comes back to the site with a
/// code that the site exchanges. The test stands in for the site at its redirect address.</summary>
[Collection(AdminCollection.Name)]
public sealed class StaffSignInServerBrowserTests(AdminFixture fixture)
{
    [Fact]
    public async Task In_Chromium_the_server_asks_for_both_factors_then_sends_the_staff_site_a_code()
    {
        var member = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);
        var site = new StaffSiteAuthorization(fixture.SiteAddress);
        var page = await fixture.NewBrowserPageAsync();
        await page.RouteAsync(url => url.StartsWith(site.RedirectUri, StringComparison.Ordinal), route => route.FulfillAsync(new() { Status = 200, Body = "site" }));

        await page.GotoAsync(site.RequestPath());
        await page.EnterPasswordAsync(member);
        await page.FillAsync("#code", member.CurrentCode());
        var arrival = await page.RunAndWaitForRequestAsync(() => page.ClickAsync("main button[type=submit]"), IsRedirectTo(site));

        Assert.Equal(HttpStatusCode.OK, (await site.ExchangeAsync(CodeIn(arrival))).Status);
    }

    private static Func<Microsoft.Playwright.IRequest, bool> IsRedirectTo(StaffSiteAuthorization site) =>
        request => request.Url.StartsWith(site.RedirectUri + "?", StringComparison.Ordinal);

    private static string CodeIn(Microsoft.Playwright.IRequest request) => QueryHelpers.ParseQuery(new Uri(request.Url).Query)["code"].ToString();
}
