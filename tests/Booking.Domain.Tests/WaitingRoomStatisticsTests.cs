using Booking.Domain.WaitingRooms;

namespace Booking.Domain.Tests;

/// <summary>A waiting room's day counted as its queue moves: arrivals, admissions with their waits, the peak, the
/// passes collected, and a new day at midnight in Québec.</summary>
public sealed class WaitingRoomStatisticsTests
{
    private static readonly DateTimeOffset Opening = new(2027, 3, 15, 8, 0, 0, TimeSpan.FromHours(-4));

    [Fact]
    public void Waits_are_measured_from_ticket_to_admission_and_read_back_by_bucket()
    {
        var statistics = new WaitingRoomStatistics("room");
        for (var ticket = 1; ticket <= 4; ticket++)
            statistics.Issued(ticket, Opening, 60);
        statistics.Moved(frontier: 1, waiting: 3, Opening);
        statistics.Moved(frontier: 3, waiting: 1, Opening.AddSeconds(45));
        statistics.Moved(frontier: 4, waiting: 0, Opening.AddSeconds(754));
        statistics.PassCollected(Opening.AddSeconds(50));

        var day = statistics.Current!;

        Assert.Equal((new DateOnly(2027, 3, 15), (DateTimeOffset?)Opening, 60), (day.Day, day.FirstTicketAt, day.AdmissionsPerMinute));
        Assert.Equal((4L, 4L, 1L, 3L), (day.Arrivals, day.Admitted, day.PassesCollected, day.PeakWaiting));
        // Waits 0, 45, 45 and 754 s: the median is 45 (by the second), the longest 754; 754 s reads back as 720 (by the minute).
        Assert.Equal(((int?)45, (int?)720, (long?)754), (day.MedianWaitSeconds, day.P90WaitSeconds, day.MaxWaitSeconds));
    }

    [Fact]
    public void Midnight_in_quebec_sets_the_day_aside_and_the_next_day_counts_the_tickets_still_waiting_as_admitted()
    {
        var statistics = new WaitingRoomStatistics("room");
        var lateEvening = new DateTimeOffset(2027, 3, 15, 23, 59, 0, TimeSpan.FromHours(-4));
        statistics.Issued(1, lateEvening, 1);
        statistics.Issued(2, lateEvening, 1);
        statistics.Moved(frontier: 1, waiting: 1, lateEvening);

        statistics.Moved(frontier: 2, waiting: 0, lateEvening.AddMinutes(2));

        var finished = Assert.Single(statistics.Finished);
        Assert.Equal((new DateOnly(2027, 3, 15), 2L, 1L), (finished.Day, finished.Arrivals, finished.Admitted));
        var today = statistics.Current!;
        Assert.Equal((new DateOnly(2027, 3, 16), 0L, 1L, (DateTimeOffset?)null, (long?)120), (today.Day, today.Arrivals, today.Admitted, today.FirstTicketAt, today.MaxWaitSeconds));
    }

    [Fact]
    public void A_room_restarted_with_visitors_waiting_goes_on_from_its_saved_day_and_says_it_was_interrupted()
    {
        var before = new WaitingRoomStatistics("room");
        before.Issued(1, Opening, 60);
        before.Moved(frontier: 1, waiting: 0, Opening);

        var after = new WaitingRoomStatistics(before.Current!, interrupted: true);
        after.Issued(5, Opening.AddMinutes(1), 60);

        Assert.Equal((2L, 1L, true), (after.Current!.Arrivals, after.Current.Admitted, after.Current.Interrupted));
        Assert.Equal(before.Current!.Waits, new WaitHistogram(after.Current.Waits).Counts);
    }
}
