using Booking.Data.Notifications;
using Booking.DevInbox;
using Booking.Notifications.Tests;

namespace Booking.Operations.Tests;

/// <summary>What Prometheus reads from a real notification worker after a provider refused a message: the failure by
/// provider and stage, and the outbox lag of each claim. The only worker in this test assembly, so nothing else moves
/// its counters.</summary>
public sealed class WorkerMetricsTests(DeliveryFixture fixture) : IClassFixture<DeliveryFixture>
{
    [Fact]
    public async Task After_a_refused_email_and_its_sms_fallback_the_worker_s_metrics_count_the_failure_and_both_claims()
    {
        fixture.Faults.Set("email", FaultMode.Reject, 1);
        var booking = await fixture.Bookings.BookAsync(TestBookings.Citizen());
        await fixture.WaitFor(booking.Id, m => m.Any(x => x.Channel == "sms" && x.Status == NotificationStatus.Delivered), "the SMS fallback");

        using var scraper = new HttpClient();
        var metrics = new PrometheusText(await scraper.GetStringAsync($"{fixture.WorkerUrl}/metrics"));

        Assert.Equal(1, metrics.Value("booking_delivery_failures_total", ("provider", "sendgrid"), ("stage", "send")));
        Assert.Equal(0, metrics.Value("booking_delivery_failures_total", ("provider", "twilio"), ("stage", "send")));
        // The e-mail's claim and its SMS fallback's, each taken as soon as it was due.
        Assert.Equal(2, metrics.Value("booking_outbox_lag_seconds_count"));
        Assert.True(metrics.Value("booking_outbox_lag_seconds_sum") < 10, metrics.Text);
    }
}
