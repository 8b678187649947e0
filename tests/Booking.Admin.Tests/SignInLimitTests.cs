using System.Net;
using Booking.Data.Demo;
using Booking.Staff.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Booking.Admin.Tests.StaffSession;

namespace Booking.Admin.Tests;

/// <summary>What someone with a list of staff addresses can no longer do: tell a locked account by its quick answer, or
/// post sign-in forms without limit (and so lock every account they know of).</summary>
[Collection(AdminCollection.Name)]
public sealed class SignInLimitTests(AdminFixture fixture) : IDisposable
{
    private readonly StaffSession _session = new(fixture.SiteAddress);

    public void Dispose() => _session.Dispose();

    [Fact]
    public async Task A_locked_account_still_has_its_password_checked()
    {
        var member = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);
        for (var attempt = 1; attempt <= 5; attempt++)
            await _session.SubmitAsync("signin", "signin", Password(member, "Not-The-Password-1"));
        var checksBefore = fixture.PasswordChecks.Of(member.Id);

        var locked = await _session.SubmitAsync("signin", "signin", Password(member, "Not-The-Password-2"));

        Assert.Contains("verrouillé temporairement", WebUtility.HtmlDecode(await locked.Content.ReadAsStringAsync()));
        Assert.Equal(checksBefore + 1, fixture.PasswordChecks.Of(member.Id));
    }

    [Fact]
    public async Task One_address_may_post_only_so_many_sign_in_forms()
    {
        var limit = fixture.Services.GetRequiredService<IOptions<StaffSignInOptions>>().Value;
        var nobody = new StaffMember(Guid.NewGuid(), $"nobody-{Guid.NewGuid():N}@test.example", "Not-The-Password-1", null);
        for (var attempt = 1; attempt <= limit.AttemptsPerAddress; attempt++)
            Assert.Equal(HttpStatusCode.OK, (await _session.SubmitAsync("signin", "signin", Password(nobody))).StatusCode);

        var refused = await _session.SubmitAsync("signin", "signin", Password(nobody));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), limit.AttemptWindow);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Trop de tentatives de connexion depuis votre réseau. Réessayez dans 5 minutes.", page);
        Assert.Contains("<html lang=\"fr\">", page);
        Assert.Equal(HttpStatusCode.OK, (await _session.GetAsync("signin")).StatusCode);
        using var elsewhere = new StaffSession(fixture.SiteAddress);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.SubmitAsync("signin", "signin", Password(nobody))).StatusCode);
    }
}
