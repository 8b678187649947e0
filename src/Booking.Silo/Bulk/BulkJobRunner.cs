using Booking.Data.Bulk;
using Booking.Data.Catalog;
using Booking.Domain.Catalog;
using Booking.Grains;
using Booking.Grains.Inventory;
using Microsoft.Extensions.Options;

namespace Booking.Silo.Bulk;

/// <summary>
/// Runs bulk jobs, in every silo: leases one running job at a time from PostgreSQL (the lease renewed each round) and
/// works through its pending items in rounds. A move plans each round against the clinic-days' free seats now
/// (<see cref="BulkSeatFinder"/>), then hands each target clinic-day its moves in one call, which claims the seats in
/// one turn and commits them with their messages; a cancellation goes to each booking's own clinic-day. A silo that
/// dies mid-job leaves its lease to run out; the next runner resumes with the items still pending
/// (docs/decisions/0060-bulk-jobs-leased-by-silos.md).
/// </summary>
public sealed class BulkJobRunner(
    BulkJobRepository jobs,
    BulkSeatFinder seats,
    BulkOffers offers,
    TimeProvider clock,
    CatalogRepository catalog,
    GrainReferences grains,
    IHostApplicationLifetime lifetime,
    IOptions<BulkJobOptions> options,
    ILogger<BulkJobRunner> logger) : BackgroundService
{
    private readonly BulkJobOptions _options = options.Value;
    private readonly string _runner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Grains answer once the silo has started.
        await Task.Delay(Timeout.Infinite, lifetime.ApplicationStarted).ContinueWith(_ => { }, TaskScheduler.Default);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await jobs.ClaimAsync(_runner, _options.Lease, stoppingToken) is { } job)
                    await RunAsync(job, stoppingToken);
                else
                    await Task.Delay(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The job stays leased until its lease runs out, then is taken up again (here or elsewhere).
                logger.LogWarning(e, "A bulk job round failed; its job resumes when its lease runs out");
                await Task.Delay(_options.PollInterval, stoppingToken);
            }
        }
    }

    private async Task RunAsync(BulkJob job, CancellationToken cancellationToken)
    {
        var location = await catalog.LocationAsync(job.Selection.LocationId, cancellationToken)
            ?? throw new InvalidOperationException($"Bulk job {job.Id} names a clinic that does not exist.");
        logger.LogInformation("Bulk job {Job} ({Action}) started by {Runner}", job.Id, job.Action, _runner);
        while (await jobs.RenewAsync(job.Id, _runner, _options.Lease, cancellationToken))
        {
            var items = await jobs.PendingAsync(job.Id, _options.BatchSize, cancellationToken);
            if (items.Count == 0)
            {
                await jobs.FinishAsync(job.Id, cancellationToken);
                logger.LogInformation("Bulk job {Job} finished", job.Id);
                return;
            }
            var changed = items.Where(i => !i.IsUnchanged).Select(i => i.BookingId).ToList();
            if (changed.Count > 0)
                await jobs.MarkAsync(job.Id, changed, "changed", cancellationToken);
            var live = items.Where(i => i.IsUnchanged).ToList();
            var round = job.Action switch
            {
                BulkActions.Cancel => CancelAsync(job, location, live, cancellationToken),
                BulkActions.Offer => OfferAsync(job, live, cancellationToken),
                _ => MoveAsync(job, location, live, cancellationToken),
            };
            await round;
        }
    }

    private async Task CancelAsync(BulkJob job, Location location, IReadOnlyList<PendingItem> items, CancellationToken cancellationToken)
    {
        var byDay = items.GroupBy(i => new LocationDayKey(i.LocationId, location.DateOf(i.SlotStart)));
        await Parallel.ForEachAsync(byDay, Bounded(cancellationToken), async (day, _) =>
            await grains.Get<ILocationDayGrain>(day.Key.ToString())
                .CancelInBulk(new BulkCancelBatch(job.Id, day.Select(i => new BulkCancel(i.BookingId, i.ItemVersion)).ToList())));
        // One the clinic-day could not cancel was changed meanwhile: the next round sees its new version.
    }

    private async Task MoveAsync(BulkJob job, Location location, IReadOnlyList<PendingItem> items, CancellationToken cancellationToken)
    {
        var placements = await PlaceAsync(job, items, cancellationToken);
        var byId = items.ToDictionary(i => i.BookingId);
        var notMoved = items.Select(i => i.BookingId).Except(placements.Select(p => p.BookingId)).ToHashSet();
        var byDay = placements.GroupBy(p => new LocationDayKey(p.LocationId, p.Date));
        await Parallel.ForEachAsync(byDay, Bounded(cancellationToken), async (day, _) =>
        {
            var moves = day.Select(p => (Place: p, Item: byId[p.BookingId]))
                .Select(m => new BulkMove(m.Item.BookingId, m.Item.ItemVersion, m.Item.ServiceCode, m.Place.Start,
                    new LocationDayKey(m.Item.LocationId, location.DateOf(m.Item.SlotStart))))
                .ToList();
            var outcomes = await grains.Get<ILocationDayGrain>(day.Key.ToString()).TakeBulkMoves(new BulkMoveBatch(job.Id, moves));
            lock (notMoved)
                notMoved.UnionWith(moves.Where((_, n) => outcomes[n] != BulkMoveOutcome.Moved).Select(m => m.BookingId));
        });
        // No seat this round (none left in the target dates, or citizens took it first): tried again next round, a few times.
        if (notMoved.Count > 0)
            await jobs.CountAttemptAsync(job.Id, notMoved, _options.MaxAttempts, cancellationToken);
    }

    /// <summary>Holds an earlier seat for each booking that has one, then records the offers with their messages; the
    /// citizen takes the seat through the offer's link, or its hold runs out.</summary>
    private async Task OfferAsync(BulkJob job, IReadOnlyList<PendingItem> items, CancellationToken cancellationToken)
    {
        var placements = await PlaceAsync(job, items, cancellationToken);
        var expiresAt = clock.GetUtcNow().AddMinutes(job.OfferMinutes!.Value);
        var services = items.ToDictionary(i => i.BookingId, i => i.ServiceCode);
        var made = new List<NewOffer>();
        await Parallel.ForEachAsync(placements.GroupBy(p => (Day: new LocationDayKey(p.LocationId, p.Date), Service: services[p.BookingId])),
            Bounded(cancellationToken), async (group, _) =>
            {
                var places = group.ToList();
                var holds = await grains.Get<ILocationDayGrain>(group.Key.Day.ToString())
                    .HoldForOffers(new OfferHolds(group.Key.Service, places.Select(p => p.Start).ToList(), expiresAt));
                lock (made)
                    made.AddRange(places.Zip(holds).Where(h => h.Second is not null).Select(h => new NewOffer(Guid.CreateVersion7(), h.First.BookingId,
                        h.First.LocationId, group.Key.Service, h.First.Start, h.Second!.End, h.Second.HoldId, expiresAt)));
            });
        if (made.Count > 0)
            await offers.RecordAsync(job.Id, made, cancellationToken);
        var notOffered = items.Select(i => i.BookingId).Except(made.Select(o => o.BookingId)).ToList();
        if (notOffered.Count > 0)
            await jobs.CountAttemptAsync(job.Id, notOffered, _options.MaxAttempts, cancellationToken);
    }

    private Task<IReadOnlyList<Domain.Bulk.Placement>> PlaceAsync(BulkJob job, IReadOnlyList<PendingItem> items, CancellationToken cancellationToken) =>
        seats.PlaceAsync(job.Selection, job.TargetFrom!.Value, job.TargetUntil!.Value,
            items.Select(i => (i.BookingId, i.ServiceCode, i.SlotStart)).ToList(), job.Action == BulkActions.Offer, cancellationToken);

    private ParallelOptions Bounded(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken };
}
