using Booking.Data.Protection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Booking.Staff.Identity;

/// <summary>Identity's user store on our tables, except that the authenticator key is sealed (AES-GCM, keys in the key
/// file outside the database), like citizens' details: a copy of the database alone cannot produce anyone's codes.</summary>
public sealed class StaffUserStore(StaffIdentityContext context, PersonalDataProtector protector, IdentityErrorDescriber? describer = null)
    : UserOnlyStore<StaffUser, StaffIdentityContext, Guid>(context, describer)
{
    private const string Purpose = "staff-authenticator-key";

    public override Task SetAuthenticatorKeyAsync(StaffUser user, string key, CancellationToken cancellationToken) =>
        base.SetAuthenticatorKeyAsync(user, Seal(key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(StaffUser user, CancellationToken cancellationToken) =>
        await base.GetAuthenticatorKeyAsync(user, cancellationToken) is { } stored ? Unseal(stored) : null;

    // Stored as "<key id>:<base64 ciphertext>"; base 64 has no ':', so the last one separates them.
    private string Seal(string key)
    {
        var sealedKey = protector.Seal(key, Purpose);
        return $"{sealedKey.KeyId}:{Convert.ToBase64String(sealedKey.Ciphertext)}";
    }

    private string Unseal(string stored)
    {
        var separator = stored.LastIndexOf(':');
        return protector.Unseal<string>(Convert.FromBase64String(stored[(separator + 1)..]), stored[..separator], Purpose);
    }
}
