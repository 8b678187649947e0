using System.Net;
using Booking.Data.Bookings;
using Booking.Data.Protection;
using Booking.Domain.Catalog;
using Booking.Domain.Citizens;
using Booking.Domain.Eligibility;
using Booking.Grains.Inventory;
using Booking.Web.Apis;

namespace Booking.Web.Bookings;

/// <summary>The steps every confirmation takes, alone or in a group: seal the citizen, check eligibility, confirm in
/// the clinic-day grain, then store the sealed declarations next to the booking.</summary>
public sealed class HeldSlotConfirmation(IClusterClient cluster, PersonalDataProtector protector, EligibilityGate eligibility,
    DeclarationRepository declarationStore, ManageTokens tokens, TimeProvider clock)
{
    /// <summary>A held slot and the validated details of the person it is for.</summary>
    public sealed record Candidate(string HoldId, LocationDayKey Day, Service Service, CitizenDetails Citizen, BookingDeclarations Declarations);

    /// <summary>A candidate that passed eligibility, sealed and ready for its grain.</summary>
    public sealed record Eligible(Candidate Candidate, SealedCitizen Citizen);

    public async Task<(Eligible? Eligible, EligibilityResult? Refusal)> CheckAsync(Candidate candidate, CancellationToken cancellationToken)
    {
        // Sealing computes the fingerprints the eligibility check looks the citizen's history up by.
        var sealedCitizen = protector.Seal(candidate.Citizen);
        var refusal = await eligibility.RefusalAsync(candidate.Service, candidate.Citizen.BirthDate,
            (sealedCitizen.Fingerprint, sealedCitizen.HealthCardFingerprint), candidate.Declarations.PriorityGroups, candidate.Day.Date,
            candidate.HoldId, null, cancellationToken);
        return refusal is null ? (new Eligible(candidate, sealedCitizen), null) : (null, refusal);
    }

    /// <param name="idempotencyKey">A retry with the same key gets the same booking.</param>
    public async Task<ConfirmResult> ConfirmAsync(Eligible eligible, string? idempotencyKey, IPAddress? sourceIp, string program,
        CancellationToken cancellationToken)
    {
        var request = new ConfirmRequest(eligible.Candidate.HoldId, eligible.Citizen, clock.GetUtcNow(), idempotencyKey, sourceIp?.ToString());
        var result = await cluster.GetGrain<ILocationDayGrain>(eligible.Candidate.Day.ToString()).Confirm(request);
        if (result is ConfirmResult.Confirmed { Booking: var booking })
            await declarationStore.SaveAsync(booking.BookingId,
                protector.Seal(eligible.Candidate.Declarations, BookingDeclarations.SealPurpose), program, sourceIp, cancellationToken);
        return result;
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
