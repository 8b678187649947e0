using Booking.Data.Demo;
using Booking.Web.BrowserTests;

namespace Booking.Admin.Tests;

/// <summary>The staff site's sign-in in a real headless Chromium: a protected page sends the browser to the identity
/// server (authorization code with PKCE), whose sign-in pages ask for both factors, and back to the page with the site's
/// own session; signing out ends the site's session and the server's.</summary>
[Collection(AdminCollection.Name)]
public sealed class StaffSignInServerBrowserTests(AdminFixture fixture)
{
    private const string SiteCookie = ".Booking.Staff.Site";
    private const string ServerCookie = ".Booking.Staff";

    [Fact]
    public async Task In_Chromium_a_staff_page_signs_in_through_the_identity_server_with_both_factors_and_signing_out_ends_both_sessions()
    {
        var member = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);
        var page = await fixture.NewBrowserPageAsync();
        var authorizations = new List<Uri>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/connect/authorize", StringComparison.Ordinal))
                authorizations.Add(new Uri(request.Url));
        };

        await page.GotoAsync("bookings");
        await page.SignInAsync(member);
        await page.WaitForPageAsync("/bookings$");

        var signedIn = (await page.Context.CookiesAsync()).Select(c => c.Name).ToList();
        Assert.Contains(SiteCookie, signedIn);
        Assert.Contains(ServerCookie, signedIn);
        Assert.NotEmpty(authorizations);
        Assert.All(authorizations, request =>
        {
            Assert.Contains("response_type=code", request.Query, StringComparison.Ordinal);
            Assert.Contains("code_challenge_method=S256", request.Query, StringComparison.Ordinal);
        });

        await page.ClickAsync("header form[action=signout] button");
        await page.WaitForPageAsync("/signin$");

        var signedOut = (await page.Context.CookiesAsync()).Select(c => c.Name).ToList();
        Assert.DoesNotContain(SiteCookie, signedOut);
        Assert.DoesNotContain(ServerCookie, signedOut);
        await page.GotoAsync("bookings");
        await page.WaitForPageAsync("/signin\\?");
        Assert.True(await page.IsVisibleAsync("#password"), "The password is asked again.");
    }
}
