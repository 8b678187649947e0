namespace Booking.Notifications.Channels;

/// <summary>What a provider said to one send.</summary>
public abstract record SendOutcome
{
    public sealed record Accepted(string ProviderMessageId) : SendOutcome;

    /// <summary>Worth another try later (5xx, 429, timeout, network).</summary>
    public sealed record Transient(string Error) : SendOutcome;

    /// <summary>This channel will not take it (bad address, refused): try the other channel instead.</summary>
    public sealed record Permanent(string Error) : SendOutcome;

    public static SendOutcome FromStatus(int status, string body) => status switch
    {
        429 or >= 500 => new Transient($"HTTP {status}: {Trim(body)}"),
        _ => new Permanent($"HTTP {status}: {Trim(body)}"),
    };

    private static string Trim(string body) => body.Length <= 300 ? body : body[..300];
}
