using System.Diagnostics.Metrics;
using Booking.Data.Notifications;
using Booking.ServiceDefaults.Metrics;

namespace Booking.Notifications.Dispatch;

/// <summary>How the worker keeps up: how late each claimed message was (outbox lag: from when it was due to when a
/// worker took it), and the providers' failures, at the send (an error answer) or later (a bounce or failure report).</summary>
public sealed class NotificationMetrics
{
    private readonly Histogram<double> _lag;
    private readonly Counter<long> _failures;

    public NotificationMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(PlatformMetrics.MeterName);
        _lag = meter.CreateHistogram<double>("booking.outbox.lag", unit: "s",
            description: "Time from a message being due to a worker claiming it.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600] });
        _failures = meter.CreateCounter<long>("booking.delivery.failures", description: "Messages a provider failed to deliver, by provider and stage.");
    }

    public void Claimed(IReadOnlyList<ClaimedNotification> claimed)
    {
        foreach (var message in claimed)
            _lag.Record(message.Overdue.TotalSeconds);
    }

    /// <param name="stage"><c>send</c>: the provider answered the send with an error; <c>report</c>: it reported a
    /// bounce or failure afterwards.</param>
    public void Failed(string channel, string stage, long count = 1) =>
        _failures.Add(count, new("provider", channel == NotificationChannel.Email ? "sendgrid" : "twilio"), new("stage", stage));
}
