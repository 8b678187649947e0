using Booking.Notifications.Webhooks;
using Booking.ServiceDefaults;

namespace Booking.Notifications.Extensions;

/// <summary>The worker host, built the same way by <c>Program</c> and by tests (which add their own settings).</summary>
public static class NotificationsHost
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        builder.AddNotifications();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapProviderWebhooksApi();
        return app;
    }
}
