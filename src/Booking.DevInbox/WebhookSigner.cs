using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Booking.DevInbox;

/// <summary>Signs webhooks as the real providers do: SendGrid with ECDSA P-256 over timestamp + body, Twilio with
/// HMAC-SHA1 of the URL and the sorted form parameters, keyed with the auth token.</summary>
public sealed class WebhookSigner : IDisposable
{
    private readonly ECDsa _sendGridKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _twilioToken;

    public WebhookSigner(IOptions<InboxOptions> options)
    {
        if (options.Value.SendGridSigningKey is { Length: > 0 } key)
            _sendGridKey.ImportPkcs8PrivateKey(Convert.FromBase64String(key), out _);
        _twilioToken = Encoding.UTF8.GetBytes(options.Value.TwilioAuthToken);
    }

    /// <summary>The verification key to give the worker (base64 DER, as SendGrid shows it).</summary>
    public string SendGridPublicKey => Convert.ToBase64String(_sendGridKey.ExportSubjectPublicKeyInfo());

    public string SignSendGrid(string timestamp, byte[] body) =>
        Convert.ToBase64String(_sendGridKey.SignData([.. Encoding.UTF8.GetBytes(timestamp), .. body], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

    public string SignTwilio(string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in form.OrderBy(p => p.Key, StringComparer.Ordinal))
            data.Append(name).Append(value);
        // Twilio's X-Twilio-Signature is HMAC-SHA1 by its specification; the stub signs as Twilio does.
#pragma warning disable CA5350
        return Convert.ToBase64String(HMACSHA1.HashData(_twilioToken, Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }

    public void Dispose() => _sendGridKey.Dispose();
}
