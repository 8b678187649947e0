using Booking.Data.Audit;
using Booking.Data.Bookings;
using Booking.Data.Protection;
using Booking.Domain.Bookings;
using Booking.Domain.Citizens;

namespace Booking.Data.Privacy;

/// <summary>Everything held for a booking's citizen, unsealed: what the citizen's own page shows and what the person in
/// charge of personal information exports for them (Law 25, s. 27). The caller logs the access first.</summary>
public sealed record HeldPersonalData(CitizenDetails? Citizen, BookingDeclarations Declarations, IReadOnlyList<HeldCorrection> Corrections,
    IReadOnlyList<HeldAccessRequest> AccessRequests,
    IReadOnlyList<(DateTimeOffset OccurredAt, string Actor, string Access, string Table, string Program)> Accesses);

public sealed record HeldCorrection(PrivacyRequestStatus Status, CorrectionRequest Request, string? Answer);

/// <summary>A request for what is held, as staff recorded it: how it came, the note, and the answer once given.</summary>
public sealed record HeldAccessRequest(PrivacyRequestStatus Status, string Channel, string Note, string? Answer);

/// <summary>Reads and unseals <see cref="HeldPersonalData"/>: one assembly for the citizen's page and the staff export.</summary>
public sealed class PersonalDataHoldings(PersonalDataProtector protector, DeclarationRepository declarations, PrivacyRequestRepository requests,
    PersonalDataAccessLog accessLog)
{
    /// <summary>The citizen is null once the retention rule has erased them; the rest is what is still held.</summary>
    public async Task<HeldPersonalData> ReadAsync(Guid bookingId, byte[]? citizenCiphertext, string? keyId, CancellationToken cancellationToken = default)
    {
        var details = protector.UnsealUnlessErased(citizenCiphertext, keyId);
        var declared = await declarations.FindAsync(bookingId, cancellationToken) is { } sealedDeclarations
            ? protector.Unseal<BookingDeclarations>(sealedDeclarations.Ciphertext, sealedDeclarations.KeyId, BookingDeclarations.SealPurpose)
            : new BookingDeclarations([], []);
        var corrections = (await requests.OfBookingAsync(PrivacyRequestKind.Correction, bookingId, cancellationToken)).Select(c => new HeldCorrection(
            c.Status, protector.Unseal<CorrectionRequest>(c.Request.Ciphertext, c.Request.KeyId, CorrectionRequest.SealPurpose), Answer(c))).ToList();
        var accessRequests = (await requests.OfBookingAsync(PrivacyRequestKind.Access, bookingId, cancellationToken)).Select(a => new HeldAccessRequest(
            a.Status, a.Channel!, protector.Unseal<AccessRequestNote>(a.Request.Ciphertext, a.Request.KeyId, AccessRequestNote.SealPurpose).Text,
            Answer(a))).ToList();
        return new HeldPersonalData(details, declared, corrections, accessRequests, await accessLog.OfRecordAsync(bookingId, cancellationToken));
    }

    private string? Answer(SealedBookingRequest request) =>
        request.Answer is { } answer ? protector.Unseal<PrivacyAnswer>(answer.Ciphertext, answer.KeyId, PrivacyAnswer.SealPurpose).Text : null;
}
