using System.Net;
using System.Text.Json;
using Booking.Data.Demo;
using Microsoft.AspNetCore.WebUtilities;
using static Booking.Admin.Tests.StaffSession;

namespace Booking.Admin.Tests;

/// <summary>The identity server as staff sites use it, attacked from outside: only registered addresses get codes,
/// every code is bound to a PKCE challenge and good for one exchange, and nobody gets a code without both factors.</summary>
[Collection(AdminCollection.Name)]
public sealed class StaffSignInServerTests(AdminFixture fixture) : IDisposable
{
    private readonly StaffSession _session = new(fixture.SiteAddress);

    public void Dispose() => _session.Dispose();

    [Fact]
    public async Task A_signed_in_person_gets_a_code_whose_tokens_name_them_with_both_factors_and_their_session()
    {
        var member = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);
        await _session.SignInAsync(member);
        var site = new StaffSiteAuthorization(fixture.SiteAddress);

        var response = await _session.GetAsync(site.RequestPath());

        Assert.Equal(site.RedirectUri, response.Headers.Location!.GetLeftPart(UriPartial.Path));
        var (status, body) = await site.ExchangeAsync(StaffSiteAuthorization.Code(response)!);
        Assert.Equal(HttpStatusCode.OK, status);
        var identity = Payload(body.GetProperty("id_token").GetString()!);
        Assert.Equal(member.Id.ToString(), identity.GetProperty("sub").GetString());
        Assert.Equal("mfa", identity.GetProperty("amr").EnumerateArray().Single().GetString());
        Assert.True(identity.TryGetProperty("sid", out _));
        Assert.Equal(15 * 60, identity.GetProperty("exp").GetInt64() - identity.GetProperty("iat").GetInt64());
    }

    [Fact]
    public async Task Without_a_session_the_request_goes_to_the_password_page_and_comes_back()
    {
        var site = new StaffSiteAuthorization(fixture.SiteAddress);

        var response = await _session.GetAsync(site.RequestPath());

        Assert.Equal("/signin", Redirect(response));
        var returnUrl = QueryHelpers.ParseQuery(response.Headers.Location!.Query)["ReturnUrl"].ToString();
        Assert.StartsWith("/connect/authorize?", returnUrl);
    }

    [Fact]
    public async Task A_password_without_the_second_factor_gets_no_code()
    {
        var member = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);
        Assert.Equal("/signin/code", Redirect(await _session.SubmitAsync("signin", "signin", Password(member))));

        var response = await _session.GetAsync(new StaffSiteAuthorization(fixture.SiteAddress).RequestPath());

        Assert.Equal("/signin", Redirect(response));
        Assert.Null(StaffSiteAuthorization.Code(response));
    }

    [Fact]
    public async Task An_unregistered_redirect_uri_or_client_is_refused_without_redirecting()
    {
        var member = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);
        await _session.SignInAsync(member);

        foreach (var site in new[]
                 {
                     new StaffSiteAuthorization(fixture.SiteAddress) { RedirectUri = "https://attacker.example/signin-oidc" },
                     new StaffSiteAuthorization(fixture.SiteAddress) { RedirectUri = new Uri(fixture.SiteAddress, "signin-oidc/../elsewhere").ToString() },
                     new StaffSiteAuthorization(fixture.SiteAddress) { RedirectUri = new Uri(fixture.SiteAddress, "signin-oidc?next=x").ToString() },
                     new StaffSiteAuthorization(fixture.SiteAddress) { ClientId = "not-a-staff-site" },
                 })
        {
            var response = await _session.GetAsync(site.RequestPath());
            // An unknown client is invalid_client (401), an address not registered invalid_request (400): a page, no redirect.
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized });
            Assert.Null(response.Headers.Location);
        }
    }

    [Fact]
    public async Task A_request_without_a_pkce_challenge_is_refused()
    {
        var member = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);
        await _session.SignInAsync(member);

        var response = await _session.GetAsync(new StaffSiteAuthorization(fixture.SiteAddress) { WithChallenge = false }.RequestPath());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_plain_pkce_challenge_is_refused()
    {
        var member = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);
        await _session.SignInAsync(member);
        var site = new StaffSiteAuthorization(fixture.SiteAddress);

        var response = await _session.GetAsync(site.RequestPath().Replace("code_challenge_method=S256", "code_challenge_method=plain"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_code_cannot_be_exchanged_twice()
    {
        var member = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);
        await _session.SignInAsync(member);
        var site = new StaffSiteAuthorization(fixture.SiteAddress);
        var code = StaffSiteAuthorization.Code(await _session.GetAsync(site.RequestPath()))!;
        Assert.Equal(HttpStatusCode.OK, (await site.ExchangeAsync(code)).Status);

        var (status, body) = await site.ExchangeAsync(code);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_code_cannot_be_exchanged_with_another_verifier()
    {
        var member = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);
        await _session.SignInAsync(member);
        var site = new StaffSiteAuthorization(fixture.SiteAddress);
        var code = StaffSiteAuthorization.Code(await _session.GetAsync(site.RequestPath()))!;

        var (status, body) = await site.ExchangeAsync(code, new StaffSiteAuthorization(fixture.SiteAddress).Verifier);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await site.ExchangeAsync(code, verifier: "")).Status);
    }

    [Fact]
    public async Task A_code_issued_before_sign_out_cannot_be_exchanged_after()
    {
        var member = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);
        await _session.SignInAsync(member);
        var site = new StaffSiteAuthorization(fixture.SiteAddress);
        var code = StaffSiteAuthorization.Code(await _session.GetAsync(site.RequestPath()))!;

        await _session.SubmitAsync("bookings", "signout", new Dictionary<string, string>());

        var (status, body) = await site.ExchangeAsync(code);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Discovery_publishes_the_code_flow_with_pkce_and_the_end_session_endpoint()
    {
        using var http = new HttpClient { BaseAddress = fixture.SiteAddress };
        using var discovery = JsonDocument.Parse(await http.GetStringAsync(".well-known/openid-configuration"));

        var root = discovery.RootElement;
        Assert.EndsWith("/connect/authorize", root.GetProperty("authorization_endpoint").GetString());
        Assert.EndsWith("/connect/endsession", root.GetProperty("end_session_endpoint").GetString());
        Assert.Contains("authorization_code", root.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(["S256"], root.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()));
    }

    private static JsonElement Payload(string jwt) =>
        JsonDocument.Parse(Base64UrlTextEncoder.Decode(jwt.Split('.')[1])).RootElement;
}
