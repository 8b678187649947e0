using Booking.Data.Notifications;
using Booking.Testing;

namespace Booking.Notifications.Tests;

/// <summary>Messages reach the citizen on the channel they allowed, in their language, and their delivery is tracked
/// from the providers' signed webhooks.</summary>
[Collection(DeliveryCollection.Name)]
public sealed class DeliveryTests(DeliveryFixture fixture)
{
    [Fact]
    public async Task A_confirmation_is_emailed_in_the_citizens_language_and_marked_delivered()
    {
        var booking = await fixture.Bookings.BookAsync(TestBookings.Citizen(language: "en"));

        var messages = await fixture.WaitFor(booking.Id, m => m.Any(x => x.Status == NotificationStatus.Delivered), "the confirmation to be delivered");

        var message = Assert.Single(messages);
        Assert.Equal(("BookingConfirmed", "email", 1), (message.Kind, message.Channel, message.Attempts));
        Assert.NotNull(message.SentAt);
        Assert.NotNull(message.DeliveredAt);
        var received = Assert.Single(fixture.StubMessagesOf(booking.Id));
        Assert.Equal(("email", "en"), (received.Channel, received.Language));
        Assert.StartsWith("Appointment confirmed: ", received.Subject);
        Assert.Contains(booking.ConfirmationCode, received.TextBody);
        Assert.Equal(message.Id.ToString(), received.IdempotencyKey);
        // The calendar entry and the pass (QR code) travel with the confirmation.
        Assert.Contains(received.Attachments, a => a.ContentType.StartsWith("text/calendar", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_dev_inbox_shows_each_bookings_messages_with_their_attachments_and_delivery_status()
    {
        var booking = await fixture.Bookings.BookAsync(TestBookings.Citizen(language: "en"));
        await fixture.WaitFor(booking.Id, m => m.Any(x => x.Status == NotificationStatus.Delivered), "the confirmation to be delivered");
        using var http = new HttpClient();

        var page = await http.GetStringAsync(fixture.InboxUrl + "/");

        Assert.Contains($"Booking {booking.Id}", page);
        Assert.Contains("language en", page);
        Assert.Contains("Delivery status (as staff see it)", page);
        Assert.Contains("<td>BookingConfirmed</td><td>email</td><td>delivered</td><td>1</td>", page);
        var received = Assert.Single(fixture.StubMessagesOf(booking.Id));
        Assert.Equal(received.HtmlBody, await http.GetStringAsync($"{fixture.InboxUrl}/messages/{received.ProviderId}/html"));
        Assert.Contains(booking.ConfirmationCode, received.HtmlBody);
        Assert.Contains($"/messages/{received.ProviderId}/attachments/0", page);
        Assert.NotEmpty(await http.GetByteArrayAsync($"{fixture.InboxUrl}/messages/{received.ProviderId}/attachments/0"));
    }

    [Fact]
    public async Task Without_email_consent_the_citizen_gets_an_sms()
    {
        var citizen = TestBookings.Citizen(email: false) with { Email = "kept@example.org", EmailConsent = false };
        var booking = await fixture.Bookings.BookAsync(citizen);

        var message = Assert.Single(await fixture.WaitFor(booking.Id, m => m.Any(x => x.Status == NotificationStatus.Delivered), "the SMS to be delivered"));

        Assert.Equal("sms", message.Channel);
        var received = Assert.Single(fixture.StubMessagesOf(booking.Id));
        Assert.Equal((citizen.Phone, "fr"), (received.To, received.Language));
        Assert.StartsWith("RDV confirme: ", received.TextBody);
        Assert.Contains(booking.ConfirmationCode, received.TextBody);
    }

    [Fact]
    public async Task A_due_reminder_is_sent_and_a_cancelled_bookings_reminder_is_not()
    {
        var kept = await fixture.Bookings.BookAsync(TestBookings.Citizen());
        var cancelled = await fixture.Bookings.BookAsync(TestBookings.Citizen(), start: kept.SlotStart.AddMinutes(1));
        await fixture.WaitFor(kept.Id, m => m.All(x => x.Status == NotificationStatus.Delivered) && m.Count == 1, "the confirmation");
        await new Booking.Data.Bookings.BookingRepository(fixture.Database.DataSource).CancelAsync(cancelled.Id, 1);

        // Move time to 3 hours before the appointment: the 24-hour reminder is due, the 2-hour one is not.
        fixture.Clock.Shift = kept.SlotStart.AddMinutes(2) - TimeSpan.FromHours(3) - TestClock.Now;
        try
        {
            var messages = await fixture.WaitFor(kept.Id, m => m.Any(x => x.Kind == "Reminder" && x.Status == NotificationStatus.Delivered), "the reminder");
            Assert.Single(messages, m => m.Kind == "Reminder");
            Assert.Equal(1, await fixture.Database.ScalarAsync<long>(
                "select count(*) from reminders where booking_id = @booking and status = 'pending'", ("booking", kept.Id)));
            Assert.DoesNotContain(await fixture.MessagesOf(cancelled.Id), m => m.Kind == "Reminder");
        }
        finally
        {
            fixture.Clock.Shift = TimeSpan.Zero;
        }
    }
}
