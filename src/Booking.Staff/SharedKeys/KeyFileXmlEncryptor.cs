using System.Xml.Linq;
using Booking.Data.Protection;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Staff.SharedKeys;

/// <summary>Encrypts each data-protection key with the key file's active key (AES-256-GCM, as personal data is) before
/// it is stored, so the database holds no key that could forge a staff cookie. Rotating the key file's encryption key
/// keeps old keys readable while the old key stays in the file.</summary>
public sealed class KeyFileXmlEncryptor(PersonalDataProtector protector) : IXmlEncryptor
{
    internal const string Purpose = "data-protection-key";
    internal const string Element = "sealedKey";
    internal const string KeyIdAttribute = "keyId";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var sealedKey = protector.Seal(plaintextElement.ToString(SaveOptions.DisableFormatting), Purpose);
        var element = new XElement(Element, new XAttribute(KeyIdAttribute, sealedKey.KeyId), Convert.ToBase64String(sealedKey.Ciphertext));
        return new EncryptedXmlInfo(element, typeof(KeyFileXmlDecryptor));
    }
}

/// <summary>Reads back what <see cref="KeyFileXmlEncryptor"/> wrote. Data protection creates it by type, named in the
/// stored element, with the host's services.</summary>
public sealed class KeyFileXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var protector = services.GetRequiredService<PersonalDataProtector>();
        var keyId = encryptedElement.Attribute(KeyFileXmlEncryptor.KeyIdAttribute)?.Value
                    ?? throw new InvalidOperationException("A stored data-protection key names no key-file key.");
        return XElement.Parse(protector.Unseal<string>(Convert.FromBase64String(encryptedElement.Value), keyId, KeyFileXmlEncryptor.Purpose));
    }
}
