using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Booking.Contracts;

namespace Booking.Data.Protection;

/// <summary>
/// The signed tokens of a waiting room, kept by the visitor (cookie or header): a ticket (their place, so a refresh
/// keeps it) and an admission pass (expiring, bound to the ticket). HMAC-SHA256 with a key derived from the key file's manage-link key, so
/// every web host checks them without shared state; a forged or altered token is simply not valid.
/// </summary>
public sealed class WaitingRoomTokens(KeyRing keys)
{
    private readonly byte[] _key = HMACSHA256.HashData(keys.ManageTokenKey, "waiting-room-tokens/v1"u8);

    public string Ticket(string room, WaitingTicket ticket) =>
        Sign(string.Create(CultureInfo.InvariantCulture, $"t.{room}.{ticket.Epoch}.{ticket.Number}"));

    public bool TryReadTicket(string room, string? token, out WaitingTicket ticket)
    {
        ticket = new WaitingTicket(0, 0);
        if (Verified(token) is not { } payload || payload.Split('.') is not ["t", var r, var epoch, var number] || r != room
            || !long.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out var e)
            || !long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            return false;
        ticket = new WaitingTicket(e, n);
        return true;
    }

    /// <summary>An admission pass, bound to the ticket it was admitted with: the room counts the holds made with it.</summary>
    public string Pass(string room, WaitingTicket ticket, DateTimeOffset expiresAt) =>
        Sign(string.Create(CultureInfo.InvariantCulture, $"p.{room}.{ticket.Epoch}.{ticket.Number}.{expiresAt.ToUnixTimeSeconds()}"));

    /// <summary>True for a well-signed, unexpired pass of the room, with the ticket it is bound to.</summary>
    public bool TryReadPass(string room, string? token, DateTimeOffset now, out WaitingTicket ticket)
    {
        ticket = new WaitingTicket(0, 0);
        if (Verified(token) is not { } payload || payload.Split('.') is not ["p", var r, var epoch, var number, var expires] || r != room
            || !long.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out var e)
            || !long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || now.ToUnixTimeSeconds() >= seconds)
            return false;
        ticket = new WaitingTicket(e, n);
        return true;
    }

    private string Sign(string payload) => $"{payload}.{Base64Url(Mac(payload))}";

    /// <summary>The payload of a well-signed token, else null (compared in constant time).</summary>
    private string? Verified(string? token)
    {
        var dot = token?.LastIndexOf('.') ?? -1;
        if (dot <= 0)
            return null;
        var payload = token![..dot];
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Base64Url(Mac(payload))), Encoding.ASCII.GetBytes(token[(dot + 1)..]))
            ? payload : null;
    }

    private byte[] Mac(string payload) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(payload))[..16];

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
