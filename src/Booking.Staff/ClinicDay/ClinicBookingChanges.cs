using Booking.Data.Audit;
using Booking.Data.Bookings;
using Booking.Data.Catalog;
using Booking.Data.Protection;
using Booking.Domain.Catalog;
using Booking.Staff.Access;
using Booking.Staff.Bookings;
using Booking.Staff.Changes;

namespace Booking.Staff.ClinicDay;

/// <summary>
/// The clinic cancels or moves one of its bookings, with a reason (<see cref="StaffBookingChanges"/>): only a person
/// holding <see cref="StaffPermission.RunClinicDay"/> at the booking's clinic, and a move stays at that clinic. A
/// booking elsewhere, or a clinic out of scope, is answered as if it did not exist. Every showing of the person's
/// record is logged before it is decrypted.
/// </summary>
public sealed class ClinicBookingChanges(StaffAccess access, CatalogRepository catalog, BookingRepository bookings, StaffBookingChanges changes,
    PersonalDataAccessLog accessLog, PersonalDataProtector protector)
{
    public const string Program = "Booking.Admin/clinic-booking";

    /// <param name="shown">False when a form was posted: the page shows the booking as it is after the change, logged then.</param>
    /// <returns>Null when the person may not run this clinic's day or the booking is not this clinic's.</returns>
    public async Task<ChangeableBooking?> OpenAsync(StaffActor actor, Guid locationId, Guid bookingId, DateOnly? moveDate, bool shown = true,
        CancellationToken cancellationToken = default)
    {
        if (await FindAsync(actor, locationId, bookingId, cancellationToken) is not var (location, booking))
            return null;
        if (shown)
            await accessLog.RecordAsync(new PersonalDataAccessRecord(actor.AuditName, PersonalDataAccess.Read, "bookings", booking.Id, Program,
                actor.SourceIp), cancellationToken);
        var service = (await catalog.ServicesAsync(cancellationToken)).SingleOrDefault(s => s.Code == booking.ServiceCode);
        return await changes.ViewAsync(location, booking, service, moveDate);
    }

    public async Task<BookingChangeOutcome?> CancelAsync(StaffActor actor, Guid locationId, Guid bookingId, BookingChangeInput input,
        CancellationToken cancellationToken = default) =>
        await FindAsync(actor, locationId, bookingId, cancellationToken) is var (location, booking)
            ? await changes.CancelAsync(actor, location, booking, input, byClinic: true, cancellationToken)
            : null;

    public async Task<BookingChangeOutcome?> MoveAsync(StaffActor actor, Guid locationId, Guid bookingId, BookingChangeInput input,
        CancellationToken cancellationToken = default) =>
        await FindAsync(actor, locationId, bookingId, cancellationToken) is var (location, booking)
            ? await changes.MoveAsync(actor, location, booking, location, input, byClinic: true, cancellationToken: cancellationToken)
            : null;

    private async Task<(Location Location, StoredBooking Booking)?> FindAsync(StaffActor actor, Guid locationId, Guid bookingId,
        CancellationToken cancellationToken)
    {
        if (!await access.AllowsAsync(actor.UserId, StaffPermission.RunClinicDay, StaffScope.OfLocation(locationId), cancellationToken)
            || await catalog.LocationAsync(locationId, cancellationToken) is not { } location
            || await bookings.FindByIdAsync(bookingId, cancellationToken) is not { } booking
            || booking.LocationId != location.Id
            || protector.IsShredded(booking.EncryptionKeyId))
            return null;
        return (location, booking);
    }
}
