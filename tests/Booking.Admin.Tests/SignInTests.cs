using System.Net;
using Booking.Data.Demo;
using Booking.Staff.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Booking.Admin.Tests.StaffSession;

namespace Booking.Admin.Tests;

/// <summary>Staff sign-in over real HTTP: both factors for every session, the first sign-in's forced password change
/// and enrolment, lockout after repeated failures, and the session closing after inactivity.</summary>
[Collection(AdminCollection.Name)]
public sealed class SignInTests(AdminFixture fixture) : IDisposable
{
    private readonly StaffSession _session = new(fixture.SiteAddress);

    public void Dispose() => _session.Dispose();

    [Fact]
    public async Task An_unauthenticated_request_is_sent_to_sign_in()
    {
        var signIn = (await _session.FollowAsync(await _session.GetAsync("bookings?code=K7MQ3-XPRWA"))).RequestMessage!.RequestUri!;

        Assert.Equal("/signin", signIn.AbsolutePath);
        Assert.Contains("ReturnUrl=", signIn.Query);
    }

    [Fact]
    public async Task After_both_factors_the_page_first_asked_for_opens()
    {
        var member = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);
        var signIn = (await _session.FollowAsync(await _session.GetAsync("bookings?code=K7MQ3-XPRWA"))).RequestMessage!.RequestUri!.PathAndQuery;

        var password = await _session.SubmitAsync(signIn.TrimStart('/'), "signin", Password(member));
        var codeStep = password.Headers.Location!.PathAndQuery;
        var code = await _session.SubmitAsync(codeStep.TrimStart('/'), "code", Code(member.CurrentCode()));

        Assert.StartsWith("/signin/code?ReturnUrl=", codeStep);
        Assert.Equal("/bookings?code=K7MQ3-XPRWA", (await _session.FollowAsync(code)).RequestMessage!.RequestUri!.PathAndQuery);
    }

    [Fact]
    public async Task A_return_address_on_another_site_is_ignored()
    {
        var member = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);

        var password = await _session.SubmitAsync("signin?ReturnUrl=%2F%2Fevil.example%2F", "signin", Password(member));
        var code = await _session.SubmitAsync("signin/code", "code", Code(member.CurrentCode()));

        Assert.Equal("/signin/code", password.Headers.Location!.PathAndQuery);
        Assert.Equal("/", code.Headers.Location!.PathAndQuery);
        Assert.Equal(fixture.SiteAddress.Authority, code.Headers.Location.Authority);
    }

    [Fact]
    public async Task A_password_alone_opens_no_session()
    {
        var member = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);

        var password = await _session.SubmitAsync("signin", "signin", Password(member));

        Assert.Equal("/signin/code", StaffSession.Redirect(password));
        Assert.Equal("/signin", await _session.LandingAsync(await _session.GetAsync("bookings")));
    }

    [Fact]
    public async Task A_wrong_authenticator_code_is_refused_and_the_right_one_signs_in()
    {
        var member = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);
        await _session.SubmitAsync("signin", "signin", Password(member));

        var wrong = await _session.SubmitAsync("signin/code", "code", Code(member.WrongCode()));

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Code incorrect.", await wrong.Content.ReadAsStringAsync());
        Assert.Equal("/signin", await _session.LandingAsync(await _session.GetAsync("bookings")));

        var right = await _session.SubmitAsync("signin/code", "code", Code(member.CurrentCode()));
        Assert.Equal("/", StaffSession.Redirect(right));
        Assert.Equal(HttpStatusCode.OK, (await _session.FollowAsync(await _session.GetAsync("bookings"))).StatusCode);
    }

    [Fact]
    public async Task First_sign_in_forces_a_new_password_then_an_authenticator_before_any_session()
    {
        var member = await fixture.NewAsync(DemoSeed.MontrealRegion);

        Assert.Equal("/signin/password", StaffSession.Redirect(await _session.SubmitAsync("signin", "signin", Password(member))));
        Assert.Equal("/signin", await _session.LandingAsync(await _session.GetAsync("bookings")));
        Assert.Equal("/signin/password", StaffSession.Redirect(await _session.GetAsync("signin/authenticator")));

        var same = await _session.SubmitAsync("signin/password", "change-password",
            new Dictionary<string, string> { ["Input.Current"] = member.Password, ["Input.New"] = member.Password, ["Input.Confirm"] = member.Password });
        Assert.Contains("différent du mot de passe initial", WebUtility.HtmlDecode(await same.Content.ReadAsStringAsync()));
        const string replacement = "Mon-Nouveau-Secret-42";
        var changed = await _session.SubmitAsync("signin/password", "change-password",
            new Dictionary<string, string> { ["Input.Current"] = member.Password, ["Input.New"] = replacement, ["Input.Confirm"] = replacement });
        Assert.Equal("/signin/authenticator", StaffSession.Redirect(changed));
        Assert.Equal("/signin", await _session.LandingAsync(await _session.GetAsync("bookings")));

        var key = await _session.AuthenticatorKeyOnPageAsync();
        Assert.Equal(32, key.Replace(" ", "").Length);
        var wrong = await _session.SubmitAsync("signin/authenticator", "enrol", Code((member with { AuthenticatorKey = key }).WrongCode()));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal("/signin", await _session.LandingAsync(await _session.GetAsync("bookings")));

        var enrolled = await _session.SubmitAsync("signin/authenticator", "enrol", Code(StaffMember.CodeFor(key)));
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        Assert.Equal(10, RecoveryCodes.OnPage(await enrolled.Content.ReadAsStringAsync()).Count);
        Assert.Equal(HttpStatusCode.OK, (await _session.FollowAsync(await _session.GetAsync("bookings"))).StatusCode);
        var user = await UserAsync(member);
        Assert.True(user.TwoFactorEnabled);
        Assert.False(user.MustChangePassword);

        using var later = new StaffSession(fixture.SiteAddress);
        Assert.Contains("incorrect", await (await later.SubmitAsync("signin", "signin", Password(member))).Content.ReadAsStringAsync());
        Assert.Equal("/signin/code", StaffSession.Redirect(await later.SubmitAsync("signin", "signin", Password(member, replacement))));
    }

    [Fact]
    public async Task Five_failed_passwords_lock_the_account_for_fifteen_minutes()
    {
        var member = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var failed = await _session.SubmitAsync("signin", "signin", Password(member, "Not-The-Password-1"));
            Assert.Null(StaffSession.Redirect(failed));
        }
        var withRightPassword = await _session.SubmitAsync("signin", "signin", Password(member));

        Assert.Null(StaffSession.Redirect(withRightPassword));
        Assert.Contains("verrouillé temporairement", WebUtility.HtmlDecode(await withRightPassword.Content.ReadAsStringAsync()));
        var lockoutEnd = (await UserAsync(member)).LockoutEnd;
        Assert.NotNull(lockoutEnd);
        Assert.InRange(lockoutEnd.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task Failed_authenticator_codes_count_towards_the_lockout()
    {
        var member = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);
        await _session.SubmitAsync("signin", "signin", Password(member));

        for (var attempt = 1; attempt <= 5; attempt++)
            await _session.SubmitAsync("signin/code", "code", Code(member.WrongCode()));
        var right = await _session.SubmitAsync("signin/code", "code", Code(member.CurrentCode()));

        Assert.Null(StaffSession.Redirect(right));
        Assert.Contains("verrouillé temporairement", WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_session_closes_after_twenty_minutes_without_a_request()
    {
        var member = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);
        await _session.SignInAsync(member);

        fixture.SessionClock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.OK, (await _session.GetAsync("bookings")).StatusCode);
        fixture.SessionClock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.OK, (await _session.GetAsync("bookings")).StatusCode);

        fixture.SessionClock.Advance(TimeSpan.FromMinutes(21));
        Assert.Equal("/signin", await _session.LandingAsync(await _session.GetAsync("bookings")));
    }

    [Fact]
    public async Task The_authenticator_key_is_stored_sealed()
    {
        var member = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);

        var stored = await fixture.Database.ScalarAsync<string>(
            "select value from staff_user_tokens where user_id = @id and name = 'AuthenticatorKey'", ("id", member.Id));

        Assert.Equal(32, member.AuthenticatorKey!.Length);
        Assert.DoesNotContain(member.AuthenticatorKey, stored, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("test:", stored);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var member = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);
        await _session.SignInAsync(member);

        var signedOut = await _session.SubmitAsync("bookings", "signout", new Dictionary<string, string>());

        Assert.Equal("/signin", await _session.LandingAsync(signedOut));
        Assert.Equal("/signin", await _session.LandingAsync(await _session.GetAsync("bookings")));
    }

    private async Task<StaffUser> UserAsync(StaffMember member)
    {
        using var scope = fixture.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByIdAsync(member.Id.ToString()))!;
    }
}
