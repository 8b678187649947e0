using System.Security.Cryptography;
using System.Text;

namespace Booking.Data.Protection;

/// <summary>The secrets in the waiting list's links, derived from an id with the manage-link key under their own labels:
/// an offer's link opens that offer only, a leave link removes that place only.</summary>
public sealed class WaitingListTokens(KeyRing keys)
{
    public string ForOffer(Guid offerId) => Token("waiting-list-offer|", offerId);

    public string ForPlace(Guid entryId) => Token("waiting-list-place|", entryId);

    public bool VerifyOffer(Guid offerId, string? token) => Verify(ForOffer(offerId), token);

    public bool VerifyPlace(Guid entryId, string? token) => Verify(ForPlace(entryId), token);

    private string Token(string label, Guid id) =>
        Convert.ToBase64String(HMACSHA256.HashData(keys.ManageTokenKey, Encoding.UTF8.GetBytes(label + id.ToString("N"))).AsSpan(0, 18))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool Verify(string expected, string? token) =>
        token is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(token));
}
