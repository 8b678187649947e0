using System.Net;
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
        var sealedCitizen = protector.Seal(candidate.Citizen);
        var refusal = await eligibility.RefusalAsync(candidate.Service, candidate.Citizen.BirthDate,
            (sealedCitizen.Fingerprint, sealedCitizen.HealthCardFingerprint), candidate.Declarations.PriorityGroups, candidate.Day.Date,
            candidate.HoldId, null, cancellationToken);
        if (refusal is not null)
            return (null, refusal);
        return (new Eligible(candidate, sealedCitizen, protector.Seal(candidate.Declarations)), null);
    }

    /// <param name="idempotencyKey">A retry with the same key gets the same booking.</param>
    public Task<ConfirmResult> ConfirmAsync(Eligible eligible, string? idempotencyKey, IPAddress? sourceIp)
    {
        var request = new ConfirmRequest(eligible.Candidate.HoldId, eligible.Citizen, clock.GetUtcNow(), idempotencyKey, sourceIp?.ToString(),
            eligible.Declarations);
        return cluster.GetGrain<ILocationDayGrain>(eligible.Candidate.Day.ToString()).Confirm(request);
    }

    /// <summary>What the citizen is told once the booking is durable: its code and manage token.</summary>
    public BookingCreatedResponse Created(BookingConfirmation booking, Location location) =>
        new(booking.ConfirmationCode, tokens.For(booking.ConfirmationCode), booking.LocationId, booking.ServiceCode,
            location.LocalTime(booking.Start), location.LocalTime(booking.End), "confirmed");

    /// <summary>Undoes a booking just confirmed (a group that could not be booked whole).</summary>
    public Task<ChangeResult> UndoAsync(LocationDayKey day, BookingConfirmation booking) =>
        cluster.GetGrain<ILocationDayGrain>(day.ToString()).Cancel(new CancelRequest(booking.BookingId, ExpectedVersion: 1));

    /// <summary>Why a confirmation that did not go through was refused.</summary>
    public static Refusal RefusalOf(ConfirmResult result) => result switch
    {
        ConfirmResult.HoldExpired => new Refusal.HoldExpired(),
        ConfirmResult.SlotTaken => new Refusal.SlotTaken(),
        ConfirmResult.KeyReused => new Refusal.IdempotencyKeyReused(),
        _ => new Refusal.HoldNotFound(),
    };
}
