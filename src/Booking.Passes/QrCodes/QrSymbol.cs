using System.Numerics;

namespace Booking.Passes.QrCodes;

/// <summary>A QR code symbol at error-correction level M, its data in one byte-mode segment: the square of dark and
/// light modules, without the quiet zone.</summary>
public sealed class QrSymbol
{
    private readonly byte[] _modules;

    private QrSymbol(int version, int mask, byte[] modules)
    {
        Version = version;
        Size = 17 + 4 * version;
        Mask = mask;
        _modules = modules;
    }

    /// <summary>1 to 40; the symbol is <see cref="Size"/> = 17 + 4 × version modules wide.</summary>
    public int Version { get; }

    public int Size { get; }

    /// <summary>The data mask (0 to 7) the format information declares.</summary>
    public int Mask { get; }

    /// <summary>Whether the module at (<paramref name="row"/>, <paramref name="column"/>) is dark; (0, 0) is top left.</summary>
    public bool this[int row, int column]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)row, (uint)Size, nameof(row));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)column, (uint)Size, nameof(column));
            return _modules[row * Size + column] != 0;
        }
    }

    /// <summary>Row-major, one byte per module, 1 = dark.</summary>
    internal ReadOnlySpan<byte> Modules => _modules;

    /// <summary>The largest payload a symbol holds: 2 331 bytes, in version 40.</summary>
    public static int MaxBytes => LevelMBlocks.ByteCapacity(LevelMBlocks.MaxVersion);

    /// <summary>Encodes <paramref name="data"/> in the smallest version that holds it, with the lowest-penalty mask.</summary>
    /// <exception cref="ArgumentException">More than <see cref="MaxBytes"/> bytes.</exception>
    public static QrSymbol Encode(ReadOnlySpan<byte> data)
    {
        var version = SmallestVersionFor(data);
        var layout = SymbolLayout.For(version);
        var unmasked = PlaceCodewords(layout, CodewordSequence.For(data, version));

        // Masks are scored on packed rows and columns: flipping a mask is then a few XORs per line.
        var size = layout.Size;
        Span<ModuleLine> rows = stackalloc ModuleLine[size], columns = stackalloc ModuleLine[size];
        Span<ModuleLine> maskedRows = stackalloc ModuleLine[size], maskedColumns = stackalloc ModuleLine[size];
        ModuleLine.ReadSquare(unmasked, size, rows, columns);
        int bestMask = -1, bestPenalty = int.MaxValue;
        for (var mask = 0; mask < QrMask.Count; mask++)
        {
            var pattern = layout.MaskPatternOf(mask);
            for (var i = 0; i < size; i++)
            {
                maskedRows[i] = rows[i] ^ pattern.Rows[i];
                maskedColumns[i] = columns[i] ^ pattern.Columns[i];
            }
            FormatInformation.DrawFormat(maskedRows, maskedColumns, mask);
            var penalty = MaskPenalty.Score(maskedRows, maskedColumns);
            if (penalty < bestPenalty)
                (bestMask, bestPenalty) = (mask, penalty);
        }
        Apply(unmasked, layout, bestMask, unmasked);
        return new QrSymbol(version, bestMask, unmasked);
    }

    /// <summary>The symbol with a given mask rather than the chosen one: any mask gives a valid symbol.</summary>
    internal static QrSymbol Encode(ReadOnlySpan<byte> data, int mask)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(mask);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(mask, QrMask.Count);
        var version = SmallestVersionFor(data);
        var layout = SymbolLayout.For(version);
        var modules = PlaceCodewords(layout, CodewordSequence.For(data, version));
        Apply(modules, layout, mask, modules);
        return new QrSymbol(version, mask, modules);
    }

    private static int SmallestVersionFor(ReadOnlySpan<byte> data)
    {
        for (var version = 1; version <= LevelMBlocks.MaxVersion; version++)
            if (LevelMBlocks.ByteCapacity(version) >= data.Length)
                return version;
        throw new ArgumentException(
            $"A QR code at level M holds at most {MaxBytes} bytes; this payload has {data.Length}.", nameof(data));
    }

    private static byte[] PlaceCodewords(SymbolLayout layout, byte[] codewords)
    {
        var modules = (byte[])layout.Modules.Clone();
        var order = layout.DataOrder;
        // Data modules start light, so each bit is stored as is: no branch to mispredict on random data.
        for (var i = 0; i < codewords.Length; i++)
            for (var bit = 0; bit < 8; bit++)
                modules[order[i * 8 + bit]] = (byte)((codewords[i] >> (7 - bit)) & 1);
        return modules;
    }

    private static void Apply(ReadOnlySpan<byte> unmasked, SymbolLayout layout, int mask, Span<byte> target)
    {
        ReadOnlySpan<byte> pattern = layout.MaskPatternOf(mask).Flips;
        var i = 0;
        for (; i <= unmasked.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            (new Vector<byte>(unmasked[i..]) ^ new Vector<byte>(pattern[i..])).CopyTo(target[i..]);
        for (; i < unmasked.Length; i++)
            target[i] = (byte)(unmasked[i] ^ pattern[i]);
        FormatInformation.DrawFormat(target, layout.Size, mask);
    }
}
