namespace Booking.Passes.QrCodes;

/// <summary>The ISO/IEC 18004 penalty a masked symbol scores; the encoder keeps the mask that scores lowest. The rules
/// only pick a mask that is easy to read: whichever one is chosen, the symbol is valid.</summary>
internal static class MaskPenalty
{
    public const int Run = 3;
    public const int Block = 3;
    public const int FinderLike = 40;
    public const int Balance = 10;

    // 1011101 followed, or preceded, by four light modules, as the last 11 modules read along a line.
    private const int FinderThenLight = 0b101_1101_0000;
    private const int LightThenFinder = 0b000_0101_1101;
    private const int WindowMask = 0x7FF;

    /// <summary>Sum of the four rules over a square of 0/1 modules (1 = dark), row-major.</summary>
    public static int Score(ReadOnlySpan<byte> modules, int size)
    {
        var penalty = 0;
        for (var i = 0; i < size; i++)
        {
            penalty += Line(modules, i * size, 1, size);
            penalty += Line(modules, i, size, size);
        }
        return penalty + Blocks(modules, size) + DarkBalance(modules, size);
    }

    /// <summary>N1 (runs of five or more of one colour: 3 + length − 5) and N3 (finder-like 1011101 with four light
    /// modules on one side: 40 each; modules beyond the edge count as light) along one row or column.</summary>
    public static int Line(ReadOnlySpan<byte> modules, int start, int stride, int length)
    {
        int penalty = 0, run = 0, colour = -1, window = 0;
        for (int i = 0, at = start; i < length; i++, at += stride)
        {
            int module = modules[at];
            if (module == colour)
                run++;
            else
            {
                if (run >= 5)
                    penalty += Run + run - 5;
                colour = module;
                run = 1;
            }
            window = ((window << 1) | module) & WindowMask;
            if (window is FinderThenLight or LightThenFinder)
                penalty += FinderLike;
        }
        if (run >= 5)
            penalty += Run + run - 5;
        for (var i = 0; i < 4; i++)
        {
            window = (window << 1) & WindowMask;
            if (window == FinderThenLight)
                penalty += FinderLike;
        }
        return penalty;
    }

    /// <summary>N2: 3 for every 2×2 square of one colour, overlapping squares counted separately.</summary>
    public static int Blocks(ReadOnlySpan<byte> modules, int size)
    {
        var penalty = 0;
        for (var row = 0; row < size - 1; row++)
        {
            var top = modules.Slice(row * size, size);
            var bottom = modules.Slice(row * size + size, size);
            for (var column = 0; column < size - 1; column++)
            {
                var colour = top[column];
                if (top[column + 1] == colour && bottom[column] == colour && bottom[column + 1] == colour)
                    penalty += Block;
            }
        }
        return penalty;
    }

    /// <summary>N4: 10 for every full 5 % by which the dark share strays from 50 %.</summary>
    public static int DarkBalance(ReadOnlySpan<byte> modules, int size)
    {
        var total = size * size;
        var dark = modules.Count((byte)1);
        return Math.Abs(dark * 20 - total * 10) / total * Balance;
    }
}
