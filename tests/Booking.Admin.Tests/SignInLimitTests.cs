using System.Net;
using Booking.Data.Demo;
using static Booking.Admin.Tests.StaffSession;

namespace Booking.Admin.Tests;

/// <summary>What someone with a list of staff addresses can no longer do: tell a locked account by its quick answer.</summary>
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
}
