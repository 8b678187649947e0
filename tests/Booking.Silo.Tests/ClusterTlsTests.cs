using System.Globalization;
using Booking.ClusterClient;
using Booking.Grains;
using Booking.Silo.Extensions;
using Booking.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime.Messaging;

namespace Booking.Silo.Tests;

/// <summary>A silo built as the silo's Program builds it, with Orleans TLS on (<c>Orleans:Tls</c>): only clients whose
/// certificate the cluster's authority issued get through its gateway.</summary>
public sealed class TlsSiloFixture : IAsyncLifetime
{
    private IHost _silo = null!;

    public PostgresDatabase Database { get; } = new();
    public TestAuthority Authority { get; } = new("Booking test cluster authority");
    public string ClusterId { get; } = $"tls-tests-{Guid.NewGuid():N}";

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        var (certificate, key) = Authority.Issue("silo");
        var silo = Host.CreateApplicationBuilder();
        silo.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Booking"] = Database.ConnectionString,
            ["Orleans:ClusterId"] = ClusterId,
            ["Orleans:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans:Tls:CertificateFile"] = certificate,
            ["Orleans:Tls:KeyFile"] = key,
            ["Orleans:Tls:AuthorityFile"] = Authority.AuthorityFile,
            [TestClock.HostSetting.Key] = TestClock.HostSetting.Value,
        });
        silo.AddBookingSilo();
        _silo = silo.Build();
        await _silo.StartAsync();
    }

    /// <summary>A client of this cluster, TLS as given (none: plain TCP), that tries to connect once; started, or the
    /// reason it could not be.</summary>
    public async Task<IHost> StartClientAsync(ClusterTls? tls)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client =>
        {
            client.Configure<Orleans.Configuration.ClusterOptions>(o =>
            {
                o.ClusterId = ClusterId;
                o.ServiceId = ClusterIdentity.DefaultServiceId;
            });
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = ClusterIdentity.AdoNetInvariant;
                o.ConnectionString = Database.ConnectionString;
            });
            tls?.ApplyTo(client);
            // One attempt: a refused client then fails with the refusal itself, not with this test's timeout after
            // Orleans' default retries (up to 15, over minutes).
            client.UseConnectionRetryFilter((_, _) => Task.FromResult(false));
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        await Teardown.WithinDeadlineAsync("the TLS silo", async () =>
        {
            await _silo.StopAsync();
            _silo.Dispose();
        });
        await Database.DisposeAsync();
        Authority.Dispose();
    }
}

public sealed class ClusterTlsTests(TlsSiloFixture fixture) : IClassFixture<TlsSiloFixture>
{
    [Fact]
    public async Task A_client_with_a_certificate_of_the_cluster_s_authority_joins_and_calls_grains()
    {
        var (certificate, key) = fixture.Authority.Issue("web");
        using var client = await fixture.StartClientAsync(new ClusterTls
        {
            CertificateFile = certificate, KeyFile = key, AuthorityFile = fixture.Authority.AuthorityFile,
        });

        var hosts = await client.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);

        Assert.Single(hosts);
    }

    [Fact]
    public async Task A_client_with_a_certificate_of_another_authority_cannot_join()
    {
        using var stranger = new TestAuthority("Another authority");
        var (certificate, key) = stranger.Issue("intruder");

        // It trusts the cluster's authority (so the silo's certificate passes), but presents its own.
        await Assert.ThrowsAsync<ConnectionFailedException>(() => fixture.StartClientAsync(new ClusterTls
        {
            CertificateFile = certificate, KeyFile = key, AuthorityFile = fixture.Authority.AuthorityFile,
        }));
    }

    [Fact]
    public async Task A_client_without_tls_cannot_join()
    {
        await Assert.ThrowsAsync<ConnectionFailedException>(() => fixture.StartClientAsync(tls: null));
    }
}
