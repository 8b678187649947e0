using Booking.Web.ApiDocument;
using Booking.Web.Bookings;
using Booking.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Apis;

public static class BookingsApi
{
    public static RouteGroupBuilder MapBookingsApi(this RouteGroupBuilder api)
    {
        var bookings = api.MapGroup("").WithTags(ApiTags.Bookings);
        bookings.MapPost("/bookings", Confirm).WithName("ConfirmBooking").AcceptsIdempotencyKey()
            .WithSummary("Confirm a held slot with the citizen's details (send Idempotency-Key to retry safely)");
        bookings.MapPost("/group-bookings", ConfirmGroup).WithName("ConfirmGroupBooking").AcceptsIdempotencyKey()
            .WithSummary("Confirm a group hold, one person per holdId, with one shared contact: all or nothing (send Idempotency-Key to retry safely)");
        bookings.MapGet("/bookings/{code}", Get).WithName("GetBooking").RequiresManageToken()
            .WithSummary($"A booking, with its manage token in the {ManageLinkAccess.TokenHeader} header or the token query parameter");
        bookings.MapPost("/bookings/{code}/cancel", Cancel).WithName("CancelBooking").RequiresManageToken().WithSummary("Cancel a booking (idempotent)");
        bookings.MapPost("/bookings/{code}/reschedule", Reschedule).WithName("RescheduleBooking").RequiresManageToken()
            .WithSummary("Move a booking into a new hold; the old slot is released only once the new one is confirmed");
        return api;
    }

    private static async Task<Results<Created<BookingCreatedResponse>, ValidationProblem, ProblemHttpResult>> Confirm(
        BookingRequest? body, HttpContext http, CitizenBookings bookings, CancellationToken cancellationToken) =>
        (await bookings.ConfirmAsync(body, IdempotencyKey.From(http.Request), http.Connection.RemoteIpAddress, cancellationToken))
            .ToHttp(booking => TypedResults.Created($"/api/v1/bookings/{booking.ConfirmationCode}", booking));

    private static async Task<Results<Created<GroupBookingResponse>, ValidationProblem, ProblemHttpResult>> ConfirmGroup(
        GroupBookingRequest? body, HttpContext http, CitizenGroupBookings groups, CancellationToken cancellationToken) =>
        (await groups.ConfirmAsync(body, IdempotencyKey.From(http.Request), http.Connection.RemoteIpAddress, cancellationToken))
            .ToHttp(group => TypedResults.Created((string?)null, group));

    private static async Task<Results<Ok<BookingResponse>, ValidationProblem, ProblemHttpResult>> Get(
        string code, HttpContext http, CitizenBookings bookings, CancellationToken cancellationToken) =>
        (await bookings.GetAsync(code, ManageLinkAccess.TokenFrom(http.Request), http.Connection.RemoteIpAddress, cancellationToken))
            .ToHttp(TypedResults.Ok);

    private static async Task<Results<Ok<BookingResponse>, ValidationProblem, ProblemHttpResult>> Cancel(
        string code, HttpContext http, CitizenBookings bookings, CancellationToken cancellationToken) =>
        (await bookings.CancelAsync(code, ManageLinkAccess.TokenFrom(http.Request), http.Connection.RemoteIpAddress, cancellationToken))
            .ToHttp(TypedResults.Ok);

    private static async Task<Results<Ok<BookingResponse>, ValidationProblem, ProblemHttpResult>> Reschedule(
        string code, RescheduleRequest? body, HttpContext http, CitizenBookings bookings, CancellationToken cancellationToken) =>
        (await bookings.RescheduleAsync(code, ManageLinkAccess.TokenFrom(http.Request), body, http.Connection.RemoteIpAddress, cancellationToken))
            .ToHttp(TypedResults.Ok);
}
