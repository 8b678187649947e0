using Booking.Data.Infrastructure;
using Booking.Messages;
using Booking.Notifications.Channels;
using Booking.Notifications.Dispatch;
using Booking.Notifications.Reminders;
using Booking.Notifications.Replies;
using Booking.Notifications.Webhooks;
using Booking.Reporting;
using Booking.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace Booking.Notifications.Extensions;

public static class NotificationServiceExtensions
{
    /// <summary>The worker: outbox dispatch, reminders, both channels with timeouts and retries, webhook verification.</summary>
    public static IHostApplicationBuilder AddNotifications(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddBookingData(configuration);
        services.AddBookingProtection(configuration);
        services.AddBookingMessages(configuration);
        services.AddHealthChecks().AddDatabaseCheck(ServiceDefaultsExtensions.ReadyTag);

        services.AddOptions<DispatchOptions>().Bind(configuration.GetSection(DispatchOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SendGridOptions>().Bind(configuration.GetSection(SendGridOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TwilioOptions>().Bind(configuration.GetSection(TwilioOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.AddHttpClient<EmailChannel>()
            .AddResilienceHandler("sendgrid", (pipeline, context) =>
                ProviderResilience.Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptions<SendGridOptions>>().Value.Timeout));
        services.AddHttpClient<SmsChannel>()
            .AddResilienceHandler("twilio", (pipeline, context) =>
                ProviderResilience.Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptions<TwilioOptions>>().Value.Timeout));

        services.AddOptions<RepliesOptions>().Bind(configuration.GetSection(RepliesOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient<BookingCancellations>((sp, http) => http.Timeout = sp.GetRequiredService<IOptions<RepliesOptions>>().Value.Timeout);
        services.AddTransient<SmsReplyHandler>();

        services.AddSingleton(sp => new SendGridSignature(sp.GetRequiredService<IOptions<SendGridOptions>>().Value.WebhookPublicKey));
        services.AddSingleton<DeliveryReports>();
        services.AddSingleton<DeliveryReportGroupCommit>();
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryReportGroupCommit>());
        services.AddSingleton<NotificationSender>();
        services.AddSingleton<NotificationMetrics>();
        services.AddHostedService<OutboxDispatcher>();
        services.AddHostedService<StaffMessageDispatcher>();
        services.AddHostedService<WaitingListMessageDispatcher>();
        services.AddHostedService<ComplaintAnswerDispatcher>();
        services.AddHostedService<ReminderScheduler>();
        // The ministry's extracts are built here, away from the silos' booking path, reading through the reporting
        // connection (docs/decisions/0011-ministry-extracts-built-by-the-worker.md).
        services.AddMinistryExtracts(configuration);
        services.AddMinistryExtractJob();
        return builder;
    }
}
