using Booking.Domain.Bookings;
using Booking.Grains.Inventory;
using Booking.Testing;

namespace Booking.Silo.Tests;

/// <summary>Every booking says how it was made, for the ministry's extracts; one made by staff for someone names them
/// in the audit record of its creation.</summary>
[Collection(ClusterCollection.Name)]
public class BookingChannelTests(ClusterFixture fixture)
{
    private readonly BookingScenario _citizens = new(fixture.Grains);

    private Task<string> ChannelAsync(Guid bookingId) =>
        fixture.Database.ScalarAsync<string>("select channel from bookings where id = @b", ("b", bookingId));

    [Fact]
    public async Task A_citizens_booking_is_made_on_the_web_and_its_creation_names_the_citizen()
    {
        var date = QuebecDate.NextWeekday(10);

        var booking = await _citizens.Booked(BookingScenario.Plateau, date, "FLU", BookingScenario.At(date, 9));

        Assert.Equal(BookingChannel.Web, await ChannelAsync(booking.BookingId));
        Assert.Equal("citizen:booking", await fixture.Database.ScalarAsync<string>(
            "select distinct actor from personal_data_access_log where record_id = @b and access = 'create'", ("b", booking.BookingId)));
    }

    [Theory]
    [InlineData(BookingChannel.Agent)]
    [InlineData(BookingChannel.WalkIn)]
    public async Task A_booking_made_by_staff_keeps_its_channel_and_names_the_staff_member(string channel)
    {
        var date = QuebecDate.NextWeekday(10);
        var start = BookingScenario.At(date, 9, channel == BookingChannel.Agent ? 10 : 20);
        var held = Assert.IsType<HoldResult.Held>(await _citizens.Hold(BookingScenario.Plateau, date, "FLU", start));
        var actor = $"staff:{Guid.NewGuid()}";

        var result = await _citizens.Day(BookingScenario.Plateau, date)
            .Confirm(BookingScenario.Request(held.HoldId) with { Channel = channel, Actor = actor });

        var booking = Assert.IsType<ConfirmResult.Confirmed>(result).Booking;
        Assert.Equal(channel, await ChannelAsync(booking.BookingId));
        Assert.Equal(actor, await fixture.Database.ScalarAsync<string>(
            "select distinct actor from personal_data_access_log where record_id = @b and access = 'create'", ("b", booking.BookingId)));
    }

    [Fact]
    public async Task Bookings_made_before_channels_were_recorded_count_as_web()
    {
        Assert.Equal("'web'::text", await fixture.Database.ScalarAsync<string>(
            "select column_default from information_schema.columns where table_name = 'bookings' and column_name = 'channel'"));
    }
}
