using Booking.Data.Bookings;
using Booking.Data.Protection;
using Booking.Domain.Citizens;

namespace Booking.Passes.Tests;

/// <summary>Sealing a citizen asks the key file once (each ask is a system call on every booking), and gives the same
/// fingerprints as asking for each alone; a confirmation's fingerprint does not change from one release to the next.</summary>
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

    /// <summary>Bookings store the fingerprint of the request that made them, and a retry is answered only when its
    /// fingerprint matches: computing it any other way would turn a retry sent across a release into a refusal.</summary>
    [Fact]
    public void A_confirmations_fingerprint_stays_the_one_bookings_already_store()
    {
        var ring = new KeyRing("k1", new Dictionary<string, byte[]> { ["k1"] = new byte[32] },
            [.. Enumerable.Range(1, 32).Select(i => (byte)i)], new byte[32]);
        var citizen = new CitizenDetails("Émilie", "Côté", new DateOnly(1980, 5, 1), "COTE80550112", "emilie@example.org", "+15145550143", "fr", EmailConsent: true);
        var declarations = new BookingDeclarations(
            [new RecordedAnswer("q2", 1, "Enceinte ?", "Pregnant?", false), new RecordedAnswer("q1", 3, "Fièvre ?", "Fever?", true)],
            ["health-worker", "chronic"]);

        var fingerprint = new PersonalDataProtector(ring).RequestFingerprint("hold-1", citizen, declarations);

        Assert.Equal("54D36D19377307091C6EBE9D513A05F37D0F379E9C09B777D017E65E5E0AF801", Convert.ToHexString(fingerprint));
    }
}
