using System.Globalization;

namespace Booking.Messages;

/// <summary>An appointment as a calendar entry (RFC 5545), in UTC so every calendar shows it at the right local time.</summary>
public sealed record CalendarAppointment(Guid BookingId, string Summary, string Description, string Location,
    DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// Builds the .ics a citizen adds to their calendar, for e-mails and for the site's download. The UID is fixed per
/// booking so a moved or cancelled appointment replaces the earlier entry; SEQUENCE is the minutes elapsed since
/// 2026 at the time of writing, which grows with every revision without storing a counter.
/// </summary>
public sealed class AppointmentCalendar(TimeProvider time)
{
    public const string ContentType = "text/calendar; charset=utf-8";
    private static readonly DateTimeOffset SequenceEpoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>METHOD:PUBLISH, STATUS:CONFIRMED.</summary>
    public byte[] Publish(CalendarAppointment appointment) => Write(appointment, "PUBLISH", "CONFIRMED");

    /// <summary>METHOD:CANCEL, STATUS:CANCELLED: removes the entry an earlier file added.</summary>
    public byte[] Cancel(CalendarAppointment appointment) => Write(appointment, "CANCEL", "CANCELLED");

    public static string Uid(Guid bookingId) => $"booking-{bookingId:N}@rendez-vous.sante.quebec";

    private byte[] Write(CalendarAppointment appointment, string method, string status)
    {
        var now = time.GetUtcNow();
        return new ContentLines()
            .Property("BEGIN", "VCALENDAR")
            .Property("VERSION", "2.0")
            .Property("PRODID", "-//Booking//Appointments//FR")
            .Property("METHOD", method)
            .Property("BEGIN", "VEVENT")
            .Text("UID", Uid(appointment.BookingId))
            .Property("SEQUENCE", ((now - SequenceEpoch).Ticks / TimeSpan.TicksPerMinute).ToString(CultureInfo.InvariantCulture))
            .Utc("DTSTAMP", now)
            .Utc("DTSTART", appointment.Start)
            .Utc("DTEND", appointment.End)
            .Text("SUMMARY", appointment.Summary)
            .Text("DESCRIPTION", appointment.Description)
            .Text("LOCATION", appointment.Location)
            .Property("STATUS", status)
            .Property("END", "VEVENT")
            .Property("END", "VCALENDAR")
            .ToUtf8();
    }
}
