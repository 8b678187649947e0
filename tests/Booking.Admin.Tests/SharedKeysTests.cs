using System.Net;
using Booking.Data.Demo;

namespace Booking.Admin.Tests;

/// <summary>Two admin hosts on one database, as behind a load balancer: a session opened on one is accepted by the
/// other, forms of one post to the other, and the shared keys are stored encrypted.</summary>
[Collection(AdminCollection.Name)]
public sealed class SharedKeysTests(AdminFixture fixture)
{
    [Fact]
    public async Task A_session_opened_on_one_host_is_accepted_by_another()
    {
        var (_, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion);
        using var _ = session;
        var (host, address) = fixture.StartAnotherHost();
        await using var __ = host;
        using var elsewhere = session.WithCopiedCookies(address);

        var (status, html) = await elsewhere.PageAsync("bookings");
        var signedOut = await elsewhere.SubmitAsync("bookings", "signout", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"code\"", html);
        Assert.Equal("/signin", await elsewhere.LandingAsync(signedOut));
        Assert.Equal("/signin", await session.LandingAsync(await session.GetAsync("bookings")));
    }

    [Fact]
    public async Task The_shared_keys_are_stored_encrypted_with_the_key_file()
    {
        var (_, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion);
        using var _ = session;

        var stored = await fixture.Database.ScalarAsync<string>("select string_agg(xml, '') from data_protection_keys");

        Assert.Contains("<sealedKey keyId=", stored);
        Assert.DoesNotContain("masterKey", stored);
        Assert.DoesNotContain("<value>", stored);
    }
}
