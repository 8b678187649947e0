using System.Net;
using Booking.Contracts;
using Booking.Data.Bookings;
using Booking.Data.Protection;
using Booking.Domain.Catalog;
using Booking.Domain.Citizens;
using Booking.Domain.Eligibility;
using Booking.Grains.Inventory;
using Booking.Web.Apis;

namespace Booking.Web.Bookings;

/// <summary>The steps every confirmation takes, alone or in a group: seal the citizen and the declarations, check
/// eligibility, confirm in the clinic-day grain (which commits the booking and its declarations together).</summary>
public sealed class HeldSlotConfirmation(IClusterClient cluster, PersonalDataProtector protector, EligibilityGate eligibility,
    ManageTokens tokens, TimeProvider clock)
{
    /// <summary>A held slot and the validated details of the person it is for.</summary>
    public sealed record Candidate(string HoldId, LocationDayKey Day, Service Service, CitizenDetails Citizen, BookingDeclarations Declarations);

    /// <summary>A candidate that passed eligibility, sealed and ready for its grain.</summary>
    public sealed record Eligible(Candidate Candidate, SealedCitizen Citizen, SealedDeclarations Declarations);

    public async Task<(Eligible? Eligible, EligibilityResult? Refusal)> CheckAsync(Candidate candidate, CancellationToken cancellationToken)
    {
        // Sealing computes the fingerprints the eligibility check looks the citizen's history up by.
        var sealedCitizen = protector.Seal(candidate.Citizen, candidate.Day.Date);
        var refusal = await eligibility.RefusalAsync(candidate.Day.LocationId, candidate.Service, candidate.Citizen.BirthDate,
            (sealedCitizen.Fingerprint, sealedCitizen.HealthCardFingerprint), candidate.Declarations.PriorityGroups, candidate.Day.Date,
            candidate.HoldId, null, cancellationToken);
        if (refusal is not null)
            return (null, refusal);
        return (new Eligible(candidate, sealedCitizen, protector.Seal(candidate.Declarations)), null);
    }

    /// <param name="idempotencyKey">A retry with the same key and the same details gets the same booking; anything else
    /// presenting a hold already confirmed is told the hold is not found.</param>
    public Task<ConfirmResult> ConfirmAsync(Eligible eligible, string? idempotencyKey, IPAddress? sourceIp)
    {
        var candidate = eligible.Candidate;
        var request = new ConfirmRequest(candidate.HoldId, eligible.Citizen, clock.GetUtcNow(), idempotencyKey, sourceIp?.ToString(),
            eligible.Declarations, protector.RequestFingerprint(candidate.HoldId, candidate.Citizen, candidate.Declarations));
        return cluster.GetGrain<ILocationDayGrain>(eligible.Candidate.Day.ToString()).Confirm(request);
    }

    /// <summary>What the citizen is told once the booking is durable: its code and manage token.</summary>
    public BookingCreatedResponse Created(BookingConfirmation booking, Location location) =>
        new(booking.ConfirmationCode, tokens.For(booking.ConfirmationCode), booking.LocationId, booking.ServiceCode,
            location.LocalTime(booking.Start), location.LocalTime(booking.End), "confirmed");

    /// <summary>Undoes a booking just confirmed (a group that could not be booked whole).</summary>
    public Task<ChangeResult> UndoAsync(LocationDayKey day, BookingConfirmation booking) =>
        cluster.GetGrain<ILocationDayGrain>(day.ToString()).Cancel(new CancelRequest(booking.BookingId, ExpectedVersion: 1));

    /// <summary>Why a confirmation that did not go through was refused. When another booking of the citizen committed
    /// meanwhile within the service's interval, the eligibility check, run again, says so as it would have before.</summary>
    public async Task<Refusal> RefusalAsync(ConfirmResult result, Candidate candidate, CancellationToken cancellationToken) => result switch
    {
        ConfirmResult.HoldExpired => new Refusal.HoldExpired(),
        ConfirmResult.SlotTaken => new Refusal.SlotTaken(),
        ConfirmResult.KeyReused => new Refusal.IdempotencyKeyReused(),
        ConfirmResult.TooSoon => await CheckAsync(candidate, cancellationToken) is (_, { } refusal) ? new Refusal.NotEligible(refusal) : new Refusal.SlotTaken(),
        _ => new Refusal.HoldNotFound(),
    };
}
