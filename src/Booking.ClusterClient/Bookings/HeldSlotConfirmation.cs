using System.Net;
using Booking.Contracts;
using Booking.Data.Bookings;
using Booking.Data.Protection;
using Booking.Domain.Bookings;
using Booking.Domain.Catalog;
using Booking.Domain.Citizens;
using Booking.Domain.Eligibility;
using Booking.Grains;
using Booking.Grains.Inventory;

namespace Booking.ClusterClient.Bookings;

/// <summary>
/// The steps every booking of a held slot takes, whoever makes it (a citizen alone or for a group, or a contact-centre
/// agent for a caller): seal the person and the declarations, check eligibility, confirm in the clinic-day grain (which
/// commits the booking and its declarations together), and say why when it did not go through.
/// </summary>
public sealed class HeldSlotConfirmation(GrainReferences grains, PersonalDataProtector protector, EligibilityGate eligibility, TimeProvider clock)
{
    /// <summary>A held slot and the validated details of the person it is for; <paramref name="TenantId"/> is the clinic's
    /// tenant, whose key seals them.</summary>
    public sealed record Candidate(string HoldId, LocationDayKey Day, Guid TenantId, Service Service, CitizenDetails Citizen, BookingDeclarations Declarations);

    /// <summary>A candidate that passed eligibility, sealed and ready for its grain.</summary>
    public sealed record Eligible(Candidate Candidate, SealedCitizen Citizen, SealedDeclarations Declarations);

    /// <summary>Who confirms: the citizen from <see cref="SourceIp"/>, or a staff member (<see cref="Actor"/>,
    /// <c>staff:&lt;id&gt;</c>) booking through another <see cref="Channel"/> on their behalf.</summary>
    public sealed record Confirmer(IPAddress? SourceIp, string Channel = BookingChannel.Web, string? Actor = null);

    /// <summary>Seals the candidate and checks every eligibility rule: for the members of a group, all checked before any
    /// is booked, and for the reason a confirmation was refused.</summary>
    public Task<(Eligible? Eligible, EligibilityResult? Refusal)> CheckAsync(Candidate candidate, CancellationToken cancellationToken) =>
        CheckAsync(candidate, IntervalCheck.Whole, cancellationToken);

    private async Task<(Eligible? Eligible, EligibilityResult? Refusal)> CheckAsync(Candidate candidate, IntervalCheck intervalCheck,
        CancellationToken cancellationToken)
    {
        // Sealing computes the fingerprints the eligibility check looks the citizen's history up by.
        var sealedCitizen = protector.Seal(candidate.Citizen, candidate.Day.Date, candidate.TenantId);
        var refusal = await eligibility.RefusalAsync(candidate.Day.LocationId, candidate.Service, candidate.Citizen.BirthDate,
            (sealedCitizen.Fingerprint, sealedCitizen.HealthCardFingerprint), candidate.Declarations.PriorityGroups, candidate.Day.Date,
            candidate.HoldId, null, intervalCheck, cancellationToken);
        if (refusal is not null)
            return (null, refusal);
        return (new Eligible(candidate, sealedCitizen, protector.Seal(candidate.Declarations, candidate.TenantId)), null);
    }

    /// <param name="idempotencyKey">A retry with the same key and the same details gets the same booking; anything else
    /// presenting a hold already confirmed is told the hold is not found.</param>
    public Task<ConfirmResult> ConfirmAsync(Eligible eligible, string? idempotencyKey, Confirmer by)
    {
        var candidate = eligible.Candidate;
        var request = new ConfirmRequest(candidate.HoldId, eligible.Citizen, clock.GetUtcNow(), idempotencyKey, by.SourceIp?.ToString(),
            eligible.Declarations, protector.RequestFingerprint(candidate.HoldId, candidate.Citizen, candidate.Declarations), by.Channel, by.Actor);
        return grains.Get<ILocationDayGrain>(candidate.Day.ToString()).Confirm(request);
    }

    /// <summary>One person's held slot: checked, then confirmed. An interval between two bookings of the service itself
    /// is checked by the write alone, whose refusal <see cref="WhyNotAsync"/> explains; the hold outlives it.</summary>
    public async Task<ConfirmationOutcome> BookAsync(Candidate candidate, string? idempotencyKey, Confirmer by, CancellationToken cancellationToken)
    {
        var (eligible, refusal) = await CheckAsync(candidate, IntervalCheck.OwnLeftToWrite, cancellationToken);
        if (refusal is not null)
            return new ConfirmationOutcome.NotEligible(refusal);
        var result = await ConfirmAsync(eligible!, idempotencyKey, by);
        return result is ConfirmResult.Confirmed { Booking: var booking }
            ? new ConfirmationOutcome.Booked(booking)
            : await WhyNotAsync(result, candidate, cancellationToken);
    }

    /// <summary>Undoes a booking just confirmed (a group that could not be booked whole).</summary>
    public Task<ChangeResult> UndoAsync(LocationDayKey day, BookingConfirmation booking) =>
        grains.Get<ILocationDayGrain>(day.ToString()).Cancel(new CancelRequest(booking.BookingId, ExpectedVersion: 1));

    /// <summary>Why a confirmation did not go through. When another booking of the person committed meanwhile within the
    /// service's interval, the eligibility check, run again, says so as it would have before.</summary>
    public async Task<ConfirmationOutcome> WhyNotAsync(ConfirmResult result, Candidate candidate, CancellationToken cancellationToken) => result switch
    {
        ConfirmResult.HoldExpired => new ConfirmationOutcome.HoldExpired(),
        ConfirmResult.SlotTaken => new ConfirmationOutcome.SlotTaken(),
        ConfirmResult.KeyReused => new ConfirmationOutcome.KeyReused(),
        ConfirmResult.TooSoon => await CheckAsync(candidate, cancellationToken) is (_, { } refusal)
            ? new ConfirmationOutcome.NotEligible(refusal) : new ConfirmationOutcome.SlotTaken(),
        _ => new ConfirmationOutcome.HoldNotFound(),
    };
}

/// <summary>What became of a held slot sent for booking: booked, or the one reason it was not.</summary>
public abstract record ConfirmationOutcome
{
    public sealed record Booked(BookingConfirmation Booking) : ConfirmationOutcome;
    public sealed record NotEligible(EligibilityResult Reason) : ConfirmationOutcome;
    public sealed record HoldNotFound : ConfirmationOutcome;
    public sealed record HoldExpired : ConfirmationOutcome;
    public sealed record SlotTaken : ConfirmationOutcome;

    /// <summary>The idempotency key was first sent with other details: nothing more is booked.</summary>
    public sealed record KeyReused : ConfirmationOutcome;
}
