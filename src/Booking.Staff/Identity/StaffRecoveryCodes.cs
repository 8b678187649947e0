using System.Security.Cryptography;
using System.Text;
using Booking.Data.Notifications;
using Booking.Data.Protection;
using Booking.Data.Staff;
using Booking.Staff.Administration;
using Booking.Staff.Bookings;

namespace Booking.Staff.Identity;

/// <summary>
/// Recovery codes: ten single-use codes that stand in for the authenticator at the second sign-in step when the phone is
/// lost. Shown once, when made (after enrolment, or when the person makes new ones from their account page), and kept
/// only as keyed hashes (HMAC with the key file's fingerprint key), so the database cannot show one. Using a code marks
/// it used in one statement that only matches an unused code, so two sessions cannot both use it.
/// </summary>
public sealed class StaffRecoveryCodes(RecoveryCodeRepository stored, StaffIdentityContext context, KeyRing keys, TimeProvider clock)
{
    public const int Count = 10;

    // No look-alikes (0/O, 1/I): codes are read off paper. 32 symbols, 10 per code: 50 bits.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>Replaces the person's codes with new ones, as their own audited change (they are also told by e-mail),
    /// and returns them: the only time they exist in clear.</summary>
    public async Task<IReadOnlyList<string>> RegenerateAsync(StaffUser user, StaffActor self, CancellationToken cancellationToken = default)
    {
        var codes = Enumerable.Range(0, Count).Select(_ => New()).ToList();
        await using var change = await StaffChange.BeginAsync(context, self, cancellationToken);
        await RecoveryCodeRepository.ReplaceAsync(change.Transaction, user.Id, codes.Select(Hash).ToList(), clock.GetUtcNow(), cancellationToken);
        await change.RecordAsync(StaffAccountEvent.RecoveryCodesGenerated, user.Id, user.TenantId, "", cancellationToken);
        await change.CommitAsync(cancellationToken);
        return codes;
    }

    /// <returns>Whether the code was one of the person's unused codes; it is used from now on.</returns>
    public Task<bool> TryUseAsync(Guid userId, string code, CancellationToken cancellationToken = default) =>
        stored.TryUseAsync(userId, Hash(code), clock.GetUtcNow(), cancellationToken);

    public Task<int> RemainingAsync(Guid userId, CancellationToken cancellationToken = default) => stored.RemainingAsync(userId, cancellationToken);

    private static string New()
    {
        var symbols = RandomNumberGenerator.GetItems<char>(Alphabet, 10);
        return $"{new string(symbols, 0, 5)}-{new string(symbols, 5, 5)}";
    }

    /// <summary>Typed as shown or not: case, spaces and dashes do not matter.</summary>
    private byte[] Hash(string code)
    {
        var normalised = new string(code.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return HMACSHA256.HashData(keys.FingerprintKey, Encoding.UTF8.GetBytes("staff-recovery-code|" + normalised));
    }
}
