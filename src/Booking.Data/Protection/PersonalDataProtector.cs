using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Booking.Contracts;
using Booking.Data.Bookings;
using Booking.Domain.Citizens;

namespace Booking.Data.Protection;

/// <summary>Encrypts personal fields in the application so the database only ever sees ciphertext. What is tied to a
/// booking is sealed with its clinic's tenant's own key (<see cref="TenantDataKeys"/>), so that tenant's data can be
/// shredded alone; the rest with the platform's active key.</summary>
public sealed class PersonalDataProtector(Func<KeyRing> currentKeys)
{
    /// <summary>A protector over a fixed ring (tests, one-off tools); the hosts follow the key file (<see cref="KeyFileRing"/>).</summary>
    public PersonalDataProtector(KeyRing keys) : this(() => keys)
    {
    }

    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <summary>What a booking's citizen details are sealed for (bound into their ciphertext).</summary>
    public const string CitizenPurpose = "citizen";

    /// <param name="appointmentDay">The day of the appointment the details are for, which the age band is counted on.</param>
    /// <param name="tenantId">The tenant of the booking's clinic, whose key seals the details.</param>
    public SealedCitizen Seal(CitizenDetails citizen, DateOnly appointmentDay, Guid tenantId)
    {
        // One ring for the seal and its fingerprints: one look at the key file, and no mix of two rings.
        var keys = currentKeys();
        var sealedData = Seal(citizen, CitizenPurpose, tenantId, keys);
        var (fingerprint, healthCard) = Fingerprints(citizen, keys);
        return new SealedCitizen(sealedData.Ciphertext, sealedData.KeyId, fingerprint, healthCard, citizen.Language,
            string.IsNullOrWhiteSpace(citizen.Phone) ? null : PhoneFingerprint(citizen.Phone, keys), AgeBand.On(citizen.BirthDate, appointmentDay),
            citizen.Fsa);
    }

    /// <summary>What a citizen declared, sealed to travel with their confirmation (the booking's own statement stores it).</summary>
    public SealedDeclarations Seal(BookingDeclarations declarations, Guid tenantId)
    {
        var sealedData = Seal(declarations, BookingDeclarations.SealPurpose, tenantId);
        return new SealedDeclarations(sealedData.Ciphertext, sealedData.KeyId);
    }

    /// <summary>Seals a personal record tied to no tenant (a waiting-list contact, a complaint naming no booking, a staff
    /// key) with the platform's key. The <paramref name="purpose"/> is bound into the ciphertext, so a record cannot be
    /// passed off as another kind (e.g. a complaint as a citizen's details).</summary>
    public SealedData Seal<T>(T value, string purpose)
    {
        var keys = currentKeys();
        return Seal(value, purpose, keys, keys.ActiveKeyId);
    }

    /// <summary>Seals a personal record tied to a booking with the key of its clinic's tenant. A tenant given no key yet
    /// (see <see cref="TenantDataKeys.AddMissing"/>) seals with the platform's; one whose keys were destroyed is refused.</summary>
    public SealedData Seal<T>(T value, string purpose, Guid tenantId) => Seal(value, purpose, tenantId, currentKeys());

    private static SealedData Seal<T>(T value, string purpose, Guid tenantId, KeyRing keys)
    {
        if (keys.TenantKeyIds.TryGetValue(tenantId, out var tenantKey))
            return Seal(value, purpose, keys, tenantKey);
        if (keys.DestroyedKeyIds.Any(id => TenantDataKeys.TenantOf(id) == tenantId))
            throw new DataKeyDestroyedException($"Tenant {tenantId} left and its data key was destroyed: nothing is sealed for it any more.");
        return Seal(value, purpose, keys, keys.ActiveKeyId);
    }

    /// <summary>The record sealed again, as it was, with <paramref name="tenantKeyId"/>: for a tenant's data sealed before it
    /// had a key, or for a booking moved to its clinic from another tenant's. The plaintext never leaves this method.</summary>
    /// <exception cref="ArgumentException"><paramref name="tenantKeyId"/> is not a tenant's key in the ring.</exception>
    public SealedData Reseal(SealedData sealedData, string purpose, string tenantKeyId)
    {
        var keys = currentKeys();
        if (TenantDataKeys.TenantOf(tenantKeyId) is null || !keys.EncryptionKeys.ContainsKey(tenantKeyId))
            throw new ArgumentException($"'{tenantKeyId}' is not a tenant's data key in the key ring.", nameof(tenantKeyId));
        var plaintext = Open(sealedData.Ciphertext, sealedData.KeyId, purpose, keys);
        try
        {
            return Seal(plaintext, purpose, keys, tenantKeyId);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>The key that seals the tenant's records now; null when it has none (never given one, or shredded).</summary>
    public string? TenantKeyId(Guid tenantId) => currentKeys().TenantKeyIds.GetValueOrDefault(tenantId);

    /// <summary>The ids of the tenants' keys destroyed when they left.</summary>
    public IReadOnlySet<string> ShreddedKeyIds => currentKeys().DestroyedKeyIds;

    private static SealedData Seal<T>(T value, string purpose, KeyRing keys, string keyId) =>
        Seal(JsonSerializer.SerializeToUtf8Bytes(value), purpose, keys, keyId);

    private static SealedData Seal(byte[] plaintext, string purpose, KeyRing keys, string keyId)
    {
        var output = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys.EncryptionKeys[keyId], TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), AssociatedData(purpose, keyId));
        return new SealedData(output, keyId);
    }

    /// <summary>The keyed fingerprints a citizen is found by: name and birth date always, health card when given.</summary>
    public (byte[] Citizen, byte[]? HealthCard) Fingerprints(CitizenDetails citizen) => Fingerprints(citizen, currentKeys());

    private static (byte[] Citizen, byte[]? HealthCard) Fingerprints(CitizenDetails citizen, KeyRing keys) =>
        (CitizenFingerprint(citizen, keys), citizen.HealthCardNumber is { } card ? HealthCardFingerprint(card, keys) : null);

    /// <summary>
    /// A keyed fingerprint of a confirmation as sent (the hold, the validated citizen, the declarations in a fixed order),
    /// stored with the booking so that only a retry of that very request gets its answer again. Keyed, because the
    /// request is personal data: a plain hash of a name and a birth date could be found by trying.
    /// </summary>
    public byte[] RequestFingerprint(string holdId, CitizenDetails citizen, BookingDeclarations declarations)
    {
        var request = JsonSerializer.SerializeToUtf8Bytes(new
        {
            holdId,
            citizen,
            screening = declarations.Screening.OrderBy(a => a.QuestionId, StringComparer.Ordinal).Select(a => new { a.QuestionId, a.QuestionVersion, a.Answer }),
            groups = declarations.PriorityGroups.Order(StringComparer.Ordinal),
        });
        // The bytes of "confirmation|" and the request's JSON, as always, without making the JSON a string and back (nor
        // spreading both into a collection expression, which grows a buffer to get there).
        var prefix = "confirmation|"u8;
        var message = new byte[prefix.Length + request.Length];
        prefix.CopyTo(message);
        request.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(currentKeys().FingerprintKey, message);
    }

    /// <summary>Who answered STOP, without keeping their number: E.164 digits only, so any formatting matches.</summary>
    public byte[] PhoneFingerprint(string phone) => PhoneFingerprint(phone, currentKeys());

    private static byte[] PhoneFingerprint(string phone, KeyRing keys) => Hmac(keys, "phone|+" + new string(phone.Where(char.IsAsciiDigit).ToArray()));

    /// <summary>One fingerprint per person reached at a contact: the e-mail address (case folded) when there is one,
    /// else the phone's digits.</summary>
    public byte[] ContactFingerprint(string? email, string? phone) => email is { Length: > 0 }
        ? Hmac(currentKeys(), "email|" + email.Trim().ToLowerInvariant())
        : Hmac(currentKeys(), "contact-phone|+" + new string((phone ?? "").Where(char.IsAsciiDigit).ToArray()));

    /// <summary>Whether a record sealed with this key was shredded (its tenant left and the key was destroyed): readers
    /// treat such a booking as gone, instead of failing on it. A booking the retention rule erased has no key left.</summary>
    public bool IsShredded(string? keyId) => keyId is not null && currentKeys().DestroyedKeyIds.Contains(keyId);

    public CitizenDetails Unseal(byte[] ciphertext, string keyId) => Unseal<CitizenDetails>(ciphertext, keyId, CitizenPurpose);

    /// <summary>The citizen of a booking, or null when the retention rule has erased them (no ciphertext left).</summary>
    public CitizenDetails? UnsealUnlessErased(byte[]? ciphertext, string? keyId) =>
        ciphertext is null || keyId is null ? null : Unseal(ciphertext, keyId);

    /// <exception cref="DataKeyDestroyedException">The record was sealed with a tenant's key destroyed when it left.</exception>
    public T Unseal<T>(byte[] ciphertext, string keyId, string purpose) =>
        JsonSerializer.Deserialize<T>(Open(ciphertext, keyId, purpose, currentKeys()))!;

    private static byte[] Open(byte[] ciphertext, string keyId, string purpose, KeyRing keys)
    {
        var key = keys.EncryptionKeys.TryGetValue(keyId, out var k) ? k
            : keys.DestroyedKeyIds.Contains(keyId)
                ? throw new DataKeyDestroyedException($"Encryption key '{keyId}' was destroyed when its tenant left: this record can no longer be read.")
                : throw new CryptographicException($"Encryption key '{keyId}' is not in the key ring.");
        var plaintext = new byte[ciphertext.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(ciphertext.AsSpan(0, NonceSize), ciphertext.AsSpan(NonceSize + TagSize), ciphertext.AsSpan(NonceSize, TagSize), plaintext, AssociatedData(purpose, keyId));
        return plaintext;
    }

    /// <summary>Same person, same fingerprint, whatever the accents or case they typed this time.</summary>
    private static byte[] CitizenFingerprint(CitizenDetails citizen, KeyRing keys) =>
        Hmac(keys, $"{Fold(citizen.LastName)}|{Fold(citizen.FirstName)}|{citizen.BirthDate:yyyy-MM-dd}");

    /// <summary>What a health card is found by: the same fingerprint its booking stores, however the number is typed.</summary>
    public byte[] HealthCardFingerprint(string healthCardNumber) => HealthCardFingerprint(healthCardNumber, currentKeys());

    private static byte[] HealthCardFingerprint(string healthCardNumber, KeyRing keys) => Hmac(keys, "card|" + Fold(healthCardNumber));

    private static byte[] Hmac(KeyRing keys, string value) => HMACSHA256.HashData(keys.FingerprintKey, Encoding.UTF8.GetBytes(value));

    private static byte[] AssociatedData(string purpose, string keyId) => Encoding.UTF8.GetBytes($"{purpose}:{keyId}");

    private static string Fold(string value)
    {
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var kept = decomposed.Where(c => char.IsLetterOrDigit(c)).Select(char.ToUpperInvariant);
        return new string(kept.ToArray());
    }
}
