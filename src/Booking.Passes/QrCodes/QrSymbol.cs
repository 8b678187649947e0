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
        var version = SmallestVersionFor(data.Length);
        var layout = SymbolLayout.For(version);
        var unmasked = PlaceCodewords(layout, CodewordSequence.For(data, version));

        var best = new byte[unmasked.Length];
        var candidate = new byte[unmasked.Length];
        int bestMask = -1, bestPenalty = int.MaxValue;
        for (var mask = 0; mask < QrMask.Count; mask++)
        {
            Apply(unmasked, layout, mask, candidate);
            var penalty = MaskPenalty.Score(candidate, layout.Size);
            if (penalty < bestPenalty)
            {
                (best, candidate) = (candidate, best);
                (bestMask, bestPenalty) = (mask, penalty);
            }
        }
        return new QrSymbol(version, bestMask, best);
    }

    /// <summary>The symbol with a given mask rather than the chosen one: any mask gives a valid symbol.</summary>
    internal static QrSymbol Encode(ReadOnlySpan<byte> data, int mask)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(mask);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(mask, QrMask.Count);
        var version = SmallestVersionFor(data.Length);
        var layout = SymbolLayout.For(version);
        var modules = PlaceCodewords(layout, CodewordSequence.For(data, version));
        Apply(modules, layout, mask, modules);
        return new QrSymbol(version, mask, modules);
    }

    private static int SmallestVersionFor(int length)
    {
        for (var version = 1; version <= LevelMBlocks.MaxVersion; version++)
            if (LevelMBlocks.ByteCapacity(version) >= length)
                return version;
        throw new ArgumentException(
            $"A QR code at level M holds at most {MaxBytes} bytes; this payload has {length}.", "data");
    }

    private static byte[] PlaceCodewords(SymbolLayout layout, byte[] codewords)
    {
        var modules = (byte[])layout.Modules.Clone();
        var order = layout.DataOrder;
        for (var i = 0; i < codewords.Length; i++)
        {
            var codeword = codewords[i];
            if (codeword == 0)
                continue;
            for (var bit = 0; bit < 8; bit++)
                if ((codeword & (0x80 >> bit)) != 0)
                    modules[order[i * 8 + bit]] = 1;
        }
        return modules;
    }

    private static void Apply(ReadOnlySpan<byte> unmasked, SymbolLayout layout, int mask, Span<byte> target)
    {
        ReadOnlySpan<byte> pattern = layout.MaskPattern(mask);
        var i = 0;
        for (; i <= unmasked.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            (new Vector<byte>(unmasked[i..]) ^ new Vector<byte>(pattern[i..])).CopyTo(target[i..]);
        for (; i < unmasked.Length; i++)
            target[i] = (byte)(unmasked[i] ^ pattern[i]);
        FormatInformation.DrawFormat(target, layout.Size, mask);
    }
}
