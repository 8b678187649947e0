using System.Collections.Concurrent;
using Booking.Contracts;
using Booking.Domain.WaitingRooms;
using Booking.Grains.WaitingRooms;
using Microsoft.Extensions.Options;

namespace Booking.Web.WaitingRooms;

/// <summary>
/// Each room's watermark as this host last had it from the room's grain, so the polls of visitors still waiting are
/// answered here instead of by a call each to the one grain every host shares. A watermark older than
/// <see cref="WaitingRoomOptions.WatermarkRefreshMilliseconds"/> is refreshed by one call, which every poll arriving
/// meanwhile awaits rather than making its own. It never admits anyone: a ticket it cannot prove still waiting goes to
/// the room (see <see cref="AdmissionWatermark.Waiting"/>), which alone admits and counts the pass's uses.
/// </summary>
public sealed class RoomWatermarks(IClusterClient cluster, IOptions<WaitingRoomOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Room> _rooms = new(StringComparer.Ordinal);

    /// <summary>Where a ticket of <paramref name="room"/> stands if it is surely still waiting; null when only the room can
    /// say (it may be admitted, or it is of another epoch of the room).</summary>
    public async Task<TicketStanding?> WaitingAsync(string room, WaitingTicket ticket, int perMinute)
    {
        var (watermark, takenAt) = await _rooms.GetOrAdd(room, _ => new Room()).LatestAsync(() => RefreshAsync(room, perMinute), clock, Refresh);
        return ticket.Epoch == watermark.Epoch ? watermark.Queue.Waiting(ticket.Number, clock.GetUtcNow() - takenAt, perMinute) : null;
    }

    private readonly record struct Taken(RoomWatermark Watermark, DateTimeOffset At);

    private TimeSpan Refresh => TimeSpan.FromMilliseconds(options.Value.WatermarkRefreshMilliseconds);

    /// <summary>Timed from before the call: the grain took its watermark later, so the elapsed time is never too short
    /// (a projection too far ahead only sends more tickets to the room).</summary>
    private async Task<Taken> RefreshAsync(string room, int perMinute)
    {
        var sentAt = clock.GetUtcNow();
        return new Taken(await cluster.GetGrain<IWaitingRoomGrain>(room).Watermark(perMinute), sentAt);
    }

    private sealed class Room
    {
        private readonly Lock _lock = new();
        private Taken? _latest;
        private Task<Taken>? _refreshing;

        public Task<Taken> LatestAsync(Func<Task<Taken>> refresh, TimeProvider clock, TimeSpan maxAge)
        {
            lock (_lock)
            {
                // A watermark from the clock's future (a clock put back) is treated as stale, not as fresh for that long.
                if (_latest is { } latest && clock.GetUtcNow() - latest.At is var age && age >= TimeSpan.Zero && age < maxAge)
                    return Task.FromResult(latest);
                if (_refreshing is not { IsCompleted: false })
                    _refreshing = KeepAsync(refresh());
                return _refreshing;
            }
        }

        private async Task<Taken> KeepAsync(Task<Taken> refreshing)
        {
            var fresh = await refreshing;
            lock (_lock)
                _latest = fresh;
            return fresh;
        }
    }
}
