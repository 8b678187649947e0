using Booking.Admin.Tests.Offer;
using Booking.Data.Bulk;
using Booking.Data.Demo;
using Booking.Data.Protection;
using Booking.Domain.Bulk;
using Booking.Grains.Inventory;
using Booking.Testing;
using Booking.Web.Bookings;
using Booking.Web.FunctionalTests;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Admin.Tests.Bulk;

/// <summary>
/// A bulk offer of earlier appointments, through the real silo (which holds the seats and records the offers with
/// their messages) and the citizens' web host (which takes an offer through its signed link): accepting moves the
/// booking once; a second accept, an accept after the offer ran out, or one with another offer's token changes nothing.
/// </summary>
[Collection(OfferCollection.Name)]
public sealed class EarlierOfferTests(OfferFixture fixture)
{
    private const string Flu = "FLU";
    private CitizenApi Citizens => new(fixture.Http);
    private CitizenOffers Offers => fixture.WebServices.GetRequiredService<CitizenOffers>();
    private OfferTokens Tokens => fixture.WebServices.GetRequiredService<OfferTokens>();

    [Fact]
    public async Task An_offer_accepted_moves_the_booking_once_and_a_second_accept_or_another_token_changes_nothing()
    {
        var (day, earlier) = (QuebecDate.NextWeekday(16), QuebecDate.NextWeekday(15));
        var code = (await Citizens.Book(DemoClinics.PalaisDesCongres, Flu, QuebecDate.At(day, 15)))["confirmationCode"]!.GetValue<string>();
        var offer = await OfferAsync(day, earlier, minutes: 60);
        var before = await BookingAsync(code);

        var forged = await Offers.AcceptAsync(offer, Tokens.For(Guid.NewGuid()), default);
        var accepted = await Offers.AcceptAsync(offer, Tokens.For(offer), default);
        var moved = await BookingAsync(code);
        var again = await Offers.AcceptAsync(offer, Tokens.For(offer), default);

        Assert.Equal((OfferOutcome.NotFound, OfferOutcome.Accepted, OfferOutcome.AlreadyAccepted), (forged, accepted, again));
        Assert.Equal(before.Version + 1, moved.Version);
        Assert.True(moved.Start < before.Start);
        Assert.Equal(moved, await BookingAsync(code));
        Assert.Equal(1, await fixture.Database.CountAsync(
            "select count(*) from notifications where offer_id = @offer and kind = 'BulkOffer' and fallback_of is null", ("offer", offer)));
    }

    [Fact]
    public async Task An_offer_accepted_after_it_ran_out_changes_nothing_and_its_seat_was_released()
    {
        var (day, earlier) = (QuebecDate.NextWeekday(9), QuebecDate.NextWeekday(8));
        var code = (await Citizens.Book(DemoClinics.PalaisDesCongres, Flu, QuebecDate.At(day, 16)))["confirmationCode"]!.GetValue<string>();
        var seat = QuebecDate.At(earlier, 16);
        var free = await RemainingAsync(earlier, seat);
        Guid offer;
        // Made ten minutes ago, held for five: over for the citizen's site and for the clinic-day alike.
        using (fixture.SiloClock.Ahead(TimeSpan.FromMinutes(-10)))
            offer = await OfferAsync(day, earlier, minutes: 5);
        var before = await BookingAsync(code);

        var late = await Offers.AcceptAsync(offer, Tokens.For(offer), default);

        Assert.Equal(OfferOutcome.Expired, late);
        Assert.Equal(before, await BookingAsync(code));
        Assert.Equal(seat, new DateTimeOffset(await fixture.Database.ScalarAsync<DateTime>("select slot_start from bulk_offers where id = @id", ("id", offer))));
        await Poll.UntilAsync(async () => await RemainingAsync(earlier, seat) == free, Poll.Propagation, "the offered seat to be free again");
    }

    /// <summary>Offers the booking(s) of <paramref name="day"/> at the Palais des congrès an earlier seat on <paramref name="earlier"/>, and waits for the offer.</summary>
    private async Task<Guid> OfferAsync(DateOnly day, DateOnly earlier, int minutes)
    {
        var job = new BulkJob(Guid.CreateVersion7(), DemoSeed.MontrealRegion, BulkActions.Offer,
            new BulkSelection(DemoClinics.PalaisDesCongres, Flu, day, day, null, null), earlier, earlier, minutes);
        await new BulkJobRepository(fixture.Database.DataSource).CreateAsync(job, "test", TestClock.Now);
        Guid? offer = null;
        await Poll.UntilAsync(async () => (offer = await fixture.Database.ScalarAsync<Guid?>(
            "select id from bulk_offers where job_id = @job", ("job", job.Id))) is not null, TimeSpan.FromSeconds(30), "the offer to be made");
        return offer!.Value;
    }

    /// <summary>What the clinic-day itself says is left of a slot (holds included).</summary>
    private async Task<int> RemainingAsync(DateOnly date, DateTimeOffset start)
    {
        var day = fixture.SiloServices.GetRequiredService<IGrainFactory>()
            .GetGrain<ILocationDayGrain>(new LocationDayKey(DemoClinics.PalaisDesCongres, date).ToString());
        return (await day.Availability(Flu)).Slots.Single(s => s.Start == start).Remaining;
    }

    private async Task<(int Version, DateTimeOffset Start)> BookingAsync(string code) =>
        (await fixture.Database.ScalarAsync<int>("select version from bookings where confirmation_code = @code", ("code", code)),
         new DateTimeOffset(await fixture.Database.ScalarAsync<DateTime>("select slot_start from bookings where confirmation_code = @code", ("code", code))));
}
