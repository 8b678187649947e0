using Booking.Data.Bulk;
using Booking.Data.Catalog;
using Booking.Data.Protection;
using Booking.Grains;
using Booking.Grains.Inventory;

namespace Booking.Web.Bookings;

/// <summary>What became of accepting an earlier-appointment offer.</summary>
public enum OfferOutcome { Accepted, AlreadyAccepted, Expired, Unavailable, NotFound }

/// <summary>
/// An earlier appointment offered by a clinic's bulk offer, as the citizen meets it through the offer's signed link:
/// only the token made for that offer opens it. Accepting moves the booking into the seat held for it through its
/// clinic-day, as the citizen's own move would (the new seat is committed before the old one is given back); the hold
/// can be used once, so accepting twice, or after the offer ran out, changes nothing.
/// </summary>
public sealed class CitizenOffers(BulkOffers offers, OfferTokens tokens, CatalogRepository catalog, GrainReferences grains, TimeProvider clock)
{
    public async Task<StoredOffer?> FindAsync(Guid offerId, string? token, CancellationToken cancellationToken) =>
        tokens.Verify(offerId, token) ? await offers.FindAsync(offerId, cancellationToken) : null;

    public async Task<OfferOutcome> AcceptAsync(Guid offerId, string? token, CancellationToken cancellationToken)
    {
        if (await FindAsync(offerId, token, cancellationToken) is not { } offer)
            return OfferOutcome.NotFound;
        if (offer.IsAccepted)
            return OfferOutcome.AlreadyAccepted;
        var now = clock.GetUtcNow();
        if (offer.ExpiresAt <= now)
            return OfferOutcome.Expired;
        if (offer.BookingStatus != "confirmed" || offer.BookingSlotStart <= now
            || !HoldId.TryParse(offer.HoldId, out var to, out _)
            || await catalog.LocationAsync(offer.BookingLocationId, cancellationToken) is not { } current)
            return OfferOutcome.Unavailable;

        var from = new LocationDayKey(current.Id, current.DateOf(offer.BookingSlotStart));
        var moved = await grains.Get<ILocationDayGrain>(to.ToString())
            .MoveHere(new MoveRequest(offer.BookingId, offer.BookingVersion, offer.ServiceCode, offer.HoldId, from));
        return moved switch
        {
            ChangeResult.Done => await offers.MarkAcceptedAsync(offer.Id, cancellationToken) ? OfferOutcome.Accepted : OfferOutcome.AlreadyAccepted,
            ChangeResult.HoldExpired => OfferOutcome.Expired,
            // The hold was used (a second accept racing the first) or the booking changed meanwhile.
            _ => (await offers.FindAsync(offer.Id, cancellationToken))?.IsAccepted == true ? OfferOutcome.AlreadyAccepted : OfferOutcome.Unavailable,
        };
    }
}
