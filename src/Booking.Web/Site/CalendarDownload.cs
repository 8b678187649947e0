using Booking.Messages;
using Booking.ServiceDefaults;
using Booking.Web.Bookings;
using Booking.Web.Infrastructure;

namespace Booking.Web.Site;

/// <summary>"Add to calendar": the booking as an .ics file (built by <see cref="AppointmentCalendar"/>, the same as the
/// e-mails attach), for the holder of the manage link. A cancelled booking downloads as a cancellation.</summary>
public static class CalendarDownload
{
    public static IEndpointRouteBuilder MapCalendarDownload(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar/{code}.ics", Download).ExcludeFromDescription().RequireRateLimiting(ClientRateLimiting.Policy);
        return app;
    }

    private static async Task<IResult> Download(string code, string? token, ManageLinkAccess manageLink,
        AppointmentCalendar calendar, CancellationToken cancellationToken)
    {
        if (await manageLink.FindAsync(code, token, cancellationToken) is not { } found)
            return Results.NotFound();
        var (booking, location, service) = found;
        var language = PlatformLanguages.Current;
        var appointment = new CalendarAppointment(booking.Id, service.Name(language),
            (language == "en" ? "Confirmation number: " : "Numéro de confirmation : ") + booking.ConfirmationCode,
            $"{location.Name}, {location.Address}, {location.City}", booking.SlotStart, booking.SlotEnd);
        var file = booking.IsConfirmed ? calendar.Publish(appointment) : calendar.Cancel(appointment);
        return Results.File(file, AppointmentCalendar.ContentType, $"{booking.ConfirmationCode}.ics");
    }
}
