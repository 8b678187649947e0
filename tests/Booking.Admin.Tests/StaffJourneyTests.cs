extern alias admin;
using admin::Booking.Admin.Account;
using Booking.Data.Demo;
using Booking.Staff.Demo;
using Booking.Staff.Identity;
using Booking.Web.BrowserTests;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Booking.Admin.Tests;

/// <summary>The whole first visit of a demo staff member in a real headless Chromium: initial password, new password,
/// authenticator enrolment from the key on the page, then a booking whose e-mail bounced and whose SMS was delivered.</summary>
[Collection(AdminCollection.Name)]
public sealed class StaffJourneyTests(AdminFixture fixture)
{
    [Fact]
    public async Task A_demo_staff_member_signs_in_for_the_first_time_and_sees_each_messages_delivery_status()
    {
        using (var scope = fixture.Services.CreateScope())
            await new DemoStaffAccounts(scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>(), fixture.Database.DataSource).EnsureAsync();
        // The Montréal clinics' manager, who looks up their bookings.
        var email = DemoStaffAccounts.Accounts.Single(a => a.Email.StartsWith("julie.tremblay@", StringComparison.Ordinal)).Email;
        var bookings = new TestBookings(fixture);
        var booking = await bookings.BookAsync(DemoSeed.MontrealRegion, TestBookings.MontrealClinic, "Maëlle", "Ouellet");
        await bookings.BounceEmailThenDeliverSmsAsync(booking.Id);
        var page = await fixture.NewBrowserPageAsync();

        await page.GotoAsync("bookings");
        await page.WaitForPageAsync("/signin");
        await BrowserSteps.CheckAsync(page, "0-sign-in");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", DemoStaffAccounts.InitialPassword);
        await page.ClickAsync("button[type=submit]");

        await page.WaitForPageAsync(@"/signin/password(\?|$)");
        await page.FillAsync("#current", DemoStaffAccounts.InitialPassword);
        await page.FillAsync("#new", "Un-Secret-Bien-A-Moi-7");
        await page.FillAsync("#confirm", "Un-Secret-Bien-A-Moi-7");
        await BrowserSteps.CheckAsync(page, "1-change-password");
        await page.ClickAsync("main button[type=submit]");

        await page.WaitForPageAsync(@"/signin/authenticator(\?|$)");
        var key = await page.TextContentAsync("#authenticator-key");
        // The QR code is the otpauth:// URI of this account and of the key shown beside it (no QR decoder is available).
        Assert.Equal(AuthenticatorEnrolment.QrCodeDataUri(AuthenticatorEnrolment.Uri(email, key!.Replace(" ", "").ToUpperInvariant())),
            await page.GetAttributeAsync("#authenticator-qr", "src"));
        await BrowserSteps.CheckAsync(page, "2-enrol-authenticator");
        await page.FillAsync("#code", StaffMember.CodeFor(key!));
        await page.ClickAsync("main button[type=submit]");

        await Assertions.Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await BrowserSteps.CheckAsync(page, "3-recovery-codes");
        // On to the page first asked for.
        await page.ClickAsync("#continue");
        await page.WaitForPageAsync("/bookings$");
        await page.FillAsync("#code", booking.ConfirmationCode);
        await page.ClickAsync("main button[type=submit]");

        var bounced = page.Locator("#messages tr[data-status=bounced]");
        var delivered = page.Locator("#messages tr[data-status=delivered]");
        await Assertions.Expect(page.Locator("#citizen")).ToHaveTextAsync("Maëlle Ouellet");
        await Assertions.Expect(bounced).ToContainTextAsync("Refusé par le destinataire");
        await Assertions.Expect(bounced).ToContainTextAsync("Courriel");
        await Assertions.Expect(delivered).ToContainTextAsync("Livré");
        await Assertions.Expect(delivered).ToContainTextAsync("Texto (SMS)");
        await BrowserSteps.CheckAsync(page, "4-booking-fr");
        await delivered.Locator("a.fallback").ClickAsync();
        Assert.EndsWith("#" + await bounced.GetAttributeAsync("id"), page.Url);

        await page.ClickAsync("a[lang=en]");
        await Assertions.Expect(delivered).ToContainTextAsync("Delivered");
        await Assertions.Expect(bounced).ToContainTextAsync("Bounced");
        await BrowserSteps.CheckAsync(page, "5-booking-en");

        var user = await UserAsync(email);
        Assert.True(user.TwoFactorEnabled);
        Assert.False(user.MustChangePassword);
        Assert.Equal(2L, await fixture.Database.ScalarAsync<long>(
            "select count(*) from personal_data_access_log where record_id = @id and actor = @actor and access = 'read'",
            ("id", booking.Id), ("actor", $"staff:{user.Id}")));
    }

    private async Task<StaffUser> UserAsync(string email)
    {
        using var scope = fixture.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email))!;
    }
}
