using Booking.Cluster;
using Booking.Data.Infrastructure;
using Booking.Grains;
using Booking.Passes;
using Booking.ServiceDefaults;
using Booking.Web.ApiDocument;
using Booking.Web.Availability;
using Booking.Web.Bookings;
using Booking.Web.Feed;
using Booking.Web.Infrastructure;
using Booking.Web.Site;
using Booking.Web.Validation;
using Booking.Web.WaitingRooms;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;

namespace Booking.Web.Extensions;

public static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddBookingData(builder.Configuration);
        services.AddBookingProtection(builder.Configuration);
        services.AddAppointmentPasses(builder.Configuration);
        services.AddMemoryCache(o => o.SizeLimit = 200_000);
        services.AddSingleton<ReferenceData>();
        services.AddSingleton<AvailabilitySnapshots>();
        services.AddSingleton<AvailabilitySearch>();
        services.AddSingleton<AvailabilityCriteriaReader>();
        services.AddOptions<AvailabilityFeedOptions>().Bind(builder.Configuration.GetSection(AvailabilityFeedOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AvailabilityFeed>();
        services.AddSingleton<FeedReferrals>();
        services.AddSingleton<PostalCodeLocator>();
        services.AddSingleton<CitizenValidator>();
        services.AddSingleton<EligibilityGate>();
        services.AddSingleton<ManageLinkAccess>();
        services.AddSingleton<HeldSlotConfirmation>();
        services.AddSingleton<BookingWindow>();
        services.AddSingleton<CitizenHolds>();
        services.AddSingleton<CitizenBookings>();
        services.AddSingleton<CitizenGroupBookings>();
        services.AddSingleton<CitizenPrivacy>();
        services.AddOptions<WaitingRoomOptions>().Bind(builder.Configuration.GetSection(WaitingRoomOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WaitingRoomOptions>, WaitingRoomOptions.Validator>();
        services.AddSingleton<WaitingRoom>();

        builder.AddClientRateLimiting();
        builder.AddRequestSizeLimits();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddSingleton<IProblemDetailsWriter, ApiProblemWriter>();
        // Binding failures throw so that ApiExceptionHandler can answer them with a problem, in every environment.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddApiDocument();
        services.AddHealthChecks()
            .AddDatabaseCheck(ServiceDefaultsExtensions.ReadyTag)
            .AddCheck<ClusterHealthCheck>("orleans", tags: [ServiceDefaultsExtensions.ReadyTag]);

        builder.AddOrleansClient();
        return builder;
    }

    /// <summary>The web host is an Orleans client: it finds the silos' gateways in the same PostgreSQL membership table.</summary>
    private static void AddOrleansClient(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)
            ?? throw new InvalidOperationException("ConnectionStrings:Booking is required.");
        var orleans = builder.Configuration.GetSection(ClusterIdentity.Section);
        var responseTimeout = orleans.GetValue("ResponseTimeout", TimeSpan.FromSeconds(5));
        if (responseTimeout <= TimeSpan.Zero || responseTimeout > TimeSpan.FromSeconds(30))
            throw new InvalidOperationException("Orleans:ResponseTimeout must be between 00:00:00.001 and 00:00:30.");
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
            ClusterTls.From(builder.Configuration)?.ApplyTo(client);
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = ClusterIdentity.AdoNetInvariant;
                o.ConnectionString = connectionString;
            });
        });
    }
}
