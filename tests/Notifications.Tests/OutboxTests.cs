using Booking.Data.Bookings;
using Booking.Data.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Notifications.Tests;

/// <summary>The booking path writes its messages and reminders in the same statement as the change: a change that
/// does not commit leaves no message, a change that commits always has one.</summary>
[Collection(DeliveryCollection.Name)]
public sealed class OutboxTests(DeliveryFixture fixture)
{
    private Task<long> Count(string sql, Guid bookingId) => fixture.Database.ScalarAsync<long>(sql, ("booking", bookingId));

    private Task<long> Messages(Guid bookingId, string kind) =>
        fixture.Database.ScalarAsync<long>("select count(*) from notifications where booking_id = @booking and kind = @kind", ("booking", bookingId), ("kind", kind));

    private Task<long> PendingReminders(Guid bookingId) =>
        Count("select count(*) from reminders where booking_id = @booking and status = 'pending'", bookingId);

    [Fact]
    public async Task A_confirmed_booking_commits_with_its_confirmation_message_and_the_services_reminders()
    {
        var booking = await fixture.Bookings.BookAsync(TestBookings.Citizen());

        Assert.Equal(1, await Messages(booking.Id, "BookingConfirmed"));
        Assert.Equal(2, await PendingReminders(booking.Id));
        var dueTimes = await fixture.Database.ScalarAsync<DateTime[]>(
            "select array_agg(due_at order by due_at) from reminders where booking_id = @booking", ("booking", booking.Id));
        Assert.Equal([booking.SlotStart.UtcDateTime.AddHours(-24), booking.SlotStart.UtcDateTime.AddHours(-2)], dueTimes);
    }

    [Fact]
    public async Task A_refused_confirmation_writes_no_message()
    {
        var booking = await fixture.Bookings.BookAsync(TestBookings.Citizen());
        var repository = fixture.Worker.GetRequiredService<BookingRepository>();

        // Same seat of the same slot: the database guard refuses the whole row, and with it its outbox row.
        var twin = booking with { Id = Guid.CreateVersion7(), ConfirmationCode = "X" + booking.ConfirmationCode[1..], HoldId = "hold-" + Guid.NewGuid().ToString("N") };
        Assert.IsType<InsertOutcome.SeatTaken>((await repository.InsertAsync([twin])).Single());

        Assert.Equal(0, await Count("select count(*) from notifications where booking_id = @booking", twin.Id));
        Assert.Equal(0, await Count("select count(*) from reminders where booking_id = @booking", twin.Id));
    }

    [Fact]
    public async Task A_move_that_does_not_commit_leaves_no_message_and_the_old_reminders()
    {
        var booking = await fixture.Bookings.BookAsync(TestBookings.Citizen());
        var occupied = await fixture.Bookings.BookAsync(TestBookings.Citizen());

        Assert.Equal(MoveOutcome.SeatTaken, await fixture.Bookings.MoveAsync(booking, 1, occupied.SlotStart));
        Assert.Equal(MoveOutcome.BookingChanged, await fixture.Bookings.MoveAsync(booking, version: 7, TestBookings.NextSlotStart()));

        Assert.Equal(0, await Messages(booking.Id, "BookingRescheduled"));
        Assert.Equal(2, await PendingReminders(booking.Id));
    }

    [Fact]
    public async Task A_move_queues_its_message_with_the_previous_time_and_replaces_the_reminders()
    {
        var booking = await fixture.Bookings.BookAsync(TestBookings.Citizen());
        var newStart = TestBookings.NextSlotStart(daysAhead: 8);

        Assert.Equal(MoveOutcome.Moved, await fixture.Bookings.MoveAsync(booking, 1, newStart, by: ChangedBy.Clinic));

        Assert.Equal(1, await Messages(booking.Id, "BookingMovedByClinic"));
        var previous = await fixture.Database.ScalarAsync<DateTime>(
            "select previous_slot_start from notifications where booking_id = @booking and kind = 'BookingMovedByClinic'", ("booking", booking.Id));
        Assert.Equal(booking.SlotStart.UtcDateTime, previous);
        Assert.Equal(2, await Count("select count(*) from reminders where booking_id = @booking and status = 'cancelled'", booking.Id));
        Assert.Equal(newStart.UtcDateTime.AddHours(-2), await fixture.Database.ScalarAsync<DateTime>(
            "select max(due_at) from reminders where booking_id = @booking and status = 'pending'", ("booking", booking.Id)));
    }

    [Theory]
    [InlineData(ChangedBy.Citizen, "BookingCancelledByCitizen")]
    [InlineData(ChangedBy.Clinic, "BookingCancelledByClinic")]
    public async Task A_cancellation_queues_its_message_and_cancels_the_reminders(ChangedBy by, string kind)
    {
        var booking = await fixture.Bookings.BookAsync(TestBookings.Citizen());
        var repository = fixture.Worker.GetRequiredService<BookingRepository>();

        Assert.False(await repository.CancelAsync(booking.Id, expectedVersion: 5, by));
        Assert.Equal(0, await Messages(booking.Id, kind));

        Assert.True(await repository.CancelAsync(booking.Id, expectedVersion: 1, by));
        Assert.Equal(1, await Messages(booking.Id, kind));
        Assert.Equal(0, await PendingReminders(booking.Id));
    }

    [Fact]
    public async Task A_bulk_offer_reaches_live_bookings_only_and_is_billed_as_bulk()
    {
        var live = await fixture.Bookings.BookAsync(TestBookings.Citizen());
        var cancelled = await fixture.Bookings.BookAsync(TestBookings.Citizen());
        await fixture.Worker.GetRequiredService<BookingRepository>().CancelAsync(cancelled.Id, 1);

        var queued = await fixture.Worker.GetRequiredService<NotificationOutbox>().EnqueueBulkOfferAsync([live.Id, cancelled.Id]);

        Assert.Equal(1, queued);
        Assert.Equal("bulk", await fixture.Database.ScalarAsync<string>(
            "select category from notifications where booking_id = @booking and kind = 'BulkOffer'", ("booking", live.Id)));
        Assert.Equal(0, await Messages(cancelled.Id, "BulkOffer"));
    }
}
