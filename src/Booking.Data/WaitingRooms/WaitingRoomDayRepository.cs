using Booking.Domain.WaitingRooms;
using Dapper;
using Npgsql;

namespace Booking.Data.WaitingRooms;

/// <summary>Each waiting room's figures per day (<see cref="WaitingRoomFigures"/>), which its grain saves as its queue
/// moves and the ministry's <c>waiting-room</c> dataset reads.</summary>
public sealed class WaitingRoomDayRepository(NpgsqlDataSource dataSource)
{
    /// <summary>Writes the day's figures over what was saved of it before (they only grow).</summary>
    public async Task SaveAsync(WaitingRoomFigures figures, CancellationToken cancellationToken = default)
    {
        const string sql = """
            insert into waiting_room_days (room, day, first_ticket_at, admissions_per_minute, arrivals, admitted, passes_collected,
                                           peak_waiting, waits, median_wait_seconds, p90_wait_seconds, max_wait_seconds, interrupted)
            values (@Room, @Day, @FirstTicketAt, @AdmissionsPerMinute, @Arrivals, @Admitted, @PassesCollected,
                    @PeakWaiting, @Waits, @MedianWaitSeconds, @P90WaitSeconds, @MaxWaitSeconds, @Interrupted)
            on conflict (room, day) do update set
                first_ticket_at = excluded.first_ticket_at, admissions_per_minute = excluded.admissions_per_minute,
                arrivals = excluded.arrivals, admitted = excluded.admitted, passes_collected = excluded.passes_collected,
                peak_waiting = excluded.peak_waiting, waits = excluded.waits, median_wait_seconds = excluded.median_wait_seconds,
                p90_wait_seconds = excluded.p90_wait_seconds, max_wait_seconds = excluded.max_wait_seconds,
                interrupted = excluded.interrupted, updated_at = now()
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            figures.Room, Day = figures.Day.ToDateTime(TimeOnly.MinValue), FirstTicketAt = figures.FirstTicketAt?.ToUniversalTime(),
            figures.AdmissionsPerMinute, figures.Arrivals, figures.Admitted, figures.PassesCollected, figures.PeakWaiting, figures.Waits,
            figures.MedianWaitSeconds, figures.P90WaitSeconds, figures.MaxWaitSeconds, figures.Interrupted,
        }, cancellationToken: cancellationToken));
    }

    /// <summary>What was saved of a room's day, to go on counting after a restart.</summary>
    public async Task<WaitingRoomFigures?> FindAsync(string room, DateOnly day, CancellationToken cancellationToken = default)
    {
        const string sql = """
            select room, day, first_ticket_at, admissions_per_minute, arrivals, admitted, passes_collected, peak_waiting, waits,
                   max_wait_seconds, interrupted
            from waiting_room_days where room = @room and day = @day
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<SavedDay>(new CommandDefinition(sql,
            new { room, day = day.ToDateTime(TimeOnly.MinValue) }, cancellationToken: cancellationToken));
        return row is null ? null
            : new WaitingRoomFigures(row.Room, row.Day, row.FirstTicketAt, row.AdmissionsPerMinute, row.Arrivals, row.Admitted, row.PassesCollected,
                row.PeakWaiting, row.Waits, row.MaxWaitSeconds, row.Interrupted);
    }

    private sealed class SavedDay
    {
        public string Room { get; init; } = "";
        public DateOnly Day { get; init; }
        public DateTimeOffset? FirstTicketAt { get; init; }
        public int AdmissionsPerMinute { get; init; }
        public long Arrivals { get; init; }
        public long Admitted { get; init; }
        public long PassesCollected { get; init; }
        public long PeakWaiting { get; init; }
        public long[] Waits { get; init; } = [];
        public long? MaxWaitSeconds { get; init; }
        public bool Interrupted { get; init; }
    }
}
