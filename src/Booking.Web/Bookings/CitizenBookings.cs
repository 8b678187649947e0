using System.Net;
using Booking.ClusterClient.Bookings;
using Booking.Data.Audit;
using Booking.Data.Bookings;
using Booking.Data.Catalog;
using Booking.Data.Privacy;
using Booking.Data.Protection;
using Booking.Domain.Citizens;
using Booking.Domain.Validation;
using Booking.Grains;
using Booking.Grains.Inventory;

namespace Booking.Web.Bookings;

/// <summary>
/// A citizen confirming a held slot, then viewing, cancelling or rescheduling it through the manage link. The API
/// handlers and the pages call these same methods; they differ only in how they show the outcome.
/// </summary>
public sealed class CitizenBookings(
    GrainReferences grains,
    ReferenceData referenceData,
    CitizenValidator validator,
    PersonalDataProtector protector,
    EligibilityGate eligibility,
    ManageLinkAccess manageLink,
    DeclarationRepository declarationStore,
    HeldSlotConfirmation confirmation,
    ManageTokens tokens,
    BookingWindow window,
    TenantResealing resealing,
    TimeProvider clock)
{
    /// <param name="idempotencyKey">A retry with the same key gets the same booking.</param>
    /// <param name="sourceIp">The citizen's address, for the audit record of the booking's creation.</param>
    public async Task<Outcome<BookingCreatedResponse>> ConfirmAsync(BookingRequest? body, string? idempotencyKey, IPAddress? sourceIp,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(body?.HoldId))
            errors.Add("holdId", ErrorCodes.Required, "Hold a slot first, then confirm it with its holdId.");
        if (body?.Consent is not true)
            errors.Add("consent", ErrorCodes.ConsentRequired, "We need your consent to use these details for this appointment.");
        var citizen = validator.Validate(body?.Citizen, errors);
        var reference = await referenceData.GetAsync(cancellationToken);
        // The hold names the service, hence the screening questions the answers are checked against.
        Domain.Catalog.Service? service = null;
        var holdIsWellFormed = window.TryReadHoldId(body?.HoldId, out var day, out var serviceCode)
            && (service = reference.ServiceAt(day.LocationId, serviceCode)?.Service) is not null;
        var declarations = holdIsWellFormed
            ? DeclarationReader.Read(reference.ScreeningAt(day.LocationId, serviceCode), body!.Screening, body.PriorityGroups, errors) : null;
        if (errors.Any)
            return errors;
        if (!holdIsWellFormed)
            return new Refusal.HoldNotFound();
        if (declarations!.BlockedBy is { } blocking)
            return new Refusal.ScreeningBlocked(blocking);

        var candidate = new HeldSlotConfirmation.Candidate(body!.HoldId!, day, reference.Locations[day.LocationId].TenantId, service!, citizen!, declarations.Declarations);
        var outcome = await confirmation.BookAsync(candidate, idempotencyKey, new HeldSlotConfirmation.Confirmer(sourceIp), cancellationToken);
        if (outcome is not ConfirmationOutcome.Booked { Booking: var booking })
            return Refusal.Of(outcome);

        return BookingCreated.Response(booking, reference.Locations[booking.LocationId], tokens);
    }

    /// <summary>The booking and the citizen's details, for the holder of the manage link (logged as a read).</summary>
    public async Task<Outcome<BookingResponse>> GetAsync(string code, string? token, IPAddress? sourceIp, CancellationToken cancellationToken)
    {
        if (await manageLink.FindAsync(code, token, cancellationToken) is not { } found)
            return new Refusal.BookingNotFound();
        return await manageLink.ShowAsync(found, PersonalDataAccess.Read, "Booking.Web/get", sourceIp, cancellationToken);
    }

    /// <summary>Cancels the booking; cancelling one already cancelled answers the same.</summary>
    public async Task<Outcome<BookingResponse>> CancelAsync(string code, string? token, IPAddress? sourceIp, CancellationToken cancellationToken)
    {
        if (await manageLink.FindAsync(code, token, cancellationToken) is not { } found)
            return new Refusal.BookingNotFound();
        if (found.Booking.IsConfirmed)
        {
            if (found.Booking.SlotStart <= clock.GetUtcNow())
                return new Refusal.BookingNotChangeable(NotChangeableReason.AppointmentPassed);
            var from = new LocationDayKey(found.Location.Id, found.Location.DateOf(found.Booking.SlotStart));
            var result = await grains.Get<ILocationDayGrain>(from.ToString()).Cancel(new CancelRequest(found.Booking.Id, found.Booking.Version));
            found = await manageLink.ReloadAsync(found.Booking.ConfirmationCode, cancellationToken) ?? found;
            // Losing a race to another cancel of the same booking is still the outcome the citizen asked for.
            if (result != ChangeResult.Done && found.Booking.IsConfirmed)
                return new Refusal.BookingChanged();
        }
        return await manageLink.ShowAsync(found, PersonalDataAccess.Update, "Booking.Web/cancel", sourceIp, cancellationToken);
    }

    /// <summary>Moves the booking into a new hold of the same service; the old slot is released only once the new one is committed.</summary>
    public async Task<Outcome<BookingResponse>> RescheduleAsync(string code, string? token, RescheduleRequest? body, IPAddress? sourceIp,
        CancellationToken cancellationToken)
    {
        if (await manageLink.FindAsync(code, token, cancellationToken) is not { } found)
            return new Refusal.BookingNotFound();
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(body?.HoldId))
            errors.Add("holdId", ErrorCodes.Required, "Hold the new slot first, then reschedule into it with its holdId.");
        if (errors.Any)
            return errors;
        var booking = found.Booking;
        if (!booking.IsConfirmed)
            return new Refusal.BookingNotChangeable(NotChangeableReason.Cancelled);
        // An erased booking is past its appointment by months; the check says so before anything is unsealed.
        if (booking.SlotStart <= clock.GetUtcNow() || booking.IsErased)
            return new Refusal.BookingNotChangeable(NotChangeableReason.AppointmentPassed);
        if (!window.TryReadHoldId(body!.HoldId, out var to, out var serviceCode))
            return new Refusal.HoldNotFound();
        if (serviceCode != booking.ServiceCode)
        {
            errors.Add("holdId", ErrorCodes.WrongService, $"The new slot must be for the same service ({booking.ServiceCode}).");
            return errors;
        }

        var citizen = protector.Unseal(booking.CitizenCiphertext!, booking.EncryptionKeyId!);
        var declared = await declarationStore.FindAsync(booking.Id, cancellationToken) is { } sealedDeclarations
            ? protector.Unseal<BookingDeclarations>(sealedDeclarations.Ciphertext, sealedDeclarations.KeyId, BookingDeclarations.SealPurpose).PriorityGroups
            : [];
        if (await Ineligibility() is { } refusal)
            return new Refusal.NotEligible(refusal);

        var from = new LocationDayKey(found.Location.Id, found.Location.DateOf(booking.SlotStart));
        var result = await grains.Get<ILocationDayGrain>(to.ToString())
            .MoveHere(new MoveRequest(booking.Id, booking.Version, booking.ServiceCode, body.HoldId!, from));
        if (result != ChangeResult.Done)
            return result switch
            {
                ChangeResult.HoldExpired => new Refusal.HoldExpired(),
                ChangeResult.SlotTaken => new Refusal.SlotTaken(),
                ChangeResult.BookingChanged => new Refusal.BookingChanged(),
                // Another booking of the citizen committed meanwhile within the interval: say so as the check would have.
                ChangeResult.TooSoon => await Ineligibility() is { } tooSoon ? new Refusal.NotEligible(tooSoon) : new Refusal.SlotTaken(),
                _ => new Refusal.HoldNotFound(),
            };
        var movedFrom = found.Location.TenantId;
        found = await manageLink.ReloadAsync(booking.ConfirmationCode, cancellationToken) ?? found;
        // Now another tenant's booking: its records are sealed again with that tenant's key. Should this not happen,
        // shredding either tenant is refused until `reseal-tenant` has run (TenantShredding), so nothing is lost or left.
        if (found.Location.TenantId != movedFrom)
            await resealing.ResealAsync(found.Location.TenantId, "Booking.Web/reschedule", booking.Id, cancellationToken: cancellationToken);
        return await manageLink.ShowAsync(found, PersonalDataAccess.Update, "Booking.Web/reschedule", sourceIp, cancellationToken);

        Task<Domain.Eligibility.EligibilityResult?> Ineligibility() => eligibility.RefusalAsync(to.LocationId, found.Service, citizen.BirthDate,
            protector.Fingerprints(citizen), declared, to.Date, null, booking.Id, IntervalCheck.Whole, cancellationToken);
    }
}
