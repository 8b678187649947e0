namespace Booking.Grains;

/// <summary>
/// A grain call failed because something the silo depends on (PostgreSQL) is unreachable or failing. The silo throws
/// this in place of the provider's own exception, which Orleans cannot serialise to the caller; callers answer it as
/// "temporarily unavailable, try again". It carries the original's type and message as text, never the original.
/// </summary>
[GenerateSerializer, Alias("booking.InfrastructureUnavailable")]
public sealed class InfrastructureUnavailableException : Exception
{
    public InfrastructureUnavailableException()
    {
    }

    public InfrastructureUnavailableException(string message) : base(message)
    {
    }
}
