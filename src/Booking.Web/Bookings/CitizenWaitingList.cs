using System.Globalization;
using System.Net;
using Booking.Data.Catalog;
using Booking.Data.PostalCodes;
using Booking.Data.Protection;
using Booking.Data.WaitingList;
using Booking.Domain.Catalog;
using Booking.Domain.Citizens;
using Booking.Domain.Validation;
using Booking.Web.Availability;

namespace Booking.Web.Bookings;

/// <summary>
/// The waiting list as a citizen meets it: join (the contact sealed at once, the area kept as the clinics it covers),
/// leave through the link of the confirmation message, see and take a seat offered through the offer's own link. Taking
/// it books the held seat through the ordinary confirmation (eligibility, screening, one booking per interval), so an
/// offer taken twice or after it ran out changes nothing.
/// </summary>
public sealed class CitizenWaitingList(WaitingListRepository list, WaitingListTokens tokens, PersonalDataProtector protector,
    CitizenValidator validator, ReferenceData referenceData, PostalCodeLocator locator, CitizenBookings bookings, CitizenHolds holds, TimeProvider clock)
{
    public const int MaxDays = 60;
    public const int MaxDistanceKm = 200;

    public async Task<Outcome<WaitingListJoinedResponse>> JoinAsync(WaitingListRequest? body, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var reference = await referenceData.GetAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(body?.Service))
            errors.Add("service", ErrorCodes.Required, "Choose a service.");
        else if (!reference.Services.ContainsKey(body.Service))
            errors.Add("service", ErrorCodes.UnknownService, $"Unknown service. Known services: {string.Join(", ", reference.Services.Keys.Order())}.");
        GeoPoint? origin = null;
        if (!PostalCode.TryParse(body?.PostalCode, out var code))
            errors.Add("postalCode", ErrorCodes.InvalidPostalCode, "Give a Canadian postal code, e.g. H2X 1Y4.");
        else if ((origin = await locator.LocateAsync(code, cancellationToken)) is null)
            errors.Add("postalCode", ErrorCodes.UnknownPostalCode, "We do not know where this postal code is. Check it, or try the first three characters.");
        var distance = body?.DistanceKm ?? 25;
        if (distance is < 1 or > MaxDistanceKm)
            errors.Add("distanceKm", ErrorCodes.OutOfRange, $"Between 1 and {MaxDistanceKm} km.");
        var today = QuebecTime.Today(clock);
        var from = Date(body?.From, today, "from", errors);
        var to = Date(body?.To, from < today.AddDays(MaxDays) ? from.AddDays(14) : from, "to", errors);
        if (to < from || to > today.AddDays(MaxDays) || from < today)
            errors.Add("to", ErrorCodes.OutOfRange, $"From today on, \"to\" on or after \"from\", and at most {MaxDays} days from now.");
        var contact = validator.ValidateContact(body?.Contact, errors);
        if (body?.Consent is not true)
            errors.Add("consent", ErrorCodes.ConsentRequired, "We need your consent to keep your contact on the waiting list.");
        if (errors.Any)
            return errors;

        var clinics = reference.Locations.Values
            .Where(l => l.Position.DistanceKmTo(origin!.Value) <= distance && reference.ServiceAt(l.Id, body!.Service!) is not null)
            .Select(l => l.Id).ToArray();
        if (clinics.Length == 0)
        {
            errors.Add("distanceKm", ErrorCodes.OutOfRange, "No clinic offers this service within this distance. Try a larger one.");
            return errors;
        }
        var sealedContact = protector.Seal(new WaitingListContact(contact!.Email, contact.Phone, contact.Language), WaitingListContact.SealPurpose);
        var fingerprint = protector.ContactFingerprint(contact.Email, contact.Phone);
        await list.JoinAsync(new NewWaitingListEntry(Guid.CreateVersion7(), body!.Service!, clinics, from, to, sealedContact, fingerprint, contact.Language),
            cancellationToken);
        // The same answer whether or not this contact was already waiting: the list cannot be probed for who is on it.
        return new WaitingListJoinedResponse("waiting",
            "You are on the waiting list. We will write to you when a place opens; the message has a link to leave the list.");
    }

    /// <summary>Whether the link opens a place on the list (waiting, or already left or booked).</summary>
    public async Task<bool> HasPlaceAsync(Guid entryId, string? token, CancellationToken cancellationToken) =>
        tokens.VerifyPlace(entryId, token) && await list.StatusAsync(entryId, cancellationToken) is not null;

    public async Task<Outcome<bool>> LeaveAsync(Guid entryId, string? token, CancellationToken cancellationToken)
    {
        if (!await HasPlaceAsync(entryId, token, cancellationToken))
            return new Refusal.WaitingListNotFound();
        await list.LeaveAsync(entryId, cancellationToken);
        return true;
    }

    /// <summary>The offer its link opens (null for an unknown id or another link's token), with its hold, for the site.</summary>
    public async Task<StoredWaitingListOffer?> FindOfferAsync(Guid offerId, string? token, CancellationToken cancellationToken) =>
        tokens.VerifyOffer(offerId, token) ? await list.FindOfferAsync(offerId, cancellationToken) : null;

    /// <summary>Where the offer stands: offered (open), accepted, declined, or expired.</summary>
    public string StatusOf(StoredWaitingListOffer offer) =>
        offer.IsAccepted ? "accepted" : offer.IsDeclined ? "declined" : offer.ExpiresAt <= clock.GetUtcNow() ? "expired" : "offered";

    public async Task<Outcome<WaitingListOfferResponse>> OfferAsync(Guid offerId, string? token, CancellationToken cancellationToken)
    {
        if (await FindOfferAsync(offerId, token, cancellationToken) is not { } offer)
            return new Refusal.WaitingListNotFound();
        var reference = await referenceData.GetAsync(cancellationToken);
        return new WaitingListOfferResponse(offer.Id, offer.LocationId, reference.Locations[offer.LocationId].Name, offer.ServiceCode,
            offer.SlotStart, offer.SlotEnd, offer.ExpiresAt, StatusOf(offer));
    }

    /// <summary>Books the held seat with the citizen's details, as <c>POST /bookings</c> would with the offer's hold.</summary>
    public async Task<Outcome<BookingCreatedResponse>> AcceptAsync(Guid offerId, string? token, BookingRequest? body, string? idempotencyKey,
        IPAddress? sourceIp, CancellationToken cancellationToken)
    {
        if (await FindOfferAsync(offerId, token, cancellationToken) is not { } offer)
            return new Refusal.WaitingListNotFound();
        if (StatusOf(offer) != "offered")
            return new Refusal.WaitingListOfferOver();
        var outcome = await bookings.ConfirmAsync((body ?? new BookingRequest(null, null, null)) with { HoldId = offer.HoldId }, idempotencyKey, sourceIp,
            cancellationToken);
        switch (outcome)
        {
            case Outcome<BookingCreatedResponse>.Succeeded { Value: var created }:
                await list.MarkAcceptedAsync(offer.Id, created.ConfirmationCode, cancellationToken);
                return outcome;
            case Outcome<BookingCreatedResponse>.Refused { Refusal: Refusal.HoldExpired or Refusal.HoldNotFound }:
                return new Refusal.WaitingListOfferOver();
            default:
                return outcome;
        }
    }

    /// <summary>Turns the seat down: its hold is released in its clinic-day, which offers it to the next person at once.
    /// Declining again answers the same; declining an offer taken is refused.</summary>
    public async Task<Outcome<bool>> DeclineAsync(Guid offerId, string? token, CancellationToken cancellationToken)
    {
        if (await FindOfferAsync(offerId, token, cancellationToken) is not { } offer)
            return new Refusal.WaitingListNotFound();
        if (!await list.DeclineAsync(offer.Id, cancellationToken))
            return new Refusal.WaitingListOfferOver();
        await holds.ReleaseAsync(offer.HoldId);
        return true;
    }

    private static DateOnly Date(string? value, DateOnly fallback, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
            return fallback;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        errors.Add(field, ErrorCodes.InvalidDate, "Give the date as YYYY-MM-DD.");
        return fallback;
    }
}
