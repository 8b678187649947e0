using Microsoft.AspNetCore.Mvc;

namespace Booking.Web.Infrastructure;

/// <summary>
/// The optional <c>Idempotency-Key</c> header: a retried request with the same key gets the first answer. An endpoint
/// takes one with <see cref="AcceptsIdempotencyKey"/>, which refuses an unusable key before the handler runs (an empty
/// header must not pass for "no key": the client believes its retries are safe) and documents the header.
/// </summary>
public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 255;

    /// <summary>What the OpenAPI document says of the header, on every endpoint that takes it.</summary>
    public const string Description =
        "A unique value per request (a UUID is ideal), sent again unchanged when retrying it: the retry gets the first answer. " +
        "1 to 255 visible ASCII characters; an empty, longer or otherwise unusable key is a 400 `idempotency-key-invalid`.";

    /// <summary>Marks an endpoint as taking the header, for the OpenAPI document.</summary>
    public sealed class Accepted;

    public static RouteHandlerBuilder AcceptsIdempotencyKey(this RouteHandlerBuilder endpoint) => endpoint
        .WithMetadata(new Accepted())
        .AddEndpointFilter(async (context, next) =>
            ProblemWith(context.HttpContext.Request) is { } problem ? TypedResults.Problem(problem) : await next(context));

    /// <summary>The key sent, or null when none was; on an endpoint that accepts one, its filter has already checked it.</summary>
    public static string? From(HttpRequest request) => request.Headers[Header] is [var key] ? key : null;

    /// <summary>Why the header cannot be used; null when it is absent or usable.</summary>
    private static ProblemDetails? ProblemWith(HttpRequest request)
    {
        var values = request.Headers[Header];
        if (values.Count == 0)
            return null;
        if (values.Count > 1)
            return Problems.IdempotencyKeyInvalid("repeated", $"The {Header} header was sent {values.Count} times; send it once.");
        var key = values[0] ?? "";
        if (key.Length == 0)
            return Problems.IdempotencyKeyInvalid("empty",
                $"The {Header} header is empty. Send a new unique value (a UUID) with each request and the same one when retrying it, or leave the header out.");
        if (key.Length > MaxLength)
            return Problems.IdempotencyKeyInvalid("too_long", $"The {Header} header is {key.Length} characters long; at most {MaxLength} are accepted (a UUID has 36).");
        var invalid = key.AsSpan().IndexOfAnyExceptInRange('!', '~');
        return invalid < 0 ? null : Problems.IdempotencyKeyInvalid("invalid_character",
            $"The {Header} header may hold only visible ASCII characters (no spaces or control characters); character {invalid + 1} is not one.");
    }
}
