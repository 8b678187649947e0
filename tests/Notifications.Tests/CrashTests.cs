using Booking.Data.Notifications;
using Booking.Testing;

namespace Booking.Notifications.Tests;

/// <summary>The stub and a database, but no worker yet: each test starts the workers it needs.</summary>
public sealed class CrashFixture : DeliveryFixture
{
    protected override bool StartsWorker => false;

    /// <summary>No delivery report: a report that reached the doomed worker before it died would settle the message,
    /// and the lease running out is what these tests are about.</summary>
    protected override bool ProviderSendsReports => false;

    /// <summary>A short lease, so the dead worker's claim runs out within the test.</summary>
    protected override IDictionary<string, string?> WorkerSettings =>
        new Dictionary<string, string?>(base.WorkerSettings) { ["Notifications:Dispatch:Lease"] = "00:00:03" };
}

/// <summary>
/// A worker process that dies after the provider accepted a message and before it recorded the result: the
/// message's lease runs out, another worker sends it again with the same idempotency key, and the citizen sees it
/// once. The fault hook is a setting only this test turns on.
/// </summary>
public sealed class CrashTests(CrashFixture fixture) : IClassFixture<CrashFixture>
{
    [Fact]
    public async Task A_worker_killed_between_send_and_record_makes_no_duplicate()
    {
        var booking = await fixture.BookingsFor(fixture.Database).BookAsync(TestBookings.Citizen());
        var settings = fixture.ProcessSettings("doomed");
        settings["Notifications:Dispatch:CrashAfterProviderCall"] = "true";

        settings["ASPNETCORE_URLS"] = fixture.WorkerUrl;
        using (var doomed = new HostProcess("Notifications", settings))
        {
            doomed.Start();
            Assert.NotEqual(0, await doomed.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        }
        // The provider has it (a slow first call may have timed out and been retried before), our record does not.
        var requestsAtCrash = fixture.Stub.Requests;
        Assert.Single(fixture.StubMessagesOf(booking.Id));
        var inFlight = Assert.Single(await fixture.MessagesOf(booking.Id));
        Assert.Equal(("sending", (DateTimeOffset?)null), (inFlight.Status, inFlight.SentAt));

        await fixture.StartWorkerAsync(fixture.WorkerUrl, "survivor");
        var messages = await fixture.WaitFor(booking.Id, m => m.Any(x => x.SentAt is not null && x.Status != "sending"), "the message to be settled by the survivor");

        var message = Assert.Single(messages);
        Assert.Equal(inFlight.Attempts + 1, message.Attempts);
        Assert.Equal(requestsAtCrash + 1, fixture.Stub.Requests);
        Assert.Single(fixture.StubMessagesOf(booking.Id));
    }
}
