using Booking.Grains.Inventory;
using Booking.Web.Apis;
using Booking.Web.Availability;
using Booking.Web.Validation;

namespace Booking.Web.Bookings;

/// <summary>A citizen keeping a slot while they fill the form, and giving it back. Used by the API and the pages.</summary>
public sealed class CitizenHolds(ReferenceData referenceData, IClusterClient cluster)
{
    /// <param name="idempotencyKey">A retry with the same key gets the same hold.</param>
    public async Task<Outcome<HoldResponse>> HoldAsync(HoldBody? body, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var reference = await referenceData.GetAsync(cancellationToken);
        if (body?.LocationId is null)
            errors.Add("locationId", ErrorCodes.Required, "Choose a clinic.");
        if (string.IsNullOrWhiteSpace(body?.Service))
            errors.Add("service", ErrorCodes.Required, "Choose a service.");
        else if (!reference.Services.ContainsKey(body.Service))
            errors.Add("service", ErrorCodes.UnknownService, "Unknown service.");
        if (body?.Start is null)
            errors.Add("start", ErrorCodes.Required, "Choose a time (the slot's start, as listed by /api/v1/availability).");
        if (errors.Any)
            return errors;

        if (!reference.Locations.TryGetValue(body!.LocationId!.Value, out var location))
            return new Refusal.LocationNotFound();
        var start = body.Start!.Value.ToUniversalTime();
        var day = new LocationDayKey(location.Id, location.DateOf(start));

        var result = await cluster.GetGrain<ILocationDayGrain>(day.ToString()).Hold(new HoldRequest(body.Service!, start, idempotencyKey));
        return result switch
        {
            HoldResult.Held held => new HoldResponse(held.HoldId, held.ExpiresAt, location.Id, held.ServiceCode,
                location.LocalTime(held.Start), location.LocalTime(held.End)),
            HoldResult.Full => new Refusal.SlotFull(),
            HoldResult.SlotStarted => new Refusal.SlotStarted(),
            HoldResult.KeyReused => new Refusal.IdempotencyKeyReused(),
            _ => new Refusal.SlotNotFound(),
        };
    }

    /// <summary>Gives a held slot back; releasing a hold that is already gone is not an error.</summary>
    public async Task<Outcome<string>> ReleaseAsync(string holdId)
    {
        if (!HoldId.TryParse(holdId, out var day, out _))
            return new Refusal.HoldNotFound();
        await cluster.GetGrain<ILocationDayGrain>(day.ToString()).ReleaseHold(holdId);
        return holdId;
    }
}
