using QRCoder;

namespace Booking.Passes;

/// <summary>Draws a pass as a QR code. Level M error correction: a token of ~400 characters stays a code a phone
/// camera reads from another phone's screen or a printout.</summary>
public static class PassQrCode
{
    private const QRCodeGenerator.ECCLevel Correction = QRCodeGenerator.ECCLevel.M;

    public static byte[] Png(string token, int pixelsPerModule = 8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pixelsPerModule, 1);
        using var data = Encode(token);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    public static string Svg(string token)
    {
        using var data = Encode(token);
        return new SvgQRCode(data).GetGraphic(8);
    }

    private static QRCodeData Encode(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        return QRCodeGenerator.GenerateQrCode(token, Correction);
    }
}
