namespace Booking.Passes.Tests;

/// <summary>No QR decoder is available from the package mirror (ZXing.Net is not there), so a camera reading the code
/// back is not tested: the PNG's pixels are compared with the module matrix QRCoder computes for the token instead.</summary>
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
    public void The_png_draws_exactly_the_qr_matrix_of_the_token()
    {
        var token = "eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImFiYyJ9.eyJiaWQiOiI2ZjFjOGE1MiJ9.c2lnbmF0dXJl";
        using var expected = QRCoder.QRCodeGenerator.GenerateQrCode(token, QRCoder.QRCodeGenerator.ECCLevel.M);

        var drawn = PngModules.Read(PassQrCode.Png(token, 4), 4);

        Assert.Equal(expected.ModuleMatrix.Count, drawn.GetLength(0));
        for (var row = 0; row < drawn.GetLength(0); row++)
            for (var column = 0; column < drawn.GetLength(1); column++)
                Assert.True(expected.ModuleMatrix[row][column] == drawn[row, column], $"module ({row}, {column})");
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
