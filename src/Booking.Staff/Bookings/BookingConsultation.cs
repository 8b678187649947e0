using System.Net;
using Booking.Data.Audit;
using Booking.Data.Notifications;
using Booking.Data.Protection;
using Booking.Data.Staff;
using Booking.Domain.Bookings;
using Booking.Staff.Access;

namespace Booking.Staff.Bookings;

/// <summary>A booking as a staff member sees it: its facts, the citizen's name and what became of each message.</summary>
/// <remarks>The names are null once the citizen's details were erased under the retention rule.</remarks>
public sealed record StaffBookingView(TenantBookingRow Booking, string? CitizenFirstName, string? CitizenLastName, IReadOnlyList<MessageDelivery> Messages)
{
    public bool Erased => CitizenFirstName is null;
}

/// <summary>Who is looking, and from where: what the audit record of a consultation names.</summary>
public sealed record StaffActor(Guid UserId, IPAddress? SourceIp)
{
    public string AuditName => $"staff:{UserId}";
}

/// <summary>A staff member opens a booking by its confirmation code. Every opening of a citizen's record is logged
/// (user, record, source address, UTC time) before anything personal is decrypted. A booking is found only among the
/// clinics where the person may look up bookings (<see cref="StaffPermission.ViewBookings"/>): anywhere else it is simply
/// not found, so a code says nothing about bookings staff may not see, and their sealed details are never read.</summary>
public sealed class BookingConsultation(StaffBookingRepository bookings, PersonalDataProtector protector, PersonalDataAccessLog accessLog, DeliveryStatusQuery deliveries)
{
    public const string Program = "Booking.Admin/bookings";

    /// <returns>Null when the code is malformed, unknown, a booking of a clinic this person may not look up, or one whose
    /// details were shredded with its tenant's key: the same answer.</returns>
    public async Task<StaffBookingView?> OpenAsync(StaffActor actor, string? code, CancellationToken cancellationToken = default)
    {
        if (!ConfirmationCode.TryNormalise(code, out var normalised)
            || await bookings.FindAsync(StaffAccess.Grantee(actor.UserId, StaffPermission.ViewBookings), normalised, cancellationToken) is not { } booking
            || protector.IsShredded(booking.EncryptionKeyId))
            return null;
        await accessLog.RecordAsync(new PersonalDataAccessRecord(actor.AuditName, PersonalDataAccess.Read, "bookings", booking.Id, Program, actor.SourceIp), cancellationToken);
        var citizen = protector.UnsealUnlessErased(booking.CitizenCiphertext, booking.EncryptionKeyId);
        var messages = await deliveries.ForBookingAsync(booking.Id, cancellationToken);
        return new StaffBookingView(booking, citizen?.FirstName, citizen?.LastName, messages);
    }
}
