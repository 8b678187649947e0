using Booking.Data.Protection;
using Booking.Domain.Citizens;

namespace Booking.Passes.Tests;

/// <summary>Sealing a citizen asks the key file once (each ask is a system call on every booking), and gives the same
/// fingerprints as asking for each alone.</summary>
public sealed class PersonalDataProtectorTests
{
    [Fact]
    public void A_citizen_is_sealed_and_fingerprinted_with_one_look_at_the_key_ring()
    {
        var ring = KeyRing.Generate("k1");
        var looks = 0;
        var protector = new PersonalDataProtector(() =>
        {
            looks++;
            return ring;
        });
        var citizen = new CitizenDetails("Marie", "Tremblay", new DateOnly(1980, 5, 1), "TREM80050112", "marie@example.org", "+1 514 555 0143", "fr", EmailConsent: true);

        var sealedCitizen = protector.Seal(citizen, new DateOnly(2027, 1, 5), Guid.NewGuid());

        Assert.Equal(1, looks);
        Assert.Equal(protector.Fingerprints(citizen).Citizen, sealedCitizen.Fingerprint);
        Assert.Equal(protector.HealthCardFingerprint("TREM80050112"), sealedCitizen.HealthCardFingerprint);
        Assert.Equal(protector.PhoneFingerprint("+15145550143"), sealedCitizen.PhoneFingerprint);
        Assert.Equal(citizen, protector.Unseal(sealedCitizen.Ciphertext, sealedCitizen.KeyId));
    }
}
