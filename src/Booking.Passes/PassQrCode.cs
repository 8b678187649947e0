using System.Text;
using Booking.Passes.QrCodes;

namespace Booking.Passes;

/// <summary>Draws a pass as a QR code PNG. Level M error correction: a token of ~400 characters stays a code a phone
/// camera reads from another phone's screen or a printout. The project's own encoder (<see cref="QrSymbol"/>) costs
/// a few tens of microseconds where a general-purpose library cost milliseconds, which mattered at 1 000 e-mails/s.</summary>
public static class PassQrCode
{
    public static byte[] Png(string token, int pixelsPerModule = 8)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        ArgumentOutOfRangeException.ThrowIfLessThan(pixelsPerModule, 1);
        return QrPng.Write(QrSymbol.Encode(Encoding.UTF8.GetBytes(token)), pixelsPerModule);
    }
}
