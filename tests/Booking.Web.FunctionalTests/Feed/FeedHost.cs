using Booking.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Web.FunctionalTests.Feed;

/// <summary>A web host of its own on the platform's silo, whose caches start empty and whose clock the test moves (the
/// feed's refresh and the snapshots' second), publishing under a public address unlike the test client's.</summary>
public sealed class FeedHost : IAsyncDisposable
{
    public static readonly Uri PublicBase = new("https://rendezvous.example/");

    private readonly WebApplicationFactory<Program> _host;

    public FeedHost(PlatformFixture platform)
    {
        _host = platform.WebHostWith(new Dictionary<string, string?> { ["AvailabilityFeed:PublicBaseUrl"] = PublicBase.AbsoluteUri },
            web => web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock)));
        Http = _host.CreateClient();
    }

    public ManualClock Clock { get; } = new(TestClock.Now);
    public HttpClient Http { get; }
    public IServiceProvider Services => _host.Services;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _host.DisposeAsync();
    }
}
