using Booking.Contracts;
using Booking.Data.Bookings;
using Booking.Data.Bulk;
using Booking.Data.Catalog;
using Booking.Data.Offer;
using Booking.Data.WaitingList;
using Booking.Domain.Bookings;
using Booking.Domain.Catalog;
using Booking.Domain.Inventory;
using Booking.Domain.Scheduling;
using Booking.Grains;
using Booking.Grains.Availability;
using Booking.Grains.Inventory;
using Booking.Silo.Infrastructure;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Booking.Silo.Inventory;

/// <summary>
/// One clinic on one date. Capacity decisions happen synchronously inside one turn of this activation (no await
/// between checking and taking), so they are serial; the grain is reentrant only so that a confirmation waiting on
/// PostgreSQL does not block holds. Confirmations are written by the silo's <see cref="BookingCommits"/>, which groups
/// them with other clinic-days' into one statement.
/// Holds live in memory only: a graceful stop (a rolling deploy) leaves them in PostgreSQL for the clinic-day's next
/// activation; a crash loses them (the citizen holds again), never a confirmed booking. A schedule change saved by
/// staff is checked against the seats here and applied without a restart (see <see cref="ScheduleNarrowing"/>).
/// </summary>
[GrainType("locationday")]
[Reentrant]
public sealed partial class LocationDayGrain(
    CatalogRepository catalog,
    BookingRepository bookings,
    BookingCommits commits,
    BulkBookingChanges bulkChanges,
    ScheduleChangeMarks scheduleChanges,
    HandedOverHoldRepository handedOver,
    WaitingListRepository waitingList,
    IOptions<InventoryOptions> options,
    InventoryMetrics metrics,
    GrainReferences grains,
    TimeProvider clock,
    ILogger<LocationDayGrain> logger) : Grain, ILocationDayGrain
{
    private readonly InventoryOptions _options = options.Value;
    private readonly HoldRequestLog _holdRequests = new();
    private readonly Dictionary<string, (ConfirmRequest Request, Task<ConfirmResult> Result)> _confirmations = new(StringComparer.Ordinal);
    private LocationDayKey _key;
    private Location? _location;
    private SlotInventory _inventory = new([], []);
    private long _version;
    private readonly ScheduleNarrowing _narrowing = new();

    private DateTimeOffset Now => clock.GetUtcNow();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = LocationDayKey.Parse(this.GetPrimaryKeyString());
        _location = await catalog.LocationAsync(_key.LocationId, cancellationToken);
        if (_location is not null)
        {
            // Woken while a schedule change is being saved: offer nothing until told its outcome (see ProposeSchedule).
            if (await scheduleChanges.PendingAsync(_location.Id, cancellationToken) is { } pending)
                _narrowing.Begin(pending.ChangeId, pending.Until);
            var schedule = await catalog.ScheduleAsync(_location, _key.Date, cancellationToken);
            var (dayStart, dayEnd) = _location.DayBounds(_key.Date);
            var seats = await bookings.SeatsAsync(_location.Id, dayStart, dayEnd, cancellationToken);
            _inventory = new SlotInventory(_narrowing.Offered(SlotGenerator.SlotsOn(schedule, _key.Date)), seats);
            await TakeBackHandedOverHolds(cancellationToken);
        }
        this.RegisterGrainTimer(PublishChanges, new GrainTimerCreationOptions(TimeSpan.Zero, _options.PublishInterval) { Interleave = true });
    }

    public Task<HoldResult> Hold(HoldRequest request)
    {
        var result = Decide(request);
        metrics.Held(result);
        return Task.FromResult(result);
    }

    private HoldResult Decide(HoldRequest request)
    {
        if (request.IdempotencyKey is { } key && _holdRequests.Find(key, Now) is { } previous)
            return previous.Request == request ? previous.Result : new HoldResult.KeyReused();

        HoldResult result = _inventory.TryHold(new SlotKey(request.ServiceCode, request.Start), HoldId.New(_key, request.ServiceCode), Now, _options.HoldDuration) switch
        {
            HoldOutcome.Held { Hold: var hold } => new HoldResult.Held(hold.HoldId, hold.ExpiresAt, hold.Slot.ServiceCode, hold.Slot.Start, hold.Slot.End),
            HoldOutcome.Full => new HoldResult.Full(),
            HoldOutcome.SlotStarted => new HoldResult.SlotStarted(),
            _ => new HoldResult.NoSuchSlot(),
        };
        if (result is HoldResult.Held held)
        {
            // A deactivation would drop the hold from memory: stay active at least as long as it lives.
            DelayDeactivation(_options.HoldDuration);
            if (request.IdempotencyKey is { } newKey)
                _holdRequests.Remember(newKey, request, result, held.ExpiresAt);
        }
        return result;
    }

    public async Task ReleaseHold(string holdId)
    {
        if (_inventory.FindHold(holdId) is null && !_inventory.HasExpired(holdId))
            await TakeBackHandedOverHold(holdId);
        if (_inventory.ReleaseHold(holdId))
            _listSeats.Released(holdId);
    }

    public Task<ConfirmResult> Confirm(ConfirmRequest request)
    {
        // A retry of a confirmation that is under way (or done) in this activation shares its outcome; anyone else
        // presenting the same hold id learns nothing, as if the hold did not exist.
        if (_confirmations.TryGetValue(request.HoldId, out var underway))
            return underway.Request.IsRetriedBy(request) ? underway.Result : Task.FromResult<ConfirmResult>(new ConfirmResult.UnknownHold());
        var confirmation = metrics.Confirmed(ConfirmOnce(request));
        if (!confirmation.IsCompleted)
            _confirmations[request.HoldId] = (request, confirmation);
        return confirmation;
    }

    private async Task<ConfirmResult> ConfirmOnce(ConfirmRequest request)
    {
        // Not held here and not expired: a hold handed over by an earlier activation, a retry of a confirmation from
        // one, or unknown.
        if (_inventory.FindHold(request.HoldId) is null && !_inventory.HasExpired(request.HoldId) && !await TakeBackHandedOverHold(request.HoldId))
            return await bookings.FindRetriedAsync(request.HoldId, request.IdempotencyKey, request.RequestDigest) is { IsConfirmed: true } earlier
                ? new ConfirmResult.Confirmed(ToConfirmation(earlier.Id, earlier.ConfirmationCode, earlier.SlotStart, earlier.SlotEnd, earlier.ServiceCode))
                : Forget(request.HoldId, new ConfirmResult.UnknownHold());

        var bookingId = Guid.CreateVersion7();
        var claim = _inventory.ClaimSeat(request.HoldId, bookingId, Now);
        if (claim is not ClaimOutcome.Claimed { Slot: var slot, Seat: var seat, Hold: var hold })
            return Forget(request.HoldId, claim is ClaimOutcome.HoldExpired ? new ConfirmResult.HoldExpired() : new ConfirmResult.UnknownHold());
        return await CommitClaimed(bookingId, slot, seat, hold, request);
    }

    /// <summary>Commits the booking of a seat claimed in memory, with <paramref name="hold"/> or for a walk-in (a new code on
    /// a collision); a refusal gives it back.</summary>
    private async Task<ConfirmResult> CommitClaimed(Guid bookingId, Slot slot, int seat, Hold? hold, ConfirmRequest request)
    {
        for (var attempt = 1; ; attempt++)
        {
            var row = new NewBooking(bookingId, ConfirmationCode.New(), _location!.TenantId, _location.Id, slot.ServiceCode, slot.Start, slot.End,
                seat, slot.Capacity, request.HoldId, request.IdempotencyKey, request.Citizen, request.Declarations, request.ConsentAt,
                request.SourceIp is { } ip && System.Net.IPAddress.TryParse(ip, out var address) ? address : null, request.RequestDigest,
                request.Channel, request.Actor);
            var outcome = await CommitOrRebuild(row);
            switch (outcome)
            {
                case InsertOutcome.Inserted:
                    return new ConfirmResult.Confirmed(ToConfirmation(bookingId, row.ConfirmationCode, slot.Start, slot.End, slot.ServiceCode));
                case InsertOutcome.CodeCollision when attempt < 3:
                    continue;
                case InsertOutcome.AlreadyConfirmed { Existing: var earlier }:
                    _inventory.ReleaseSeat(bookingId);
                    return new ConfirmResult.Confirmed(ToConfirmation(earlier.Id, earlier.ConfirmationCode, earlier.SlotStart, earlier.SlotEnd, earlier.ServiceCode));
                case InsertOutcome.IdempotencyKeyReused:
                    _inventory.ReleaseSeat(bookingId);
                    return Forget(request.HoldId, new ConfirmResult.KeyReused());
                case InsertOutcome.HoldAlreadyUsed:
                    _inventory.ReleaseSeat(bookingId);
                    return Forget(request.HoldId, new ConfirmResult.UnknownHold());
                case InsertOutcome.TooSoon:
                    // The citizen's other booking stands in the way, not the slot: a hold stays theirs until it runs
                    // out, as when the eligibility check refuses before the write.
                    if (hold is null)
                        _inventory.ReleaseSeat(bookingId);
                    else
                        _inventory.ReturnToHold(bookingId, hold, Now);
                    return Forget(request.HoldId, new ConfirmResult.TooSoon());
                default:
                    // The seat guard refused us: our memory disagrees with the database, so rebuild from it.
                    logger.LogWarning("Seat {Seat} of {Slot} refused by the database for {Grain}; rebuilding inventory", seat, slot.Start, _key);
                    DeactivateOnIdle();
                    return Forget(request.HoldId, new ConfirmResult.SlotTaken());
            }
        }
    }

    /// <summary>If the write fails we cannot know whether it landed: give the seat back in memory and rebuild
    /// this activation from the database before anyone else books here.</summary>
    private async Task<InsertOutcome> CommitOrRebuild(NewBooking row)
    {
        try
        {
            return await commits.Submit(row);
        }
        catch
        {
            _inventory.ReleaseSeat(row.Id);
            _confirmations.Remove(row.HoldId);
            DeactivateOnIdle();
            throw;
        }
    }

    public async Task<ChangeResult> Cancel(CancelRequest request)
    {
        if (!await bookings.CancelAsync(request.BookingId, request.ExpectedVersion, ChangedByOf(request.ByStaff), request.ByStaff))
            return ChangeResult.BookingChanged;
        FreeSeat(request.BookingId);
        return ChangeResult.Done;
    }

    public async Task<ChangeResult> MoveHere(MoveRequest request)
    {
        if (_inventory.FindHold(request.HoldId) is null && !_inventory.HasExpired(request.HoldId))
            await TakeBackHandedOverHold(request.HoldId);
        if (_inventory.FindHold(request.HoldId) is not { } hold)
            return _inventory.HasExpired(request.HoldId) ? ChangeResult.HoldExpired : ChangeResult.UnknownHold;
        if (hold.Slot.ServiceCode != request.ServiceCode)
            return ChangeResult.WrongService;

        var claimId = Guid.NewGuid();
        if (_inventory.ClaimSeat(request.HoldId, claimId, Now) is not ClaimOutcome.Claimed { Slot: var slot, Seat: var seat })
            return ChangeResult.HoldExpired;

        var moved = await bookings.MoveAsync(request.BookingId, request.ExpectedVersion, _key.LocationId, slot, seat, request.HoldId,
            ChangedByOf(request.ByStaff), request.ByStaff);
        if (moved != MoveOutcome.Moved)
        {
            _inventory.ReleaseSeat(claimId);
            if (moved == MoveOutcome.SeatTaken)
                DeactivateOnIdle();
            return moved switch
            {
                MoveOutcome.SeatTaken => ChangeResult.SlotTaken,
                MoveOutcome.TooSoon => ChangeResult.TooSoon,
                _ => ChangeResult.BookingChanged,
            };
        }

        _inventory.TransferSeat(claimId, request.BookingId);
        if (request.From != _key)
            await TellOldClinicDay(request.From, request.BookingId);
        return ChangeResult.Done;
    }

    /// <summary>The clinic's decision is told as the clinic's; an agent's change on a caller's request, as the caller's own.</summary>
    private static ChangedBy ChangedByOf(StaffChange? byStaff) => byStaff is { ByClinic: true } ? ChangedBy.Clinic : ChangedBy.Citizen;

    /// <summary>The move is already durable; if the old clinic-day cannot be told now, its memory stays on the
    /// safe side (the seat looks taken) until it next rebuilds from the database.</summary>
    private async Task TellOldClinicDay(LocationDayKey from, Guid bookingId)
    {
        try
        {
            await grains.Get<ILocationDayGrain>(from.ToString()).SeatMovedAway(bookingId);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not release the old seat of booking {BookingId} in {From}", bookingId, from);
        }
    }

    public Task SeatMovedAway(Guid bookingId)
    {
        FreeSeat(bookingId);
        return Task.CompletedTask;
    }

    public Task<LocationAvailability> Availability(string serviceCode) =>
        Task.FromResult(Snapshot(serviceCode));

    public async Task Wake(string serviceCode)
    {
        await FirstTurn.Leave();
        PublishTo(serviceCode);
    }

    public Task<IReadOnlyList<StrandedSlot>> ProposeSchedule(ScheduleProposal proposal) =>
        Task.FromResult(_narrowing.Propose(_inventory, proposal, Now));

    public Task ScheduleSettled(Guid changeId) => ReloadSchedule(changeId);

    /// <summary>Lays the day out again from PostgreSQL, keeping seats and the holds that fit (see <see cref="ScheduleNarrowing"/>).</summary>
    private async Task ReloadSchedule(Guid? settled)
    {
        if (_location is null)
            return;
        var schedule = await catalog.ScheduleAsync(_location, _key.Date);
        _narrowing.End(settled, Now);
        _inventory.Reschedule(_narrowing.Offered(SlotGenerator.SlotsOn(schedule, _key.Date)), Now);
        // New capacity, perhaps: the list may have someone for it (one seat per service).
        foreach (var service in _inventory.Services)
            _listSeats.Freed(service);
    }

    private async Task PublishChanges(CancellationToken cancellationToken)
    {
        await FirstTurn.Leave();
        if (_narrowing.RanOut(Now))
            await ReloadSchedule(null);
        _inventory.PurgeExpiredHolds(Now);
        _holdRequests.Purge(Now);
        // Offers made now hold seats: what is published next already leaves them out.
        await OfferFreedSeats();
        foreach (var service in _inventory.TakeChangedServices())
            PublishTo(service);
    }

    private void PublishTo(string serviceCode) =>
        grains.Get<IServiceDayAvailabilityGrain>(ServiceDayKey.For(serviceCode, _key.Date)).Publish(Snapshot(serviceCode)).Ignore();

    private LocationAvailability Snapshot(string serviceCode)
    {
        // Versions must grow across activations too, so they start from the clock.
        _version = Math.Max(_version + 1, Now.UtcTicks);
        var slots = _inventory.Availability(serviceCode, Now)
            .Select(s => new FreeSlot(s.Start, s.End, s.Remaining, s.Capacity))
            .ToList();
        return new LocationAvailability(_key.LocationId, _version, slots);
    }

    private BookingConfirmation ToConfirmation(Guid id, string code, DateTimeOffset start, DateTimeOffset end, string service) =>
        new(id, code, _key.LocationId, service, start, end);

    private ConfirmResult Forget(string holdId, ConfirmResult failure)
    {
        _confirmations.Remove(holdId);
        return failure;
    }
}
