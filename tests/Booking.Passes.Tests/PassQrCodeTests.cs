using System.Text;
using Booking.Passes.QrCodes;

namespace Booking.Passes.Tests;

/// <summary>No QR decoder is available from the package mirror (ZXing.Net is not there), so a camera reading the code
/// back is not tested: the PNG's pixels are compared with the symbol, which <see cref="QrSymbolOracleTests"/> compares
/// with QRCoder's.</summary>
public sealed class PassQrCodeTests
{
    [Fact]
    public void The_png_is_a_png_whose_pixels_depend_on_the_token()
    {
        var first = PassQrCode.Png("eyJhbGciOiJFUzI1NiJ9.first.pass");
        var second = PassQrCode.Png("eyJhbGciOiJFUzI1NiJ9.other.pass");

        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], first[..8]);
        Assert.Equal("IHDR", Encoding.ASCII.GetString(first, 12, 4));
        Assert.NotEqual(PngModules.Pixels(first), PngModules.Pixels(second));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)] // a pass in an e-mail
    [InlineData(5)] // an authenticator's enrolment code
    [InlineData(8)]
    [InlineData(13)]
    public void The_png_draws_exactly_the_qr_symbol_of_the_token_inside_a_light_quiet_zone(int pixelsPerModule)
    {
        var token = "eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImFiYyJ9.eyJiaWQiOiI2ZjFjOGE1MiJ9.c2lnbmF0dXJl";
        var symbol = QrSymbol.Encode(Encoding.ASCII.GetBytes(token));

        var drawn = PngModules.Read(PassQrCode.Png(token, pixelsPerModule), pixelsPerModule);

        var quiet = QrPng.QuietZone;
        Assert.Equal(symbol.Size + 2 * quiet, drawn.GetLength(0));
        for (var row = 0; row < drawn.GetLength(0); row++)
            for (var column = 0; column < drawn.GetLength(1); column++)
            {
                int r = row - quiet, c = column - quiet;
                var inside = r >= 0 && r < symbol.Size && c >= 0 && c < symbol.Size;
                Assert.True((inside && symbol[r, c]) == drawn[row, column], $"module ({row}, {column})");
            }
    }

    [Fact]
    public void More_pixels_per_module_make_a_larger_image()
    {
        static int Width(byte[] png) => (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
        var token = "eyJhbGciOiJFUzI1NiJ9.some.pass";

        Assert.Equal(2 * Width(PassQrCode.Png(token, 4)), Width(PassQrCode.Png(token, 8)));
    }

    [Fact]
    public void A_token_too_long_for_any_qr_version_is_refused_clearly()
    {
        var token = new string('a', QrSymbol.MaxBytes + 1);

        var error = Assert.Throws<ArgumentException>(() => PassQrCode.Png(token));

        Assert.Contains("at most 2331 bytes", error.Message);
    }
}
