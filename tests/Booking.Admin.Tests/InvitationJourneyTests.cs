using System.Text.RegularExpressions;
using Booking.Data.Demo;
using Booking.Data.Protection;
using Booking.Staff.Access;
using Booking.Web.BrowserTests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Booking.Admin.Tests;

/// <summary>In a real headless Chromium: an administrator invites a new person (the default), who opens the link,
/// chooses a password and enrols an authenticator; every page checked with axe-core.</summary>
[Collection(AdminCollection.Name)]
public sealed class InvitationJourneyTests(AdminFixture fixture)
{
    [Fact]
    public async Task An_invited_person_chooses_a_password_and_enrols_from_the_link()
    {
        var administrator = await fixture.EnrolledAsync(DemoSeed.MontrealRegion, new RoleGrant(StaffRole.TenantAdministrator, DemoSeed.MontrealRegion));
        var admin = await fixture.NewBrowserPageAsync();
        var email = $"invitee-{Guid.NewGuid():N}@test.example";

        await admin.GotoAsync("staff/new");
        await admin.SignInAsync(administrator);
        await admin.WaitForPageAsync("/staff/new$");
        await admin.FillAsync("#email", email);
        await admin.FillAsync("#name", "Personne Invitée");
        await Assertions.Expect(admin.Locator("#access-invitation")).ToBeCheckedAsync();
        await admin.ClickAsync("main button[type=submit]");
        await Assertions.Expect(admin.Locator("#invitation-sent")).ToContainTextAsync(email);
        await BrowserSteps.CheckAsync(admin, "invitation-1-sent");

        var invitation = await fixture.Database.ScalarAsync<Guid>(
            "select i.id from staff_invitations i join staff_users u on u.id = i.user_id where u.email = @email", ("email", email));
        var person = await fixture.NewBrowserPageAsync();
        await person.GotoAsync($"invitation/{fixture.Services.GetRequiredService<StaffInvitationTokens>().For(invitation)}");
        await Assertions.Expect(person.Locator("main p").First).ToContainTextAsync("Bienvenue, Personne Invitée.");
        await person.FillAsync("#new", "Un-Secret-Bien-A-Moi-8");
        await person.FillAsync("#confirm", "Un-Secret-Bien-A-Moi-8");
        await BrowserSteps.CheckAsync(person, "invitation-2-choose-password");
        await person.ClickAsync("main button[type=submit]");

        await person.WaitForPageAsync(@"/signin/authenticator(\?|$)");
        var key = await person.TextContentAsync("#authenticator-key");
        await person.FillAsync("#code", StaffMember.CodeFor(key!));
        await person.ClickAsync("main button[type=submit]");
        await Assertions.Expect(person.Locator("#recovery-codes li")).ToHaveCountAsync(10);

        await person.GotoAsync($"invitation/{fixture.Services.GetRequiredService<StaffInvitationTokens>().For(invitation)}");
        await Assertions.Expect(person.Locator("main [role=alert]")).ToContainTextAsync("Ce lien d'invitation ne fonctionne pas");
        await BrowserSteps.CheckAsync(person, "invitation-3-used");
        Assert.Matches(new Regex("/invitation/"), person.Url);
    }
}
