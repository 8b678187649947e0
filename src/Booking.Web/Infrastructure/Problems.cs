using System.Globalization;
using Booking.Domain.Eligibility;
using Booking.Domain.Screening;
using Booking.Web.Bookings;
using Microsoft.AspNetCore.Mvc;

namespace Booking.Web.Infrastructure;

/// <summary>The problem types the API answers with (RFC 7807). Each <c>type</c> is documented in the README.</summary>
public static class Problems
{
    public static ProblemDetails For(Refusal refusal) => refusal switch
    {
        Refusal.SlotFull => SlotFull(),
        Refusal.SlotStarted => SlotStarted(),
        Refusal.SlotNotFound => SlotNotFound(),
        Refusal.LocationNotFound => LocationNotFound(),
        Refusal.HoldNotFound => HoldNotFound(),
        Refusal.HoldExpired => HoldExpired(),
        Refusal.SlotTaken => SlotTaken(),
        Refusal.BookingNotFound => BookingNotFound(),
        Refusal.BookingChanged => BookingChanged(),
        Refusal.BookingNotChangeable { Reason: var reason } => BookingNotChangeable(reason),
        Refusal.IdempotencyKeyReused => IdempotencyKeyReused(),
        Refusal.NotEligible { Reason: var reason } => NotEligible(reason),
        Refusal.ScreeningBlocked { Question: var question } => ScreeningBlocked(question),
        Refusal.GroupDoesNotFit { People: var people } => Make(StatusCodes.Status409Conflict, "group-does-not-fit",
            "Not enough places together for your group", $"This time and the times right next to it have fewer than {people} free places. Pick another time or clinic.",
            ("people", people)),
        Refusal.GroupNotConfirmed failed => GroupNotConfirmed(failed),
        Refusal.WaitingListNotFound => Make(StatusCodes.Status404NotFound, "waiting-list-not-found",
            "No such offer or place", "Nothing matches this link. Use the link exactly as you received it."),
        Refusal.WaitingListOfferOver => Make(StatusCodes.Status409Conflict, "waiting-list-offer-over",
            "This offer is over", "The place was kept for you for a limited time and has gone to the next person. You are still on the list unless you booked."),
        Refusal.WaitingRoomRequired { Room: var room } => Make(StatusCodes.Status403Forbidden, "waiting-room-required",
            "Please wait your turn", "Booking for this service is busy: join the waiting room, you will be let in automatically.",
            ("room", room), ("queue", $"/api/v1/waiting-rooms/{room}/status")),
        _ => throw new ArgumentOutOfRangeException(nameof(refusal), refusal, "A refusal without a problem type."),
    };

    public static ProblemDetails SlotFull() => Make(StatusCodes.Status409Conflict, "slot-full",
        "This slot is fully booked", "Someone took the last place. Pick another time.");
    public static ProblemDetails SlotStarted() => Make(StatusCodes.Status409Conflict, "slot-started",
        "This slot has already started", "Pick a later time.");
    public static ProblemDetails SlotNotFound() => Make(StatusCodes.Status404NotFound, "slot-not-found",
        "No such slot", "This clinic offers no slot for that service at that time.");
    public static ProblemDetails ServiceNotFound() => Make(StatusCodes.Status404NotFound, "service-not-found",
        "No such service", "No service has that code; GET /api/v1/services lists them.");
    public static ProblemDetails WaitingRoomNotFound() => Make(StatusCodes.Status404NotFound, "waiting-room-not-found",
        "No such waiting room", "No waiting room has that name.");
    public static ProblemDetails FeedFileNotFound() => Make(StatusCodes.Status404NotFound, "feed-file-not-found",
        "No such feed file", "The availability feed has no file of that name now; GET /fhir/$bulk-publish lists them.");
    public static ProblemDetails LocationNotFound() => Make(StatusCodes.Status404NotFound, "location-not-found",
        "No such clinic", "No clinic has that id.");
    public static ProblemDetails HoldNotFound() => Make(StatusCodes.Status404NotFound, "hold-not-found",
        "No such hold", "The hold does not exist, was released, or was already used.");
    public static ProblemDetails HoldExpired() => Make(StatusCodes.Status409Conflict, "hold-expired",
        "Your hold has expired", "The slot was kept for you for a limited time. Pick a slot again.");
    public static ProblemDetails SlotTaken() => Make(StatusCodes.Status409Conflict, "slot-taken",
        "This slot could not be confirmed", "The place was taken at the last moment. Pick another time.");
    public static ProblemDetails BookingNotFound() => Make(StatusCodes.Status404NotFound, "booking-not-found",
        "No such booking", "No booking matches this confirmation code and manage token.");
    public static ProblemDetails BookingChanged() => Make(StatusCodes.Status409Conflict, "booking-changed",
        "The booking changed meanwhile", "It was cancelled or moved by another request. Reload it and try again.");
    public static ProblemDetails BookingNotChangeable(NotChangeableReason reason) => Make(StatusCodes.Status409Conflict, "booking-not-changeable",
        "This booking can no longer be changed", reason == NotChangeableReason.Cancelled ? "This booking was cancelled." : "The appointment time has passed.",
        ("reason", reason == NotChangeableReason.Cancelled ? "cancelled" : "appointment_passed"));
    public static ProblemDetails IdempotencyKeyReused() => Make(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused",
        "Idempotency-Key already used", "This Idempotency-Key was used for a different request. Use a new key for a new request.");
    /// <summary><c>reason</c> is <c>empty</c>, <c>too_long</c>, <c>invalid_character</c> or <c>repeated</c>.</summary>
    public static ProblemDetails IdempotencyKeyInvalid(string reason, string detail) => Make(StatusCodes.Status400BadRequest, "idempotency-key-invalid",
        "Idempotency-Key is not usable", detail, ("reason", reason));
    /// <summary>Also carries <c>reason</c> (a stable code) and its parameters, so a page can word it in FR or EN.</summary>
    public static ProblemDetails NotEligible(EligibilityResult reason) => reason switch
    {
        EligibilityResult.TooYoung young => NotEligible("too_young",
            $"This service is for people aged {young.MinAgeYears} or more on the day of the appointment.", ("minAgeYears", young.MinAgeYears)),
        EligibilityResult.TooOld old => NotEligible("too_old",
            $"This service is for people aged {old.MaxAgeYears} or less on the day of the appointment.", ("maxAgeYears", old.MaxAgeYears)),
        EligibilityResult.TooSoon soon => NotEligible("too_soon",
            $"Your previous {soon.SinceServiceCode} appointment is too recent: book on or after {soon.EarliestDate:yyyy-MM-dd}.",
            ("earliestDate", soon.EarliestDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("sinceService", soon.SinceServiceCode)),
        EligibilityResult.CampaignNotOpen { NextOpensAt: { } opensAt } => NotEligible("campaign_not_open",
            $"Booking for this service opens on {opensAt:yyyy-MM-dd HH:mm} UTC.", ("opensAt", opensAt)),
        EligibilityResult.CampaignNotOpen => NotEligible("campaign_closed", "Booking for this service is closed."),
        EligibilityResult.NotInOpenGroups groups => NotEligible("priority_group_not_open",
            $"Booking is open only to these groups for now: {string.Join(", ", groups.OpenGroups)}.", ("openGroups", groups.OpenGroups)),
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Eligible is not a refusal."),
    };

    /// <summary>All or nothing: says which person failed and why (the nested problem), and which bookings were undone.</summary>
    private static ProblemDetails GroupNotConfirmed(Refusal.GroupNotConfirmed failed)
    {
        var reason = For(failed.Reason);
        return Make(StatusCodes.Status409Conflict, "group-not-confirmed", "Your group could not be booked",
            $"The place of person {failed.Person + 1} could not be confirmed ({reason.Title}). " +
            (failed.CancelledCodes.Count == 0 ? "Nothing was booked." : $"The {failed.CancelledCodes.Count} booking(s) already made were cancelled, so nothing is booked.") +
            " Hold places again.",
            ("person", failed.Person), ("reason", reason.Type), ("cancelledCodes", failed.CancelledCodes));
    }

    /// <summary>Names the question and carries its explanation in both languages, for the page to show.</summary>
    public static ProblemDetails ScreeningBlocked(ScreeningQuestion question) => Make(StatusCodes.Status422UnprocessableEntity, "screening-blocked",
        "An answer prevents booking this service", question.ExplanationEn ?? question.TextEn,
        ("questionId", question.Id), ("questionVersion", question.Version), ("questionFr", question.TextFr), ("questionEn", question.TextEn),
        ("explanationFr", question.ExplanationFr), ("explanationEn", question.ExplanationEn));
    public static ProblemDetails ServiceUnavailable() => Make(StatusCodes.Status503ServiceUnavailable, "temporarily-unavailable",
        "Temporarily unavailable", "The booking service is restarting or overloaded. Nothing was lost; try again in a few seconds.");
    public static ProblemDetails TooManyRequests() => Make(StatusCodes.Status429TooManyRequests, "too-many-requests",
        "Too many requests", "You are sending requests faster than a person would. Wait a few seconds (see Retry-After) and try again.");
    public static ProblemDetails RequestTooLarge(long limitBytes) => Make(StatusCodes.Status413PayloadTooLarge, "request-too-large",
        "The request is too large", $"Request bodies here are at most {limitBytes} bytes.", ("limitBytes", limitBytes));
    public static ProblemDetails UnsupportedCharset(string charset) => Make(StatusCodes.Status415UnsupportedMediaType, "unsupported-charset",
        "The body's charset is not supported", $"The body is declared as '{charset}', which the server cannot decode. Send UTF-8.", ("charset", charset));
    public static ProblemDetails MalformedRequest(string detail) => Make(StatusCodes.Status400BadRequest, "malformed-request",
        "The request could not be read", detail);

    private static ProblemDetails NotEligible(string reason, string detail, params (string Name, object? Value)[] parameters) =>
        Make(StatusCodes.Status422UnprocessableEntity, "not-eligible", "Not eligible for this service", detail, [("reason", reason), .. parameters]);

    private static ProblemDetails Make(int status, string type, string title, string detail, params (string Name, object? Value)[] extensions)
    {
        var problem = new ProblemDetails { Status = status, Type = $"/problems/{type}", Title = title, Detail = detail };
        foreach (var (name, value) in extensions)
            problem.Extensions[name] = value;
        return problem;
    }
}
