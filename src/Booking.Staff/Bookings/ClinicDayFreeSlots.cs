using Booking.Grains;
using Booking.Grains.Availability;
using Booking.Grains.Inventory;

namespace Booking.Staff.Bookings;

/// <summary>The free slots staff choose from, read from the clinic-day grain that holds and books them, so the times
/// offered are the ones a hold can take: those not yet begun with a seat left, in time order.</summary>
public sealed class ClinicDayFreeSlots(GrainReferences grains, TimeProvider clock)
{
    public async Task<IReadOnlyList<FreeSlot>> OfAsync(Guid locationId, DateOnly day, string serviceCode)
    {
        var now = clock.GetUtcNow();
        var slots = await grains.Get<ILocationDayGrain>(new LocationDayKey(locationId, day).ToString()).Availability(serviceCode);
        return slots.Slots.Where(s => s.Remaining > 0 && s.Start > now).OrderBy(s => s.Start).ToList();
    }
}
