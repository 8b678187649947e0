using System.Diagnostics.Metrics;
using Booking.ServiceDefaults.Metrics;

namespace Booking.Silo.WaitingRooms;

/// <summary>Each waiting room's queue, reported by its grain whenever a visitor enters or asks where they stand: how
/// many wait (a gauge per room) and how many were let through (a counter, whose rate is the admission rate).</summary>
public sealed class WaitingRoomMetrics
{
    private readonly Gauge<long> _waiting;
    private readonly Counter<long> _admitted;

    public WaitingRoomMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(PlatformMetrics.MeterName);
        _waiting = meter.CreateGauge<long>("booking.waiting_room.waiting", description: "Visitors waiting in the room, not yet admitted.");
        _admitted = meter.CreateCounter<long>("booking.waiting_room.admitted", description: "Visitors admitted from the room.");
    }

    public void Observe(string room, long waiting, long newlyAdmitted)
    {
        var tag = new KeyValuePair<string, object?>("room", room);
        _waiting.Record(waiting, tag);
        if (newlyAdmitted > 0)
            _admitted.Add(newlyAdmitted, tag);
    }
}
