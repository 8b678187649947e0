using Booking.Domain.WaitingRooms;
using FsCheck;
using FsCheck.Xunit;

namespace Booking.Domain.Tests;

/// <summary>A queue lost between two saves and resumed from the last one, as a waiting room's grain does after its silo
/// is lost: it saves its mark at most once a second, when someone's place changed.</summary>
public class AdmissionQueueRestartProperties
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    [Property(MaxTest = 500)]
    public bool A_resumed_queue_admits_at_least_as_far_as_the_lost_one_had(PositiveInt rate, NonEmptyArray<(byte Arrivals, ushort Milliseconds)> steps, byte downtimeTenths)
    {
        // Spread over 1 to 6 000 a minute and steps of 0 to 1.9 s even from the small values generated first.
        var perMinute = 1 + rate.Get * 97 % 6000;
        var lost = new AdmissionQueue(T0);
        var now = T0;
        QueueMark? saved = null;
        foreach (var (arrivals, milliseconds) in steps.Get)
        {
            for (var i = 0; i < arrivals % 64; i++)
                lost.Issue(now, perMinute);
            lost.Watermark(now, perMinute);
            var next = now.AddMilliseconds(milliseconds % 20 * 100);
            // The grain's save timer: on each whole second, when a place changed since the last save.
            if (next.ToUnixTimeSeconds() > now.ToUnixTimeSeconds() && (saved is not { } last || !lost.Mark.SamePlaces(last)))
                saved = lost.Mark;
            now = next;
        }

        // A room that never saved starts afresh, with a new epoch: its tickets are not resumed.
        if (saved is not { } mark)
            return true;
        var restartedAt = now.AddSeconds(downtimeTenths % 50 / 10.0);
        // Numbering resumes past every ticket handed out since the save (the grain estimates that from the last saves);
        // with saves on whole seconds and steps under 2 s, a mark is at most 3 s older than the lost queue's last move.
        var resumed = AdmissionQueue.Resume(mark, lost.Mark.NextTicket - mark.NextTicket, TimeSpan.FromSeconds(3), restartedAt);

        return resumed.Watermark(restartedAt, perMinute).Frontier >= lost.Mark.Frontier;
    }
}
