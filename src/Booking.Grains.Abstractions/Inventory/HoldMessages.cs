namespace Booking.Grains.Inventory;

[GenerateSerializer, Immutable]
public sealed record HoldRequest(string ServiceCode, DateTimeOffset Start, string? IdempotencyKey);

[GenerateSerializer, Immutable]
public abstract record HoldResult
{
    [GenerateSerializer, Immutable]
    public sealed record Held(string HoldId, DateTimeOffset ExpiresAt, string ServiceCode, DateTimeOffset Start, DateTimeOffset End) : HoldResult;
    [GenerateSerializer, Immutable]
    public sealed record Full : HoldResult;
    [GenerateSerializer, Immutable]
    public sealed record NoSuchSlot : HoldResult;
    [GenerateSerializer, Immutable]
    public sealed record SlotStarted : HoldResult;
    /// <summary>The idempotency key was already used for a different request.</summary>
    [GenerateSerializer, Immutable]
    public sealed record KeyReused : HoldResult;
}
