using Booking.Domain.Bulk;

namespace Booking.Data.Bulk;

public static class BulkActions
{
    public const string Move = "move";
    public const string Cancel = "cancel";
    public const string Offer = "offer";

    public static readonly IReadOnlyList<string> All = [Move, Cancel, Offer];
}

/// <summary>A bulk change as it runs: what it selects, what it does, for a move or an offer the dates it may move
/// to, and for an offer how long its seat is held for the citizen.</summary>
public sealed record BulkJob(Guid Id, Guid TenantId, string Action, BulkSelection Selection, DateOnly? TargetFrom, DateOnly? TargetUntil,
    int? OfferMinutes = null);

/// <summary>A job and how far it has got: each item is pending until it is moved, cancelled, found no place
/// (<see cref="Unplaced"/>) or was changed by someone else first (<see cref="Changed"/>).</summary>
public sealed record BulkJobProgress(BulkJob Job, string Status, int Total, int Moved, int Cancelled, int Offered, int Unplaced, int Changed,
    DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt)
{
    public int Finished => Moved + Cancelled + Offered + Unplaced + Changed;

    public bool IsDone => Status == "done";
}

/// <summary>A live booking a selection holds: what a bulk change needs of it, nothing about the person.</summary>
public sealed record SelectedBooking(Guid Id, int Version, string ServiceCode, DateTimeOffset SlotStart);

/// <summary>A job's item still to do, with its booking as it is now (<see cref="IsUnchanged"/>: as when the job started).</summary>
public sealed record PendingItem(Guid BookingId, int ItemVersion, int Attempts, int BookingVersion, string BookingStatus, Guid LocationId,
    string ServiceCode, DateTimeOffset SlotStart)
{
    public bool IsUnchanged => BookingStatus == "confirmed" && BookingVersion == ItemVersion;
}
