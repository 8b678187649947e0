namespace Booking.Grains.Inventory;

[GenerateSerializer, Immutable, Alias("booking.LocationDay.HoldRequest")]
public sealed record HoldRequest(string ServiceCode, DateTimeOffset Start, string? IdempotencyKey);

[GenerateSerializer, Immutable, Alias("booking.LocationDay.HoldResult")]
public abstract record HoldResult
{
    [GenerateSerializer, Immutable, Alias("booking.LocationDay.HoldResult.Held")]
    public sealed record Held(string HoldId, DateTimeOffset ExpiresAt, string ServiceCode, DateTimeOffset Start, DateTimeOffset End) : HoldResult;
    [GenerateSerializer, Immutable, Alias("booking.LocationDay.HoldResult.Full")]
    public sealed record Full : HoldResult;
    [GenerateSerializer, Immutable, Alias("booking.LocationDay.HoldResult.NoSuchSlot")]
    public sealed record NoSuchSlot : HoldResult;
    [GenerateSerializer, Immutable, Alias("booking.LocationDay.HoldResult.SlotStarted")]
    public sealed record SlotStarted : HoldResult;
    /// <summary>The idempotency key was already used for a different request.</summary>
    [GenerateSerializer, Immutable, Alias("booking.LocationDay.HoldResult.KeyReused")]
    public sealed record KeyReused : HoldResult;
}
