using System.Net;
using Booking.Data.Demo;
using Booking.Staff.Access;
using Booking.Testing;

namespace Booking.Admin.Tests.ClinicDay;

/// <summary>Walk-ins over real HTTP through the real clinic-day grain: the slot under way, then the next, never past the
/// clinic's extra seats; channel walk-in, the front desk named in the audit; a form sent twice books once.</summary>
[Collection(AdminCollection.Name)]
public sealed class WalkInTests(AdminFixture fixture)
{
    private readonly DayBookings _bookings = new(fixture);

    public static List<KeyValuePair<string, string>> Person(string firstName, string? formKey = null) =>
    [
        new("service", "FLU"), new("firstName", firstName), new("lastName", "Passant"), new("birthDate", "1970-01-15"), new("language", "fr"),
        new("consent", "true"), new("formKey", formKey ?? Guid.NewGuid().ToString()),
    ];

    [Fact]
    public async Task Walk_ins_take_the_slot_under_way_then_the_next_never_past_the_clinics_extra_seats()
    {
        var (clinic, zone, _) = await _bookings.AllDayClinicAsync();
        var (member, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, RoleGrant.At(StaffRole.FrontDesk, DemoSeed.MontrealRegion, clinic));
        using var _ = session;
        var before = TestClock.Now;

        var outcomes = new List<string>();
        foreach (var name in new[] { "Un", "Deux", "Trois" })
        {
            var response = await session.SubmitAsync($"clinic-day/{clinic}", "walk-in", Person(name));
            outcomes.Add(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.All(outcomes, html => Assert.Contains("data-outcome=\"walk-in-booked\"", html));
        var slots = await fixture.Database.ScalarAsync<string>("""
            select string_agg(n::text, ',' order by slot_start) from (
                select slot_start, count(*) as n from bookings where location_id = @clinic and status = 'confirmed' and channel = 'walk-in'
                group by slot_start) s
            """, ("clinic", clinic));
        // One seat and one extra seat per slot: two in the slot under way, the third in a later one (or, if the slot
        // ended between two of them, one in each).
        Assert.True(slots is "2,1" or "1,2" or "1,1,1", slots);
        var first = await fixture.Database.ScalarAsync<DateTime>("select min(slot_start) from bookings where location_id = @clinic", ("clinic", clinic));
        Assert.True(new DateTimeOffset(first, TimeSpan.Zero) <= before.AddMinutes(10), $"{first:u} is not the slot under way at {before:u} ({zone.Id})");
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("select count(*) from bookings where location_id = @clinic and seat >= slot_capacity",
            ("clinic", clinic)));
        Assert.Equal(3L, await fixture.Database.ScalarAsync<long>("""
            select count(*) from personal_data_access_log a join bookings b on b.id = a.record_id
            where b.location_id = @clinic and a.access = 'create' and a.table_name = 'bookings' and a.actor = @actor
            """, ("clinic", clinic), ("actor", $"staff:{member.Id}")));
    }

    [Fact]
    public async Task Wrong_walk_in_details_are_told_by_the_citizen_sites_rules_and_nothing_is_booked()
    {
        var (clinic, _, _) = await _bookings.AllDayClinicAsync();
        var (_, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, RoleGrant.At(StaffRole.FrontDesk, DemoSeed.MontrealRegion, clinic));
        using var _ = session;

        var response = await session.SubmitAsync($"clinic-day/{clinic}", "walk-in",
            [.. Person("").Where(f => f.Key is not ("birthDate" or "consent")), new("birthDate", "2999-01-01"), new("healthCard", "123"), new("phone", "12")]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("data-outcome=\"walk-in-invalid\"", html);
        // The staff site's words for the citizen site's codes, one field after the other.
        Assert.Contains("prénom — obligatoire; date de naissance — cette date n'est pas plausible; numéro d'assurance maladie — 4 lettres et 8 chiffres", html);
        Assert.Contains("téléphone — ce numéro de téléphone n'est pas valide", html);
        Assert.Contains("consentement — le consentement de la personne est nécessaire", html);
        // The form comes back as it was sent, each field in error marked and tied to why, the others left alone.
        Assert.Matches("id=\"walk-in-health-card\"[^>]*value=\"123\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"walk-in-health-card-error\"", html);
        Assert.Contains("<p class=\"error\" id=\"walk-in-health-card-error\">", html);
        Assert.Matches("id=\"walk-in-birth-date\"[^>]*value=\"2999-01-01\"[^>]*aria-invalid=\"true\"", html);
        Assert.Matches("id=\"walk-in-consent\"[^>]*aria-invalid=\"true\"", html);
        Assert.Matches("id=\"walk-in-last-name\"[^>]*value=\"Passant\"", html);
        Assert.DoesNotMatch("id=\"walk-in-last-name\"[^>]*aria-invalid", html);
        Assert.Equal(0L, await fixture.Database.ScalarAsync<long>("select count(*) from bookings where location_id = @clinic", ("clinic", clinic)));
    }

    [Fact]
    public async Task A_walk_in_form_sent_twice_books_once()
    {
        var (clinic, _, _) = await _bookings.AllDayClinicAsync();
        var (_, session) = await fixture.SignedInAsync(DemoSeed.MontrealRegion, RoleGrant.At(StaffRole.FrontDesk, DemoSeed.MontrealRegion, clinic));
        using var _ = session;
        var form = await session.LoadFormAsync($"clinic-day/{clinic}", "walk-in");
        var key = Guid.NewGuid().ToString();

        var first = await session.SubmitAsync(form, Person("Double", key));
        // The same person again is stopped by the service's interval; the same form with its name edited, by the key.
        var again = await session.SubmitAsync(form, Person("Double", key));
        var edited = await session.SubmitAsync(form, Person("Doubleau", key));

        Assert.Contains("data-outcome=\"walk-in-booked\"", await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, edited.StatusCode);
        Assert.Contains("data-outcome=\"walk-in-already-sent\"", await edited.Content.ReadAsStringAsync());
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>("select count(*) from bookings where location_id = @clinic", ("clinic", clinic)));
    }
}
