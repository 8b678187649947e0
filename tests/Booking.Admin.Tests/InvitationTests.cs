using System.Net;
using Booking.Data.Demo;
using Booking.Data.Protection;
using Booking.Staff.Access;
using Microsoft.Extensions.DependencyInjection;
using static Booking.Admin.Tests.StaffSession;

namespace Booking.Admin.Tests;

/// <summary>An account created with an invitation: no administrator ever sees a password; the e-mailed link, signed
/// with a key outside the database, lets the person choose one once, within 72 hours, and then enrol an
/// authenticator. A link that was used, has expired, was altered or names a suspended account opens nothing.</summary>
[Collection(AdminCollection.Name)]
public sealed class InvitationTests(AdminFixture fixture)
{
    private const string Chosen = "Mon-Invitation-2026";
    private static readonly RoleGrant MontrealAdministrator = new(StaffRole.TenantAdministrator, DemoSeed.MontrealRegion);

    private StaffInvitationTokens Tokens => fixture.Services.GetRequiredService<StaffInvitationTokens>();

    /// <summary>An administrator invites a new person; the account, and the link its e-mail carries.</summary>
    private async Task<(Guid Account, Guid Invitation, string Link)> InviteAsync()
    {
        var (admin, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, MontrealAdministrator);
        using var _ = session;
        var email = $"invite-{Guid.NewGuid():N}@test.example";
        var created = await session.SubmitAsync("staff/new", "create-account", new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Name"] = "Personne Invitée", ["Input.Language"] = "fr",
            ["Input.Tenant"] = DemoSeed.MontrealRegion.ToString(), ["Input.Access"] = "invitation",
        });
        var html = WebUtility.HtmlDecode(await created.Content.ReadAsStringAsync());
        Assert.Contains($"Une invitation a été envoyée à {email}.", html);
        Assert.DoesNotContain("first-password", html);
        var account = await fixture.Database.ScalarAsync<Guid>("select id from staff_users where email = @email and password_hash is null", ("email", email));
        var invitation = await fixture.Database.ScalarAsync<Guid>("select id from staff_invitations where user_id = @user and created_by = @admin",
            ("user", account), ("admin", admin.Id));
        // The e-mail's row holds the invitation's id, not the link: a copy of the outbox opens nothing.
        Assert.Equal(invitation.ToString(), await fixture.Database.ScalarAsync<string>(
            "select detail from staff_notifications where staff_user_id = @user and kind = 'AccountInvited'", ("user", account)));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "select count(*) from staff_account_audit where target_user_id = @user and action = 'account_invited' and actor_id = @admin",
            ("user", account), ("admin", admin.Id)));
        return (account, invitation, $"invitation/{Tokens.For(invitation)}");
    }

    private static Dictionary<string, string> NewPassword(string password) => new() { ["Input.New"] = password, ["Input.Confirm"] = password };

    private Task<long> PasswordsSetAsync(Guid account) =>
        fixture.Database.ScalarAsync<long>("select count(*) from staff_users where id = @id and password_hash is not null", ("id", account));

    [Fact]
    public async Task The_invited_person_chooses_a_password_then_enrols_an_authenticator_and_the_link_works_no_more()
    {
        var (account, invitation, link) = await InviteAsync();
        using var person = new StaffSession(fixture.SiteAddress);

        var (status, html) = await person.PageAsync(link);
        var weak = await person.SubmitAsync(link, "invitation", NewPassword("court"));
        var chosen = await person.SubmitAsync(link, "invitation", NewPassword(Chosen));
        var key = await person.AuthenticatorKeyOnPageAsync();
        var enrolled = await person.SubmitAsync("signin/authenticator", "enrol", Code(StaffMember.CodeFor(key)));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Bienvenue, Personne Invitée.", html);
        Assert.Contains("Ce mot de passe ne respecte pas les règles", WebUtility.HtmlDecode(await weak.Content.ReadAsStringAsync()));
        Assert.Equal("/signin/authenticator", Redirect(chosen));
        Assert.Equal(10, RecoveryCodes.OnPage(await enrolled.Content.ReadAsStringAsync()).Count);
        Assert.Equal(HttpStatusCode.OK, (await person.PageAsync("account")).Status);
        Assert.NotNull(await fixture.Database.ScalarAsync<DateTime?>("select used_at from staff_invitations where id = @id", ("id", invitation)));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "select count(*) from staff_account_audit where target_user_id = @user and action = 'invitation_accepted' and actor_id = @user", ("user", account)));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "select count(*) from staff_notifications where staff_user_id = @user and kind = 'InvitationAccepted'", ("user", account)));

        using var again = new StaffSession(fixture.SiteAddress);
        Assert.Equal(HttpStatusCode.NotFound, (await again.PageAsync(link)).Status);
        Assert.Equal("/signin/code", Redirect(await again.SubmitAsync("signin", "signin",
            new Dictionary<string, string> { ["Input.Email"] = await EmailAsync(account), ["Input.Password"] = Chosen })));
    }

    [Fact]
    public async Task A_link_used_once_sets_no_second_password()
    {
        var (account, _, link) = await InviteAsync();
        using var first = new StaffSession(fixture.SiteAddress);
        using var second = new StaffSession(fixture.SiteAddress);
        var form = await second.LoadFormAsync(link, "invitation");

        Assert.Equal("/signin/authenticator", Redirect(await first.SubmitAsync(link, "invitation", NewPassword(Chosen))));
        var replay = await second.SubmitAsync(form, NewPassword("Autre-Mot-De-Passe-2026"));

        Assert.Null(Redirect(replay));
        Assert.Equal(1L, await PasswordsSetAsync(account));
        Assert.Equal("/signin/authenticator", Redirect(await second.SubmitAsync("signin", "signin",
            new Dictionary<string, string> { ["Input.Email"] = await EmailAsync(account), ["Input.Password"] = Chosen })));
    }

    public static TheoryData<string> Tampered() => ["signature changed", "another invitation's id", "no signature", "a manage token", "garbage"];

    [Theory]
    [MemberData(nameof(Tampered))]
    public async Task A_tampered_link_opens_nothing(string how)
    {
        var (account, invitation, link) = await InviteAsync();
        var (other, otherInvitation, _) = await InviteAsync();
        var token = link["invitation/".Length..];
        var signature = token[(token.IndexOf('.') + 1)..];
        var forged = how switch
        {
            "signature changed" => token[..^1] + (token[^1] == 'A' ? 'B' : 'A'),
            "another invitation's id" => $"{otherInvitation:N}.{signature}",
            "no signature" => $"{invitation:N}",
            "a manage token" => $"{invitation:N}.{fixture.Services.GetRequiredService<ManageTokens>().For(invitation.ToString("N"))}",
            _ => "not-a-token",
        };
        using var attacker = new StaffSession(fixture.SiteAddress);
        var form = await attacker.LoadFormAsync(link, "invitation");

        var (status, html) = await attacker.PageAsync($"invitation/{forged}");
        var posted = await attacker.SubmitAsync(form with { Action = $"invitation/{forged}" }, NewPassword(Chosen));

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Ce lien d'invitation ne fonctionne pas", html);
        Assert.Null(Redirect(posted));
        Assert.Equal(0L, await PasswordsSetAsync(account) + await PasswordsSetAsync(other));
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("suspended")]
    public async Task An_expired_link_or_one_of_a_suspended_account_opens_nothing(string why)
    {
        var (account, invitation, link) = await InviteAsync();
        using var person = new StaffSession(fixture.SiteAddress);
        var form = await person.LoadFormAsync(link, "invitation");
        var now = fixture.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (why == "expired")
            await fixture.Database.ScalarAsync<object?>("update staff_invitations set expires_at = @past where id = @id",
                ("past", now.AddSeconds(-1)), ("id", invitation));
        else
            await fixture.Database.ScalarAsync<object?>("update staff_users set suspended_at = @now where id = @id", ("now", now), ("id", account));

        var (status, _) = await person.PageAsync(link);
        var posted = await person.SubmitAsync(form, NewPassword(Chosen));

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Null(Redirect(posted));
        Assert.Equal(0L, await PasswordsSetAsync(account));
    }

    [Fact]
    public async Task An_administrator_sends_a_new_invitation_after_the_first_expired_and_only_the_new_link_works()
    {
        var (account, invitation, link) = await InviteAsync();
        await fixture.Database.ScalarAsync<object?>("update staff_invitations set expires_at = @past where id = @id",
            ("past", fixture.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddSeconds(-1)), ("id", invitation));
        var (_, administrator) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, MontrealAdministrator);
        using var _ = administrator;

        var reissued = await administrator.SubmitAsync($"staff/{account}", "reinvite", []);
        var fresh = await fixture.Database.ScalarAsync<Guid>(
            "select id from staff_invitations where user_id = @user and id <> @old", ("user", account), ("old", invitation));
        using var person = new StaffSession(fixture.SiteAddress);

        Assert.Contains("data-outcome=\"Done\"", await reissued.Content.ReadAsStringAsync());
        Assert.Equal(2L, await fixture.Database.ScalarAsync<long>(
            "select count(*) from staff_notifications where staff_user_id = @user and kind = 'AccountInvited'", ("user", account)));
        Assert.Equal(HttpStatusCode.NotFound, (await person.PageAsync(link)).Status);
        Assert.Equal("/signin/authenticator", Redirect(await person.SubmitAsync($"invitation/{Tokens.For(fresh)}", "invitation", NewPassword(Chosen))));
    }

    private Task<string> EmailAsync(Guid account) =>
        fixture.Database.ScalarAsync<string>("select email from staff_users where id = @id", ("id", account));
}
