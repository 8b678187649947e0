using Booking.Data.Notifications;

using Booking.Testing;

namespace Booking.Notifications.Tests;

/// <summary>Several workers drain one outbox at once: each message is claimed and sent exactly once.</summary>
[Collection(DeliveryCollection.Name)]
public sealed class ConcurrencyTests(DeliveryFixture fixture) : IAsyncLifetime
{
    private const int Messages = 1500;

    public Task InitializeAsync() => fixture.Quiet();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Three_workers_draining_one_outbox_send_each_message_once()
    {
        // Small batches for the newcomers, so that the first worker (200 per claim) cannot take everything alone.
        await fixture.StartWorkerAsync(workerId: "second", batchSize: 20);
        await fixture.StartWorkerAsync(workerId: "third", batchSize: 20);
        var requestsBefore = fixture.Stub.Requests;

        var bookings = await fixture.Bookings.BookManyAsync(Messages, i => TestBookings.Citizen(email: i % 2 == 0));
        var ids = bookings.Select(b => b.Id).ToArray();
        await Poll.UntilAsync(async () => await fixture.Database.ScalarAsync<long>(
                "select count(*) from notifications where booking_id = any(@ids) and sent_at is not null", ("ids", ids)) == Messages,
            TimeSpan.FromSeconds(60), "every confirmation sent");

        // Each message shows once; no key reached the provider more often than it was claimed (a send that timed out
        // under load is legitimately tried again by a later claim, with the same key).
        Assert.Equal(Messages, ids.Sum(id => fixture.StubMessagesOf(id).Count));
        var attempts = await fixture.Database.ScalarAsync<int[]>(
            "select array_agg(attempts order by id) from notifications where booking_id = any(@ids)", ("ids", ids));
        var keys = await fixture.Database.ScalarAsync<Guid[]>(
            "select array_agg(id order by id) from notifications where booking_id = any(@ids)", ("ids", ids));
        Assert.All(keys.Zip(attempts), m => Assert.InRange(fixture.Stub.RequestsFor(m.First.ToString()), 1, m.Second));
        Assert.True(fixture.Stub.Requests - requestsBefore <= await fixture.Database.ScalarAsync<long>("""
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
