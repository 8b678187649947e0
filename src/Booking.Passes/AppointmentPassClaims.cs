namespace Booking.Passes;

/// <summary>
/// What an appointment pass asserts: which booking, where, for what, when, until when. Deliberately no name and
/// no health information: the pass is shown at a clinic door and may be photographed.
/// </summary>
public sealed record AppointmentPassClaims(
    Guid BookingId,
    string ConfirmationCode,
    Guid LocationId,
    string ServiceCode,
    DateTimeOffset SlotStart,
    DateTimeOffset ExpiresAt)
{
    /// <summary>How long after the appointment day a pass still verifies (late evening slots, clinic paperwork).</summary>
    public static readonly TimeSpan GraceAfterAppointmentDay = TimeSpan.FromHours(6);

    /// <summary>A pass valid until the end of the appointment's day at the clinic, plus the grace period.</summary>
    public static AppointmentPassClaims ForAppointment(Guid bookingId, string confirmationCode, Guid locationId, string serviceCode,
        DateTimeOffset slotStart, TimeZoneInfo locationTimeZone)
    {
        var localDay = TimeZoneInfo.ConvertTime(slotStart, locationTimeZone).Date;
        var endOfDay = TimeZoneInfo.ConvertTimeToUtc(localDay.AddDays(1), locationTimeZone);
        return new AppointmentPassClaims(bookingId, confirmationCode, locationId, serviceCode, slotStart,
            new DateTimeOffset(endOfDay, TimeSpan.Zero) + GraceAfterAppointmentDay);
    }
}
