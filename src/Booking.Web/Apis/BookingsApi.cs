using Booking.Data.Audit;
using Booking.Data.Protection;
using Booking.Grains.Inventory;
using Booking.Web.Availability;
using Booking.Web.Bookings;
using Booking.Web.Infrastructure;
using Booking.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Booking.Web.Apis;

public static class BookingsApi
{
    public static RouteGroupBuilder MapBookingsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/bookings", Confirm).WithName("ConfirmBooking")
            .WithSummary("Confirm a held slot with the citizen's details (send Idempotency-Key to retry safely)");
        api.MapGet("/bookings/{code}", Get).WithName("GetBooking")
            .WithSummary($"A booking, with its manage token in the {ManageLinkAccess.TokenHeader} header or the token query parameter");
        api.MapPost("/bookings/{code}/cancel", Cancel).WithName("CancelBooking").WithSummary("Cancel a booking (idempotent)");
        api.MapPost("/bookings/{code}/reschedule", Reschedule).WithName("RescheduleBooking")
            .WithSummary("Move a booking into a new hold; the old slot is released only once the new one is confirmed");
        return api;
    }

    /// <summary>What the booking handlers need, injected as one parameter.</summary>
    public sealed record BookingServices(
        IClusterClient Cluster,
        ReferenceData ReferenceData,
        CitizenValidator Validator,
        PersonalDataProtector Protector,
        EligibilityGate Eligibility,
        ManageTokens Tokens,
        ManageLinkAccess ManageLink,
        TimeProvider Clock);

    private static async Task<Results<Created<BookingCreatedResponse>, ValidationProblem, ProblemHttpResult>> Confirm(
        BookingBody? body, HttpContext http, [AsParameters] BookingServices services, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (!IdempotencyKey.TryRead(http.Request, out var idempotencyKey, out var keyError))
            errors.Add(IdempotencyKey.Header, keyError!);
        if (string.IsNullOrWhiteSpace(body?.HoldId))
            errors.Add("holdId", "Hold a slot first, then confirm it with its holdId.");
        if (body?.Consent is not true)
            errors.Add("consent", "We need your consent to use these details for this appointment.");
        var citizen = services.Validator.Validate(body?.Citizen, errors);
        if (errors.Any)
            return errors.ToProblem();
        if (!HoldId.TryParse(body!.HoldId, out var day, out var serviceCode))
            return TypedResults.Problem(Problems.HoldNotFound());
        var reference = await services.ReferenceData.GetAsync(cancellationToken);
        if (!reference.Services.TryGetValue(serviceCode, out var service))
            return TypedResults.Problem(Problems.HoldNotFound());

        // Sealing computes the fingerprints the eligibility check looks the citizen's history up by.
        var sealedCitizen = services.Protector.Seal(citizen!);
        if (await services.Eligibility.RefusalAsync(service, citizen!.BirthDate, (sealedCitizen.Fingerprint, sealedCitizen.HealthCardFingerprint),
                day.Date, body.HoldId, null, cancellationToken) is { } refusal)
            return TypedResults.Problem(Problems.NotEligible(refusal));

        var request = new ConfirmRequest(body.HoldId!, sealedCitizen, services.Clock.GetUtcNow(), idempotencyKey, http.Connection.RemoteIpAddress?.ToString());
        var result = await services.Cluster.GetGrain<ILocationDayGrain>(day.ToString()).Confirm(request);
        if (result is not ConfirmResult.Confirmed { Booking: var booking })
            return TypedResults.Problem(result switch
            {
                ConfirmResult.HoldExpired => Problems.HoldExpired(),
                ConfirmResult.SlotTaken => Problems.SlotTaken(),
                ConfirmResult.KeyReused => Problems.IdempotencyKeyReused(),
                _ => Problems.HoldNotFound(),
            });

        var location = reference.Locations[booking.LocationId];
        return TypedResults.Created($"/api/v1/bookings/{booking.ConfirmationCode}", new BookingCreatedResponse(
            booking.ConfirmationCode, services.Tokens.For(booking.ConfirmationCode), booking.LocationId, booking.ServiceCode,
            location.LocalTime(booking.Start), location.LocalTime(booking.End), "confirmed"));
    }

    private static async Task<Results<Ok<BookingResponse>, ProblemHttpResult>> Get(
        string code, HttpContext http, ManageLinkAccess manageLink, CancellationToken cancellationToken)
    {
        if (await manageLink.FindAsync(code, ManageLinkAccess.TokenFrom(http.Request), cancellationToken) is not { } found)
            return TypedResults.Problem(Problems.BookingNotFound());
        return TypedResults.Ok(await manageLink.ShowAsync(found, PersonalDataAccess.Read, "Booking.Web/get", http.Connection.RemoteIpAddress, cancellationToken));
    }

    private static async Task<Results<Ok<BookingResponse>, ProblemHttpResult>> Cancel(
        string code, HttpContext http, [AsParameters] BookingServices services, CancellationToken cancellationToken)
    {
        if (await services.ManageLink.FindAsync(code, ManageLinkAccess.TokenFrom(http.Request), cancellationToken) is not { } found)
            return TypedResults.Problem(Problems.BookingNotFound());
        if (found.Booking.IsConfirmed)
        {
            if (found.Booking.SlotStart <= services.Clock.GetUtcNow())
                return TypedResults.Problem(Problems.BookingNotChangeable("The appointment time has passed."));
            var from = new LocationDayKey(found.Location.Id, found.Location.DateOf(found.Booking.SlotStart));
            var result = await services.Cluster.GetGrain<ILocationDayGrain>(from.ToString()).Cancel(new CancelRequest(found.Booking.Id, found.Booking.Version));
            found = await services.ManageLink.ReloadAsync(found.Booking.ConfirmationCode, cancellationToken) ?? found;
            // Losing a race to another cancel of the same booking is still the outcome the citizen asked for.
            if (result != ChangeResult.Done && found.Booking.IsConfirmed)
                return TypedResults.Problem(Problems.BookingChanged());
        }
        return TypedResults.Ok(await services.ManageLink.ShowAsync(found, PersonalDataAccess.Update, "Booking.Web/cancel", http.Connection.RemoteIpAddress, cancellationToken));
    }

    private static async Task<Results<Ok<BookingResponse>, ValidationProblem, ProblemHttpResult>> Reschedule(
        string code, RescheduleBody? body, HttpContext http, [AsParameters] BookingServices services, CancellationToken cancellationToken)
    {
        if (await services.ManageLink.FindAsync(code, ManageLinkAccess.TokenFrom(http.Request), cancellationToken) is not { } found)
            return TypedResults.Problem(Problems.BookingNotFound());
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(body?.HoldId))
            errors.Add("holdId", "Hold the new slot first, then reschedule into it with its holdId.");
        if (errors.Any)
            return errors.ToProblem();
        var booking = found.Booking;
        if (!booking.IsConfirmed)
            return TypedResults.Problem(Problems.BookingNotChangeable("This booking was cancelled."));
        if (booking.SlotStart <= services.Clock.GetUtcNow())
            return TypedResults.Problem(Problems.BookingNotChangeable("The appointment time has passed."));
        if (!HoldId.TryParse(body!.HoldId, out var to, out var serviceCode))
            return TypedResults.Problem(Problems.HoldNotFound());
        if (serviceCode != booking.ServiceCode)
        {
            errors.Add("holdId", $"The new slot must be for the same service ({booking.ServiceCode}).");
            return errors.ToProblem();
        }

        var citizen = services.Protector.Unseal(booking.CitizenCiphertext, booking.EncryptionKeyId);
        if (await services.Eligibility.RefusalAsync(found.Service, citizen.BirthDate, services.Protector.Fingerprints(citizen), to.Date, null, booking.Id, cancellationToken) is { } refusal)
            return TypedResults.Problem(Problems.NotEligible(refusal));

        var from = new LocationDayKey(found.Location.Id, found.Location.DateOf(booking.SlotStart));
        var result = await services.Cluster.GetGrain<ILocationDayGrain>(to.ToString())
            .MoveHere(new MoveRequest(booking.Id, booking.Version, booking.ServiceCode, body.HoldId!, from));
        if (result != ChangeResult.Done)
            return TypedResults.Problem(result switch
            {
                ChangeResult.HoldExpired => Problems.HoldExpired(),
                ChangeResult.SlotTaken => Problems.SlotTaken(),
                ChangeResult.BookingChanged => Problems.BookingChanged(),
                _ => Problems.HoldNotFound(),
            });
        found = await services.ManageLink.ReloadAsync(booking.ConfirmationCode, cancellationToken) ?? found;
        return TypedResults.Ok(await services.ManageLink.ShowAsync(found, PersonalDataAccess.Update, "Booking.Web/reschedule", http.Connection.RemoteIpAddress, cancellationToken));
    }
}
