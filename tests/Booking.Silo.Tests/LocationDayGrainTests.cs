using Booking.Data.Bookings;
using Booking.Grains.Inventory;
using Booking.Testing;

namespace Booking.Silo.Tests;

[Collection(ClusterCollection.Name)]
public class LocationDayGrainTests(ClusterFixture fixture)
{
    private readonly BookingScenario _citizens = new(fixture.Grains);

    [Fact]
    public async Task Concurrent_holds_on_one_slot_grant_exactly_its_capacity()
    {
        var date = QuebecDate.NextWeekday(2);
        var start = BookingScenario.At(date, 10);

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => _citizens.Hold(BookingScenario.Stade, date, "COVID19", start)));

        Assert.Equal(20, results.Count(r => r is HoldResult.Held));
        Assert.Equal(180, results.Count(r => r is HoldResult.Full));
    }

    [Fact]
    public async Task Concurrent_confirmations_on_a_three_seat_slot_commit_exactly_three_bookings()
    {
        var date = QuebecDate.NextWeekday(2);
        var start = BookingScenario.At(date, 9);

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => _citizens.HoldAndConfirm(BookingScenario.Plateau, date, "FLU", start)));

        Assert.Equal(3, results.Count(r => r is ConfirmResult.Confirmed));
        var seats = await fixture.Database.ScalarAsync<long[]>(
            "select array_agg(seat order by seat)::bigint[] from bookings where location_id = @l and service_code = 'FLU' and slot_start = @s and status = 'confirmed'",
            ("l", BookingScenario.Plateau), ("s", start));
        Assert.Equal([0L, 1L, 2L], seats);
    }

    [Fact]
    public async Task Holding_the_same_slot_with_the_same_idempotency_key_returns_the_first_hold()
    {
        var date = QuebecDate.NextWeekday(2);
        var start = BookingScenario.At(date, 9, 10);

        var first = await _citizens.Hold(BookingScenario.Plateau, date, "FLU", start, "key-1");
        var retry = await _citizens.Hold(BookingScenario.Plateau, date, "FLU", start, "key-1");
        var otherRequestSameKey = await _citizens.Hold(BookingScenario.Plateau, date, "FLU", start.AddMinutes(10), "key-1");

        Assert.Equal(first, retry);
        Assert.IsType<HoldResult.KeyReused>(otherRequestSameKey);
        Assert.Equal(2, await RemainingAsync(BookingScenario.Plateau, date, "FLU", start));
    }

    [Fact]
    public async Task An_expired_hold_gives_its_seat_back_and_cannot_be_confirmed()
    {
        var date = QuebecDate.NextWeekday(2);
        var start = BookingScenario.At(date, 9, 20);
        var holds = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _citizens.Hold(BookingScenario.Plateau, date, "FLU", start)));
        Assert.All(holds, h => Assert.IsType<HoldResult.Held>(h));
        Assert.IsType<HoldResult.Full>(await _citizens.Hold(BookingScenario.Plateau, date, "FLU", start));

        using (fixture.SilosAhead(ClusterFixture.HoldDuration))
        {
            Assert.Equal(3, await RemainingAsync(BookingScenario.Plateau, date, "FLU", start));
            var late = await _citizens.Confirm(BookingScenario.Plateau, date, ((HoldResult.Held)holds[0]).HoldId);
            Assert.IsType<ConfirmResult.HoldExpired>(late);
        }
    }

    [Fact]
    public async Task Cancelling_a_booking_reopens_its_seat()
    {
        var date = QuebecDate.NextWeekday(3);
        var start = BookingScenario.At(date, 8);
        var first = (ConfirmResult.Confirmed)await _citizens.HoldAndConfirm(BookingScenario.HauteVille, date, "BLOOD", start);
        await _citizens.HoldAndConfirm(BookingScenario.HauteVille, date, "BLOOD", start);
        Assert.IsType<HoldResult.Full>(await _citizens.Hold(BookingScenario.HauteVille, date, "BLOOD", start));

        var cancelled = await _citizens.Day(BookingScenario.HauteVille, date).Cancel(new CancelRequest(first.Booking.BookingId, 1));
        var cancelledAgain = await _citizens.Day(BookingScenario.HauteVille, date).Cancel(new CancelRequest(first.Booking.BookingId, 1));

        Assert.Equal(ChangeResult.Done, cancelled);
        Assert.Equal(ChangeResult.BookingChanged, cancelledAgain);
        Assert.IsType<HoldResult.Held>(await _citizens.Hold(BookingScenario.HauteVille, date, "BLOOD", start));
    }

    [Fact]
    public async Task A_retried_confirmation_returns_the_same_booking_and_writes_one_row()
    {
        var date = QuebecDate.NextWeekday(3);
        var start = BookingScenario.At(date, 9);
        var held = (HoldResult.Held)await _citizens.Hold(BookingScenario.Plateau, date, "FLU", start);

        var request = BookingScenario.Request(held.HoldId, "confirm-key");

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _citizens.Day(BookingScenario.Plateau, date).Confirm(request)));

        var codes = results.Cast<ConfirmResult.Confirmed>().Select(r => r.Booking.ConfirmationCode).Distinct().ToList();
        Assert.Single(codes);
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>("select count(*) from bookings where hold_digest = sha256(convert_to(@h, 'UTF8'))", ("h", held.HoldId)));
        Assert.Equal(1L, await fixture.Database.ScalarAsync<long>(
            "select count(*) from personal_data_access_log where record_id = (select id from bookings where hold_digest = sha256(convert_to(@h, 'UTF8'))) and access = 'create' and table_name = 'bookings'",
            ("h", held.HoldId)));
    }

    [Fact]
    public async Task A_confirmed_hold_presented_again_by_anyone_else_is_answered_as_unknown_even_after_a_new_activation()
    {
        var date = QuebecDate.NextWeekday(3);
        var held = (HoldResult.Held)await _citizens.Hold(BookingScenario.Plateau, date, "FLU", BookingScenario.At(date, 9, 20));
        var original = BookingScenario.Request(held.HoldId, "first-key");
        var day = _citizens.Day(BookingScenario.Plateau, date);
        Assert.IsType<ConfirmResult.Confirmed>(await day.Confirm(original));

        var otherCitizen = await day.Confirm(BookingScenario.Request(held.HoldId, "first-key"));
        var otherKey = await day.Confirm(original with { IdempotencyKey = "another-key" });
        var noKey = await day.Confirm(original with { IdempotencyKey = null });
        var retry = await day.Confirm(original);
        // What a later activation of the clinic-day reads back from the database.
        var stored = new BookingRepository(fixture.Database.DataSource);
        var storedForOther = await stored.FindRetriedAsync(held.HoldId, "first-key", Guid.NewGuid().ToByteArray());
        var storedForRetry = await stored.FindRetriedAsync(held.HoldId, "first-key", original.RequestDigest);

        Assert.All([otherCitizen, otherKey, noKey], r => Assert.IsType<ConfirmResult.UnknownHold>(r));
        Assert.IsType<ConfirmResult.Confirmed>(retry);
        Assert.Null(storedForOther);
        Assert.NotNull(storedForRetry);
    }

    [Fact]
    public async Task Moving_a_booking_to_another_day_commits_the_new_seat_and_releases_the_old_one()
    {
        var from = QuebecDate.NextWeekday(4);
        var to = QuebecDate.NextWeekday(5);
        var oldStart = BookingScenario.At(from, 8, 15);
        var newStart = BookingScenario.At(to, 8, 15);
        var booking = ((ConfirmResult.Confirmed)await _citizens.HoldAndConfirm(BookingScenario.HauteVille, from, "BLOOD", oldStart)).Booking;
        await _citizens.HoldAndConfirm(BookingScenario.HauteVille, from, "BLOOD", oldStart);
        var held = (HoldResult.Held)await _citizens.Hold(BookingScenario.HauteVille, to, "BLOOD", newStart);

        var moved = await _citizens.Day(BookingScenario.HauteVille, to).MoveHere(
            new MoveRequest(booking.BookingId, 1, "BLOOD", held.HoldId, new LocationDayKey(BookingScenario.HauteVille, from)));

        Assert.Equal(ChangeResult.Done, moved);
        Assert.Equal(newStart, await fixture.Database.ScalarAsync<DateTime>("select slot_start from bookings where id = @id", ("id", booking.BookingId)));
        Assert.Equal(1, await RemainingAsync(BookingScenario.HauteVille, from, "BLOOD", oldStart));
        Assert.Equal(1, await RemainingAsync(BookingScenario.HauteVille, to, "BLOOD", newStart));
    }

    [Fact]
    public async Task A_move_based_on_a_stale_read_changes_nothing()
    {
        var date = QuebecDate.NextWeekday(6);
        var booking = ((ConfirmResult.Confirmed)await _citizens.HoldAndConfirm(BookingScenario.Plateau, date, "FLU", BookingScenario.At(date, 10))).Booking;
        await _citizens.Day(BookingScenario.Plateau, date).Cancel(new CancelRequest(booking.BookingId, 1));
        var held = (HoldResult.Held)await _citizens.Hold(BookingScenario.Plateau, date, "FLU", BookingScenario.At(date, 11));

        var moved = await _citizens.Day(BookingScenario.Plateau, date).MoveHere(
            new MoveRequest(booking.BookingId, 1, "FLU", held.HoldId, new LocationDayKey(BookingScenario.Plateau, date)));

        Assert.Equal(ChangeResult.BookingChanged, moved);
        Assert.Equal("cancelled", await fixture.Database.ScalarAsync<string>("select status from bookings where id = @id", ("id", booking.BookingId)));
        Assert.Equal(3, await RemainingAsync(BookingScenario.Plateau, date, "FLU", BookingScenario.At(date, 11)));
    }

    [Fact]
    public async Task A_new_activation_builds_its_inventory_from_the_database()
    {
        var date = QuebecDate.NextWeekday(7);
        var start = BookingScenario.At(date, 9, 30);
        // Two bookings committed by someone else (an earlier activation, before a silo died).
        await DatabaseGuardTests.InsertDirectly(fixture.Database, BookingScenario.HauteVille, "BLOOD", start, seat: 0);
        await DatabaseGuardTests.InsertDirectly(fixture.Database, BookingScenario.HauteVille, "BLOOD", start, seat: 1);

        var hold = await _citizens.Hold(BookingScenario.HauteVille, date, "BLOOD", start);

        Assert.IsType<HoldResult.Full>(hold);
        Assert.Equal(2, await RemainingAsync(BookingScenario.HauteVille, date, "BLOOD", start.AddMinutes(15)));
    }

    [Fact]
    public async Task A_confirmation_the_database_refuses_as_too_soon_leaves_the_hold_to_its_citizen()
    {
        // Flu's interval is between two flu bookings, which the write checks: the web host leaves it to the write.
        var first = QuebecDate.NextWeekday(4);
        var second = QuebecDate.NextWeekday(5);
        var start = BookingScenario.At(second, 13, 30);
        var citizen = BookingScenario.Citizen();
        var booked = (HoldResult.Held)await _citizens.Hold(BookingScenario.Plateau, first, "FLU", BookingScenario.At(first, 13, 30));
        Assert.IsType<ConfirmResult.Confirmed>(await _citizens.Day(BookingScenario.Plateau, first).Confirm(BookingScenario.Request(booked.HoldId) with { Citizen = citizen }));
        var held = (HoldResult.Held)await _citizens.Hold(BookingScenario.Plateau, second, "FLU", start);
        var remaining = await RemainingAsync(BookingScenario.Plateau, second, "FLU", start);

        var refused = await _citizens.Day(BookingScenario.Plateau, second).Confirm(BookingScenario.Request(held.HoldId) with { Citizen = citizen });

        Assert.IsType<ConfirmResult.TooSoon>(refused);
        Assert.Equal(remaining, await RemainingAsync(BookingScenario.Plateau, second, "FLU", start));
        Assert.IsType<ConfirmResult.Confirmed>(await _citizens.Confirm(BookingScenario.Plateau, second, held.HoldId));
    }

    private async Task<int> RemainingAsync(Guid location, DateOnly date, string service, DateTimeOffset start)
    {
        var availability = await _citizens.Day(location, date).Availability(service);
        return availability.Slots.FirstOrDefault(s => s.Start == start).Remaining;
    }
}
