namespace Booking.Grains.Inventory;

/// <summary><see cref="SourceIp"/> is the citizen's address, for the audit record of the booking's creation;
/// <see cref="Declarations"/> commit with the booking.</summary>
[GenerateSerializer, Immutable]
public sealed record ConfirmRequest(string HoldId, SealedCitizen Citizen, DateTimeOffset ConsentAt, string? IdempotencyKey, string? SourceIp,
    SealedDeclarations Declarations);

/// <summary>What the citizen is told once the booking is durable.</summary>
[GenerateSerializer, Immutable]
public sealed record BookingConfirmation(Guid BookingId, string ConfirmationCode, Guid LocationId, string ServiceCode, DateTimeOffset Start, DateTimeOffset End);

[GenerateSerializer, Immutable]
public abstract record ConfirmResult
{
    [GenerateSerializer, Immutable]
    public sealed record Confirmed(BookingConfirmation Booking) : ConfirmResult;
    [GenerateSerializer, Immutable]
    public sealed record UnknownHold : ConfirmResult;
    [GenerateSerializer, Immutable]
    public sealed record HoldExpired : ConfirmResult;
    /// <summary>The seat could not be committed (the database guard refused it); the citizen picks another slot.</summary>
    [GenerateSerializer, Immutable]
    public sealed record SlotTaken : ConfirmResult;
    [GenerateSerializer, Immutable]
    public sealed record KeyReused : ConfirmResult;
}

/// <summary>Cancel or move a booking read at <see cref="ExpectedVersion"/>; a concurrent change makes it fail
/// instead of overwriting (compare-and-swap on the row).</summary>
[GenerateSerializer, Immutable]
public sealed record CancelRequest(Guid BookingId, int ExpectedVersion);

[GenerateSerializer, Immutable]
public sealed record MoveRequest(Guid BookingId, int ExpectedVersion, string ServiceCode, string HoldId, LocationDayKey From);

[GenerateSerializer]
public enum ChangeResult { Done, BookingChanged, UnknownHold, HoldExpired, SlotTaken, WrongService }
