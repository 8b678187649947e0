using System.Net;
using System.Text;
using Booking.Data.Demo;
using static Booking.Admin.Tests.StaffSession;

namespace Booking.Admin.Tests;

/// <summary>Recovery codes: ten given once at enrolment, kept only as keyed hashes, each good for one sign-in at the
/// second step, and made anew (the old ones then void) from the person's account page.</summary>
[Collection(AdminCollection.Name)]
public sealed class RecoveryCodeTests(AdminFixture fixture)
{
    /// <summary>A new account's whole first sign-in; the codes the enrolment page showed.</summary>
    private async Task<(StaffMember Member, IReadOnlyList<string> Codes)> EnrolAsync()
    {
        var member = await fixture.NewAsync(DemoSeed.MontrealRegion);
        using var session = new StaffSession(fixture.SiteAddress);
        await session.SubmitAsync("signin", "signin", Password(member));
        const string replacement = "Mon-Code-Secret-2026";
        await session.SubmitAsync("signin/password", "change-password",
            new Dictionary<string, string> { ["Input.Current"] = member.Password, ["Input.New"] = replacement, ["Input.Confirm"] = replacement });
        var key = await session.AuthenticatorKeyOnPageAsync();
        var enrolled = await session.SubmitAsync("signin/authenticator", "enrol", Code(StaffMember.CodeFor(key)));
        return (member with { Password = replacement, AuthenticatorKey = key }, RecoveryCodes.OnPage(await enrolled.Content.ReadAsStringAsync()));
    }

    private static async Task<HttpResponseMessage> RecoverAsync(StaffSession session, StaffMember member, string code)
    {
        Assert.Equal("/signin/code", Redirect(await session.SubmitAsync("signin", "signin", Password(member))));
        return await session.SubmitAsync("signin/recovery", "recovery", Code(code));
    }

    [Fact]
    public async Task Enrolment_gives_ten_distinct_codes_kept_only_as_hashes()
    {
        var (member, codes) = await EnrolAsync();

        Assert.Equal(10, codes.Distinct().Count());
        Assert.Equal(10L, await fixture.Database.ScalarAsync<long>("select count(*) from staff_recovery_codes where user_id = @id and used_at is null", ("id", member.Id)));
        foreach (var code in codes)
            Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
                "select count(*) from staff_recovery_codes where user_id = @id and (position(@code in code_hash) > 0 or position(@bare in code_hash) > 0)",
                ("id", member.Id), ("code", Encoding.UTF8.GetBytes(code)), ("bare", Encoding.UTF8.GetBytes(code.Replace("-", "")))));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("select count(*) from staff_user_tokens where user_id = @id and name = 'RecoveryCodes'", ("id", member.Id)));
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_never_again()
    {
        var (member, codes) = await EnrolAsync();
        using var first = new StaffSession(fixture.SiteAddress);
        using var second = new StaffSession(fixture.SiteAddress);

        var used = await RecoverAsync(first, member, codes[3].ToLowerInvariant().Replace("-", " "));
        var reused = await RecoverAsync(second, member, codes[3]);

        Assert.Equal("/", Redirect(used));
        Assert.Equal(HttpStatusCode.OK, (await first.FollowAsync(await first.GetAsync("bookings"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains("déjà servi", WebUtility.HtmlDecode(await reused.Content.ReadAsStringAsync()));
        Assert.Equal("/signin", await second.LandingAsync(await second.GetAsync("bookings")));
        Assert.Equal(9L, await fixture.Database.ScalarAsync<long>("select count(*) from staff_recovery_codes where user_id = @id and used_at is null", ("id", member.Id)));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "select count(*) from staff_sign_in_log where user_id = @id and step = 'recovery_code' and outcome = 'wrong_recovery_code'", ("id", member.Id)));
    }

    [Fact]
    public async Task New_codes_from_the_account_page_void_the_old_ones()
    {
        var (member, codes) = await EnrolAsync();
        using var session = new StaffSession(fixture.SiteAddress);
        await session.SignInAsync(member, member.NextCode());

        var regenerated = await session.SubmitAsync("account", "regenerate-recovery-codes", []);

        var fresh = RecoveryCodes.OnPage(await regenerated.Content.ReadAsStringAsync());
        Assert.Equal(10, fresh.Count);
        Assert.Empty(fresh.Intersect(codes));
        using var old = new StaffSession(fixture.SiteAddress);
        Assert.Equal(HttpStatusCode.OK, (await RecoverAsync(old, member, codes[0])).StatusCode);
        using var renewed = new StaffSession(fixture.SiteAddress);
        var recovered = await RecoverAsync(renewed, member, fresh[0]);
        Assert.True(Redirect(recovered) == "/", await recovered.Content.ReadAsStringAsync());
        Assert.Equal(2L, await fixture.Database.ScalarAsync<long>(
            "select count(*) from staff_account_audit where target_user_id = @id and actor_id = @id and action = 'recovery_codes_generated'", ("id", member.Id)));
        Assert.Equal(2L, await fixture.Database.ScalarAsync<long>(
            "select count(*) from staff_notifications where staff_user_id = @id and kind = 'RecoveryCodesGenerated'", ("id", member.Id)));
    }
}
