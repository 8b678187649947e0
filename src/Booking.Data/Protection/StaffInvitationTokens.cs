using System.Security.Cryptography;
using System.Text;

namespace Booking.Data.Protection;

/// <summary>The secret part of a staff invitation link: <c>{invitation id}.{signature}</c>, the signature an HMAC of
/// the id with a key held outside the database. It only says "this invitation, as issued": whether it is still
/// unused, unexpired and its account active is the row's to say. Signed under its own label, so a citizen's manage
/// token (same key, <see cref="ManageTokens"/>) can never pass for one.</summary>
public sealed class StaffInvitationTokens(KeyRing keys)
{
    /// <summary>How long an invitation works: long enough for a weekend, short enough that a forgotten e-mail goes stale.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(72);

    public string For(Guid invitationId) => $"{invitationId:N}.{Signature(invitationId)}";

    /// <summary>The invitation a token names, if its signature is right; null for anything else.</summary>
    public Guid? Verify(string? token)
    {
        var parts = token?.Split('.');
        if (parts is not [var id, var signature] || !Guid.TryParseExact(id, "N", out var invitationId))
            return null;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Signature(invitationId)), Encoding.ASCII.GetBytes(signature))
            ? invitationId
            : null;
    }

    private string Signature(Guid invitationId) =>
        Convert.ToBase64String(HMACSHA256.HashData(keys.ManageTokenKey, Encoding.UTF8.GetBytes($"staff-invitation|{invitationId:N}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
