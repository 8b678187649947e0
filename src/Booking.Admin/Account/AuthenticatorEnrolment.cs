using System.Text;
using Booking.Passes.QrCodes;

namespace Booking.Admin.Account;

/// <summary>What an authenticator app is set up from: the Key URI Format (<c>otpauth://totp/…</c>: SHA-1, 6 digits,
/// 30 s, the apps' defaults), drawn as a QR code, and the key itself for typing in by hand.</summary>
public static class AuthenticatorEnrolment
{
    public const string Issuer = "Rendez-vous santé";

    public static string Uri(string account, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(account)}?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6";

    public static string QrCodeDataUri(string uri) =>
        "data:image/png;base64," + Convert.ToBase64String(QrPng.Write(QrSymbol.Encode(Encoding.UTF8.GetBytes(uri)), pixelsPerModule: 5));

    /// <summary>The base-32 key in groups of four, easier to copy by hand.</summary>
    public static string Readable(string key) =>
        string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(group => new string(group)));
}
