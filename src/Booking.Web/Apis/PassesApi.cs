using Booking.Passes;
using Booking.Web.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Booking.Web.Apis;

/// <summary>The public key set verifiers download, and a verification endpoint for scanners that cannot verify themselves.</summary>
public static class PassesApi
{
    public static IEndpointRouteBuilder MapPassesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/.well-known/jwks.json", PublicKeys).WithName("PassPublicKeys")
            .WithSummary("Public keys (JWK Set, ES256) that sign appointment passes");
        app.MapPost("/api/v1/passes/verify", Verify).WithName("VerifyPass")
            .WithSummary("Check an appointment pass (the QR code's text): valid with what it asserts, or why not");
        return app;
    }

    private static ContentHttpResult PublicKeys(PublishedKeys keys, HttpResponse response)
    {
        // Short enough that a retired key disappears soon after its date, long enough to spare busy scanners.
        response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Text(keys.Current().ToJson(), JsonWebKeySet.MediaType);
    }

    private static Results<Ok<PassVerificationResponse>, ValidationProblem> Verify(VerifyPassBody? body, AppointmentPassVerifier verifier)
    {
        if (string.IsNullOrWhiteSpace(body?.Token))
        {
            var errors = new ValidationErrors();
            errors.Add("token", ErrorCodes.Required, "Give the pass's text (what its QR code contains).");
            return errors.ToProblem();
        }
        return TypedResults.Ok(verifier.Verify(body.Token) switch
        {
            PassVerification.Valid valid => new PassVerificationResponse(true, null, null, valid.KeyId, new PassClaimsResponse(
                valid.Claims.BookingId, valid.Claims.ConfirmationCode, valid.Claims.LocationId, valid.Claims.ServiceCode,
                valid.Claims.SlotStart, valid.IssuedAt, valid.Claims.ExpiresAt)),
            PassVerification.Invalid invalid => new PassVerificationResponse(false, Kebab(invalid.Reason), invalid.Detail, null, null),
            _ => throw new InvalidOperationException("Unknown verification outcome."),
        });
    }

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
