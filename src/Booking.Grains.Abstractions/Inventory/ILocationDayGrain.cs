using Booking.Grains.Availability;
using Orleans.Concurrency;

namespace Booking.Grains.Inventory;

/// <summary>
/// The inventory of one clinic on one local date (key: <see cref="LocationDayKey"/>). Every hold, confirmation,
/// cancellation and move of its slots goes through it, one at a time, so no slot is ever over capacity; a
/// confirmation is acknowledged only once its row is committed in PostgreSQL.
/// </summary>
[Alias("booking.LocationDay")]
public interface ILocationDayGrain : IGrainWithStringKey
{
    [Alias("Hold")]
    Task<HoldResult> Hold(HoldRequest request);
    [Alias("ReleaseHold")]
    Task ReleaseHold(string holdId);
    [Alias("Confirm")]
    Task<ConfirmResult> Confirm(ConfirmRequest request);
    /// <summary>Books someone who came without an appointment into the slot under way, else the next one with room,
    /// within the clinic's walk-in policy (extra seats beyond capacity, read at each call); committed like a confirmation,
    /// channel walk-in.</summary>
    [Alias("WalkIn")]
    Task<ConfirmResult> WalkIn(WalkInRequest request);
    [Alias("Cancel")]
    Task<ChangeResult> Cancel(CancelRequest request);

    /// <summary>Reschedules a booking into a hold of this clinic-day: the new seat is committed before the old
    /// one is given back, so the citizen is never left without an appointment.</summary>
    [Alias("MoveHere")]
    Task<ChangeResult> MoveHere(MoveRequest request);

    /// <summary>Told by the grain a booking moved to, once the move is durable.</summary>
    [Alias("SeatMovedAway")]
    Task SeatMovedAway(Guid bookingId);

    /// <summary>A bulk job's moves into this clinic-day: every seat is taken in one turn, then all the moves commit in one
    /// statement with their messages; one outcome per move, in order.</summary>
    [Alias("TakeBulkMoves")]
    Task<IReadOnlyList<BulkMoveOutcome>> TakeBulkMoves(BulkMoveBatch batch);

    /// <summary>Told by the clinic-day bookings moved to, once their moves are durable.</summary>
    [Alias("SeatsMovedAway")]
    Task SeatsMovedAway(IReadOnlyList<Guid> bookingIds);

    /// <summary>A bulk job's cancellations of this clinic-day's bookings; returns how many were cancelled.</summary>
    [Alias("CancelInBulk")]
    Task<int> CancelInBulk(BulkCancelBatch batch);

    /// <summary>Holds seats for a bulk offer until they expire (one per start, null where the slot is full); a citizen
    /// accepting the offer moves into its hold (<see cref="MoveHere"/>), else it is released when it expires.</summary>
    [Alias("HoldForOffers")]
    Task<IReadOnlyList<OfferHold?>> HoldForOffers(OfferHolds request);

    /// <summary>What is left for one service, as the availability index is told it.</summary>
    [Alias("Availability")]
    Task<LocationAvailability> Availability(string serviceCode);

    /// <summary>
    /// A change of this day's schedule is about to be saved. If every booking (those being confirmed included) keeps a
    /// seat under it, the day offers only what both its current and the proposed schedule allow until it is told the
    /// outcome (<see cref="ScheduleSettled"/>) or the proposal's time runs out, and nothing is returned. Otherwise
    /// nothing changes, and the slots whose bookings would lose their seat are returned.
    /// </summary>
    [Alias("ProposeSchedule")]
    Task<IReadOnlyList<StrandedSlot>> ProposeSchedule(ScheduleProposal proposal);

    /// <summary>The change is saved or abandoned: read the schedule from PostgreSQL again, keeping every seat and the
    /// holds that still fit.</summary>
    [Alias("ScheduleSettled")]
    Task ScheduleSettled(Guid changeId);

    /// <summary>The availability index of this date has (re)activated: publish what is left for the service to it.
    /// One-way, so that the index never waits on a clinic-day.</summary>
    [OneWay, Alias("Wake")]
    Task Wake(string serviceCode);
}
