using Booking.Staff.Access;
using Orleans.Dashboard;

namespace Booking.Admin.Operations;

/// <summary>
/// The Orleans dashboard (silos, grain activations and calls, reminders) at <see cref="Path"/>, for platform operators
/// only (<see cref="StaffPermission.ViewClusterDashboard"/>, after the two-factor sign-in): anyone else is sent to
/// sign in or answered 403. On when <c>ClusterDashboard:Enabled</c> is true; its data comes through the staff site's
/// Orleans client (its silos add the dashboard's side, <c>AddBookingSilo</c>).
/// </summary>
public static class ClusterDashboard
{
    public const string Path = "/operations/cluster";
    private const string EnabledKey = "ClusterDashboard:Enabled";

    /// <summary>The dashboard's side of the staff site's Orleans client, when it is on.</summary>
    public static IClientBuilder AddClusterDashboard(this IClientBuilder client, IConfiguration configuration)
    {
        // Its live log stream stays off, as in the silos: logs go to the log collector.
        if (configuration.GetValue<bool>(EnabledKey))
            client.AddDashboard(o => o.HideTrace = true);
        return client;
    }

    public static WebApplication MapClusterDashboard(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>(EnabledKey))
            app.MapOrleansDashboard(Path).RequireAuthorization(StaffPolicies.ViewClusterDashboard);
        return app;
    }
}
