using Booking.Web.ApiDocument;
using Booking.Web.Bookings;
using Booking.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Apis;

public static class WaitingListApi
{
    public static RouteGroupBuilder MapWaitingListApi(this RouteGroupBuilder api)
    {
        var list = api.MapGroup("/waiting-list").WithTags(ApiTags.WaitingList);
        list.MapPost("", Join).WithName("JoinWaitingList")
            .WithSummary("Ask to be offered a seat that frees up for a service near a postal code between two dates (202, the same answer whether or not you were already waiting)");
        list.MapPost("/places/{entryId:guid}/leave", Leave).WithName("LeaveWaitingList")
            .WithSummary("Leave the waiting list, with the token of the link in the confirmation message (idempotent)");
        list.MapGet("/offers/{offerId:guid}", Offer).WithName("GetWaitingListOffer")
            .WithSummary("A seat offered from the waiting list, with the token of the offer's link");
        list.MapPost("/offers/{offerId:guid}/accept", Accept).WithName("AcceptWaitingListOffer").AcceptsIdempotencyKey()
            .WithSummary("Book the offered seat with the citizen's details, as POST /bookings would (holdId is the offer's; taking it twice or late changes nothing)");
        list.MapPost("/offers/{offerId:guid}/decline", Decline).WithName("DeclineWaitingListOffer")
            .WithSummary("Turn the offered seat down: it goes to the next person at once, and you keep your place (idempotent)");
        return api;
    }

    private static async Task<Results<Accepted<WaitingListJoinedResponse>, ValidationProblem, ProblemHttpResult>> Join(
        WaitingListRequest? body, CitizenWaitingList list, CancellationToken cancellationToken) =>
        (await list.JoinAsync(body, cancellationToken)).ToHttp(joined => TypedResults.Accepted((string?)null, joined));

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Leave(
        Guid entryId, string? token, CitizenWaitingList list, CancellationToken cancellationToken) =>
        (await list.LeaveAsync(entryId, token, cancellationToken)).ToHttp(_ => TypedResults.NoContent());

    private static async Task<Results<Ok<WaitingListOfferResponse>, ValidationProblem, ProblemHttpResult>> Offer(
        Guid offerId, string? token, CitizenWaitingList list, CancellationToken cancellationToken) =>
        (await list.OfferAsync(offerId, token, cancellationToken)).ToHttp(TypedResults.Ok);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Decline(
        Guid offerId, string? token, CitizenWaitingList list, CancellationToken cancellationToken) =>
        (await list.DeclineAsync(offerId, token, cancellationToken)).ToHttp(_ => TypedResults.NoContent());

    private static async Task<Results<Created<BookingCreatedResponse>, ValidationProblem, ProblemHttpResult>> Accept(
        Guid offerId, string? token, BookingRequest? body, HttpContext http, CitizenWaitingList list, CancellationToken cancellationToken) =>
        (await list.AcceptAsync(offerId, token, body, IdempotencyKey.From(http.Request), http.Connection.RemoteIpAddress, cancellationToken))
            .ToHttp(created => TypedResults.Created($"/api/v1/bookings/{created.ConfirmationCode}", created));
}
