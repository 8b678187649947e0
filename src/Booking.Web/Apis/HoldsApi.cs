using Booking.Grains.Inventory;
using Booking.Web.Availability;
using Booking.Web.Infrastructure;
using Booking.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Apis;

public static class HoldsApi
{
    public static RouteGroupBuilder MapHoldsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/holds", Hold).WithName("HoldSlot")
            .WithSummary("Reserve a slot while the citizen fills the form (expires; send Idempotency-Key to retry safely)");
        api.MapDelete("/holds/{holdId}", Release).WithName("ReleaseHold").WithSummary("Give a held slot back");
        return api;
    }

    private static async Task<Results<Created<HoldResponse>, ValidationProblem, ProblemHttpResult>> Hold(
        HoldBody? body, HttpRequest request, ReferenceData referenceData, IClusterClient cluster, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (!IdempotencyKey.TryRead(request, out var idempotencyKey, out var keyError))
            errors.Add(IdempotencyKey.Header, keyError!);
        var reference = await referenceData.GetAsync(cancellationToken);
        if (body?.LocationId is null)
            errors.Add("locationId", "Choose a clinic.");
        if (string.IsNullOrWhiteSpace(body?.Service))
            errors.Add("service", "Choose a service.");
        else if (!reference.Services.ContainsKey(body.Service))
            errors.Add("service", "Unknown service.");
        if (body?.Start is null)
            errors.Add("start", "Choose a time (the slot's start, as listed by /api/v1/availability).");
        if (errors.Any)
            return errors.ToProblem();

        if (!reference.Locations.TryGetValue(body!.LocationId!.Value, out var location))
            return TypedResults.Problem(Problems.LocationNotFound());
        var start = body.Start!.Value.ToUniversalTime();
        var day = new LocationDayKey(location.Id, location.DateOf(start));

        var result = await cluster.GetGrain<ILocationDayGrain>(day.ToString()).Hold(new HoldRequest(body.Service!, start, idempotencyKey));
        return result switch
        {
            HoldResult.Held held => TypedResults.Created($"/api/v1/holds/{held.HoldId}", new HoldResponse(held.HoldId, held.ExpiresAt, location.Id,
                held.ServiceCode, location.LocalTime(held.Start), location.LocalTime(held.End))),
            HoldResult.Full => TypedResults.Problem(Problems.SlotFull()),
            HoldResult.SlotStarted => TypedResults.Problem(Problems.SlotStarted()),
            HoldResult.KeyReused => TypedResults.Problem(Problems.IdempotencyKeyReused()),
            _ => TypedResults.Problem(Problems.SlotNotFound()),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Release(string holdId, IClusterClient cluster)
    {
        if (!HoldId.TryParse(holdId, out var day, out _))
            return TypedResults.Problem(Problems.HoldNotFound());
        await cluster.GetGrain<ILocationDayGrain>(day.ToString()).ReleaseHold(holdId);
        return TypedResults.NoContent();
    }
}
