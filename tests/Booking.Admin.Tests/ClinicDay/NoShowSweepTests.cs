using Booking.Data.ClinicDay;
using Booking.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Admin.Tests.ClinicDay;

/// <summary>The statement the silos' no-show sweep runs, at instants of the test's choosing (the sweep itself runs in
/// every silo with the platform clock; the test silo's waits a week, so that it leaves the other tests' bookings alone).</summary>
[Collection(AdminCollection.Name)]
public sealed class NoShowSweepTests(AdminFixture fixture)
{
    [Fact]
    public async Task People_not_checked_in_by_the_delay_after_their_slot_are_marked_once_by_the_platform()
    {
        var bookings = new DayBookings(fixture);
        var days = fixture.Services.GetRequiredService<ClinicDayRepository>();
        // A day of the past that no other test books: the window below holds these bookings only.
        var start = DayBookings.DayStart(DayBookings.Today.AddDays(-20)).AddHours(9);
        var absent = await bookings.BookAsync(DayBookings.Palais, start, "Oubli", "Total");
        var came = await bookings.BookAsync(DayBookings.Palais, start, "Venue", "Àtemps");
        var later = await bookings.BookAsync(DayBookings.Palais, start.AddMinutes(40), "Plus", "Tard");
        await days.CheckInAsync(DayBookings.Palais, came.Id, start.AddMinutes(2), "staff:test", null);
        var delay = TimeSpan.FromMinutes(30);
        var now = start.AddMinutes(10) + delay;

        var first = await days.MarkNoShowsAsync(now - delay, now - delay - TimeSpan.FromMinutes(5), now);
        var again = await days.MarkNoShowsAsync(now - delay, now - delay - TimeSpan.FromMinutes(5), now);

        Assert.Equal(1, first);
        Assert.Equal(0, again);
        Assert.Equal("no-show|checked-in|expected", await fixture.Database.ScalarAsync<string>("""
            select string_agg(case when no_show_at is not null then 'no-show' when checked_in_at is not null then 'checked-in' else 'expected' end,
                              '|' order by array_position(@ids, id))
            from bookings where id = any(@ids)
            """, ("ids", new[] { absent.Id, came.Id, later.Id })));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "select count(*) from personal_data_access_log where record_id = @id and actor = 'platform:no-shows' and access = 'update'", ("id", absent.Id)));
    }
}
