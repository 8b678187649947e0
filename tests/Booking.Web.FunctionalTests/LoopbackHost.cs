using System.Net;
using Booking.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Booking.Web.FunctionalTests;

/// <summary>A web host of the platform (same silo and database) with extra settings, served by Kestrel on a loopback
/// port: for what only a real server shows (the connection's own address, body limits, Host checks, headers).</summary>
public sealed class LoopbackHost : IDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    public LoopbackHost(PlatformFixture platform, IReadOnlyDictionary<string, string?> settings)
    {
        var port = FreePort.Next();
        _factory = platform.WebHostWith(settings);
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        _factory.StartServer();
        Address = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri Address { get; }

    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    public HttpClient Client() => new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = Address };

    public void Dispose() => _factory.Dispose();
}
