using System.Net;
using System.Text.RegularExpressions;
using Booking.Data.Demo;
using Booking.Data.Notifications;
using Booking.Staff.Access;
using static Booking.Admin.Tests.StaffSession;

namespace Booking.Admin.Tests;

/// <summary>A tenant administrator manages its staff's accounts over real HTTP: each change is written with its audit
/// row and the e-mail that tells the person, or not at all, and takes effect at once.</summary>
[Collection(AdminCollection.Name)]
public sealed partial class AccountAdministrationTests(AdminFixture fixture)
{
    private static readonly RoleGrant MontrealAdministrator = new(StaffRole.TenantAdministrator, DemoSeed.MontrealRegion);

    private Task<long> CountAsync(string table, Guid userId, string? kindOrAction = null) => fixture.Database.ScalarAsync<long>(table switch
    {
        "audit" => "select count(*) from staff_account_audit where target_user_id = @user and (@what = '' or action = @what)",
        "outbox" => "select count(*) from staff_notifications where staff_user_id = @user and (@what = '' or kind = @what)",
        "roles" => "select count(*) from staff_role_assignments where user_id = @user and (@what = '' or role = @what)",
        _ => throw new ArgumentOutOfRangeException(nameof(table)),
    }, ("user", userId), ("what", kindOrAction ?? ""));

    private static Task<HttpResponseMessage> ActAsync(StaffSession administrator, Guid accountId, string action) =>
        administrator.SubmitAsync($"staff/{accountId}", action, []);

    [Fact]
    public async Task An_account_created_with_a_first_password_signs_in_with_it_and_must_replace_it()
    {
        var (admin, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, MontrealAdministrator);
        using var _ = session;
        var email = $"new-{Guid.NewGuid():N}@test.example";

        var created = await session.SubmitAsync("staff/new", "create-account", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Name"] = "Nouvelle Personne", ["Input.Language"] = "en", ["Input.Tenant"] = DemoSeed.MontrealRegion.ToString(),
            ["Input.Access"] = "password",
        });

        var html = WebUtility.HtmlDecode(await created.Content.ReadAsStringAsync());
        var password = FirstPassword().Match(html).Groups["password"].Value;
        Assert.Matches("^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3,}$", password);
        var id = await fixture.Database.ScalarAsync<Guid>("select id from staff_users where email = @email", ("email", email));
        Assert.Equal("en", await fixture.Database.ScalarAsync<string>("select language from staff_users where id = @id", ("id", id)));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "select count(*) from staff_account_audit where target_user_id = @id and action = 'account_created' and actor_id = @admin and source_ip = @ip",
            ("id", id), ("admin", admin.Id), ("ip", session.SourceAddress)));
        Assert.Equal(1L, await CountAsync("outbox", id, "AccountCreated"));

        using var newcomer = new StaffSession(fixture.SiteAddress);
        var signIn = await newcomer.SubmitAsync("signin", "signin", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal("/signin/password", Redirect(signIn));
    }

    [Fact]
    public async Task An_address_that_has_an_account_is_refused_and_nothing_is_written()
    {
        var (_, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, MontrealAdministrator);
        using var _ = session;
        var existing = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);
        var auditBefore = await fixture.Database.ScalarAsync<long>("select count(*) from staff_account_audit");

        var response = await session.SubmitAsync("staff/new", "create-account", new Dictionary<string, string>
        {
            ["Input.Email"] = existing.Email.ToUpperInvariant(), ["Input.Name"] = "Double", ["Input.Language"] = "fr", ["Input.Tenant"] = DemoSeed.MontrealRegion.ToString(),
        });

        Assert.Contains("Cette adresse a déjà un compte.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>("select count(*) from staff_users where normalized_email = @email", ("email", existing.Email.ToUpperInvariant())));
        Assert.Equal(auditBefore, await fixture.Database.ScalarAsync<long>("select count(*) from staff_account_audit"));
    }

    [Fact]
    public async Task A_clinic_role_requested_opens_that_clinics_bookings_once_another_administrator_approves_it()
    {
        var (admin, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, MontrealAdministrator);
        using var _ = session;
        var member = await fixture.WithoutRolesAsync(DemoSeed.MontrealRegion);
        var booking = await new TestBookings(fixture).BookAsync(DemoSeed.MontrealRegion, TestBookings.MontrealClinic, "Gisèle", "Hamel");

        var requested = await session.SubmitAsync($"staff/{member.Id}", "grant-role", [
            new("Grant.Role", nameof(StaffRole.FrontDesk)), new("Grant.Tenant", DemoSeed.MontrealRegion.ToString()), new("clinic", DemoSeed.StadeOlympique.ToString())]);

        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);
        Assert.Contains("data-outcome=\"Requested\"", await requested.Content.ReadAsStringAsync());
        Assert.Equal(0L, await CountAsync("roles", member.Id, "front_desk"));
        Assert.Equal(1L, await CountAsync("outbox", member.Id, "RoleRequested"));
        var request = await fixture.Database.ScalarAsync<Guid>("select id from staff_role_requests where user_id = @id", ("id", member.Id));

        // A second administrator of the region approves it; then, and only then, the role is held and the person told.
        var (approver, approverSession) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, MontrealAdministrator);
        using var __ = approverSession;
        var approved = await approverSession.SubmitAsync("staff/reviews", $"approve-{request}", []);

        Assert.Contains("data-outcome=\"Done\"", await approved.Content.ReadAsStringAsync());
        Assert.Equal(1L, await CountAsync("roles", member.Id, "front_desk"));
        Assert.Equal((admin.Id, approver.Id), (
            await fixture.Database.ScalarAsync<Guid>("select requested_by from staff_role_assignments where user_id = @id", ("id", member.Id)),
            await fixture.Database.ScalarAsync<Guid>("select granted_by from staff_role_assignments where user_id = @id", ("id", member.Id))));
        var detail = StaffRoleChange.FromDetail(await fixture.Database.ScalarAsync<string>(
            "select detail from staff_account_audit where target_user_id = @id and action = 'role_granted' and actor_id = @approver",
            ("id", member.Id), ("approver", approver.Id)))!;
        Assert.Equal(("front_desk", "CIUSSS du Centre-Sud-de-l'Île-de-Montréal (démo)", "Stade olympique"), (detail.Role, detail.Tenant, Assert.Single(detail.Clinics)));
        Assert.Equal(1L, await CountAsync("outbox", member.Id, "RoleGranted"));
        using var front = new StaffSession(fixture.SiteAddress);
        await front.SignInAsync(member);
        Assert.Contains("Gisèle Hamel", (await front.PageAsync($"bookings?code={booking.ConfirmationCode}")).Html);
    }

    [Fact]
    public async Task A_clinic_role_without_clinics_is_refused_and_nothing_is_written()
    {
        var (_, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, MontrealAdministrator);
        using var _ = session;
        var member = await fixture.WithoutRolesAsync(DemoSeed.MontrealRegion);

        var refused = await session.SubmitAsync($"staff/{member.Id}", "grant-role", [
            new("Grant.Role", nameof(StaffRole.ClinicManager)), new("Grant.Tenant", DemoSeed.MontrealRegion.ToString())]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("data-outcome=\"WrongClinics\"", await refused.Content.ReadAsStringAsync());
        Assert.Equal((0L, 0L, 0L), (await CountAsync("roles", member.Id), await CountAsync("audit", member.Id), await CountAsync("outbox", member.Id)));
    }

    [Fact]
    public async Task A_role_removed_closes_its_pages_at_the_next_request()
    {
        var (_, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, MontrealAdministrator);
        using var _ = session;
        var (member, memberSession) = await fixture.SignedInAsync(DemoSeed.MontrealRegion);
        using var __ = memberSession;
        Assert.Equal(HttpStatusCode.OK, (await memberSession.PageAsync("bookings")).Status);
        var assignment = await fixture.Database.ScalarAsync<Guid>("select id from staff_role_assignments where user_id = @id", ("id", member.Id));

        var removed = await session.SubmitAsync($"staff/{member.Id}", $"remove-role-{assignment}", []);

        Assert.Contains("data-outcome=\"Done\"", await removed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await memberSession.PageAsync("bookings")).Status);
        Assert.Equal((1L, 1L), (await CountAsync("audit", member.Id, "role_removed"), await CountAsync("outbox", member.Id, "RoleRemoved")));
    }

    [Fact]
    public async Task A_suspended_accounts_sessions_end_at_once_and_it_cannot_sign_in_until_reactivated()
    {
        var (_, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, MontrealAdministrator);
        using var _ = session;
        var (member, memberSession) = await fixture.SignedInAsync(DemoSeed.MontrealRegion);
        using var __ = memberSession;

        await ActAsync(session, member.Id, "suspend");

        Assert.Equal("/signin", await memberSession.LandingAsync(await memberSession.GetAsync("bookings")));
        using var again = new StaffSession(fixture.SiteAddress);
        var refused = await again.SubmitAsync("signin", "signin", Password(member));
        Assert.Contains("Ce compte est suspendu.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "select count(*) from staff_sign_in_log where user_id = @id and step = 'password' and outcome = 'suspended'", ("id", member.Id)));
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("select count(*) from staff_sessions where user_id = @id and ended_at is null", ("id", member.Id)));
        Assert.Equal((1L, 1L), (await CountAsync("audit", member.Id, "account_suspended"), await CountAsync("outbox", member.Id, "AccountSuspended")));

        await ActAsync(session, member.Id, "reactivate");

        await again.SignInAsync(member, member.NextCode());
        Assert.Equal(HttpStatusCode.OK, (await again.PageAsync("bookings")).Status);
        Assert.Equal(1L, await CountAsync("outbox", member.Id, "AccountReactivated"));
    }

    [Fact]
    public async Task A_reset_authenticator_ends_the_sessions_and_the_next_sign_in_enrols_again()
    {
        var (_, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, MontrealAdministrator);
        using var _ = session;
        var (member, memberSession) = await fixture.SignedInAsync(DemoSeed.MontrealRegion);
        using var __ = memberSession;

        await ActAsync(session, member.Id, "reset-authenticator");

        Assert.Equal("/signin", await memberSession.LandingAsync(await memberSession.GetAsync("bookings")));
        using var again = new StaffSession(fixture.SiteAddress);
        Assert.Equal("/signin/authenticator", Redirect(await again.SubmitAsync("signin", "signin", Password(member))));
        Assert.NotEqual(member.AuthenticatorKey!.Replace(" ", "").ToLowerInvariant(), (await again.AuthenticatorKeyOnPageAsync()).Replace(" ", ""));
        Assert.Equal(1L, await CountAsync("outbox", member.Id, "AuthenticatorReset"));
    }

    [Fact]
    public async Task A_required_password_change_comes_right_after_both_factors_and_before_any_page()
    {
        var (_, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, MontrealAdministrator);
        using var _ = session;
        var member = await fixture.EnrolledAsync(DemoSeed.MontrealRegion);

        await ActAsync(session, member.Id, "require-password-change");

        using var memberSession = new StaffSession(fixture.SiteAddress);
        Assert.Equal("/signin/code", Redirect(await memberSession.SubmitAsync("signin", "signin", Password(member))));
        Assert.Equal("/account/password", Redirect(await memberSession.SubmitAsync("signin/code", "code", Code(member.CurrentCode()))));
        Assert.Equal(HttpStatusCode.Forbidden, (await memberSession.PageAsync("bookings")).Status);
        const string replacement = "Un-Autre-Secret-2027";
        var changed = await memberSession.SubmitAsync("account/password", "change-password",
            new Dictionary<string, string> { ["Input.Current"] = member.Password, ["Input.New"] = replacement, ["Input.Confirm"] = replacement });
        Assert.Equal("/", Redirect(changed));
        Assert.Equal(HttpStatusCode.OK, (await memberSession.PageAsync("bookings")).Status);
    }

    [Fact]
    public async Task An_administrator_cannot_change_their_own_account()
    {
        var (admin, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, MontrealAdministrator);
        using var _ = session;

        var refused = await ActAsync(session, admin.Id, "suspend");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("data-outcome=\"OwnAccount\"", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await session.PageAsync("staff")).Status);
        Assert.Equal(0L, await CountAsync("audit", admin.Id));
    }

    [Fact]
    public async Task The_account_list_shows_the_tenants_accounts_with_their_roles_and_state()
    {
        var (_, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, MontrealAdministrator);
        using var _ = session;
        var member = await fixture.EnrolledAsync(DemoSeed.MontrealRegion, RoleGrant.At(StaffRole.ClinicManager, DemoSeed.MontrealRegion, DemoSeed.StadeOlympique));

        var (status, html) = await session.PageAsync("staff");

        Assert.Equal(HttpStatusCode.OK, status);
        var row = Regex.Match(html, $"<tr id=\"account-{member.Id}\">.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains(member.Email, row);
        Assert.Contains("Gestion de clinique · CIUSSS du Centre-Sud-de-l'Île-de-Montréal (démo) · Stade olympique", row);
        Assert.Contains("Actif", row);
    }

    [GeneratedRegex("id=\"first-password\">(?<password>[^<]+)<")]
    private static partial Regex FirstPassword();
}
