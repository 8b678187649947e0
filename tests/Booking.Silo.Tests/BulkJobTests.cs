using Booking.Data.Bulk;
using Booking.Domain.Bulk;
using Booking.Grains.Bulk;
using Booking.Grains.Inventory;
using Booking.Testing;

namespace Booking.Silo.Tests;

/// <summary>
/// Bulk jobs against a real cluster whose silos run them, and PostgreSQL: a closed morning moved to the next days
/// within capacity, each citizen told once; a job whose runner died resumes; a bulk move racing a stampede of
/// citizens on the same days never puts more people in a slot than it has seats, and loses no one.
/// </summary>
[Collection(BulkClusterCollection.Name)]
public sealed class BulkJobTests(BulkClusterFixture fixture)
{
    private const string Flu = "FLU";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly BookingScenario _citizens = new(fixture.Grains);
    private BulkJobRepository Jobs => new(fixture.Database.DataSource);

    [Fact]
    public async Task A_closed_morning_is_moved_to_the_next_days_within_capacity_and_each_citizen_is_told_once()
    {
        var day = QuebecDate.NextWeekday(2);
        var booked = await BookAsync(day, 9, slots: 4);

        var dryRun = await fixture.Grains.GetGrain<IBulkPlannerGrain>(0).DryRun(MoveRequest(day, 9, 10));
        var job = await StartMoveAsync(day, 9, 10);

        Assert.Equal((booked.Count, booked.Count), (dryRun.Touched, dryRun.Fits));
        Assert.All(dryRun.Targets, t => Assert.True(t.Date > day));
        var done = await FinishedAsync(job);
        Assert.Equal((booked.Count, booked.Count, 0), (done.Total, done.Moved, done.Unplaced));
        Assert.Equal(0, await LeftOnAsync(day, 9, 10));
        Assert.Equal(0, await OverCapacityAsync());
        Assert.Equal(booked.Count, await MovedMessagesAsync(booked, exactlyOnce: true));
    }

    [Fact]
    public async Task A_job_whose_runner_died_is_resumed_by_another_once_its_lease_runs_out()
    {
        var day = QuebecDate.NextWeekday(5);
        var booked = await BookAsync(day, 14, slots: 2);
        var job = Guid.CreateVersion7();
        await fixture.Database.ScalarAsync<int>("""
            with j as (
                insert into bulk_jobs (id, tenant_id, location_id, action, service_code, from_date, until_date, target_from, target_until,
                                       created_by, claimed_by, claimed_until, total)
                select @job, tenant_id, id, 'move', 'FLU', @day, @day, @day + 1, @day + 7, 'test', 'a-silo-that-died', now() + interval '2 seconds', @count
                from locations where id = @location returning id)
            insert into bulk_job_items (job_id, booking_id, booking_version)
            select j.id, b.id, b.version from j, bookings b where b.id = any(@ids) returning 1
            """, ("job", job), ("day", day), ("count", booked.Count), ("location", BookingScenario.Plateau), ("ids", booked.ToArray()));

        var done = await FinishedAsync(job);

        Assert.Equal(booked.Count, done.Moved);
        Assert.Equal(booked.Count, await MovedMessagesAsync(booked, exactlyOnce: true));
    }

    [Fact]
    public async Task A_bulk_move_racing_a_stampede_of_citizens_on_the_same_days_loses_no_one_and_never_overbooks()
    {
        var day = QuebecDate.NextWeekday(8);
        var booked = await BookAsync(day, 8, slots: 12);
        var targets = Enumerable.Range(1, 3).Select(n => QuebecDate.NextWeekday(8 + n)).ToList();

        var job = await StartMoveAsync(day, 8, 10, targets[0], targets[^1]);
        var stampede = Enumerable.Range(0, 120).Select(n =>
        {
            var target = targets[n % targets.Count];
            return _citizens.HoldAndConfirm(BookingScenario.Plateau, target, Flu, BookingScenario.At(target, 8 + n % 10, 10 * (n % 6)));
        });
        var citizens = await Task.WhenAll(stampede);
        var done = await FinishedAsync(job);

        Assert.Equal(booked.Count, done.Total);
        Assert.Equal(done.Total, done.Moved + done.Unplaced);
        Assert.Equal(booked.Count, await fixture.Database.ScalarAsync<long>(
            "select count(*) from bookings where id = any(@ids) and status = 'confirmed'", ("ids", booked.ToArray())));
        Assert.Equal(done.Unplaced, await LeftOnAsync(day, 8, 10));
        Assert.Equal(done.Moved, await MovedMessagesAsync(booked, exactlyOnce: true));
        Assert.Contains(citizens, c => c is ConfirmResult.Confirmed);
        Assert.Equal(0, await OverCapacityAsync());
    }

    /// <summary>Fills <paramref name="slots"/> 10-minute FLU slots at the Plateau from <paramref name="hour"/> (3 seats each).</summary>
    private async Task<List<Guid>> BookAsync(DateOnly day, int hour, int slots)
    {
        var confirmations = await Task.WhenAll(Enumerable.Range(0, slots * 3).Select(n =>
            _citizens.HoldAndConfirm(BookingScenario.Plateau, day, Flu, BookingScenario.At(day, hour).AddMinutes(10 * (n / 3)))));
        return confirmations.Select(c => Assert.IsType<ConfirmResult.Confirmed>(c).Booking.BookingId).ToList();
    }

    private static BulkRequest MoveRequest(DateOnly day, int fromHour, int untilHour, DateOnly? targetFrom = null, DateOnly? targetUntil = null) =>
        new(BookingScenario.Plateau, Flu, day, day, new TimeOnly(fromHour, 0), new TimeOnly(untilHour, 0), BulkActions.Move,
            targetFrom ?? day.AddDays(1), targetUntil ?? day.AddDays(7));

    private async Task<Guid> StartMoveAsync(DateOnly day, int fromHour, int untilHour, DateOnly? targetFrom = null, DateOnly? targetUntil = null)
    {
        var request = MoveRequest(day, fromHour, untilHour, targetFrom, targetUntil);
        var tenant = await fixture.Database.ScalarAsync<Guid>("select tenant_id from locations where id = @id", ("id", BookingScenario.Plateau));
        var job = new BulkJob(Guid.CreateVersion7(), tenant, BulkActions.Move,
            new BulkSelection(request.LocationId, request.ServiceCode, request.From, request.Until, request.FromTime, request.UntilTime),
            request.TargetFrom, request.TargetUntil);
        await Jobs.CreateAsync(job, "test", TestClock.Now);
        return job.Id;
    }

    private async Task<BulkJobProgress> FinishedAsync(Guid job)
    {
        BulkJobProgress? progress = null;
        await Poll.UntilAsync(async () => (progress = await Jobs.FindAsync(job)) is { IsDone: true }, Deadline, $"bulk job {job} to finish");
        return progress!;
    }

    private Task<long> LeftOnAsync(DateOnly day, int fromHour, int untilHour) =>
        fixture.Database.ScalarAsync<long>("""
            select count(*) from bookings where location_id = @location and status = 'confirmed' and slot_start >= @from and slot_start < @until
            """, ("location", BookingScenario.Plateau), ("from", BookingScenario.At(day, fromHour)), ("until", BookingScenario.At(day, untilHour)));

    /// <summary>Slots holding more live bookings than seats, anywhere.</summary>
    private Task<long> OverCapacityAsync() =>
        fixture.Database.ScalarAsync<long>("""
            select count(*) from (
                select 1 from bookings where status = 'confirmed'
                group by location_id, service_code, slot_start having count(*) > min(slot_capacity)) over
            """);

    /// <summary>How many of the bookings got the clinic's "moved" message; each got one at most when <paramref name="exactlyOnce"/>.</summary>
    private async Task<long> MovedMessagesAsync(IReadOnlyList<Guid> bookings, bool exactlyOnce)
    {
        var twice = await fixture.Database.ScalarAsync<long>("""
            select count(*) from (select booking_id from notifications where booking_id = any(@ids) and kind = 'BookingMovedByClinic'
                                  and fallback_of is null group by booking_id having count(*) > 1) x
            """, ("ids", bookings.ToArray()));
        if (exactlyOnce)
            Assert.Equal(0, twice);
        return await fixture.Database.ScalarAsync<long>(
            "select count(distinct booking_id) from notifications where booking_id = any(@ids) and kind = 'BookingMovedByClinic'",
            ("ids", bookings.ToArray()));
    }
}
