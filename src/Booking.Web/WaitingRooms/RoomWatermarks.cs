using System.Collections.Concurrent;
using Booking.Contracts;
using Booking.Domain.WaitingRooms;
using Booking.Grains;
using Booking.Grains.WaitingRooms;
using Microsoft.Extensions.Options;

namespace Booking.Web.WaitingRooms;

/// <summary>
/// Each room's watermark as this host last had it from the room's grain, so the polls of visitors still waiting are
/// answered here instead of by a call each to the one grain every host shares. A watermark older than
/// <see cref="WaitingRoomOptions.WatermarkRefreshMilliseconds"/> is refreshed by one call, which every poll arriving
/// meanwhile awaits rather than making its own. It never admits anyone: a ticket it cannot prove still waiting goes to
/// the room (see <see cref="AdmissionWatermark.Waiting"/>), which alone admits and counts the pass's uses.
/// While the room cannot be reached (no silo up), nobody is admitted, so the last watermark, stopped where the room was
/// last seen, keeps answering waiting visitors; only tickets it cannot prove still waiting, and newcomers, need the room.
/// </summary>
public sealed class RoomWatermarks(GrainReferences grains, IOptions<WaitingRoomOptions> options, TimeProvider clock, ILogger<RoomWatermarks> logger)
{
    private readonly ConcurrentDictionary<string, Room> _rooms = new(StringComparer.Ordinal);

    /// <summary>Where a ticket of <paramref name="room"/> stands if it is surely still waiting; null when only the room can
    /// say (it may be admitted, or it is of another epoch of the room).</summary>
    public async Task<TicketStanding?> WaitingAsync(string room, WaitingTicket ticket, int perMinute)
    {
        var taken = await _rooms.GetOrAdd(room, _ => new Room(room, logger)).LatestAsync(() => RefreshAsync(room, perMinute), clock, Refresh);
        var elapsed = (taken.UnreachableSince ?? clock.GetUtcNow()) - taken.At;
        return ticket.Epoch == taken.Watermark.Epoch ? taken.Watermark.Queue.Waiting(ticket.Number, elapsed, perMinute) : null;
    }

    /// <summary>A watermark and when it was asked for; <see cref="UnreachableSince"/> is set while the room cannot be
    /// reached, and the projection stops there.</summary>
    private readonly record struct Taken(RoomWatermark Watermark, DateTimeOffset At, DateTimeOffset? UnreachableSince = null);

    private TimeSpan Refresh => TimeSpan.FromMilliseconds(options.Value.WatermarkRefreshMilliseconds);

    /// <summary>Timed from before the call: the grain took its watermark later, so the elapsed time is never too short
    /// (a projection too far ahead only sends more tickets to the room).</summary>
    private async Task<Taken> RefreshAsync(string room, int perMinute)
    {
        var sentAt = clock.GetUtcNow();
        return new Taken(await grains.Get<IWaitingRoomGrain>(room).Watermark(perMinute), sentAt);
    }

    private sealed class Room(string name, ILogger logger)
    {
        private readonly Lock _lock = new();
        private Taken? _latest;
        private DateTimeOffset _askedAt;
        private Task<Taken>? _refreshing;

        public Task<Taken> LatestAsync(Func<Task<Taken>> refresh, TimeProvider clock, TimeSpan maxAge)
        {
            lock (_lock)
            {
                // A watermark asked for in the clock's future (a clock put back) is treated as stale, not as fresh for that long.
                var now = clock.GetUtcNow();
                if (_latest is { } latest && now - _askedAt is var age && age >= TimeSpan.Zero && age < maxAge)
                    return Task.FromResult(latest);
                if (_refreshing is not { IsCompleted: false })
                {
                    _askedAt = now;
                    _refreshing = KeepAsync(refresh(), now);
                }
                return _refreshing;
            }
        }

        private async Task<Taken> KeepAsync(Task<Taken> refreshing, DateTimeOffset askedAt)
        {
            try
            {
                var fresh = await refreshing;
                lock (_lock)
                    _latest = fresh;
                return fresh;
            }
            catch (Exception e)
            {
                Taken stopped;
                lock (_lock)
                {
                    if (_latest is not { } last)
                        throw;
                    if (last.UnreachableSince is null)
                        logger.LogWarning(e, "Waiting room {Room} unreachable; waiting visitors are answered from its last watermark", name);
                    stopped = last with { UnreachableSince = last.UnreachableSince ?? askedAt };
                    _latest = stopped;
                }
                return stopped;
            }
        }
    }
}
