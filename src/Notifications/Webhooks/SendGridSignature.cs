using System.Security.Cryptography;
using System.Text;

namespace Booking.Notifications.Webhooks;

/// <summary>SendGrid's signed Event Webhook: an ECDSA (P-256, SHA-256, DER) signature of the timestamp header
/// followed by the raw body, checked with the public key SendGrid shows for the webhook.</summary>
public sealed class SendGridSignature : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create();

    public SendGridSignature(string base64PublicKey) =>
        _key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(base64PublicKey), out _);

    public bool IsValid(byte[] body, string? timestamp, string? signature)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
            return false;
        byte[] signatureBytes;
        try
        {
            signatureBytes = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            return false;
        }
        var signed = Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray();
        return _key.VerifyData(signed, signatureBytes, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    public void Dispose() => _key.Dispose();
}
