using Booking.Cluster;
using Booking.Data.Infrastructure;
using Booking.Staff.Access;
using Orleans.Dashboard;

namespace Booking.Admin.Operations;

/// <summary>
/// The Orleans dashboard (silos, grain activations and calls, reminders) at <see cref="Path"/>, for platform operators
/// only (<see cref="StaffPermission.ViewClusterDashboard"/>, after the two-factor sign-in): anyone else is sent to
/// sign in or answered 403. On when <c>ClusterDashboard:Enabled</c> is true; the staff site is then an Orleans client
/// of the cluster (its silos add the dashboard's side, <c>AddBookingSilo</c>) and needs the cluster to start.
/// </summary>
public static class ClusterDashboard
{
    public const string Path = "/operations/cluster";
    private const string EnabledKey = "ClusterDashboard:Enabled";

    public static IHostApplicationBuilder AddClusterDashboard(this IHostApplicationBuilder builder)
    {
        if (!builder.Configuration.GetValue<bool>(EnabledKey))
            return builder;
        var connectionString = builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)
            ?? throw new InvalidOperationException("ConnectionStrings:Booking is required.");
        // Its live log stream stays off, as in the silos: logs go to the log collector.
        return builder.AddClusterClient(connectionString, client => client.AddDashboard(o => o.HideTrace = true));
    }

    public static WebApplication MapClusterDashboard(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>(EnabledKey))
            app.MapOrleansDashboard(Path).RequireAuthorization(StaffPolicies.ViewClusterDashboard);
        return app;
    }
}
