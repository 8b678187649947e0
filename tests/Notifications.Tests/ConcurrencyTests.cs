using Booking.Data.Notifications;

using Booking.Testing;

namespace Booking.Notifications.Tests;

/// <summary>Several workers drain one outbox at once: each message is claimed and sent exactly once.</summary>
[Collection(DeliveryCollection.Name)]
public sealed class ConcurrencyTests(DeliveryFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Quiet();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Three_workers_never_send_the_same_message_twice()
    {
        await fixture.StartWorkerAsync(workerId: "second");
        await fixture.StartWorkerAsync(workerId: "third");
        var requestsBefore = fixture.Stub.Requests;

        var bookings = await fixture.Bookings.BookManyAsync(300, i => TestBookings.Citizen(email: i % 2 == 0));
        var ids = bookings.Select(b => b.Id).ToArray();
        await Poll.UntilAsync(async () => await fixture.Database.ScalarAsync<long>(
                "select count(*) from notifications where booking_id = any(@ids) and sent_at is not null", ("ids", ids)) == 300,
            TimeSpan.FromSeconds(60), "all 300 confirmations sent");

        Assert.Equal(300, fixture.Stub.Requests - requestsBefore);
        Assert.Equal(300, ids.Sum(id => fixture.StubMessagesOf(id).Count));
        Assert.Equal(300, await fixture.Database.ScalarAsync<long>("""
            select count(*) from notification_events e join notifications n on n.id = e.notification_id
            where n.booking_id = any(@ids) and e.event = 'attempt'
            """, ("ids", ids)));
        var workers = await fixture.Database.ScalarAsync<long>("""
            select count(distinct split_part(e.detail, ' ', 1)) from notification_events e join notifications n on n.id = e.notification_id
            where n.booking_id = any(@ids) and e.event = 'attempt'
            """, ("ids", ids));
        Assert.True(workers >= 2, $"only {workers} worker(s) took part");
    }
}
