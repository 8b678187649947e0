using Booking.Domain.WaitingRooms;

namespace Booking.Domain.Tests;

/// <summary>A web host answers waiting visitors from a watermark taken a moment ago: it must give the queue's own answer
/// to every ticket still waiting, and leave every ticket the queue may have admitted to the queue.</summary>
public class WaitingRoomWatermarkTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(600, 250)]
    [InlineData(60_000, 400)]
    [InlineData(7, 1_900)]
    public void While_visitors_wait_a_projected_watermark_gives_the_queues_own_standing(int perMinute, int elapsedMs)
    {
        var queue = new AdmissionQueue(T0);
        var tickets = Enumerable.Range(0, perMinute + 50).Select(_ => queue.Issue(T0, perMinute)).ToList();
        var watermark = queue.Watermark(T0.AddSeconds(1.3), perMinute);
        var later = T0.AddSeconds(1.3).AddMilliseconds(elapsedMs);

        foreach (var ticket in tickets)
        {
            var projected = watermark.Waiting(ticket, later - T0.AddSeconds(1.3), perMinute);
            var actual = queue.Standing(ticket, later, perMinute)!.Value;
            if (projected is { } waiting)
                Assert.Equal(actual, waiting);
            else
                Assert.True(actual.Admitted, $"ticket {ticket} was left to the queue but the queue still has it waiting");
        }
    }

    [Fact]
    public void A_ticket_the_queue_admitted_after_the_watermark_is_never_answered_as_waiting()
    {
        var queue = new AdmissionQueue(T0);
        var tickets = Enumerable.Range(0, 100).Select(_ => queue.Issue(T0, perMinute: 60)).ToList();
        var watermark = queue.Watermark(T0, 60);

        var later = T0.AddSeconds(4);
        var admitted = tickets.Where(t => queue.Standing(t, later, 60)!.Value.Admitted).ToList();

        Assert.Equal(AdmissionQueue.Burst(60) + 4, admitted.Count);
        Assert.All(admitted, t => Assert.Null(watermark.Waiting(t, later - T0, 60)));
    }

    [Fact]
    public void A_watermark_taken_before_a_restart_never_places_a_visitor_behind_where_the_resumed_queue_does()
    {
        var queue = new AdmissionQueue(T0);
        var tickets = Enumerable.Range(0, 40).Select(_ => queue.Issue(T0, perMinute: 60)).ToList();
        var saved = queue.Mark;
        var before = queue.Watermark(T0.AddSeconds(3), 60);
        var resumed = AdmissionQueue.Resume(saved, unsavedAllowance: 20, owedFor: TimeSpan.FromSeconds(3), T0.AddSeconds(4));

        foreach (var ticket in tickets)
        {
            var actual = resumed.Standing(ticket, T0.AddSeconds(4), 60)!.Value;
            if (before.Waiting(ticket, TimeSpan.FromSeconds(1), 60) is { } stale)
                Assert.True(stale.Position <= actual.Position);
            var fresh = resumed.Watermark(T0.AddSeconds(4), 60).Waiting(ticket, TimeSpan.Zero, 60);
            Assert.Equal(actual.Admitted ? null : actual, fresh);
        }
    }
}
