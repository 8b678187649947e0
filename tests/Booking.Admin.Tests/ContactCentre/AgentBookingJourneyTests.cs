using System.Globalization;
using Booking.Admin.Tests.ClinicDay;
using Booking.Data.Demo;
using Booking.Grains.Inventory;
using Booking.Staff.Access;
using Booking.Testing;
using Booking.Web.BrowserTests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Booking.Admin.Tests.ContactCentre;

/// <summary>A contact-centre agent in a real headless Chromium: signs in, finds a free time at a clinic, holds it for a
/// caller, types their details and books; the agent reads the confirmation code to the caller; or, for a caller's family,
/// holds seats together and books every person, reading back every code. Each page is checked with axe-core.</summary>
[Collection(AdminCollection.Name)]
public sealed class AgentBookingJourneyTests(AdminFixture fixture)
{
    [Fact]
    public async Task An_agent_finds_a_free_time_books_it_for_a_caller_and_reads_them_the_confirmation_code()
    {
        var changes = new ClinicBookingChanges(fixture);
        var (clinic, day) = await changes.OneSeatClinicAsync(16);
        // Offered as a staff save offers it: the catalogue's revision bumped, the clinic's day publishing its free times.
        await fixture.Database.ScalarAsync<int>("update catalogue_revision set revision = revision + 1 returning 1");
        await changes.PublishAsync(clinic, day);
        var agent = await fixture.EnrolledAsync(DemoSeed.MontrealRegion, new RoleGrant(StaffRole.ContactCentreAgent, DemoSeed.MontrealRegion));
        var page = await fixture.NewBrowserPageAsync();

        await page.GotoAsync("contact-centre/new");
        await page.SignInAsync(agent);
        await page.WaitForPageAsync("/contact-centre/new");
        // The staff site's cached catalogue lists the new clinic within a second or so.
        await Poll.UntilAsync(async () =>
        {
            await page.GotoAsync("contact-centre/new");
            return await page.Locator($"#clinic option[value='{clinic}']").CountAsync() == 1;
        }, TimeSpan.FromSeconds(10), "the new clinic among the agent's clinics");
        await BrowserSteps.CheckAsync(page, "agent-booking-1-clinics");

        await page.SelectOptionAsync("#clinic", clinic.ToString());
        await page.ClickAsync("#choose-heading ~ form button[type=submit]");
        await Assertions.Expect(page.Locator("#service")).ToBeVisibleAsync();
        await page.SelectOptionAsync("#service", "FLU");
        await page.FillAsync("#date", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.ClickAsync("#choose-heading ~ form button[type=submit]");
        await Assertions.Expect(page.Locator("#slot-0900")).ToBeVisibleAsync();
        await BrowserSteps.CheckAsync(page, "agent-booking-2-free-times");

        await page.CheckAsync("#slot-0900");
        await page.ClickAsync("#slots-heading ~ form button[type=submit]");
        await Assertions.Expect(page.Locator("#outcome")).ToHaveAttributeAsync("data-outcome", "held");
        await BrowserSteps.CheckAsync(page, "agent-booking-3-caller");

        await page.FillAsync("#caller-firstName", "Appelante");
        await page.FillAsync("#caller-lastName", "Navigatrice");
        await page.FillAsync("#caller-birthDate", "1971-03-14");
        await page.FillAsync("#caller-phone", "514 555-0199");
        await page.SelectOptionAsync("#caller-language", "en");
        foreach (var no in await page.Locator("#caller-screening input[value=no]").AllAsync())
            await no.CheckAsync();
        await page.CheckAsync("#caller-consent");
        await page.ClickAsync("#caller-heading ~ form button[type=submit]");
        await Assertions.Expect(page.Locator("#outcome")).ToHaveAttributeAsync("data-outcome", "booked");

        var code = await fixture.Database.ScalarAsync<string>(
            "select confirmation_code from bookings where location_id = @clinic and channel = 'agent'", ("clinic", clinic));
        await Assertions.Expect(page.Locator("#outcome")).ToContainTextAsync(code);
        await BrowserSteps.CheckAsync(page, "agent-booking-4-booked");
    }

    [Fact]
    public async Task An_agent_books_a_group_of_three_for_a_caller_and_reads_back_three_codes_each_booking_audited_with_the_agent()
    {
        var changes = new ClinicBookingChanges(fixture);
        var (clinic, day) = await changes.ClinicAsync(15, seats: 3);
        await fixture.Database.ScalarAsync<int>("update catalogue_revision set revision = revision + 1 returning 1");
        await changes.PublishAsync(clinic, day);
        var agent = await fixture.EnrolledAsync(DemoSeed.MontrealRegion, new RoleGrant(StaffRole.ContactCentreAgent, DemoSeed.MontrealRegion));
        var page = await fixture.NewBrowserPageAsync();
        var address = $"contact-centre/new?clinic={clinic}&service=FLU&date={day:yyyy-MM-dd}&people=3";

        await page.GotoAsync("contact-centre/new");
        await page.SignInAsync(agent);
        await page.WaitForPageAsync("/contact-centre/new");
        await Poll.UntilAsync(async () =>
        {
            await page.GotoAsync(address);
            return await page.Locator("#slot-0900").CountAsync() == 1;
        }, TimeSpan.FromSeconds(10), "the new clinic's times for three people on the agent's page");
        await Assertions.Expect(page.Locator("#people")).ToHaveValueAsync("3");
        await BrowserSteps.CheckAsync(page, "agent-group-1-free-times");

        await page.CheckAsync("#slot-0900");
        await page.ClickAsync("#slots-heading ~ form button[type=submit]");
        await Assertions.Expect(page.Locator("#outcome")).ToHaveAttributeAsync("data-outcome", "held");
        await Assertions.Expect(page.Locator("#person-3")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#person-4")).ToHaveCountAsync(0);
        await BrowserSteps.CheckAsync(page, "agent-group-2-people");

        string[] firstNames = ["Parent", "Enfant", "Aieule"];
        string[] birthDates = ["1979-05-02", "2012-09-30", "1948-11-11"];
        var lastName = "Famille" + new string(Guid.NewGuid().ToString("N").Where(char.IsAsciiLetter).Take(6).ToArray());
        for (var n = 1; n <= 3; n++)
        {
            await page.FillAsync($"#person-{n}-firstName", firstNames[n - 1]);
            await page.FillAsync($"#person-{n}-lastName", lastName);
            // The second person's birth date is left out first: the whole group is refused, as it was typed.
            if (n != 2)
                await page.FillAsync($"#person-{n}-birthDate", birthDates[n - 1]);
        }
        foreach (var no in await page.Locator("#group-heading ~ form input[type=radio][value=no]").AllAsync())
            await no.CheckAsync();
        await page.FillAsync("#group-phone", "514 555-0177");
        await page.SelectOptionAsync("#group-language", "en");
        await page.CheckAsync("#group-consent");
        await page.ClickAsync("#group-heading ~ form button[type=submit]");
        await Assertions.Expect(page.Locator("#form-errors li[data-field='people[1].birthDate']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#person-2-birthDate")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#person-2-birthDate")).ToHaveAttributeAsync("aria-describedby", "person-2-birthDate-error");
        await Assertions.Expect(page.Locator("#person-3-firstName")).ToHaveValueAsync("Aieule");
        await Assertions.Expect(page.Locator("#group-phone")).ToHaveValueAsync("514 555-0177");
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("select count(*) from bookings where location_id = @clinic", ("clinic", clinic)));
        await BrowserSteps.CheckAsync(page, "agent-group-3-refused");

        await page.FillAsync("#person-2-birthDate", birthDates[1]);
        await page.ClickAsync("#group-heading ~ form button[type=submit]");
        await Assertions.Expect(page.Locator("#outcome")).ToHaveAttributeAsync("data-outcome", "booked");

        var booked = await fixture.Database.ScalarAsync<string>("""
            select string_agg(concat_ws('|', b.confirmation_code, b.channel, b.status,
                (select count(*) from personal_data_access_log a where a.record_id = b.id and a.access = 'create' and a.table_name = 'bookings' and a.actor = @actor)),
                ',' order by b.seat)
            from bookings b where b.location_id = @clinic
            """, ("clinic", clinic), ("actor", $"staff:{agent.Id}"));
        var rows = booked.Split(',').Select(row => row.Split('|')).ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, row => Assert.Equal(["agent", "confirmed", "1"], row[1..]));
        await Assertions.Expect(page.Locator("#group-codes li")).ToHaveCountAsync(3);
        foreach (var row in rows)
            await Assertions.Expect(page.Locator($"#group-codes li[data-code='{row[0]}']")).ToContainTextAsync(row[0]);
        // The three seats of 09:00 are the clinic-day's no more.
        var start = QuebecDate.At(day, 9);
        var clinicDay = fixture.Services.GetRequiredService<IClusterClient>().GetGrain<ILocationDayGrain>(new LocationDayKey(clinic, day).ToString());
        Assert.DoesNotContain((await clinicDay.Availability("FLU")).Slots, s => s.Start == start && s.Remaining > 0);
        await BrowserSteps.CheckAsync(page, "agent-group-4-booked");
    }
}
