using Booking.Data.Bookings;
using Booking.Data.Catalog;
using Booking.Data.Protection;
using Booking.Domain.Citizens;
using Booking.Domain.Eligibility;
using Booking.Domain.Validation;
using Booking.Grains;
using Booking.Grains.Inventory;
using Booking.Staff.Bookings;

namespace Booking.Staff.ClinicDay;

/// <summary>What the front desk typed for someone who came without an appointment (the birth date as YYYY-MM-DD; the
/// postal code optional, only its area kept).</summary>
public sealed record WalkInInput(string? Service, string? FirstName, string? LastName, string? BirthDate, string? HealthCard, string? Phone,
    string? Language, bool Consent, string? FormKey, string? PostalCode = null);

/// <summary>What became of a walk-in: booked (code and slot), or why not.</summary>
public abstract record WalkInResult
{
    public sealed record Booked(string ConfirmationCode, DateTimeOffset Start) : WalkInResult;

    /// <summary>Fields missing or wrong, by field, with the citizen site's codes; nothing booked.</summary>
    public sealed record Invalid(ValidationErrors Errors) : WalkInResult;

    /// <summary>The service's rule refuses the person (age, or too soon after an earlier dose).</summary>
    public sealed record NotEligible(EligibilityResult Reason) : WalkInResult;

    /// <summary>No slot under way or later today has room, the clinic's extra seats for walk-ins included.</summary>
    public sealed record NoRoom : WalkInResult;

    /// <summary>The same form was sent twice: it booked once.</summary>
    public sealed record AlreadySent : WalkInResult;

    public sealed record NotToday : WalkInResult;
}

/// <summary>
/// Books someone who came without an appointment at the clinic, today, through the clinic-day grain every booking goes
/// through (<see cref="ILocationDayGrain.WalkIn"/>: the slot under way or the next with room, within the clinic's
/// policy). The service's age rule and minimum interval are checked with the same rule the booking site applies
/// (<see cref="EligibilityCheck"/>, and the database's interval guard behind it); a campaign's booking window is for
/// booking ahead and does not apply at the door. The person's details are checked by the booking site's rules
/// (<see cref="CitizenValidator.ValidateWalkIn"/>) and sealed here, like at the booking site's edge.
/// </summary>
public sealed class FrontDeskWalkIns(ClinicDayBoard board, CatalogRepository catalog, BookingRepository bookings, CitizenValidator validator,
    PersonalDataProtector protector, GrainReferences grains)
{
    /// <returns>Null when the person may not run this clinic's day (answered as if it did not exist).</returns>
    public async Task<WalkInResult?> BookAsync(StaffActor actor, Guid locationId, DateOnly date, WalkInInput input, CancellationToken cancellationToken = default)
    {
        if (await board.DayAsync(actor, locationId, date, cancellationToken) is not var (location, day, isToday, _))
            return null;
        if (!isToday)
            return new WalkInResult.NotToday();
        var service = (await catalog.ServicesAsync(cancellationToken)).SingleOrDefault(s => s.Code == input.Service);
        var errors = new ValidationErrors();
        if (service is null)
            errors.Add("service", ErrorCodes.UnknownService, "Unknown service.");
        if (!input.Consent)
            errors.Add("consent", ErrorCodes.ConsentRequired, "The person must agree to the use of these details for this appointment.");
        if (!Guid.TryParse(input.FormKey, out _))
            errors.Add("formKey", ErrorCodes.Required, "The form's key is missing.");
        var citizen = validator.ValidateWalkIn(new PersonBody(input.FirstName, input.LastName, input.BirthDate, input.HealthCard), input.Phone,
            input.Language, errors, postalCode: input.PostalCode);
        if (errors.Any || citizen is null)
            return new WalkInResult.Invalid(errors);

        var sealedCitizen = protector.Seal(citizen, day, location.TenantId);
        var history = service!.Eligibility.MinimumInterval is null ? []
            : await bookings.HistoryAsync(sealedCitizen.Fingerprint, sealedCitizen.HealthCardFingerprint, cancellationToken: cancellationToken);
        if (EligibilityCheck.Evaluate(service.Eligibility, citizen.BirthDate, day, history) is not EligibilityResult.Eligible and var refusal)
            return new WalkInResult.NotEligible(refusal);

        var request = new WalkInRequest(service.Code, sealedCitizen, protector.Seal(new BookingDeclarations([], []), location.TenantId), input.FormKey!,
            actor.SourceIp?.ToString(), actor.AuditName);
        return await grains.Get<ILocationDayGrain>(new LocationDayKey(location.Id, day).ToString()).WalkIn(request) switch
        {
            ConfirmResult.Confirmed { Booking: var booking } => new WalkInResult.Booked(booking.ConfirmationCode, booking.Start),
            ConfirmResult.KeyReused => new WalkInResult.AlreadySent(),
            ConfirmResult.TooSoon => EligibilityCheck.Evaluate(service.Eligibility, citizen.BirthDate, day,
                await bookings.HistoryAsync(sealedCitizen.Fingerprint, sealedCitizen.HealthCardFingerprint, cancellationToken: cancellationToken)) is
                EligibilityResult.TooSoon tooSoon ? new WalkInResult.NotEligible(tooSoon) : new WalkInResult.NoRoom(),
            _ => new WalkInResult.NoRoom(),
        };
    }
}
