namespace Booking.Passes.Tests;

/// <summary>No QR decoder is available from the package mirror (ZXing.Net is not there), so these check the image
/// is a real PNG / SVG whose content depends on the token, not that a camera reads it back.</summary>
public sealed class PassQrCodeTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void The_png_is_a_png_whose_pixels_depend_on_the_token()
    {
        var first = PassQrCode.Png("eyJhbGciOiJFUzI1NiJ9.first.pass");
        var second = PassQrCode.Png("eyJhbGciOiJFUzI1NiJ9.other.pass");

        Assert.Equal(PngSignature, first[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(first, 12, 4));
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void More_pixels_per_module_make_a_larger_image()
    {
        static int Width(byte[] png) => (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
        var token = "eyJhbGciOiJFUzI1NiJ9.some.pass";

        Assert.Equal(2 * Width(PassQrCode.Png(token, 4)), Width(PassQrCode.Png(token, 8)));
    }

    [Fact]
    public void The_svg_is_an_svg_whose_drawing_depends_on_the_token()
    {
        var first = PassQrCode.Svg("eyJhbGciOiJFUzI1NiJ9.first.pass");
        var second = PassQrCode.Svg("eyJhbGciOiJFUzI1NiJ9.other.pass");

        Assert.Contains("<svg", first);
        Assert.NotEqual(first, second);
    }
}
