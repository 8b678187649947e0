using System.Net;
using Booking.Data.Demo;
using Booking.Testing;
using Booking.Web.FunctionalTests;

namespace Booking.Admin.Tests.Offer;

/// <summary>Schedule changes saved on the staff site reach the citizens' search and holds at once, with no restart, and
/// never take a seat from a booking. Each test keeps to its own weekday ahead at its own demo clinic.</summary>
[Collection(OfferCollection.Name)]
public sealed class LiveScheduleTests(OfferFixture fixture)
{
    private const string Laval = "H7S 1Y9";
    private const string DowntownMontreal = "H2Z 1H2";

    private CitizenApi Citizens => new(fixture.Http);

    /// <summary>A row of the preview table, whatever the white space between its cells.</summary>
    private static string Row(string? rowClass, string start, params string[] cells) =>
        $"<tr{(rowClass is null ? "" : $" class=\"{rowClass}\"")} data-start=\"{start}\">" + string.Concat(cells.Select(c => $@"\s*<td>{System.Text.RegularExpressions.Regex.Escape(c)}</td>"));

    private static string NewException(Guid location) => $"offer/locations/{location}/exceptions/new";

    private Task<long> ExceptionsOn(Guid location, DateOnly date) =>
        fixture.Database.CountAsync("select count(*) from schedule_exceptions where location_id = @l and on_date = @d", ("l", location), ("d", date));

    [Fact]
    public async Task A_capacity_change_reaches_the_availability_search_with_no_restart()
    {
        var day = QuebecDate.NextWeekday(4);
        var nine = QuebecDate.At(day, 9);
        Assert.Equal(6, await Citizens.Remaining(Laval, "FLU", DemoClinics.CentreLaval, nine));
        using var manager = await fixture.ManagerAsync();

        var saved = await manager.SubmitAsync(NewException(DemoClinics.CentreLaval), "exception", ScheduleForms.Exception("capacity", day, "FLU", capacity: "9"));

        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        Assert.Equal($"/offer/locations/{DemoClinics.CentreLaval}?saved=exception", saved.Location());
        await Poll.UntilAsync(async () => await Citizens.Remaining(Laval, "FLU", DemoClinics.CentreLaval, nine) == 9, Poll.Propagation,
            "the search to show 9 seats at 09:00");
        Assert.Equal(9, await Citizens.Remaining(Laval, "FLU", DemoClinics.CentreLaval, QuebecDate.At(day, 19, 50)));
        Assert.Equal(6, await Citizens.Remaining(Laval, "FLU", DemoClinics.CentreLaval, QuebecDate.At(QuebecDate.NextWeekday(3), 9)));
    }

    [Fact]
    public async Task A_closure_over_a_booked_slot_is_refused_and_names_the_booking_by_code_and_time_only()
    {
        var day = QuebecDate.NextWeekday(5);
        var booking = await Citizens.Book(DemoClinics.CentreLaval, "FLU", QuebecDate.At(day, 10));
        var code = booking["confirmationCode"]!.GetValue<string>();
        using var manager = await fixture.ManagerAsync();

        var refused = await manager.SubmitAsync(NewException(DemoClinics.CentreLaval), "exception", ScheduleForms.Exception("closed", day));

        var html = await refused.TextAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Ce changement n'a pas été enregistré", html);
        Assert.Contains($"<li data-code=\"{code}\">", html);
        Assert.Contains($"{ScheduleForms.Day(day)} 10:00", html);
        Assert.DoesNotContain("Tremblay", html);
        Assert.Equal(0L, await ExceptionsOn(DemoClinics.CentreLaval, day));
        // The clinic-day narrowed while the change was checked, and widened back when it was refused.
        await Poll.UntilAsync(async () => await Citizens.Remaining(Laval, "FLU", DemoClinics.CentreLaval, QuebecDate.At(day, 10, 10)) == 6,
            Poll.Propagation, "10:10 to be offered again");
        Assert.Equal(0L, await fixture.Database.CountAsync("select count(*) from locations where schedule_change_until is not null"));
    }

    [Fact]
    public async Task A_closure_of_some_hours_around_the_bookings_is_saved_and_the_search_drops_those_hours()
    {
        var day = QuebecDate.NextWeekday(6);
        await Citizens.Book(DemoClinics.CentreLaval, "FLU", QuebecDate.At(day, 10));
        using var manager = await fixture.ManagerAsync();
        Assert.Equal(6, await Citizens.Remaining(Laval, "FLU", DemoClinics.CentreLaval, QuebecDate.At(day, 14)));

        var saved = await manager.SubmitAsync(NewException(DemoClinics.CentreLaval), "exception",
            ScheduleForms.Exception("closed-hours", day, "FLU", opens: "13:00", closes: "15:00"));

        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        await Poll.UntilAsync(async () => await Citizens.Remaining(Laval, "FLU", DemoClinics.CentreLaval, QuebecDate.At(day, 14)) == 0, Poll.Propagation,
            "14:00 to leave the search");
        Assert.Equal(5, await Citizens.Remaining(Laval, "FLU", DemoClinics.CentreLaval, QuebecDate.At(day, 10)));
        Assert.Equal(HttpStatusCode.NotFound, (await Citizens.Hold(DemoClinics.CentreLaval, "FLU", QuebecDate.At(day, 13, 30))).StatusCode);
    }

    [Fact]
    public async Task A_hold_taken_before_a_change_that_keeps_its_slot_still_confirms()
    {
        var day = QuebecDate.NextWeekday(11);
        var holdId = await Citizens.HoldId(DemoClinics.PalaisDesCongres, "FLU", QuebecDate.At(day, 9));
        using var manager = await fixture.ManagerAsync();

        var saved = await manager.SubmitAsync(NewException(DemoClinics.PalaisDesCongres), "exception", ScheduleForms.Exception("capacity", day, "FLU", capacity: "12"));
        var confirmed = await Citizens.Confirm(holdId);

        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Created, confirmed.StatusCode);
        await Poll.UntilAsync(async () => await Citizens.Remaining(DowntownMontreal, "FLU", DemoClinics.PalaisDesCongres, QuebecDate.At(day, 9)) == 11,
            Poll.Propagation, "11 of 12 seats left at 09:00");
    }

    [Fact]
    public async Task A_preview_lays_out_the_changed_days_against_what_is_booked_and_saves_nothing()
    {
        var day = QuebecDate.NextWeekday(10);
        await Citizens.Book(DemoClinics.PalaisDesCongres, "FLU", QuebecDate.At(day, 11));
        using var manager = await fixture.ManagerAsync();
        var audited = await fixture.Database.CountAsync("select count(*) from offer_audit");

        var preview = await manager.SubmitAsync(NewException(DemoClinics.PalaisDesCongres), "exception",
            ScheduleForms.Exception("closed-hours", day, "FLU", opens: "11:00", closes: "12:00", action: "preview"));

        var html = await preview.TextAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains($"data-date=\"{ScheduleForms.Day(day)}\"", html);
        Assert.Matches(Row("strands", "11:00", "11:00–11:10", "FLU", "8", "—", "1"), html);
        Assert.Matches(Row(null, "11:10", "11:10–11:20", "FLU", "8", "—", "0", "retirée"), html);
        Assert.Matches(Row(null, "12:00", "12:00–12:10", "FLU", "8", "8", "0", "inchangée"), html);
        Assert.Equal(0L, await ExceptionsOn(DemoClinics.PalaisDesCongres, day));
        Assert.Equal(audited, await fixture.Database.CountAsync("select count(*) from offer_audit"));
    }

    [Fact]
    public async Task Every_saved_change_is_audited_with_who_and_what_it_was()
    {
        var day = QuebecDate.NextWeekday(12);
        using var manager = await fixture.ManagerAsync();

        var saved = await manager.SubmitAsync(NewException(DemoClinics.PalaisDesCongres), "exception", ScheduleForms.Exception("closed", day, until: day.AddDays(1)));

        await saved.AssertSavedAsync();
        Assert.Equal(2L, await fixture.Database.CountAsync("""
            select count(*) from offer_audit
            where location_id = @l and entity = 'schedule_exception' and action = 'create' and actor like 'staff:%'
              and after -> 'exception' ->> 'kind' is not null and (after -> 'exception' ->> 'date')::date between @d and @d + 1
            """, ("l", DemoClinics.PalaisDesCongres), ("d", day)));
    }

    [Fact]
    public async Task Bad_exception_input_is_explained_and_nothing_is_written()
    {
        using var manager = await fixture.ManagerAsync();
        var before = await fixture.Database.CountAsync("select count(*) from schedule_exceptions");

        var html = await (await manager.SubmitAsync(NewException(DemoClinics.PalaisDesCongres), "exception",
            ScheduleForms.Exception("extra-hours", QuebecDate.Today.AddDays(-2), opens: "18:00", closes: "17:00", slotMinutes: "2", capacity: "0"))).TextAsync();

        Assert.Contains("Des heures ajoutées sont pour un service : choisissez-le.", html);
        Assert.Contains("La date ne peut pas être passée.", html);
        Assert.Contains("La fermeture doit suivre l'ouverture.", html);
        Assert.Contains("Un nombre entier de 5 à 480.", html);
        Assert.Contains("Un nombre entier de 1 à 1000.", html);
        Assert.Equal(before, await fixture.Database.CountAsync("select count(*) from schedule_exceptions"));
    }
}
