using System.Globalization;
using Booking.Data.Bookings;
using Booking.Data.Notifications;
using Booking.Data.Protection;
using Booking.DevInbox;
using Booking.Notifications.Extensions;
using Booking.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Booking.Notifications.Tests;

/// <summary>
/// A fresh database, the SendGrid/Twilio stub and the notification worker, each a real host listening on its own
/// loopback port: the worker calls the stub over HTTP with the real SDK and client, and the stub calls the
/// worker's webhooks back, signed, as the providers do.
/// </summary>
public class DeliveryFixture : IAsyncLifetime
{
    public const string TwilioSid = "ACtest";
    public const string TwilioToken = "test-auth-token";

    private readonly List<WebApplication> _workers = [];

    public PostgresDatabase Database { get; private set; } = null!;
    public string KeyFile { get; private set; } = "";
    public ShiftedClock Clock { get; } = new();
    public WebApplication Inbox { get; private set; } = null!;
    public string InboxUrl { get; private set; } = "";
    public string WorkerUrl { get; private set; } = "";
    public IServiceProvider Worker => _workers[0].Services;

    public InboxStore Stub => Inbox.Services.GetRequiredService<InboxStore>();
    public ProviderFaults Faults => Inbox.Services.GetRequiredService<ProviderFaults>();
    public TestBookings Bookings => new(Worker.GetRequiredService<BookingRepository>(), Worker.GetRequiredService<PersonalDataProtector>());

    /// <summary>Bookings written before any worker runs (the protector reads the same key file the workers use).</summary>
    public TestBookings BookingsFor(PostgresDatabase database) =>
        new(new BookingRepository(database.DataSource), new PersonalDataProtector(Booking.Data.Protection.KeyRing.Load(KeyFile)));
    public DeliveryStatusQuery Status => new(Database.DataSource);

    /// <summary>Settings tests may override (short retries and leases so that failures play out in seconds).</summary>
    protected virtual IDictionary<string, string?> WorkerSettings => new Dictionary<string, string?>
    {
        ["Notifications:Dispatch:RetryBaseDelay"] = "00:00:00.100",
        ["Notifications:Dispatch:RetryMaxDelay"] = "00:00:00.500",
        ["Notifications:Dispatch:MaxAttempts"] = "3",
        ["Notifications:Dispatch:Lease"] = "00:00:30",
        ["Notifications:Dispatch:IdlePoll"] = "00:00:00.050",
        ["Notifications:Dispatch:ReminderPoll"] = "00:00:00.100",
        ["Notifications:SendGrid:Timeout"] = "00:00:05",
        ["Notifications:Twilio:Timeout"] = "00:00:05",
    };

    /// <summary>The database and key file the worker uses: its own here; the booking platform's when the API writes.</summary>
    protected virtual async Task<(PostgresDatabase Database, string KeyFile)> PrepareAsync()
    {
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        return (database, TestKeyFile.Create());
    }

    protected virtual async Task ReleaseAsync()
    {
        await Database.DisposeAsync();
        File.Delete(KeyFile);
    }

    public async Task InitializeAsync()
    {
        (Database, KeyFile) = await PrepareAsync();
        var inboxPort = FreePort.Next();
        var workerPort = FreePort.Next();
        InboxUrl = $"http://127.0.0.1:{inboxPort}";
        WorkerUrl = $"http://127.0.0.1:{workerPort}";

        Inbox = DevInboxHost.Create([], builder =>
        {
            builder.WebHost.UseUrls(InboxUrl);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["DevInbox:SendGridEventWebhookUrl"] = $"{WorkerUrl}/webhooks/sendgrid/events",
                ["DevInbox:SendWebhooks"] = ProviderSendsReports.ToString(),
                ["DevInbox:TwilioAccountSid"] = TwilioSid,
                ["DevInbox:TwilioAuthToken"] = TwilioToken,
                ["DevInbox:TwilioInboundWebhookUrl"] = $"{WorkerUrl}/webhooks/twilio/inbound",
                ["ConnectionStrings:Booking"] = Database.ConnectionString,
                [TestClock.HostSetting.Key] = TestClock.HostSetting.Value,
            });
        });
        await Inbox.StartAsync();
        if (StartsWorker)
            await StartWorkerAsync(WorkerUrl);
    }

    protected virtual bool StartsWorker => true;

    /// <summary>Whether the stub reports deliveries back to the worker, as the providers do.</summary>
    protected virtual bool ProviderSendsReports => true;

    /// <summary>Another worker process's worth of dispatcher on the same database (several may run at once).</summary>
    public async Task<WebApplication> StartWorkerAsync(string? url = null, string? workerId = null, int? batchSize = null)
    {
        var worker = NotificationsHost.Create([], builder =>
        {
            builder.WebHost.UseUrls(url ?? $"http://127.0.0.1:{FreePort.Next()}");
            var settings = ProcessSettings(workerId ?? $"worker-{_workers.Count}");
            if (batchSize is not null)
                settings["Notifications:Dispatch:BatchSize"] = batchSize.Value.ToString(CultureInfo.InvariantCulture);
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Services.AddSingleton<TimeProvider>(Clock);
        });
        await worker.StartAsync();
        _workers.Add(worker);
        return worker;
    }

    /// <summary>The worker's whole configuration, also given to a worker run as a separate process.</summary>
    public Dictionary<string, string?> ProcessSettings(string workerId)
    {
        var settings = new Dictionary<string, string?>(WorkerSettings)
        {
            ["ConnectionStrings:Booking"] = Database.ConnectionString,
            ["Booking:DataProtection:KeyFile"] = KeyFile,
            ["Notifications:Dispatch:WorkerId"] = workerId,
            ["Notifications:SendGrid:ApiKey"] = "SG.test",
            ["Notifications:SendGrid:Host"] = InboxUrl,
            ["Notifications:SendGrid:FromAddress"] = "rendez-vous@sante.example",
            ["Notifications:SendGrid:WebhookPublicKey"] = Inbox.Services.GetRequiredService<WebhookSigner>().SendGridPublicKey,
            ["Notifications:Twilio:AccountSid"] = TwilioSid,
            ["Notifications:Twilio:AuthToken"] = TwilioToken,
            ["Notifications:Twilio:BaseUrl"] = InboxUrl,
            ["Notifications:Twilio:From"] = "+15145550000",
            ["Notifications:Twilio:PublicBaseUrl"] = WorkerUrl,
            [TestClock.HostSetting.Key] = TestClock.HostSetting.Value,
        };
        return settings;
    }

    public async Task<IReadOnlyList<MessageDelivery>> MessagesOf(Guid bookingId) => await Status.ForBookingAsync(bookingId);

    /// <summary>Waits until the booking's messages satisfy <paramref name="condition"/>; returns them.</summary>
    public async Task<IReadOnlyList<MessageDelivery>> WaitFor(Guid bookingId, Func<IReadOnlyList<MessageDelivery>, bool> condition, string what, int seconds = 20)
    {
        IReadOnlyList<MessageDelivery> messages = [];
        try
        {
            await Poll.UntilAsync(async () => condition(messages = await MessagesOf(bookingId)), TimeSpan.FromSeconds(seconds), what);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message} Messages: {string.Join("; ", messages)}", e);
        }
        return messages;
    }

    public IReadOnlyList<RecordedMessage> StubMessagesOf(Guid bookingId) =>
        Stub.All().Where(m => m.BookingId == bookingId.ToString()).ToList();

    /// <summary>No message of any earlier test still in flight, so faults set now only meet this test's messages.</summary>
    public Task Quiet() => Poll.UntilAsync(async () =>
        await Database.ScalarAsync<long>("select count(*) from notifications where status in ('queued', 'sending')") == 0,
        TimeSpan.FromSeconds(30), "earlier messages to settle");

    public async Task DisposeAsync()
    {
        foreach (var worker in _workers)
            await Teardown.WithinDeadlineAsync("a notification worker", async () => await worker.DisposeAsync());
        await Teardown.WithinDeadlineAsync("the dev inbox", async () => await Inbox.DisposeAsync());
        await ReleaseAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DeliveryCollection : ICollectionFixture<DeliveryFixture>
{
    public const string Name = "delivery";
}
