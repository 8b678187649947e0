using Booking.Data.Notifications;
using Booking.DevInbox;

namespace Booking.Notifications.Tests;

/// <summary>Provider outages, timeouts and refusals: retried with backoff, dead-lettered after the configured number
/// of attempts, and handed to the citizen's other channel when one fails for good.</summary>
[Collection(DeliveryCollection.Name)]
public sealed class FailureTests(DeliveryFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Quiet();

    public Task DisposeAsync()
    {
        fixture.Faults.Clear();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_provider_outage_is_retried_until_the_message_goes_through_once()
    {
        // Two 503s per send attempt are retried inside the call; the third answer of the first attempt is a 503 too.
        fixture.Faults.Set("email", FaultMode.ServerError, 4);
        var booking = await fixture.Bookings.BookAsync(TestBookings.Citizen());

        var message = Assert.Single(await fixture.WaitFor(booking.Id, m => m.Any(x => x.Status == NotificationStatus.Delivered), "delivery after the outage"));

        Assert.Equal(("email", 2), (message.Channel, message.Attempts));
        Assert.Single(fixture.StubMessagesOf(booking.Id));
    }

    [Fact]
    public async Task A_timeout_goes_back_to_the_queue_and_is_sent_on_a_later_attempt()
    {
        fixture.Faults.Set("sms", FaultMode.Slow, 1);
        var booking = await fixture.Bookings.BookAsync(TestBookings.Citizen(email: false));

        var message = Assert.Single(await fixture.WaitFor(booking.Id, m => m.Any(x => x.Status == NotificationStatus.Delivered), "delivery after a timeout"));

        Assert.Equal(2, message.Attempts);
        Assert.Single(fixture.StubMessagesOf(booking.Id));
    }

    [Fact]
    public async Task An_address_the_provider_refuses_falls_back_to_sms()
    {
        fixture.Faults.Set("email", FaultMode.Reject, 1);
        var booking = await fixture.Bookings.BookAsync(TestBookings.Citizen());

        var messages = await fixture.WaitFor(booking.Id, m => m.Any(x => x.Channel == "sms" && x.Status == NotificationStatus.Delivered), "the SMS fallback");

        var email = Assert.Single(messages, m => m.Channel == "email");
        Assert.Equal((NotificationStatus.Failed, 1), (email.Status, email.Attempts));
        Assert.Contains("400", email.LastError);
        Assert.Equal(email.Id, Assert.Single(messages, m => m.Channel == "sms").FallbackOf);
        Assert.Equal(["sms"], fixture.StubMessagesOf(booking.Id).Select(m => m.Channel));
    }

    [Fact]
    public async Task After_the_last_attempt_a_message_is_dead_lettered_and_the_other_channel_takes_over()
    {
        fixture.Faults.Set("email", FaultMode.ServerError, -1);
        var booking = await fixture.Bookings.BookAsync(TestBookings.Citizen());

        var messages = await fixture.WaitFor(booking.Id, m => m.Any(x => x.Channel == "sms" && x.Status == NotificationStatus.Delivered), "the SMS after the dead letter");

        var dead = Assert.Single(messages, m => m.Channel == "email");
        Assert.Equal((NotificationStatus.DeadLetter, 3), (dead.Status, dead.Attempts));
        Assert.Contains("503", dead.LastError);
        Assert.Equal(["sms"], fixture.StubMessagesOf(booking.Id).Select(m => m.Channel));
    }

    [Fact]
    public async Task Without_another_channel_a_dead_letter_stays_dead()
    {
        fixture.Faults.Set("sms", FaultMode.ServerError, -1);
        var booking = await fixture.Bookings.BookAsync(TestBookings.Citizen(email: false));

        var dead = Assert.Single(await fixture.WaitFor(booking.Id, m => m.Any(x => x.Status == NotificationStatus.DeadLetter), "the dead letter"));

        Assert.Equal(3, dead.Attempts);
        Assert.Empty(fixture.StubMessagesOf(booking.Id));
    }

    [Fact]
    public async Task A_bounced_email_falls_back_to_sms()
    {
        fixture.Faults.Set("email", FaultMode.Bounce, 1);
        var booking = await fixture.Bookings.BookAsync(TestBookings.Citizen());

        var messages = await fixture.WaitFor(booking.Id, m => m.Any(x => x.Channel == "sms" && x.Status == NotificationStatus.Delivered), "the SMS after the bounce");

        Assert.Equal(NotificationStatus.Bounced, Assert.Single(messages, m => m.Channel == "email").Status);
    }
}
