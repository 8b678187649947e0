using Booking.Data.Demo;
using Booking.Staff.Identity;
using static Booking.Admin.Tests.StaffSession;

namespace Booking.Admin.Tests;

/// <summary>Authenticator codes: the apps' own, each accepted once, so a code seen over a shoulder or replayed opens
/// no second session.</summary>
[Collection(AdminCollection.Name)]
public sealed class AuthenticatorCodeTests(AdminFixture fixture) : IDisposable
{
    private readonly StaffSession _session = new(fixture.SiteAddress);

    public void Dispose() => _session.Dispose();

    [Fact]
    public async Task An_authenticator_code_opens_one_session_only()
    {
        var member = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);
        var code = member.CurrentCode();
        await _session.SignInAsync(member, code);
        using var other = new StaffSession(fixture.SiteAddress);
        Assert.Equal("/signin/code", Redirect(await other.SubmitAsync("signin", "signin", Password(member))));

        var reused = await other.SubmitAsync("signin/code", "code", Code(code));

        Assert.Null(Redirect(reused));
        Assert.Contains("Code incorrect.", await reused.Content.ReadAsStringAsync());
        Assert.Equal("/signin", await other.LandingAsync(await other.GetAsync("bookings")));
        Assert.Equal("/", Redirect(await other.SubmitAsync("signin/code", "code", Code(member.NextCode()))));
    }

    [Fact]
    public void Authenticator_codes_are_the_apps_codes()
    {
        var key = OtpNet.Base32Encoding.ToString(OtpNet.KeyGeneration.GenerateRandomKey(20));
        var totp = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key));
        var now = DateTimeOffset.UtcNow;

        for (var step = -2; step <= 2; step++)
        {
            var time = now.AddSeconds(30 * step);
            Assert.Equal(AuthenticatorCode.StepAt(now) + step, AuthenticatorCode.MatchingStep(key, totp.ComputeTotp(time.UtcDateTime), now));
        }
        Assert.Null(AuthenticatorCode.MatchingStep(key, totp.ComputeTotp(now.AddSeconds(90).UtcDateTime), now));
    }
}
