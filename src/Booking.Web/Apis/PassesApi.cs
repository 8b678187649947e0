using Booking.Data.Bookings;
using Booking.Domain.Validation;
using Booking.Passes;
using Booking.Web.ApiDocument;
using Booking.Web.Infrastructure;
using Booking.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Apis;

/// <summary>The public key set verifiers download, and a verification endpoint for scanners that cannot verify themselves.</summary>
public static class PassesApi
{
    public static IEndpointRouteBuilder MapPassesApi(this IEndpointRouteBuilder app)
    {
        // Outside /api/v1 for the key set's well-known address, but counted per client like the rest of the API.
        var passes = app.MapGroup("").WithTags(ApiTags.Passes).RequireClientRateLimit();
        passes.MapGet("/.well-known/jwks.json", PublicKeys).WithName("PassPublicKeys").Produces(StatusCodes.Status200OK, contentType: JsonWebKeySet.MediaType)
            .WithSummary("Public keys (JWK Set, ES256) that sign appointment passes");
        passes.MapPost("/api/v1/passes/verify", Verify).WithName("VerifyPass")
            .WithSummary("Check an appointment pass (the QR code's text): valid with what it asserts, or why not");
        return app;
    }

    private static ContentHttpResult PublicKeys(PublishedKeys keys, HttpResponse response)
    {
        // Short enough that a retired key disappears soon after its date, long enough to spare busy scanners.
        response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Text(keys.Current().ToJson(), JsonWebKeySet.MediaType);
    }

    /// <summary>A pass proves what was booked when it was issued; the booking may have been cancelled or moved since, so an
    /// authentic pass is also checked against the booking as it stands.</summary>
    private static async Task<Results<Ok<PassVerificationResponse>, ValidationProblem>> Verify(VerifyPassBody? body,
        AppointmentPassVerifier verifier, BookingRepository bookings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body?.Token))
        {
            var errors = new ValidationErrors();
            errors.Add("token", ErrorCodes.Required, "Give the pass's text (what its QR code contains).");
            return errors.ToProblem();
        }
        switch (verifier.Verify(body.Token))
        {
            case PassVerification.Valid valid:
                var claims = valid.Claims;
                var claimed = new PassClaimsResponse(claims.BookingId, claims.ConfirmationCode, claims.LocationId, claims.ServiceCode,
                    claims.SlotStart, valid.IssuedAt, claims.ExpiresAt);
                var booking = await bookings.FindByCodeAsync(claims.ConfirmationCode, cancellationToken);
                return TypedResults.Ok(Standing(booking, claims) is ({ } reason, var detail)
                    ? new PassVerificationResponse(false, reason, detail, valid.KeyId, claimed)
                    : new PassVerificationResponse(true, null, null, valid.KeyId, claimed));
            case PassVerification.Invalid invalid:
                return TypedResults.Ok(new PassVerificationResponse(false, Kebab(invalid.Reason), invalid.Detail, null, null));
            default:
                throw new InvalidOperationException("Unknown verification outcome.");
        }
    }

    /// <summary>Why the booking an authentic pass names no longer stands as the pass says, or (null, null) when it does.</summary>
    private static (string? Reason, string? Detail) Standing(StoredBooking? booking, AppointmentPassClaims claims) => booking switch
    {
        null => ("unknown-booking", "No booking matches this pass."),
        _ when booking.Id != claims.BookingId => ("unknown-booking", "No booking matches this pass."),
        { IsConfirmed: false } => ("cancelled", "This booking was cancelled."),
        _ when booking.LocationId != claims.LocationId || booking.SlotStart != claims.SlotStart || booking.ServiceCode != claims.ServiceCode =>
            ("rescheduled", "This booking was moved; the pass for its new time replaces this one."),
        _ => (null, null),
    };

    private static string Kebab(PassInvalidReason reason) => reason switch
    {
        PassInvalidReason.UnknownKey => "unknown-key",
        PassInvalidReason.BadSignature => "bad-signature",
        PassInvalidReason.Expired => "expired",
        _ => "malformed",
    };
}

public sealed record VerifyPassBody(string? Token);

public sealed record PassClaimsResponse(Guid BookingId, string ConfirmationCode, Guid LocationId, string Service,
    DateTimeOffset Start, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);

public sealed record PassVerificationResponse(bool Valid, string? Reason, string? Detail, string? KeyId, PassClaimsResponse? Claims);
