using Booking.Domain.Eligibility;

namespace Booking.Domain.Citizens;

/// <summary>
/// The age band a booking is counted in by the ministry's extracts: the person's age on the day of the appointment, in
/// the bands Canadian vaccine-coverage reporting uses (0–4, 5–11, 12–17, then ten-year bands to 80+). Kept in clear
/// beside the sealed details so that statistics never need the birth date.
/// </summary>
public static class AgeBand
{
    public static string On(DateOnly birthDate, DateOnly appointmentDay) => EligibilityCheck.AgeOn(birthDate, appointmentDay) switch
    {
        < 5 => "0-4",
        < 12 => "5-11",
        < 18 => "12-17",
        < 30 => "18-29",
        >= 80 => "80+",
        var age => $"{age / 10 * 10}-{age / 10 * 10 + 9}",
    };
}
