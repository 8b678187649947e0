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
    public PlatformFixture Platform { get; } = new();

    public CitizenApi Citizen => new(Platform.Http);

    protected override async Task<(PostgresDatabase Database, string KeyFile)> PrepareAsync()
    {
        await Platform.InitializeAsync();
        var keyFile = Platform.WebServices.GetRequiredService<IOptions<ProtectionOptions>>().Value.KeyFile;
        return (Platform.Database, keyFile);
    }

    protected override Task ReleaseAsync() => Platform.DisposeAsync();
}
