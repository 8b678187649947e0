using Booking.Data.Notifications;
using Booking.ServiceDefaults;
using Npgsql;

namespace Booking.DevInbox;

/// <summary>The stub host, built the same way by <c>Program</c> and by tests.</summary>
public static class DevInboxHost
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        builder.Services.AddOptions<InboxOptions>().Bind(builder.Configuration.GetSection(InboxOptions.Section));
        builder.Services.AddSingleton<InboxStore>();
        builder.Services.AddSingleton<ProviderFaults>();
        builder.Services.AddSingleton<WebhookSigner>();
        builder.Services.AddHttpClient(nameof(WebhookSender));
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WebhookSender>());
        configure?.Invoke(builder);
        // With the database, the inbox also shows each booking's delivery status as staff would see it.
        if (builder.Configuration.GetConnectionString("Booking") is { Length: > 0 } connectionString)
        {
            builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
            builder.Services.AddSingleton<DeliveryStatusQuery>();
        }

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapSendGridStubApi();
        app.MapTwilioStubApi();
        app.MapInboundSmsApi();
        app.MapDevControlApi();
        app.MapInboxPage();
        return app;
    }
}
