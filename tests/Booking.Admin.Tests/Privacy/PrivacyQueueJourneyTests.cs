using System.Globalization;
using Booking.Data.Demo;
using Booking.Domain.Catalog;
using Booking.Staff.Access;
using Booking.Web.BrowserTests;
using Microsoft.Playwright;

namespace Booking.Admin.Tests.Privacy;

/// <summary>A tenant's person in charge of personal information in a real headless Chromium: a citizen's correction
/// request in the queue with its due date, opened, assigned, answered with the correction applied to the booking (an
/// empty answer first, refused field by field); each page checked with axe-core.</summary>
[Collection(AdminCollection.Name)]
public sealed class PrivacyQueueJourneyTests(AdminFixture fixture)
{
    [Fact]
    public async Task An_officer_finds_a_correction_request_with_its_due_date_assigns_it_to_themselves_and_answers_it()
    {
        var lastName = $"Journee{Guid.NewGuid():N}"[..16];
        var booking = await new TestBookings(fixture).BookAsync(DemoSeed.MontrealRegion, TestBookings.MontrealClinic, "Rosalie", lastName);
        var requests = new CitizenPrivacyRequests(fixture);
        var correction = await requests.CorrectionAsync(booking.Id, "lastName", "Bélanger-Nouveau");
        var overdue = await requests.CorrectionAsync(booking.Id, "firstName", "Rosalia", daysAgo: 31);
        var officer = await fixture.EnrolledAsync(DemoSeed.MontrealRegion, new RoleGrant(StaffRole.PrivacyOfficer, DemoSeed.MontrealRegion));
        var received = await fixture.Database.ScalarAsync<DateTime>("select received_at from correction_requests where id = @id", ("id", correction));
        var due = QuebecTime.DateOf(QuebecTime.Zone, new DateTimeOffset(received, TimeSpan.Zero).AddDays(30)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var page = await fixture.NewBrowserPageAsync();

        await page.GotoAsync("privacy");
        await page.SignInAsync(officer);
        await page.WaitForPageAsync("/privacy");
        var row = page.Locator($"tr[data-request='{correction}']");
        await Assertions.Expect(row).ToContainTextAsync(due);
        await Assertions.Expect(row).ToHaveAttributeAsync("data-overdue", "false");
        // Overdue is said in words, not only in colour.
        await Assertions.Expect(page.Locator($"tr[data-request='{overdue}']")).ToContainTextAsync("en retard");
        await BrowserSteps.CheckAsync(page, "privacy-1-queue");

        await row.Locator("a").ClickAsync();
        await page.WaitForPageAsync($"/privacy/correction/{correction}");
        await Assertions.Expect(page.Locator("#corrections")).ToContainTextAsync("Bélanger-Nouveau");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Reçue");
        await BrowserSteps.CheckAsync(page, "privacy-2-request");

        await page.ClickAsync("#assign-heading ~ form button[type=submit]");
        await Assertions.Expect(page.Locator("#outcome p")).ToHaveAttributeAsync("data-outcome", "assigned");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Confiée");

        await page.CheckAsync("#decision-apply");
        await page.FillAsync("#answer-text", "   ");
        await page.ClickAsync("#answer-heading ~ form button[type=submit]");
        await Assertions.Expect(page.Locator("#answer-text")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#answer-text")).ToHaveAttributeAsync("aria-describedby", "answer-error");
        await Assertions.Expect(page.Locator("#answer-error")).ToHaveTextAsync("Écrivez la réponse.");
        await BrowserSteps.CheckAsync(page, "privacy-3-empty-answer");

        await page.FillAsync("#answer-text", "Votre nom est corrigé : Bélanger-Nouveau.");
        await page.ClickAsync("#answer-heading ~ form button[type=submit]");
        await Assertions.Expect(page.Locator("#outcome p")).ToHaveAttributeAsync("data-outcome", "answered");
        await Assertions.Expect(page.Locator("#answer")).ToHaveTextAsync("Votre nom est corrigé : Bélanger-Nouveau.");
        await Assertions.Expect(page.Locator("#answer-text")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#decision")).ToHaveAttributeAsync("data-applied", "true");
        await BrowserSteps.CheckAsync(page, "privacy-4-answered");
        Assert.Equal("Bélanger-Nouveau", (await requests.CitizenAsync(booking.Id)).LastName);

        Assert.Equal($"answered|{officer.Id}|1", await requests.StateAsync(correction));
        Assert.Equal(officer.Id, await fixture.Database.ScalarAsync<Guid>("select answered_by from correction_requests where id = @id", ("id", correction)));
        Assert.Equal("PrivacyRequestAnswered|transactional|" + booking.Id, await fixture.Database.ScalarAsync<string>(
            "select kind || '|' || category || '|' || booking_id from notifications where correction_request_id = @id", ("id", correction)));
        // Each opening of the request is logged with the officer before anything is unsealed; the answer as an update.
        var accesses = await fixture.Database.ScalarAsync<string>("""
            select string_agg(access, ',' order by id) from personal_data_access_log
            where record_id = @id and actor = @actor and program = 'Booking.Admin/privacy'
            """, ("id", correction), ("actor", $"staff:{officer.Id}"));
        Assert.StartsWith("read,read", accesses);
        Assert.Contains("update", accesses);
    }
}
