using System.Diagnostics.Metrics;
using Booking.ServiceDefaults.Metrics;

namespace Booking.Silo.WaitingRooms;

/// <summary>Each waiting room's queue, reported by its grain whenever a visitor enters or asks where they stand: how
/// many wait (a gauge per room) and how many were let through (a counter, whose rate is the admission rate); and the calls
/// that reach the room, by method (web hosts answer waiting visitors' polls themselves, so these stay few).</summary>
public sealed class WaitingRoomMetrics
{
    private readonly Gauge<long> _waiting;
    private readonly Counter<long> _admitted;
    private readonly Counter<long> _calls;

    public WaitingRoomMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(PlatformMetrics.MeterName);
        _waiting = meter.CreateGauge<long>("booking.waiting_room.waiting", description: "Visitors waiting in the room, not yet admitted.");
        _admitted = meter.CreateCounter<long>("booking.waiting_room.admitted", description: "Visitors admitted from the room.");
        _calls = meter.CreateCounter<long>(CallsInstrument, description: "Calls reaching a waiting room's grain, by method.");
    }

    public const string CallsInstrument = "booking.waiting_room.calls";

    public void Called(string room, string method) =>
        _calls.Add(1, new KeyValuePair<string, object?>("room", room), new KeyValuePair<string, object?>("method", method));

    public void Observe(string room, long waiting, long newlyAdmitted)
    {
        var tag = new KeyValuePair<string, object?>("room", room);
        _waiting.Record(waiting, tag);
        if (newlyAdmitted > 0)
            _admitted.Add(newlyAdmitted, tag);
    }
}
