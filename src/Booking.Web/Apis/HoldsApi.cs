using Booking.Web.ApiDocument;
using Booking.Web.Bookings;
using Booking.Web.Infrastructure;
using Booking.Web.WaitingRooms;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Apis;

public static class HoldsApi
{
    public static RouteGroupBuilder MapHoldsApi(this RouteGroupBuilder api)
    {
        var holds = api.MapGroup("").WithTags(ApiTags.Holds);
        holds.MapPost("/holds", Hold).WithName("HoldSlot").AcceptsIdempotencyKey()
            .WithSummary("Reserve a slot while the citizen fills the form (expires; send Idempotency-Key to retry safely)");
        holds.MapPost("/holds/group", HoldGroup).WithName("HoldGroup").AcceptsIdempotencyKey()
            .WithSummary("Reserve seats for 2 to 6 people: side by side if the slot has room, else in the slots right next to it (all or nothing)");
        holds.MapDelete("/holds/{holdId}", Release).WithName("ReleaseHold").WithSummary("Give a held slot back");
        return api;
    }

    private static async Task<Results<Created<HoldResponse>, ValidationProblem, ProblemHttpResult>> Hold(
        CitizenHoldRequest? body, HttpRequest request, CitizenHolds holds, WaitingRoom waitingRoom, CancellationToken cancellationToken) =>
        (await holds.HoldAsync(body, IdempotencyKey.From(request), await waitingRoom.PassFromAsync(request, body?.Service), cancellationToken))
            .ToHttp(held => TypedResults.Created($"/api/v1/holds/{held.HoldId}", held));

    private static async Task<Results<Created<GroupHoldResponse>, ValidationProblem, ProblemHttpResult>> HoldGroup(
        GroupHoldRequest? body, HttpRequest request, CitizenHolds holds, WaitingRoom waitingRoom, CancellationToken cancellationToken) =>
        (await holds.HoldGroupAsync(body, IdempotencyKey.From(request), await waitingRoom.PassFromAsync(request, body?.Service), cancellationToken))
            .ToHttp(group => TypedResults.Created((string?)null, group));

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Release(string holdId, CitizenHolds holds) =>
        (await holds.ReleaseAsync(holdId)).ToHttp(_ => TypedResults.NoContent());
}
