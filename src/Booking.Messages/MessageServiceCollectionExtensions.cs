using Booking.Data.Messages;
using Booking.Messages.Privacy;
using Booking.Messages.Reference;
using Booking.Messages.Staff;
using Booking.Messages.WaitingList;
using Booking.Passes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Booking.Messages;

public static class MessageServiceCollectionExtensions
{
    /// <summary>
    /// The message composer and the calendar builder. Needs <c>AddBookingData</c> (the NpgsqlDataSource and
    /// CatalogRepository) and <c>AddBookingProtection</c> (manage-link tokens); adds the appointment passes itself.
    /// Configuration: <c>Booking:PublicBaseUrl</c>, <c>Booking:Messages:StaffSiteUrl</c>,
    /// <c>Booking:Messages:ReferenceCacheDuration</c>.
    /// </summary>
    public static IServiceCollection AddBookingMessages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MessagesOptions>()
            .Bind(configuration.GetSection(MessagesOptions.Section))
            .Configure(o => o.PublicBaseUrl = configuration["Booking:PublicBaseUrl"] ?? o.PublicBaseUrl)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddAppointmentPasses(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MessageTemplateRepository>();
        services.TryAddSingleton<MessageReferenceCache>();
        services.TryAddSingleton<AppointmentCalendar>();
        services.TryAddSingleton<MessageComposer>();
        services.TryAddSingleton<IMessageComposer>(sp => sp.GetRequiredService<MessageComposer>());
        services.TryAddSingleton<StaffMessageComposer>();
        services.TryAddSingleton<WaitingListMessageComposer>();
        services.TryAddSingleton<ComplaintAnswerComposer>();
        return services;
    }
}
