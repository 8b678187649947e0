using Booking.Data.Infrastructure;
using Booking.Grains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Serialization;

namespace Booking.ClusterClient;

/// <summary>How a host that calls grains (the citizens' web host, the staff site) joins the cluster: as an Orleans
/// client finding the silos' gateways in the same PostgreSQL membership table, over TLS when <see cref="ClusterTls"/>
/// is set.</summary>
public static class ClusterClientHosting
{
    /// <param name="configure">What this host adds to the client (the staff site: the cluster dashboard).</param>
    public static IHostApplicationBuilder AddBookingClusterClient(this IHostApplicationBuilder builder, Action<IClientBuilder>? configure = null)
    {
        var connectionString = builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)
            ?? throw new InvalidOperationException("ConnectionStrings:Booking is required.");
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
        builder.Services.AddSingleton<GrainReferences>();
        return builder;
    }
}
