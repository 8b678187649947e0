namespace Booking.Grains.Inventory;

/// <summary>A booking a bulk job moves into a slot of this clinic-day, read at <see cref="ExpectedVersion"/>, from <see cref="From"/>.</summary>
[GenerateSerializer, Immutable, Alias("booking.LocationDay.BulkMove")]
public sealed record BulkMove(Guid BookingId, int ExpectedVersion, string ServiceCode, DateTimeOffset Start, LocationDayKey From);

[GenerateSerializer, Immutable, Alias("booking.LocationDay.BulkMoveBatch")]
public sealed record BulkMoveBatch(Guid JobId, IReadOnlyList<BulkMove> Moves);

/// <summary>Per move: <see cref="Full"/> when the slot had no seat left (a citizen took it first), so the job tries
/// elsewhere; <see cref="BookingChanged"/> when the booking was cancelled or changed since the job read it.</summary>
[GenerateSerializer, Alias("booking.LocationDay.BulkMoveOutcome")]
public enum BulkMoveOutcome { Moved, Full, BookingChanged }

/// <summary>A booking of this clinic-day a bulk job cancels, read at <see cref="ExpectedVersion"/>.</summary>
[GenerateSerializer, Immutable, Alias("booking.LocationDay.BulkCancel")]
public sealed record BulkCancel(Guid BookingId, int ExpectedVersion);

[GenerateSerializer, Immutable, Alias("booking.LocationDay.BulkCancelBatch")]
public sealed record BulkCancelBatch(Guid JobId, IReadOnlyList<BulkCancel> Cancels);

/// <summary>Seats a bulk offer holds for citizens until <see cref="ExpiresAt"/>: one per start, for its service.</summary>
[GenerateSerializer, Immutable, Alias("booking.LocationDay.OfferHolds")]
public sealed record OfferHolds(string ServiceCode, IReadOnlyList<DateTimeOffset> Starts, DateTimeOffset ExpiresAt);

/// <summary>A seat held for an offer: its hold id (what accepting moves into) and its slot's end.</summary>
[GenerateSerializer, Immutable, Alias("booking.LocationDay.OfferHold")]
public sealed record OfferHold(string HoldId, DateTimeOffset End);
