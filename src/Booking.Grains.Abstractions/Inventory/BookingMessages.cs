namespace Booking.Grains.Inventory;

/// <summary><see cref="SourceIp"/> is the address of whoever confirms, for the audit record of the booking's creation;
/// <see cref="Declarations"/> commit with the booking. <see cref="RequestDigest"/> is the edge's keyed fingerprint of what
/// was sent: a confirmation of a hold already confirmed gets the booking only with the same key and the same digest.
/// <see cref="Channel"/> says how the booking was made (<see cref="Domain.Bookings.BookingChannel"/>); <see cref="Actor"/>
/// names the staff member who made it on someone's behalf (<c>staff:&lt;id&gt;</c>), null for the citizen.</summary>
[GenerateSerializer, Immutable, Alias("booking.LocationDay.ConfirmRequest")]
public sealed record ConfirmRequest(string HoldId, SealedCitizen Citizen, DateTimeOffset ConsentAt, string? IdempotencyKey, string? SourceIp,
    SealedDeclarations Declarations, byte[]? RequestDigest = null, string Channel = Domain.Bookings.BookingChannel.Web, string? Actor = null)
{
    /// <summary>Whether <paramref name="other"/> is a retry of this request rather than someone else holding its hold id.</summary>
    public bool IsRetriedBy(ConfirmRequest other) =>
        IdempotencyKey is not null && IdempotencyKey == other.IdempotencyKey
        && RequestDigest is not null && other.RequestDigest is not null && RequestDigest.AsSpan().SequenceEqual(other.RequestDigest);
}

/// <summary>What the citizen is told once the booking is durable.</summary>
[GenerateSerializer, Immutable, Alias("booking.LocationDay.BookingConfirmation")]
public sealed record BookingConfirmation(Guid BookingId, string ConfirmationCode, Guid LocationId, string ServiceCode, DateTimeOffset Start, DateTimeOffset End);

[GenerateSerializer, Immutable, Alias("booking.LocationDay.ConfirmResult")]
public abstract record ConfirmResult
{
    [GenerateSerializer, Immutable, Alias("booking.LocationDay.ConfirmResult.Confirmed")]
    public sealed record Confirmed(BookingConfirmation Booking) : ConfirmResult;
    [GenerateSerializer, Immutable, Alias("booking.LocationDay.ConfirmResult.UnknownHold")]
    public sealed record UnknownHold : ConfirmResult;
    [GenerateSerializer, Immutable, Alias("booking.LocationDay.ConfirmResult.HoldExpired")]
    public sealed record HoldExpired : ConfirmResult;
    /// <summary>The seat could not be committed (the database guard refused it); the citizen picks another slot.</summary>
    [GenerateSerializer, Immutable, Alias("booking.LocationDay.ConfirmResult.SlotTaken")]
    public sealed record SlotTaken : ConfirmResult;
    [GenerateSerializer, Immutable, Alias("booking.LocationDay.ConfirmResult.KeyReused")]
    public sealed record KeyReused : ConfirmResult;
    /// <summary>The citizen has another booking of this service within its minimum interval (it committed meanwhile).</summary>
    [GenerateSerializer, Immutable, Alias("booking.LocationDay.ConfirmResult.TooSoon")]
    public sealed record TooSoon : ConfirmResult;
    /// <summary>A walk-in found no slot under way or later that day with room, the clinic's extra seats included.</summary>
    [GenerateSerializer, Immutable, Alias("booking.LocationDay.ConfirmResult.NoRoom")]
    public sealed record NoRoom : ConfirmResult;
}

/// <summary>Someone who came without an appointment, booked by the front desk (<see cref="Actor"/>, <c>staff:&lt;id&gt;</c>,
/// from <see cref="SourceIp"/>). <see cref="IdempotencyKey"/> is the form's: a form sent twice books once.</summary>
[GenerateSerializer, Immutable, Alias("booking.LocationDay.WalkInRequest")]
public sealed record WalkInRequest(string ServiceCode, SealedCitizen Citizen, SealedDeclarations Declarations, string IdempotencyKey, string? SourceIp,
    string Actor);

/// <summary>Cancel or move a booking read at <see cref="ExpectedVersion"/>; a concurrent change makes it fail
/// instead of overwriting (compare-and-swap on the row). <see cref="ByStaff"/> is set when a staff member makes the
/// change (null: the citizen, through the manage link).</summary>
[GenerateSerializer, Immutable, Alias("booking.LocationDay.CancelRequest")]
public sealed record CancelRequest(Guid BookingId, int ExpectedVersion, StaffChange? ByStaff = null);

[GenerateSerializer, Immutable, Alias("booking.LocationDay.MoveRequest")]
public sealed record MoveRequest(Guid BookingId, int ExpectedVersion, string ServiceCode, string HoldId, LocationDayKey From, StaffChange? ByStaff = null);

/// <summary>A booking changed by a staff member: who (<c>staff:&lt;id&gt;</c>) from where, the reason's code and the
/// note typed with it (sealed at the edge), and the form's key, so that a form sent twice acts once. The change commits
/// with its audit record. <see cref="ByClinic"/>: the clinic decided (the citizen is told the clinic changed it);
/// false for a contact-centre agent acting on the caller's request (told as their own change).</summary>
[GenerateSerializer, Immutable, Alias("booking.LocationDay.StaffChange")]
public sealed record StaffChange(string Actor, string? SourceIp, bool ByClinic, string Reason, byte[]? NoteCiphertext, string? NoteKeyId, Guid FormKey);

[GenerateSerializer, Alias("booking.LocationDay.ChangeResult")]
public enum ChangeResult { Done, BookingChanged, UnknownHold, HoldExpired, SlotTaken, WrongService, TooSoon }
