using Booking.Domain.WaitingRooms;

namespace Booking.Domain.Tests;

public class AdmissionQueueTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void When_nobody_waits_a_visitor_goes_straight_through()
    {
        var queue = new AdmissionQueue(T0);

        var ticket = queue.Issue(T0, perMinute: 60);

        Assert.True(queue.Standing(ticket, T0, 60)!.Value.Admitted);
    }

    [Fact]
    public void Beyond_the_burst_visitors_queue_in_arrival_order_with_growing_waits()
    {
        var queue = new AdmissionQueue(T0);
        var tickets = Enumerable.Range(0, 10).Select(_ => queue.Issue(T0, perMinute: 60)).ToList();

        var standings = tickets.Select(t => queue.Standing(t, T0, 60)!.Value).ToList();

        Assert.Equal(AdmissionQueue.Burst(60), standings.Count(s => s.Admitted));
        var waiting = standings.Where(s => !s.Admitted).ToList();
        Assert.Equal(Enumerable.Range(1, waiting.Count).Select(p => (long)p), waiting.Select(s => s.Position));
        Assert.True(waiting.Zip(waiting.Skip(1)).All(p => p.First.EstimatedWaitSeconds < p.Second.EstimatedWaitSeconds));
    }

    [Fact]
    public void A_room_asked_seldom_still_admits_at_its_rate()
    {
        // Six a minute: the eight behind the first are all in after 80 s, though nobody asks more often than every 16 s.
        var queue = new AdmissionQueue(T0);
        var last = Enumerable.Range(0, 9).Select(_ => queue.Issue(T0, perMinute: 6)).ToList()[^1];

        var standings = Enumerable.Range(1, 5).Select(i => queue.Standing(last, T0.AddSeconds(16 * i), 6)!.Value).ToList();

        Assert.Equal([false, false, false, false, true], standings.Select(s => s.Admitted));
    }

    [Theory]
    [InlineData(60, 30)]
    [InlineData(600, 7)]
    [InlineData(12, 120)]
    public void Admissions_never_exceed_the_rate_plus_the_burst(int perMinute, int seconds)
    {
        var queue = new AdmissionQueue(T0);
        var tickets = Enumerable.Range(0, perMinute * 5).Select(_ => queue.Issue(T0, perMinute)).ToList();

        var admitted = 0;
        for (var s = 0; s <= seconds; s++)
        {
            var now = T0.AddSeconds(s);
            admitted = tickets.Count(t => queue.Standing(t, now, perMinute)!.Value.Admitted);
            Assert.True(admitted <= AdmissionQueue.Burst(perMinute) + Math.Floor(s * perMinute / 60.0) + 1e-9,
                $"{admitted} admitted after {s} s at {perMinute}/min");
        }
        Assert.True(admitted >= Math.Floor(seconds * perMinute / 60.0), "the queue moves at the rate");
    }

    [Fact]
    public void Asking_again_keeps_the_place_and_the_place_only_improves()
    {
        var queue = new AdmissionQueue(T0);
        var tickets = Enumerable.Range(0, 8).Select(_ => queue.Issue(T0, 60)).ToList();
        var last = tickets[^1];

        var before = queue.Standing(last, T0, 60)!.Value;
        var again = queue.Standing(last, T0, 60)!.Value;
        var later = queue.Standing(last, T0.AddSeconds(2), 60)!.Value;

        Assert.Equal(before, again);
        Assert.Equal(before.Position - 2, later.Position);
        Assert.Equal(8, queue.Issued);
    }

    [Fact]
    public void Admission_is_strictly_first_in_first_out()
    {
        var queue = new AdmissionQueue(T0);
        var tickets = Enumerable.Range(0, 20).Select(i => queue.Issue(T0.AddMilliseconds(i), 60)).ToList();

        for (var s = 0; s < 25; s++)
        {
            var admitted = tickets.Select(t => queue.Standing(t, T0.AddSeconds(s), 60)!.Value.Admitted).ToList();
            Assert.Equal(admitted.OrderByDescending(a => a), admitted);
        }
    }

    [Fact]
    public void A_ticket_never_issued_has_no_standing()
    {
        var queue = new AdmissionQueue(T0);
        queue.Issue(T0, 60);

        Assert.Null(queue.Standing(2, T0, 60));
        Assert.Null(queue.Standing(0, T0, 60));
    }

    [Fact]
    public void A_queue_resumed_from_a_saved_mark_keeps_every_ticket_in_its_order_and_numbers_new_ones_after_the_unsaved()
    {
        var queue = new AdmissionQueue(T0);
        var beforeSave = Enumerable.Range(0, 10).Select(_ => queue.Issue(T0, perMinute: 6)).ToList();
        var mark = queue.Mark;
        var afterSave = Enumerable.Range(0, 5).Select(_ => queue.Issue(T0, perMinute: 6)).ToList();

        var resumed = AdmissionQueue.Resume(mark, unsavedAllowance: 8, owedFor: TimeSpan.FromSeconds(3), T0.AddSeconds(1));
        var waiting = beforeSave.Concat(afterSave).Where(t => t > mark.Frontier).ToList();
        var positions = waiting.Select(t => resumed.Standing(t, T0.AddSeconds(1), 6)!.Value.Position).ToList();
        var newcomer = resumed.Issue(T0.AddSeconds(1), perMinute: 6);

        Assert.Equal(positions.Order(), positions);
        Assert.Equal(positions.Distinct().Count(), positions.Count);
        Assert.True(newcomer > afterSave.Max());
        Assert.True(resumed.Standing(newcomer, T0.AddSeconds(1), 6)!.Value.Position > positions.Max());
    }

    [Fact]
    public void A_queue_back_from_a_long_outage_lets_through_only_what_it_owed_just_after_its_mark()
    {
        var queue = new AdmissionQueue(T0);
        for (var i = 0; i < 100; i++)
            queue.Issue(T0, perMinute: 60);
        var mark = queue.Mark;

        var resumed = AdmissionQueue.Resume(mark, unsavedAllowance: 20, owedFor: TimeSpan.FromSeconds(3), T0.AddMinutes(1));

        Assert.Equal(mark.Frontier + 3, resumed.Watermark(T0.AddMinutes(1), 60).Frontier);
    }
}
