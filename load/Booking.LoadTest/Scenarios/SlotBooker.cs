namespace Booking.LoadTest.Scenarios;

/// <summary>A slot a citizen might take: as listed by the availability search.</summary>
public sealed record SlotChoice(Guid LocationId, string Service, string Start);

public enum BookingAttempt { Booked, SlotsFull, Failed, Stopped }

/// <summary>How a citizen's journey ended, as counted in the report (and in k6's <c>journeys</c> counter).</summary>
public static class JourneyOutcome
{
    public const string Booked = "booked";
    public const string SlotsFull = "gave up: the slots tried were full";
    public const string NothingListed = "gave up: no free slot listed";
    public const string Failed = "failed: an error answer";
}

/// <summary>The hold-then-confirm part shared by the booking scenarios: hold a random slot among the candidates, on a 409
/// (full) another one, up to <c>attempts</c> distinct slots; confirm the first hold obtained with a new citizen.</summary>
public sealed class SlotBooker(BookingApiClient api, RunMetrics metrics, FakeCitizens citizens)
{
    public async Task<BookingAttempt> TryBookAsync(VirtualUser user, IReadOnlyList<SlotChoice> candidates, int attempts)
    {
        var order = candidates.ToArray();
        user.Random.Shuffle(order);
        foreach (var slot in order.Take(attempts))
        {
            var hold = await api.HoldAsync(slot.LocationId, slot.Service, slot.Start);
            if (hold.Outcome == CallOutcome.NotSent)
                return BookingAttempt.Stopped;
            await user.ThinkAsync();
            if (hold.Outcome == CallOutcome.Rejected)
                continue;
            if (hold.Answer is not { HoldId: var holdId })
                return BookingAttempt.Failed;

            var booking = await api.ConfirmAsync(holdId, citizens.Next());
            if (booking.Outcome == CallOutcome.NotSent)
                return BookingAttempt.Stopped;
            await user.ThinkAsync();
            return booking.Outcome == CallOutcome.Succeeded ? BookingAttempt.Booked : BookingAttempt.Failed;
        }
        return BookingAttempt.SlotsFull;
    }

    /// <summary>Counts a finished journey; a journey cut by the end of the run is not counted.</summary>
    public void Record(BookingAttempt attempt)
    {
        if (attempt != BookingAttempt.Stopped)
            metrics.JourneyEnded(attempt switch
            {
                BookingAttempt.Booked => JourneyOutcome.Booked,
                BookingAttempt.SlotsFull => JourneyOutcome.SlotsFull,
                _ => JourneyOutcome.Failed,
            });
    }
}
