using System.Net;
using Booking.Data.Notifications;
using Booking.Testing;
using Booking.Web.FunctionalTests;

namespace Booking.Notifications.Tests;

/// <summary>Book, move and cancel through the public API: each change's message reaches the citizen, in their
/// language, and the reminders follow the booking.</summary>
public sealed class ApiDeliveryTests(ApiDeliveryFixture fixture) : IClassFixture<ApiDeliveryFixture>
{
    [Fact]
    public async Task Booking_moving_and_cancelling_through_the_api_send_the_matching_messages_in_english()
    {
        var api = fixture.Citizen;
        var citizen = new { firstName = "Emma", lastName = "Walsh", birthDate = "1985-03-02", email = "emma@example.org", emailConsent = true, phone = "+1 514 555 0177", language = "en" };
        var booked = await api.Book(CitizenApi.Plateau, "FLU", QuebecDate.At(QuebecDate.NextWeekday(3), 9, 30), citizen);
        var code = booked["confirmationCode"]!.GetValue<string>();
        var token = booked["manageToken"]!.GetValue<string>();
        var bookingId = booked["bookingId"]?.GetValue<Guid>() ?? await fixture.Database.ScalarAsync<Guid>(
            "select id from bookings where confirmation_code = @code", ("code", code));

        await fixture.WaitFor(bookingId, m => m.Any(x => x.Kind == "BookingConfirmed" && x.SentAt is not null), "the confirmation");
        var newHold = await api.HoldId(CitizenApi.Plateau, "FLU", QuebecDate.At(QuebecDate.NextWeekday(4), 10));
        Assert.Equal(HttpStatusCode.OK, (await api.Reschedule(code, token, newHold)).StatusCode);
        await fixture.WaitFor(bookingId, m => m.Any(x => x.Kind == "BookingRescheduled" && x.SentAt is not null), "the move's message");
        Assert.Equal(HttpStatusCode.OK, (await api.Cancel(code, token)).StatusCode);
        var messages = await fixture.WaitFor(bookingId, m => m.Any(x => x.Kind == "BookingCancelledByCitizen" && x.SentAt is not null), "the cancellation's message");

        Assert.Equal(["BookingConfirmed", "BookingRescheduled", "BookingCancelledByCitizen"], messages.Select(m => m.Kind));
        Assert.All(messages, m => Assert.Equal(NotificationChannel.Email, m.Channel));
        var received = fixture.StubMessagesOf(bookingId);
        Assert.Equal(3, received.Count);
        Assert.All(received, m => Assert.Equal(("en", "emma@example.org"), (m.Language, m.To)));
        Assert.Contains(received, m => m.Subject!.StartsWith("Appointment moved", StringComparison.Ordinal));
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>(
            "select count(*) from reminders where booking_id = @booking and status = 'pending'", ("booking", bookingId)));
    }
}
