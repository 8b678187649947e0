using Booking.Domain.Bookings;
using Booking.Domain.Inventory;
using Booking.Grains.Inventory;

namespace Booking.Silo.Inventory;

public sealed partial class LocationDayGrain
{
    public async Task<ConfirmResult> WalkIn(WalkInRequest request)
    {
        if (_location is null)
            return new ConfirmResult.NoRoom();
        // The policy is read at each walk-in, so a change on the offer page applies at once; the seat is then decided in
        // one turn, with no await between finding room and taking it.
        var extraSeats = await catalog.WalkInExtraSeatsAsync(_location.Id);
        var bookingId = Guid.CreateVersion7();
        if (_inventory.SeatWalkIn(request.ServiceCode, bookingId, Now, extraSeats) is not WalkInOutcome.Seated seated)
            return new ConfirmResult.NoRoom();
        // The row's capacity is the seat bound the policy allows, which the table's seat guard checks the seat against.
        var confirmation = new ConfirmRequest(HoldId.New(_key, request.ServiceCode), request.Citizen, Now, request.IdempotencyKey, request.SourceIp,
            request.Declarations, null, BookingChannel.WalkIn, request.Actor);
        return await CommitClaimed(bookingId, seated.Slot with { Capacity = seated.SeatBound }, seated.Seat, hold: null, confirmation);
    }
}
