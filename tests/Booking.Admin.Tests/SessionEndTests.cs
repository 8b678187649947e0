using System.Net;
using Booking.Data.Demo;
using static Booking.Admin.Tests.StaffSession;

namespace Booking.Admin.Tests;

/// <summary>Sessions end on the server: a copy of a cookie taken before sign-out or before enrolment opens nothing
/// afterwards, and no session outlives its absolute lifetime however active it is.</summary>
[Collection(AdminCollection.Name)]
public sealed class SessionEndTests(AdminFixture fixture) : IDisposable
{
    private readonly StaffSession _session = new(fixture.SiteAddress);

    public void Dispose() => _session.Dispose();

    [Fact]
    public async Task A_copy_of_the_session_cookie_opens_nothing_after_sign_out()
    {
        var member = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);
        await _session.SignInAsync(member);
        using var copy = _session.WithCopiedCookies();
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("bookings")).StatusCode);

        Assert.Equal("/signin", await _session.LandingAsync(await _session.SubmitAsync("bookings", "signout", new Dictionary<string, string>())));

        Assert.Equal("/signin", await copy.LandingAsync(await copy.GetAsync("bookings?code=K7MQ3-XPRWA")));
    }

    [Fact]
    public async Task Signing_out_ends_only_that_session()
    {
        var member = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);
        await _session.SignInAsync(member);
        using var elsewhere = new StaffSession(fixture.SiteAddress);
        await elsewhere.SignInAsync(member, member.NextCode());

        await _session.SubmitAsync("bookings", "signout", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("bookings")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_midway_through_enrolment_ends_it_and_returns_to_the_sign_in_page()
    {
        var member = await fixture.NewAsync(DemoSeed.MontrealRegion);
        await _session.SubmitAsync("signin", "signin", Password(member));
        const string replacement = "Mon-Nouveau-Secret-42";
        Assert.Equal("/signin/authenticator", Redirect(await _session.SubmitAsync("signin/password", "change-password",
            new Dictionary<string, string> { ["Input.Current"] = member.Password, ["Input.New"] = replacement, ["Input.Confirm"] = replacement })));

        var signedOut = await _session.FollowAsync(await _session.SubmitAsync("signin/authenticator", "signout", new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.OK, signedOut.StatusCode);
        Assert.Equal("/signin", signedOut.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/signin", Redirect(await _session.GetAsync("signin/authenticator")));
    }

    [Fact]
    public async Task A_session_ends_after_ten_hours_however_active()
    {
        var member = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);
        await _session.SignInAsync(member);

        for (var elapsed = TimeSpan.FromMinutes(15); elapsed < TimeSpan.FromHours(10); elapsed += TimeSpan.FromMinutes(15))
        {
            fixture.SessionClock.Advance(TimeSpan.FromMinutes(15));
            Assert.Equal(HttpStatusCode.OK, (await _session.GetAsync("bookings")).StatusCode);
        }
        fixture.SessionClock.Advance(TimeSpan.FromMinutes(15));

        Assert.Equal("/signin", await _session.LandingAsync(await _session.GetAsync("bookings")));
    }

    [Fact]
    public async Task The_enrolment_cookie_opens_nothing_once_enrolment_is_done()
    {
        var member = await fixture.NewAsync(DemoSeed.MontrealRegion);
        await _session.SubmitAsync("signin", "signin", Password(member));
        const string replacement = "Mon-Nouveau-Secret-42";
        await _session.SubmitAsync("signin/password", "change-password",
            new Dictionary<string, string> { ["Input.Current"] = member.Password, ["Input.New"] = replacement, ["Input.Confirm"] = replacement });
        var key = await _session.AuthenticatorKeyOnPageAsync();
        using var copy = _session.WithCopiedCookies();
        Assert.Equal(key, await copy.AuthenticatorKeyOnPageAsync());

        Assert.Equal(HttpStatusCode.OK, (await _session.SubmitAsync("signin/authenticator", "enrol", Code(StaffMember.CodeFor(key)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _session.FollowAsync(await _session.GetAsync("bookings"))).StatusCode);

        var replayed = await copy.GetAsync("signin/authenticator");
        Assert.Equal("/signin", Redirect(replayed));
        Assert.Equal("", await copy.AuthenticatorKeyOnPageAsync());
        Assert.Equal("/signin", await copy.LandingAsync(await copy.GetAsync("bookings")));
    }
}
