using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Booking.Data.Demo;
using Booking.Staff.Access;
using static Booking.Admin.Tests.StaffSession;

namespace Booking.Admin.Tests;

/// <summary>Every sign-in attempt is logged with the account (or the name typed, normalised), the address, the step
/// and the outcome, never a password or a code; a tenant's administrators read their own staff's attempts, newest first.</summary>
[Collection(AdminCollection.Name)]
public sealed partial class SignInLogTests(AdminFixture fixture)
{
    private async Task<List<(string Step, string Outcome)>> AttemptsAsync(Guid userId)
    {
        await using var command = fixture.Database.DataSource.CreateCommand("select step, outcome from staff_sign_in_log where user_id = @id order by id");
        command.Parameters.AddWithValue("id", userId);
        var attempts = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            attempts.Add((reader.GetString(0), reader.GetString(1)));
        return attempts;
    }

    [Fact]
    public async Task Each_attempt_is_logged_with_its_outcome_and_address_and_no_secret()
    {
        var member = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);
        using var session = new StaffSession(fixture.SiteAddress);
        const string wrongPassword = "Pas-Le-Bon-Mot-De-Passe-9";

        await session.SubmitAsync("signin", "signin", Password(member, wrongPassword));
        await session.SubmitAsync("signin", "signin", Password(member));
        await session.SubmitAsync("signin/code", "code", Code(member.WrongCode()));
        await session.SubmitAsync("signin/code", "code", Code(member.CurrentCode()));

        Assert.Equal([("password", "wrong_password"), ("password", "password_accepted"), ("code", "wrong_code"), ("code", "signed_in")], await AttemptsAsync(member.Id));
        Assert.Equal(4L, await fixture.Database.ScalarAsync<long>(
            "select count(*) from staff_sign_in_log where user_id = @id and source_ip = @ip and attempted_name = @name and occurred_at > now() - interval '5 minutes'",
            ("id", member.Id), ("ip", session.SourceAddress), ("name", member.Email.ToUpperInvariant())));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>(
            "select count(*) from staff_sign_in_log t where position(@secret in t::text) > 0 or position(@other in t::text) > 0",
            ("secret", wrongPassword), ("other", member.Password)));
    }

    [Fact]
    public async Task An_unknown_name_is_logged_normalised_without_an_account()
    {
        using var session = new StaffSession(fixture.SiteAddress);
        var name = $"Personne-{Guid.NewGuid():N}@Test.Example";

        await session.SubmitAsync("signin", "signin", new Dictionary<string, string> { ["Input.Email"] = name, ["Input.Password"] = "Quelque-Chose-1234" });

        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "select count(*) from staff_sign_in_log where attempted_name = @name and user_id is null and outcome = 'unknown_account' and step = 'password'",
            ("name", name.ToUpperInvariant())));
    }

    [Fact]
    public async Task A_locked_account_is_logged_as_locked()
    {
        var member = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);
        using var session = new StaffSession(fixture.SiteAddress);

        for (var attempt = 0; attempt < 6; attempt++)
            await session.SubmitAsync("signin", "signin", Password(member, "Faux-Mot-De-Passe-12"));

        var attempts = await AttemptsAsync(member.Id);
        Assert.Equal(4, attempts.Count(a => a == ("password", "wrong_password")));
        Assert.Equal(("password", "locked_out"), attempts[^1]);
    }

    [Fact]
    public async Task Administrators_read_their_own_staffs_attempts_newest_first_and_no_others()
    {
        var montreal = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);
        var quebec = await fixture.EnrolledAsync(DemoSeed.QuebecRegion);
        using (var attempts = new StaffSession(fixture.SiteAddress))
        {
            await attempts.SubmitAsync("signin", "signin", Password(montreal, "Faux-Mot-De-Passe-12"));
            await attempts.SubmitAsync("signin", "signin", Password(quebec, "Faux-Mot-De-Passe-12"));
            await attempts.SignInAsync(montreal);
        }
        var (_, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, new RoleGrant(StaffRole.TenantAdministrator, DemoSeed.MontrealRegion));
        using var _ = session;

        var (status, html) = await session.PageAsync("staff/sign-ins");

        Assert.Equal(HttpStatusCode.OK, status);
        var rows = Row().Matches(html).Where(m => m.Groups["user"].Value == montreal.Id.ToString()).Select(m => (Id: long.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture), Outcome: m.Groups["outcome"].Value)).ToList();
        Assert.Equal(["signed_in", "password_accepted", "wrong_password"], rows.Select(r => r.Outcome));
        Assert.Equal(rows.Select(r => r.Id).OrderDescending(), rows.Select(r => r.Id));
        Assert.DoesNotContain(quebec.Id.ToString(), html);
        Assert.DoesNotContain(quebec.Email.ToLowerInvariant(), html);
    }

    [Fact]
    public async Task The_log_is_paged_by_the_last_entry_shown()
    {
        var member = await fixture.EnrolledAsync(DemoSeed.QuebecRegion);
        using (var attempts = new StaffSession(fixture.SiteAddress))
            for (var attempt = 0; attempt < 3; attempt++)
                await attempts.SubmitAsync("signin", "signin", Password(member, "Faux-Mot-De-Passe-12"));
        var newest = await fixture.Database.ScalarAsync<long>("select max(id) from staff_sign_in_log where user_id = @id", ("id", member.Id));
        var (_, session) = await fixture.SignedInAsync(DemoSeed.QuebecRegion, new RoleGrant(StaffRole.TenantAdministrator, DemoSeed.QuebecRegion));
        using var _ = session;

        var (_, html) = await session.PageAsync($"staff/sign-ins?before={newest}");

        var ids = Row().Matches(html).Where(m => m.Groups["user"].Value == member.Id.ToString()).Select(m => long.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, ids.Count);
        Assert.All(ids, id => Assert.True(id < newest));
    }

    [GeneratedRegex("<tr id=\"sign-in-(?<id>[0-9]+)\" data-user=\"(?<user>[^\"]*)\" data-outcome=\"(?<outcome>[a-z_]+)\">")]
    private static partial Regex Row();
}
