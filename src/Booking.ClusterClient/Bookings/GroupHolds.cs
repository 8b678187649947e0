using Booking.Grains;
using Booking.Grains.Availability;
using Booking.Grains.Inventory;

namespace Booking.ClusterClient.Bookings;

/// <summary>
/// Seats for a group at one clinic-day, whoever holds them (a citizen for their family, an agent for a caller's): side
/// by side in the chosen slot if it has room, else in the slots right after it (then right before it), without a gap.
/// All or nothing: if the group does not fit, every seat taken is given back.
/// </summary>
public sealed class GroupHolds(GrainReferences grains)
{
    public const int MinPeople = 2;
    public const int MaxPeople = 6;

    /// <param name="idempotencyKey">A retry with the same key gets the same seats back (while they are held).</param>
    /// <returns>The holds in time order, or why not: <see cref="HoldResult.Full"/> when the group does not fit.</returns>
    public async Task<(IReadOnlyList<HoldResult.Held>? Holds, HoldResult? Refused)> HoldAsync(LocationDayKey key, string service, DateTimeOffset start,
        int people, string? idempotencyKey)
    {
        var day = grains.Get<ILocationDayGrain>(key.ToString());
        var holds = new List<HoldResult.Held>();
        // Per person and slot, so that a retry finds each seat it already took under the same key.
        HoldRequest Request(DateTimeOffset slot) =>
            new(service, slot, idempotencyKey is null ? null : $"{idempotencyKey}/group/{holds.Count}/{slot.UtcTicks}");

        var first = await FillAsync(day, start, people, holds, Request);
        if (first is HoldResult.Full)
            foreach (var slot in AdjacentSlots(await day.Availability(service), start, holds))
                if (await FillAsync(day, slot, people, holds, Request) is null)
                    break;
        if (holds.Count < people)
        {
            await Task.WhenAll(holds.Select(h => day.ReleaseHold(h.HoldId)));
            return (null, first);
        }
        return (holds.OrderBy(h => h.Start).ToList(), null);
    }

    /// <summary>Holds seats in one slot until the group is complete; null when complete, else why the slot stopped.</summary>
    private static async Task<HoldResult?> FillAsync(ILocationDayGrain day, DateTimeOffset slot, int people, List<HoldResult.Held> holds,
        Func<DateTimeOffset, HoldRequest> request)
    {
        while (holds.Count < people)
        {
            var result = await day.Hold(request(slot));
            if (result is not HoldResult.Held held)
                return result;
            holds.Add(held);
        }
        return null;
    }

    /// <summary>Free slots touching the chosen one without a gap: first the ones after it, nearest first, then the ones before.</summary>
    private static IEnumerable<DateTimeOffset> AdjacentSlots(LocationAvailability free, DateTimeOffset chosen, List<HoldResult.Held> held)
    {
        // A full slot ends the run: a group's seats stay side by side in time.
        var slots = free.Slots.Where(s => s.Remaining > 0).OrderBy(s => s.Start).ToList();
        var length = held.Count > 0 ? held[0].End - held[0].Start : slots.Count > 0 ? slots[0].End - slots[0].Start : TimeSpan.Zero;
        for (var next = chosen + length; length > TimeSpan.Zero && slots.Any(s => s.Start == next); next += length)
            yield return next;
        for (var previous = chosen - length; length > TimeSpan.Zero && slots.Any(s => s.Start == previous); previous -= length)
            yield return previous;
    }
}
