using Booking.ClusterClient.Bookings;
using Booking.Data.Catalog;
using Booking.Domain.Catalog;
using Booking.Domain.Validation;
using Booking.Grains;
using Booking.Grains.Inventory;
using Booking.Web.WaitingRooms;

namespace Booking.Web.Bookings;

/// <summary>A citizen keeping a slot (or seats for their group) while they fill the form, and giving it back. Used by
/// the API and the pages.</summary>
public sealed class CitizenHolds(ReferenceData referenceData, GrainReferences grains, HoldKeys holdKeys, GroupHolds groupHolds, WaitingRoom waitingRoom,
    BookingWindow window)
{
    /// <param name="idempotencyKey">A retry with the same key gets the same hold.</param>
    /// <param name="admissionPass">The waiting room's pass (see <see cref="WaitingRoom.PassFromAsync"/>), required when the service is gated.</param>
    public async Task<Outcome<HoldResponse>> HoldAsync(CitizenHoldRequest? body, string? idempotencyKey, string? admissionPass, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var target = await TargetAsync(body?.LocationId, body?.Service, body?.Start, errors, cancellationToken);
        if (errors.Any)
            return errors;
        if (target is not var (location, service, start))
            return new Refusal.LocationNotFound();
        var (refused, passUse) = await AdmitAsync(location, service, start, idempotencyKey, null, admissionPass);
        if (refused is not null)
            return refused;

        var result = await DayOf(location, start).Hold(new HoldRequest(service, start, idempotencyKey));
        if (result is HoldResult.Held held)
            return Response(location, held);
        await passUse.ReturnAsync();
        return Refusal(result);
    }

    /// <summary>Seats for a group at one clinic, by the rule every host shares (<see cref="GroupHolds"/>).</summary>
    /// <param name="idempotencyKey">A retry with the same key gets the same seats back (while they are held).</param>
    /// <param name="admissionPass">The waiting room's pass, required when the service is gated.</param>
    public async Task<Outcome<GroupHoldResponse>> HoldGroupAsync(GroupHoldRequest? body, string? idempotencyKey, string? admissionPass,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var target = await TargetAsync(body?.LocationId, body?.Service, body?.Start, errors, cancellationToken);
        if (body?.People is not { } people)
            errors.Add("people", ErrorCodes.Required, $"How many people ({GroupHolds.MinPeople} to {GroupHolds.MaxPeople})?");
        else if (people is < GroupHolds.MinPeople or > GroupHolds.MaxPeople)
            errors.Add("people", ErrorCodes.OutOfRange, $"A group is {GroupHolds.MinPeople} to {GroupHolds.MaxPeople} people.");
        if (errors.Any)
            return errors;
        if (target is not var (location, service, start))
            return new Refusal.LocationNotFound();
        // One group is one use of the pass: the family books together.
        var (refused, passUse) = await AdmitAsync(location, service, start, idempotencyKey, body!.People, admissionPass);
        if (refused is not null)
            return refused;

        var (holds, notHeld) = await groupHolds.HoldAsync(DayKey(location, start), service, start, body.People!.Value, idempotencyKey);
        if (holds is null)
        {
            await passUse.ReturnAsync();
            return notHeld is HoldResult.Full ? new Refusal.GroupDoesNotFit(body.People.Value) : Refusal(notHeld!);
        }
        return new GroupHoldResponse(holds.Select(h => Response(location, h)).ToList());
    }

    /// <summary>What every hold passes before a clinic-day is asked: a start inside the booking window, an idempotency
    /// key not already bound to another request (<see cref="HoldKeys"/>), and the waiting room's pass when the service is
    /// gated (one use of it).</summary>
    private async Task<(Refusal? Refused, WaitingRoom.PassUse PassUse)> AdmitAsync(Location location, string service, DateTimeOffset start,
        string? idempotencyKey, int? group, string? admissionPass)
    {
        if (!window.Contains(start))
            return (new Refusal.SlotNotFound(), WaitingRoom.PassUse.NotNeeded);
        if (!await holdKeys.FitsAsync(idempotencyKey, location.Id, service, start, group))
            return (new Refusal.IdempotencyKeyReused(), WaitingRoom.PassUse.NotNeeded);
        return await waitingRoom.TryUsePassAsync(service, admissionPass) is { } passUse
            ? (null, passUse)
            : (new Refusal.WaitingRoomRequired((await waitingRoom.RoomOfAsync(service))!), WaitingRoom.PassUse.NotNeeded);
    }

    /// <summary>Gives a held slot back; releasing a hold that is already gone is not an error.</summary>
    public async Task<Outcome<string>> ReleaseAsync(string holdId)
    {
        if (!window.TryReadHoldId(holdId, out var day, out _))
            return new Refusal.HoldNotFound();
        await grains.Get<ILocationDayGrain>(day.ToString()).ReleaseHold(holdId);
        return holdId;
    }

    private async Task<(Location Location, string Service, DateTimeOffset Start)?> TargetAsync(Guid? locationId, string? service,
        DateTimeOffset? start, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var reference = await referenceData.GetAsync(cancellationToken);
        if (locationId is null)
            errors.Add("locationId", ErrorCodes.Required, "Choose a clinic.");
        if (string.IsNullOrWhiteSpace(service))
            errors.Add("service", ErrorCodes.Required, "Choose a service.");
        else if (!reference.Services.ContainsKey(service))
            errors.Add("service", ErrorCodes.UnknownService, "Unknown service.");
        if (start is null)
            errors.Add("start", ErrorCodes.Required, "Choose a time (the slot's start, as listed by /api/v1/availability).");
        // A closed clinic takes no new booking (its bookings are still managed through the same reference data).
        if (errors.Any || !reference.Locations.TryGetValue(locationId!.Value, out var location) || !location.IsOpen)
            return null;
        return (location, service!, start!.Value.ToUniversalTime());
    }

    private static LocationDayKey DayKey(Location location, DateTimeOffset start) => new(location.Id, location.DateOf(start));

    private ILocationDayGrain DayOf(Location location, DateTimeOffset start) => grains.Get<ILocationDayGrain>(DayKey(location, start).ToString());

    private static HoldResponse Response(Location location, HoldResult.Held held) =>
        new(held.HoldId, held.ExpiresAt, location.Id, held.ServiceCode, location.LocalTime(held.Start), location.LocalTime(held.End));

    private static Refusal Refusal(HoldResult result) => result switch
    {
        HoldResult.Full => new Refusal.SlotFull(),
        HoldResult.SlotStarted => new Refusal.SlotStarted(),
        HoldResult.KeyReused => new Refusal.IdempotencyKeyReused(),
        _ => new Refusal.SlotNotFound(),
    };
}
