using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace Booking.Passes.Tests;

/// <summary>Reads back which modules of a QR code PNG are dark, checking every pixel of each module agrees. Decodes
/// greyscale or palette images with scanline filters None and Up (what <c>QrPng</c> writes) and verifies each chunk's
/// CRC; any other filter fails loudly rather than being misread.</summary>
internal static class PngModules
{
    public static bool[,] Read(byte[] png, int pixelsPerModule)
    {
        var pixels = Pixels(png);
        var width = pixels.GetLength(0);
        Assert.True(width == pixels.GetLength(1) && width % pixelsPerModule == 0, "a square image of whole modules");
        var modules = width / pixelsPerModule;
        var dark = new bool[modules, modules];
        for (var row = 0; row < modules; row++)
            for (var column = 0; column < modules; column++)
            {
                dark[row, column] = pixels[row * pixelsPerModule, column * pixelsPerModule];
                for (var y = row * pixelsPerModule; y < (row + 1) * pixelsPerModule; y++)
                    for (var x = column * pixelsPerModule; x < (column + 1) * pixelsPerModule; x++)
                        Assert.True(pixels[y, x] == dark[row, column], $"pixel ({y}, {x}) differs from the rest of module ({row}, {column})");
            }
        return dark;
    }

    /// <summary>Dark (luminance below half) per pixel, [y, x].</summary>
    public static bool[,] Pixels(byte[] png)
    {
        var (width, height, bitDepth, colorType, palette, data) = Decode(png);
        var stride = (width * bitDepth + 7) / 8;
        var previous = new byte[stride];
        var current = new byte[stride];
        var dark = new bool[height, width];
        for (var y = 0; y < height; y++)
        {
            var line = data.AsSpan(y * (stride + 1), stride + 1);
            line[1..].CopyTo(current);
            switch (line[0])
            {
                case 0:
                    break;
                case 2:
                    for (var i = 0; i < stride; i++)
                        current[i] += previous[i];
                    break;
                default:
                    Assert.Fail($"scanline {y} uses filter {line[0]}, which this reader does not undo");
                    break;
            }
            for (var x = 0; x < width; x++)
            {
                var bit = x * bitDepth;
                var sample = (current[bit / 8] >> (8 - bitDepth - bit % 8)) & ((1 << bitDepth) - 1);
                var luminance = colorType == 3 ? palette[sample * 3] : sample * 255 / ((1 << bitDepth) - 1);
                dark[y, x] = luminance < 128;
            }
            (previous, current) = (current, previous);
        }
        return dark;
    }

    private static (int Width, int Height, int BitDepth, int ColorType, byte[] Palette, byte[] Data) Decode(byte[] png)
    {
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        int width = 0, height = 0, bitDepth = 0, colorType = 0;
        var palette = Array.Empty<byte>();
        var ended = false;
        using var data = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            var body = png.AsSpan(at + 8, length);
            Assert.True(Crc32.HashToUInt32(png.AsSpan(at + 4, 4 + length)) == BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length)),
                $"CRC of the {type} chunk");
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(body);
                    height = BinaryPrimitives.ReadInt32BigEndian(body[4..]);
                    bitDepth = body[8];
                    colorType = body[9];
                    Assert.True(colorType is 0 or 3, $"greyscale or palette PNG expected, got colour type {colorType}");
                    Assert.True(bitDepth is 1 or 2 or 4 or 8, $"bit depth {bitDepth}");
                    Assert.Equal(0, body[12]); // not interlaced
                    break;
                case "PLTE":
                    palette = body.ToArray();
                    break;
                case "IDAT":
                    data.Write(body);
                    break;
                case "IEND":
                    ended = true;
                    break;
            }
            at += 12 + length;
        }
        Assert.True(ended, "the PNG ends with IEND");
        data.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(data, CompressionMode.Decompress))
            zlib.CopyTo(inflated);
        return (width, height, bitDepth, colorType, palette, inflated.ToArray());
    }
}
