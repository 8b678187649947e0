using Booking.Data.Demo;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Booking.Admin.Tests;

/// <summary>The staff site's answers carry the same strict headers as the citizen site's (one <c>SecurityHeaders</c>
/// for both; the staff site's only relaxation is its inline stylesheet), and its cookies cannot be read by script nor
/// sent by another site.</summary>
[Collection(AdminCollection.Name)]
public sealed class StaffSiteHeadersTests(AdminFixture fixture)
{
    [Theory]
    [InlineData("/signin")]
    [InlineData("/no-such-page")]
    [InlineData("/")]
    public async Task Every_answer_forbids_framing_foreign_scripts_sniffing_and_referrers(string path)
    {
        using var session = new StaffSession(fixture.SiteAddress);

        var response = await session.GetAsync(path);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("form-action 'self'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Contains("no-store", Header(response, "Cache-Control"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS over plain HTTP");
    }

    [Fact]
    public async Task A_signed_in_page_carries_them_too()
    {
        var (_, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion);
        using (session)
        {
            var response = await session.GetAsync("/");

            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
            Assert.Contains("no-store", Header(response, "Cache-Control"));
        }
    }

    [Fact]
    public async Task The_sign_in_form_s_cookie_is_http_only_and_same_site()
    {
        using var session = new StaffSession(fixture.SiteAddress);

        var response = await session.GetAsync("/signin");

        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, cookie =>
        {
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void The_session_cookie_is_http_only_same_site_strict_and_secure_whenever_the_request_was()
    {
        var options = fixture.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>();

        foreach (var scheme in new[] { IdentityConstants.ApplicationScheme, IdentityConstants.TwoFactorUserIdScheme })
        {
            var cookie = options.Get(scheme).Cookie;
            Assert.True(cookie.HttpOnly, scheme);
            Assert.Equal(CookieSecurePolicy.SameAsRequest, cookie.SecurePolicy);
        }
        Assert.Equal(SameSiteMode.Strict, options.Get(IdentityConstants.ApplicationScheme).Cookie.SameSite);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} missing on {response.RequestMessage?.RequestUri} ({(int)response.StatusCode})");
}
