using Booking.Data.Protection;
using Booking.Testing;
using Booking.Web.FunctionalTests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Booking.Notifications.Tests;

/// <summary>The whole path: the booking platform of the functional tests (real silo, web host over HTTP) writes the
/// outbox, the worker and the dev inbox run on its database with its key file.</summary>
public sealed class ApiDeliveryFixture : DeliveryFixture
{
    public PlatformFixture Platform { get; } = new LoopbackPlatform();

    public CitizenApi Citizen => new(Platform.Http);

    protected override async Task<(PostgresDatabase Database, string KeyFile)> PrepareAsync()
    {
        await Platform.InitializeAsync();
        var keyFile = Platform.WebServices.GetRequiredService<IOptions<ProtectionOptions>>().Value.KeyFile;
        return (Platform.Database, keyFile);
    }

    /// <summary>Replies to reminders cancel through the platform's own API, like a manage link.</summary>
    protected override IDictionary<string, string?> WorkerSettings => new Dictionary<string, string?>(base.WorkerSettings)
    {
        ["Notifications:Replies:BookingApiUrl"] = Platform.SiteAddress.ToString(),
    };

    protected override Task ReleaseAsync() => Platform.DisposeAsync();

    /// <summary>The web host on a real loopback port, which the worker calls to cancel a booking answered by SMS.</summary>
    private sealed class LoopbackPlatform() : PlatformFixture(HoldDuration, listenOnLoopback: true);
}
