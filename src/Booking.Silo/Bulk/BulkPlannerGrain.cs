using Booking.Data.Bulk;
using Booking.Domain.Bulk;
using Booking.Grains.Bulk;
using Orleans.Concurrency;

namespace Booking.Silo.Bulk;

/// <summary>The dry run of a bulk change: the same selection and placement as the job, against the free seats now,
/// changing nothing. A stateless worker: any silo answers, several at once.</summary>
[GrainType("bulkplanner")]
[StatelessWorker]
public sealed class BulkPlannerGrain(BulkJobRepository jobs, BulkSeatFinder seats, TimeProvider clock) : Grain, IBulkPlannerGrain
{
    public async Task<BulkDryRun> DryRun(BulkRequest request)
    {
        var selection = new BulkSelection(request.LocationId, request.ServiceCode, request.From, request.Until, request.FromTime, request.UntilTime);
        var selected = await jobs.SelectAsync(selection, clock.GetUtcNow());
        if (request.Action == BulkActions.Cancel || request.TargetFrom is not { } from || request.TargetUntil is not { } until)
            return new BulkDryRun(selected.Count, selected.Count, []);
        var placements = await seats.PlaceAsync(selection, from, until, selected.Select(b => (b.Id, b.ServiceCode, b.SlotStart)).ToList(), request.Action == BulkActions.Offer, CancellationToken.None);
        var services = selected.ToDictionary(b => b.Id, b => b.ServiceCode);
        var targets = placements
            .GroupBy(p => (p.LocationId, p.Date, Service: services[p.BookingId]))
            .Select(g => new BulkTarget(g.Key.LocationId, g.Key.Date, g.Key.Service, g.Count()))
            .ToList();
        return new BulkDryRun(selected.Count, placements.Count, targets);
    }
}
