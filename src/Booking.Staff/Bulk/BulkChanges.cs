using System.Security.Claims;
using Booking.Data.Bulk;
using Booking.Data.Catalog;
using Booking.Domain.Bulk;
using Booking.Grains.Bulk;
using Booking.Staff.Access;

namespace Booking.Staff.Bulk;

/// <summary>
/// Bulk changes of a clinic's bookings, under <see cref="StaffPermission.ManageOffer"/> at the clinic: the people who
/// close a day move or cancel its bookings, and offer earlier appointments when they open more. A dry run first (<see cref="DryRunAsync"/>, nothing changed), then a job
/// the silos run (<see cref="StartAsync"/>); each call checks the clinic in hand, and one out of scope is not found.
/// </summary>
public sealed class BulkChanges(StaffAccess access, CatalogRepository catalog, BulkJobRepository jobs, IClusterClient cluster, TimeProvider clock)
{
    public async Task<BulkDryRun?> DryRunAsync(ClaimsPrincipal user, BulkRequest request, CancellationToken cancellationToken = default) =>
        await AllowedAsync(user, request.LocationId, cancellationToken)
            ? await cluster.GetGrain<IBulkPlannerGrain>(0).DryRun(request)
            : null;

    /// <returns>The job's id, or null when the clinic is not the person's (or does not exist).</returns>
    public async Task<Guid?> StartAsync(ClaimsPrincipal user, BulkRequest request, CancellationToken cancellationToken = default)
    {
        if (!await AllowedAsync(user, request.LocationId, cancellationToken)
            || await catalog.LocationAsync(request.LocationId, cancellationToken) is not { } location)
            return null;
        var job = new BulkJob(Guid.CreateVersion7(), location.TenantId, request.Action,
            new BulkSelection(request.LocationId, request.ServiceCode, request.From, request.Until, request.FromTime, request.UntilTime),
            request.TargetFrom, request.TargetUntil, request.OfferMinutes);
        await jobs.CreateAsync(job, $"staff:{StaffAccess.UserId(user)}", clock.GetUtcNow(), cancellationToken);
        return job.Id;
    }

    /// <summary>A job and its progress, or null when it does not exist or is at a clinic out of the person's scope.</summary>
    public async Task<BulkJobProgress?> ProgressAsync(ClaimsPrincipal user, Guid jobId, CancellationToken cancellationToken = default) =>
        await jobs.FindAsync(jobId, cancellationToken) is { } progress && await AllowedAsync(user, progress.Job.Selection.LocationId, cancellationToken)
            ? progress
            : null;

    /// <summary>The latest jobs at the clinics where the person may make them.</summary>
    public async Task<IReadOnlyList<BulkJobProgress>> LatestAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        await jobs.LatestAsync(await access.LocationsAsync(user, StaffPermission.ManageOffer, cancellationToken), 20, cancellationToken);

    private Task<bool> AllowedAsync(ClaimsPrincipal user, Guid locationId, CancellationToken cancellationToken) =>
        access.AllowsAsync(user, StaffPermission.ManageOffer, StaffScope.OfLocation(locationId), cancellationToken);
}
