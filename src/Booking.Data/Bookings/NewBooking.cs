using Booking.Contracts;
using Booking.Domain.Bookings;

namespace Booking.Data.Bookings;

/// <summary>A booking about to be committed: the seat the inventory grain gave it, the sealed citizen and the sealed
/// declarations. <see cref="HoldId"/> and <see cref="IdempotencyKey"/> are stored as digests only (<see cref="BookingDigests"/>);
/// <see cref="RequestDigest"/> is the edge's keyed fingerprint of the request, for telling a retry from a replay.
/// <see cref="Channel"/> is how it was made; <see cref="Actor"/> the staff member who made it for someone (null: the citizen).</summary>
public sealed record NewBooking(
    Guid Id,
    string ConfirmationCode,
    Guid TenantId,
    Guid LocationId,
    string ServiceCode,
    DateTimeOffset SlotStart,
    DateTimeOffset SlotEnd,
    int Seat,
    int SlotCapacity,
    string HoldId,
    string? IdempotencyKey,
    SealedCitizen Citizen,
    SealedDeclarations Declarations,
    DateTimeOffset ConsentAt,
    System.Net.IPAddress? SourceIp,
    byte[]? RequestDigest = null,
    string Channel = BookingChannel.Web,
    string? Actor = null);

public abstract record InsertOutcome
{
    public sealed record Inserted : InsertOutcome;
    /// <summary>The hold was confirmed before by this same request (a retry): here is that booking.</summary>
    public sealed record AlreadyConfirmed(StoredBooking Existing) : InsertOutcome;
    /// <summary>The hold was confirmed before by another request: nothing about that booking may be told.</summary>
    public sealed record HoldAlreadyUsed : InsertOutcome;
    /// <summary>The citizen has another booking of this service less than its minimum interval away.</summary>
    public sealed record TooSoon : InsertOutcome;
    /// <summary>The idempotency key was used before for another hold.</summary>
    public sealed record IdempotencyKeyReused : InsertOutcome;
    /// <summary>The database guard refused the seat: the grain's memory was stale.</summary>
    public sealed record SeatTaken : InsertOutcome;
    public sealed record CodeCollision : InsertOutcome;
}
