using Booking.Data.Audit;
using Booking.Data.Bookings;
using Booking.Data.Catalog;
using Booking.Data.Protection;
using Booking.Data.Staff;
using Booking.Domain.Bookings;
using Booking.Domain.Catalog;
using Booking.Domain.Eligibility;
using Booking.Staff.Access;
using Booking.Staff.Bookings;
using Booking.Staff.Changes;

namespace Booking.Staff.ContactCentre;

/// <summary>A booking found for a caller, with the person's name as the agent reads it back to them.</summary>
/// <remarks>A person erased under the retention rule has no name or birth date left (<see cref="Erased"/>).</remarks>
public sealed record CallerMatch(CallerBooking Booking, string FirstName, string LastName, DateOnly? BirthDate)
{
    public bool Erased => BirthDate is null;
}

/// <summary>
/// The contact centre acting for a caller (<see cref="StaffPermission.ActForCallers"/>, over the agent's tenants):
/// finds the caller's bookings by confirmation code, health card or phone (by keyed fingerprint), and cancels or moves
/// one on their behalf through <see cref="StaffBookingChanges"/> — the same clinic-day grains, holds and interval guard
/// as the citizen site, and the service's age rule checked for a move's new date. The citizen is told as if they had
/// made the change themselves (they asked for it). Every person shown is logged as read before anything is shown.
/// </summary>
public sealed class ContactCentreDesk(StaffAccess access, StaffBookingRepository staffBookings, CatalogRepository catalog, BookingRepository bookings,
    StaffBookingChanges changes, PersonalDataProtector protector, PersonalDataAccessLog accessLog)
{
    public const string Program = "Booking.Admin/contact-centre";

    /// <summary>A confirmation code, a health-card number or a phone number, as the caller says it.</summary>
    public async Task<IReadOnlyList<CallerMatch>> SearchAsync(StaffActor actor, string? search, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(search) || search.Length > 40)
            return [];
        var typed = search.Trim();
        var code = ConfirmationCode.TryNormalise(typed, out var normalised) ? normalised : null;
        var found = await staffBookings.FindForCallerAsync(StaffAccess.Grantee(actor.UserId, StaffPermission.ActForCallers), code, Fingerprints(typed),
            cancellationToken);
        found = found.Where(b => !protector.IsShredded(b.EncryptionKeyId)).ToList();
        await accessLog.RecordReadsAsync(actor.AuditName, "bookings", found.Select(b => b.Id).ToList(), Program, actor.SourceIp, cancellationToken);
        return found.Select(b =>
        {
            var citizen = protector.UnsealUnlessErased(b.CitizenCiphertext, b.EncryptionKeyId);
            return new CallerMatch(b, citizen?.FirstName ?? "", citizen?.LastName ?? "", citizen?.BirthDate);
        }).ToList();
    }

    /// <param name="shown">False when a form was posted: the page shows the booking as it is after the change, logged then.</param>
    /// <returns>Null when the booking is not at a clinic where the agent may act for callers (or does not exist).</returns>
    public async Task<ChangeableBooking?> OpenAsync(StaffActor actor, Guid bookingId, DateOnly? moveDate, bool shown = true,
        CancellationToken cancellationToken = default)
    {
        if (await FindAsync(actor, bookingId, cancellationToken) is not var (location, booking))
            return null;
        if (shown)
            await accessLog.RecordAsync(new PersonalDataAccessRecord(actor.AuditName, PersonalDataAccess.Read, "bookings", booking.Id, Program,
                actor.SourceIp), cancellationToken);
        var service = (await catalog.ServicesAsync(cancellationToken)).SingleOrDefault(s => s.Code == booking.ServiceCode);
        return await changes.ViewAsync(location, booking, service, moveDate);
    }

    public async Task<BookingChangeOutcome?> CancelAsync(StaffActor actor, Guid bookingId, BookingChangeInput input, CancellationToken cancellationToken = default) =>
        await FindAsync(actor, bookingId, cancellationToken) is var (location, booking)
            ? await changes.CancelAsync(actor, location, booking, input, byClinic: false, cancellationToken)
            : null;

    /// <summary>Moves the booking to another time at its clinic; the service's age rule is checked for the new date as the
    /// citizen site checks it, and the database's interval guard stands behind the move.</summary>
    public async Task<BookingChangeOutcome?> MoveAsync(StaffActor actor, Guid bookingId, BookingChangeInput input, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(actor, bookingId, cancellationToken) is not var (location, booking))
            return null;
        var service = (await catalog.ServicesAsync(cancellationToken)).SingleOrDefault(s => s.Code == booking.ServiceCode);
        var citizen = protector.UnsealUnlessErased(booking.CitizenCiphertext, booking.EncryptionKeyId);
        return await changes.MoveAsync(actor, location, booking, location, input, byClinic: false, async date =>
        {
            // An erased booking is long past, so the move is refused before any eligibility is asked.
            if (service is null || citizen is null)
                return null;
            var (person, card) = protector.Fingerprints(citizen);
            var history = service.Eligibility.MinimumInterval is null ? []
                : await bookings.HistoryAsync(person, card, excludingBookingId: booking.Id, cancellationToken: cancellationToken);
            var result = EligibilityCheck.Evaluate(service.Eligibility, citizen.BirthDate, date, history);
            return result is EligibilityResult.Eligible ? null : result;
        }, cancellationToken);
    }

    /// <summary>The fingerprints a typed health card or phone number would have: the card as typed, the phone as E.164
    /// digits (a 10-digit North American number gets its country code).</summary>
    private List<byte[]> Fingerprints(string typed)
    {
        var fingerprints = new List<byte[]> { protector.HealthCardFingerprint(typed) };
        var digits = new string(typed.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length >= 7)
            fingerprints.Add(protector.PhoneFingerprint(digits.Length == 10 ? "1" + digits : digits));
        return fingerprints;
    }

    private async Task<(Location Location, StoredBooking Booking)?> FindAsync(StaffActor actor, Guid bookingId, CancellationToken cancellationToken)
    {
        if (await bookings.FindByIdAsync(bookingId, cancellationToken) is not { } booking
            || !await access.AllowsAsync(actor.UserId, StaffPermission.ActForCallers, StaffScope.OfLocation(booking.LocationId), cancellationToken)
            || await catalog.LocationAsync(booking.LocationId, cancellationToken) is not { } location
            || protector.IsShredded(booking.EncryptionKeyId))
            return null;
        return (location, booking);
    }
}
