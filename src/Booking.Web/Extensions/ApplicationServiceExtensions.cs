using Booking.ClusterClient;
using Booking.ClusterClient.Bookings;
using Booking.Data.Bookings;
using Booking.Data.Catalog;
using Booking.Data.Infrastructure;
using Booking.Domain.Citizens;
using Booking.Passes;
using Booking.ServiceDefaults;
using Booking.Web.ApiDocument;
using Booking.Web.Availability;
using Booking.Web.Bookings;
using Booking.Web.Feed;
using Booking.Web.Infrastructure;
using Booking.Web.Site;
using Booking.Web.WaitingRooms;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

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
        services.AddClusterBooking();
        services.AddSingleton<AvailabilitySearch>();
        services.AddSingleton<AvailabilityAnswers>();
        services.AddSingleton<AvailabilityCriteriaReader>();
        services.AddOptions<AvailabilityFeedOptions>().Bind(builder.Configuration.GetSection(AvailabilityFeedOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AvailabilityFeed>();
        services.AddSingleton<FeedReferrals>();
        services.AddSingleton<PostalCodeLocator>();
        services.AddSingleton<CitizenValidator>();
        services.AddSingleton<EligibilityGate>();
        services.AddSingleton<ManageLinkAccess>();
        services.AddSingleton<BookingWindow>();
        services.AddSingleton<CitizenHolds>();
        services.AddSingleton<CitizenBookings>();
        services.AddSingleton<CitizenOffers>();
        services.AddSingleton<CitizenWaitingList>();
        services.AddSingleton<CitizenGroupBookings>();
        services.AddSingleton<CitizenPrivacy>();
        services.AddOptions<WaitingRoomOptions>().Bind(builder.Configuration.GetSection(WaitingRoomOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WaitingRoomOptions>, WaitingRoomOptions.Validator>();
        services.AddSingleton<RoomWatermarks>();
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

        builder.AddBookingClusterClient();
        return builder;
    }
}
