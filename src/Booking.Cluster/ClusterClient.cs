using Booking.Grains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Serialization;

namespace Booking.Cluster;

/// <summary>A host as an Orleans client (the web host; the staff site for the cluster dashboard): it finds the silos'
/// gateways in the PostgreSQL membership table, and speaks TLS to them when <see cref="ClusterTls"/> is set.</summary>
public static class ClusterClient
{
    /// <param name="connectionString">The database whose membership table lists the gateways.</param>
    /// <param name="configure">What this host adds to the client.</param>
    public static IHostApplicationBuilder AddClusterClient(this IHostApplicationBuilder builder, string connectionString,
        Action<IClientBuilder>? configure = null)
    {
        var orleans = builder.Configuration.GetSection(ClusterIdentity.Section);
        var responseTimeout = orleans.GetValue("ResponseTimeout", TimeSpan.FromSeconds(5));
        if (responseTimeout <= TimeSpan.Zero || responseTimeout > TimeSpan.FromSeconds(30))
            throw new InvalidOperationException("Orleans:ResponseTimeout must be between 00:00:00.001 and 00:00:30.");
        var tls = ClusterTls.From(builder.Configuration);
        builder.UseOrleansClient(client =>
        {
            // A call to a silo that died or hangs fails after this (503 with Retry-After, the client retries) rather
            // than Orleans' 30 s default, which outlasts the patience of most HTTP clients and proxies. 5 s: a request
            // sent to a silo just before it was killed gets no answer at all, and at 10 s the citizen's app had often
            // given up first (a hung call); a healthy call takes well under a second even under load.
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = responseTimeout);
            client.Services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add(ClusterIdentity.DatabaseExceptionNamespace));
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = orleans["ClusterId"] ?? ClusterIdentity.DefaultClusterId;
                o.ServiceId = orleans["ServiceId"] ?? ClusterIdentity.DefaultServiceId;
            });
            client.AddActivityPropagation();
            tls?.ApplyTo(client);
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = ClusterIdentity.AdoNetInvariant;
                o.ConnectionString = connectionString;
            });
            configure?.Invoke(client);
        });
        return builder;
    }
}
