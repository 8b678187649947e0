using System.Net;
using Booking.ClusterClient;
using Booking.Data.Infrastructure;
using Booking.Grains;
using Booking.ServiceDefaults;
using Booking.ServiceDefaults.Time;
using Booking.Silo.Audit;
using Booking.Silo.Bulk;
using Booking.Silo.ClinicDay;
using Booking.Silo.Infrastructure;
using Booking.Silo.Inventory;
using Booking.Silo.Operations;
using Booking.Silo.Retention;
using Booking.Silo.WaitingRooms;
using Newtonsoft.Json;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Serialization;

namespace Booking.Silo.Extensions;

public static class SiloHostingExtensions
{
    /// <summary>The services grains need, shared by the real silo and the test cluster.</summary>
    public static IServiceCollection AddInventoryServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBookingData(configuration);
        services.AddOptions<InventoryOptions>().Bind(configuration.GetSection(InventoryOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddPlatformClock(configuration);
        services.AddMetrics();
        services.AddSingleton<InventoryMetrics>();
        services.AddSingleton<BookingCommits>();
        services.AddSingleton<WaitingRoomMetrics>();
        services.AddSingleton<BulkSeatFinder>();
        services.AddSingleton<GrainReferences>();
        return services;
    }

    /// <summary>The runner of bulk jobs (moves and cancellations by clinics), in every silo.</summary>
    public static IServiceCollection AddBulkJobRunner(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BulkJobOptions>().Bind(configuration.GetSection(BulkJobOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<BulkJobRunner>();
        return services;
    }

    /// <summary>Membership (how silos and clients find each other), grain state and reminders in PostgreSQL, through
    /// the tables and named queries of migrations 0001–0004. Grain classes must each use their own state name: the
    /// ADO.NET storage provider keys state by state name and grain key only, not by grain type.</summary>
    public static ISiloBuilder UsePostgres(this ISiloBuilder silo, string connectionString)
    {
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = ClusterIdentity.AdoNetInvariant;
            o.ConnectionString = connectionString;
        });
        silo.AddAdoNetGrainStorageAsDefault(o =>
        {
            o.Invariant = ClusterIdentity.AdoNetInvariant;
            o.ConnectionString = connectionString;
        });
        // Grain state is JSON that names no C# type (a grain's state type is known from its declaration): renaming or
        // moving a state class keeps its saved rows readable, as aliases keep its messages (docs/decisions/0004).
        silo.Services.Configure<OrleansJsonSerializerOptions>(o => o.JsonSerializerSettings.TypeNameHandling = TypeNameHandling.None);
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = ClusterIdentity.AdoNetInvariant;
            o.ConnectionString = connectionString;
        });
        // A failing database reaches callers as an exception they can read and answer with a 503: inside grain calls
        // as InfrastructureUnavailableException; on activation (which no call filter sees) as Npgsql's own.
        silo.AddIncomingGrainCallFilter<InfrastructureFailureFilter>();
        silo.Services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add(ClusterIdentity.DatabaseExceptionNamespace));
        return silo;
    }

    /// <summary>
    /// Orleans' strongly consistent grain directory. With the default one, a silo leaving or joining could let a second
    /// activation of a clinic-day start on a silo that stays, beside the first: the first one's holds, in memory only,
    /// were then lost to their citizens (about twenty per graceful stop under a stampede, docs/performance.md). This one
    /// hands each directory range over before its new owner serves it, so a clinic-day has one activation at a time.
    /// Orleans' test cluster uses it by default, which is why the suite never saw the loss. Every silo of a cluster must
    /// use the same directory: switching to it takes a full restart, not a rolling deploy.
    /// </summary>
    public static ISiloBuilder UseConsistentGrainDirectory(this ISiloBuilder silo)
    {
#pragma warning disable ORLEANSEXP003 // Experimental in Orleans 10: chosen for the reason above.
        silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
        return silo;
    }

    /// <summary>A silo whose cluster state lives in the same PostgreSQL as the bookings: one stateful dependency.</summary>
    public static IHostApplicationBuilder AddBookingSilo(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)
            ?? throw new InvalidOperationException("ConnectionStrings:Booking is required.");
        var endpoint = builder.Configuration.GetSection(ClusterIdentity.Section).Get<SiloEndpointOptions>() ?? new SiloEndpointOptions();

        builder.Services.AddInventoryServices(builder.Configuration);
        // Only a silo given the schema owner's connection migrates (registered before Orleans, so the schema exists
        // before it writes its membership row); otherwise `Booking.Tool migrate` has run first, and the silo never
        // holds more than the application role.
        if (!string.IsNullOrEmpty(builder.Configuration.GetConnectionString(DatabaseOptions.MigrationsConnectionStringName)))
        {
            builder.Services.AddBookingMigrations(builder.Configuration);
            builder.Services.AddHostedService<MigrateOnStart>();
        }
        builder.Services.AddHealthChecks().AddDatabaseCheck(ServiceDefaultsExtensions.ReadyTag);
        // How fast a silo that died is voted out (Orleans:Membership in appsettings). Until then the others keep
        // routing its clinic-days' calls to it and citizens get 503s: with Orleans' 5 s probes that lasted ~6 s after
        // a kill -9 under load, with 1 s probes ~3 s (docs/performance.md, faults under load).
        builder.Services.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection($"{ClusterIdentity.Section}:Membership"));
        // After a silo is declared dead, no clinic-day it hosted may start elsewhere until the directory's lease on its
        // ranges runs out: the range lease less the failure-detection window (4 × ProbeTimeout × NumMissedProbesLimit,
        // 12 s here). Orleans' 30 s left 18 s of 503s after a kill -9 under load; 14 s leaves 2 s. A silo declared dead
        // while still running stops itself when it learns it, and the seat guard in PostgreSQL keeps capacity whatever
        // runs meanwhile.
        builder.Services.Configure<GrainDirectoryOptions>(builder.Configuration.GetSection($"{ClusterIdentity.Section}:Directory"));
        builder.Services.AddOptions<AccessLogOptions>().Bind(builder.Configuration.GetSection(AccessLogOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<AccessLogMaintenance>();
        builder.Services.AddOptions<RetentionOptions>().Bind(builder.Configuration.GetSection(RetentionOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<RetentionMetrics>();
        builder.Services.AddHostedService<RetentionMaintenance>();
        builder.Services.AddHostedService<AvailabilityProbe>();
        builder.Services.AddOptions<NoShowOptions>().Bind(builder.Configuration.GetSection(NoShowOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<NoShowSweep>();
        builder.Services.AddBulkJobRunner(builder.Configuration);

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = endpoint.ClusterId;
                o.ServiceId = endpoint.ServiceId;
            });
            silo.ConfigureEndpoints(IPAddress.Parse(endpoint.AdvertisedIPAddress), endpoint.SiloPort, endpoint.GatewayPort);
            silo.UsePostgres(connectionString);
            silo.UseConsistentGrainDirectory();
            // A grain call carries the caller's trace id, so the silo's log lines name the citizen's request.
            silo.AddActivityPropagation();
            ClusterTls.From(builder.Configuration)?.ApplyTo(silo);
            // The cluster dashboard's side in each silo (its grains, and call profiling while someone looks); it is
            // shown by the staff site to platform operators only. Its live log stream is off: logs go to the collector.
            silo.AddDashboard(o => o.HideTrace = true);
        });
        return builder;
    }
}
