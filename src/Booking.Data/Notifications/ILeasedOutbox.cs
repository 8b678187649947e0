namespace Booking.Data.Notifications;

/// <summary>A message a worker has claimed from a leased outbox.</summary>
public interface IClaimedMessage
{
    Guid Id { get; }

    /// <summary>How many times it has been claimed, this attempt included.</summary>
    int Attempts { get; }
}

/// <summary>An outbox a worker drains under a lease (<see cref="LeasedOutbox"/>): claim due messages, then record
/// each one's outcome.</summary>
public interface ILeasedOutbox<TClaimed> where TClaimed : IClaimedMessage
{
    Task<IReadOnlyList<TClaimed>> ClaimAsync(string workerId, int batchSize, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Records one send's outcome, if this worker still holds the message: sent, queued again at
    /// <paramref name="retryAt"/>, or given up (dead_letter).</summary>
    Task RecordAsync(string workerId, Guid id, string status, string? providerMessageId, string? error, DateTimeOffset? retryAt,
        CancellationToken cancellationToken = default);
}
