using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Booking.Passes.Tests;

/// <summary>Reads back which modules of a QR code PNG are dark, by sampling each module's centre pixel. Enough for the
/// unfiltered palette or greyscale images QRCoder writes; anything else fails loudly.</summary>
internal static class PngModules
{
    public static bool[,] Read(byte[] png, int pixelsPerModule)
    {
        var (width, height, bitDepth, colorType, palette, pixels) = Decode(png);
        Assert.True(width == height && width % pixelsPerModule == 0, "a square image of whole modules");
        var modules = width / pixelsPerModule;
        var stride = (width * bitDepth + 7) / 8 + 1;
        var dark = new bool[modules, modules];
        for (var row = 0; row < modules; row++)
            for (var column = 0; column < modules; column++)
            {
                int y = row * pixelsPerModule + pixelsPerModule / 2, x = column * pixelsPerModule + pixelsPerModule / 2;
                Assert.Equal(0, pixels[y * stride]); // filter type None
                var bit = x * bitDepth;
                var sample = (pixels[y * stride + 1 + bit / 8] >> (8 - bitDepth - bit % 8)) & ((1 << bitDepth) - 1);
                var luminance = colorType == 3 ? palette[sample * 3] : sample * 255 / ((1 << bitDepth) - 1);
                dark[row, column] = luminance < 128;
            }
        return dark;
    }

    private static (int Width, int Height, int BitDepth, int ColorType, byte[] Palette, byte[] Pixels) Decode(byte[] png)
    {
        int width = 0, height = 0, bitDepth = 0, colorType = 0;
        var palette = Array.Empty<byte>();
        using var data = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            var body = png.AsSpan(at + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(body);
                    height = BinaryPrimitives.ReadInt32BigEndian(body[4..]);
                    bitDepth = body[8];
                    colorType = body[9];
                    Assert.True(colorType is 0 or 3, $"greyscale or palette PNG expected, got colour type {colorType}");
                    break;
                case "PLTE":
                    palette = body.ToArray();
                    break;
                case "IDAT":
                    data.Write(body);
                    break;
            }
            at += 12 + length;
        }
        data.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(data, CompressionMode.Decompress))
            zlib.CopyTo(inflated);
        return (width, height, bitDepth, colorType, palette, inflated.ToArray());
    }
}
