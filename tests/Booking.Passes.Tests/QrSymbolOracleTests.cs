using System.Text;
using Booking.Passes.QrCodes;
using QRCoder;

namespace Booking.Passes.Tests;

/// <summary>QRCoder is the oracle: for the same payload it must draw the same symbol as ours once each symbol's own
/// mask is undone, since the masks may differ (penalty scoring details vary, and any mask is valid). QRCoder is given
/// the bytes, not the text: from text, 1.8.1 switches modes mid-payload (runs of digits or capitals), a different valid
/// encoding.</summary>
public sealed class QrSymbolOracleTests
{
    private const string Base64Url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

    public static TheoryData<int> Lengths() => new(SampleLengths());

    // A set: a repeated length would be a duplicate theory case, which xUnit skips.
    private static SortedSet<int> SampleLengths()
    {
        var lengths = new SortedSet<int>();
        var random = new Random(18004);
        for (var i = 0; i < 120; i++)
            lengths.Add(random.Next(1, 1_000));
        // Both sides of a version's capacity, including where the character count grows to 16 bits (version 10).
        foreach (var version in new[] { 1, 2, 6, 7, 9, 10, 14, 15, 26, 27, 39 })
        {
            lengths.Add(LevelMBlocks.ByteCapacity(version));
            lengths.Add(LevelMBlocks.ByteCapacity(version) + 1);
        }
        lengths.Add(QrSymbol.MaxBytes);
        return lengths;
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Unmasked_our_symbol_is_qrcoders(int length)
    {
        var payload = Payload(length);
        var theirs = Oracle(payload);

        var ours = QrSymbol.Encode(payload);

        Assert.Equal(theirs.GetLength(0), ours.Size);
        var layout = SymbolLayout.For(ours.Version);
        var ourMask = DeclaredMask((r, c) => ours[r, c], ours.Size);
        var theirMask = DeclaredMask((r, c) => theirs[r, c], ours.Size);
        Assert.Equal(ours.Mask, ourMask);
        for (var row = 0; row < ours.Size; row++)
            for (var column = 0; column < ours.Size; column++)
            {
                if (IsFormatModule(row, column, ours.Size))
                    continue;
                var data = !layout.IsFunction[row * ours.Size + column];
                var ourModule = ours[row, column] ^ (data && QrMask.Flips(ourMask, row, column));
                var theirModule = theirs[row, column] ^ (data && QrMask.Flips(theirMask, row, column));
                Assert.True(ourModule == theirModule, $"unmasked module ({row}, {column}), version {ours.Version}");
            }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void With_qrcoders_mask_our_symbol_is_qrcoders_module_for_module(int length)
    {
        var payload = Payload(length);
        var theirs = Oracle(payload);
        var theirMask = DeclaredMask((r, c) => theirs[r, c], theirs.GetLength(0));

        var ours = QrSymbol.Encode(payload, theirMask);

        for (var row = 0; row < ours.Size; row++)
            for (var column = 0; column < ours.Size; column++)
                Assert.True(ours[row, column] == theirs[row, column], $"module ({row}, {column}), version {ours.Version}");
    }

    [Fact]
    public void The_sample_makes_qrcoder_use_every_mask()
    {
        var masks = new HashSet<int>();
        foreach (var length in SampleLengths())
        {
            var theirs = Oracle(Payload(length));
            masks.Add(DeclaredMask((r, c) => theirs[r, c], theirs.GetLength(0)));
        }

        Assert.Equal(Enumerable.Range(0, 8), masks.Order());
    }

    [Fact]
    public void A_payload_over_version_40s_capacity_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => QrSymbol.Encode(new byte[QrSymbol.MaxBytes + 1]));

        Assert.Contains("2331", error.Message);
    }

    /// <summary>Base64url-like text, like a pass token.</summary>
    private static byte[] Payload(int length)
    {
        var random = new Random(length);
        var text = new char[length];
        text[0] = 'e';
        for (var i = 1; i < length; i++)
            text[i] = Base64Url[random.Next(Base64Url.Length)];
        return Encoding.ASCII.GetBytes(text);
    }

    /// <summary>QRCoder's matrix without its four-module quiet zone.</summary>
    private static bool[,] Oracle(byte[] payload)
    {
        using var data = QRCodeGenerator.GenerateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var size = data.ModuleMatrix.Count - 8;
        var modules = new bool[size, size];
        for (var row = 0; row < size; row++)
            for (var column = 0; column < size; column++)
                modules[row, column] = data.ModuleMatrix[row + 4][column + 4];
        return modules;
    }

    /// <summary>The mask both format copies declare; fails unless they agree, are valid BCH words and say level M.</summary>
    private static int DeclaredMask(Func<int, int, bool> dark, int size)
    {
        int first = 0, second = 0;
        for (var i = 0; i < 15; i++)
        {
            var (row, column) = FormatInformation.FirstFormatCopy(i);
            first |= (dark(row, column) ? 1 : 0) << i;
            (row, column) = FormatInformation.SecondFormatCopy(i, size);
            second |= (dark(row, column) ? 1 : 0) << i;
        }
        Assert.Equal(first, second);
        var word = first ^ 0x5412;
        Assert.Equal(0, FormatInformation.BchRemainder(word, 0x537, 10));
        Assert.Equal(0b00, word >> 13);
        return (word >> 10) & 7;
    }

    private static bool IsFormatModule(int row, int column, int size)
    {
        for (var i = 0; i < 15; i++)
            if (FormatInformation.FirstFormatCopy(i) == (row, column) || FormatInformation.SecondFormatCopy(i, size) == (row, column))
                return true;
        return false;
    }
}
