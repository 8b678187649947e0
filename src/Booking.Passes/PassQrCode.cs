using System.Text;
using Booking.Passes.QrCodes;

namespace Booking.Passes;

/// <summary>Draws a pass as a QR code PNG. Level M error correction: a token of ~400 characters stays a code a phone
/// camera reads from another phone's screen or a printout. The project's own encoder (<see cref="QrSymbol"/>) costs
/// under a tenth of a millisecond where a general-purpose library cost milliseconds, which mattered at 1 000 e-mails/s.
/// Four pixels per module: a pass is ~81 modules wide with its quiet zone, so 324 px, more than the 240 px the e-mail
/// shows it at; twice that only made every e-mail of a burst slower to draw, send and read.</summary>
public static class PassQrCode
{
    public static byte[] Png(string token, int pixelsPerModule = 4)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        ArgumentOutOfRangeException.ThrowIfLessThan(pixelsPerModule, 1);
        return QrPng.Write(QrSymbol.Encode(Encoding.UTF8.GetBytes(token)), pixelsPerModule);
    }
}
