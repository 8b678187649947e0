namespace Booking.Grains.Bulk;

/// <summary>What a bulk change selects and does: a clinic, an optional service, local dates and hours; for a move or
/// an offer, the dates it may move to (the same clinic's first, then the nearest clinics'); for an offer, how long the
/// earlier seat is held for the citizen.</summary>
[GenerateSerializer, Immutable, Alias("booking.Bulk.Request")]
public sealed record BulkRequest(Guid LocationId, string? ServiceCode, DateOnly From, DateOnly Until, TimeOnly? FromTime, TimeOnly? UntilTime,
    string Action, DateOnly? TargetFrom, DateOnly? TargetUntil, int? OfferMinutes = null);

/// <summary>How many bookings of one service would go to one clinic on one date.</summary>
[GenerateSerializer, Immutable, Alias("booking.Bulk.Target")]
public sealed record BulkTarget(Guid LocationId, DateOnly Date, string ServiceCode, int Count);

/// <summary>A dry run: the bookings touched, how many fit (all of them for a cancellation), and where they would go.</summary>
[GenerateSerializer, Immutable, Alias("booking.Bulk.DryRun")]
public sealed record BulkDryRun(int Touched, int Fits, IReadOnlyList<BulkTarget> Targets);

/// <summary>Plans a bulk change against the clinic-days' free seats as they are now, changing nothing.</summary>
[Alias("booking.BulkPlanner")]
public interface IBulkPlannerGrain : IGrainWithIntegerKey
{
    [Alias("DryRun")]
    Task<BulkDryRun> DryRun(BulkRequest request);
}
