namespace Booking.Passes.QrCodes;

/// <summary>The ISO/IEC 18004 penalty a masked symbol scores; the encoder keeps the mask that scores lowest. The rules
/// only pick a mask that is easy to read: whichever one is chosen, the symbol is valid.</summary>
internal static class MaskPenalty
{
    public const int Run = 3;
    public const int Block = 3;
    public const int FinderLike = 40;
    public const int Balance = 10;

    /// <summary>Sum of the four rules over a square of 0/1 modules (1 = dark), row-major.</summary>
    public static int Score(ReadOnlySpan<byte> modules, int size)
    {
        Span<ModuleLine> rows = stackalloc ModuleLine[size];
        Span<ModuleLine> columns = stackalloc ModuleLine[size];
        ModuleLine.ReadSquare(modules, size, rows, columns);
        return Score(rows, columns);
    }

    /// <summary>The same sum from the square's packed rows and columns.</summary>
    public static int Score(ReadOnlySpan<ModuleLine> rows, ReadOnlySpan<ModuleLine> columns)
    {
        var size = rows.Length;
        int penalty = 0, dark = 0;
        var pairs = ModuleLine.Range(0, size - 2);
        for (var i = 0; i < size; i++)
        {
            penalty += Line(rows[i], size) + Line(columns[i], size);
            if (i > 0)
                penalty += Blocks(rows[i - 1], rows[i], pairs);
            dark += rows[i].PopCount;
        }
        return penalty + DarkBalance(dark, size * size);
    }

    /// <summary>N1 and N3 along one row or column, read from a square of modules.</summary>
    public static int Line(ReadOnlySpan<byte> modules, int start, int stride, int length) =>
        Line(ModuleLine.Read(modules, start, stride, length), length);

    /// <summary>N1: a run of five or more modules of one colour costs 3 + its length − 5, which is 2 per run plus 1
    /// per five-module window inside it. N3: a finder-like 1011101 with four light modules before or after costs 40
    /// each time (beyond the edge counts as light).</summary>
    private static int Line(ModuleLine line, int length)
    {
        // Pairs of shifts are reused (same & same.Down(1), then that pair twice) to halve the shifts of a window.
        var next = line.Down(1);
        var same = ~(line ^ next);
        var samePairs = same & same.Down(1);
        var fives = samePairs & samePairs.Down(2) & ModuleLine.Range(0, length - 5);
        var runs = fives & ~fives.Up(1);

        var light = ~line;
        var lightPairs = light & light.Down(1);
        var fourLight = lightPairs & lightPairs.Down(2);
        var darkThree = line.Down(2) & line.Down(3) & line.Down(4);
        var finder = line & ~next & darkThree & light.Down(5) & line.Down(6);
        var finderLike = (finder & fourLight.Down(7)).PopCount + (finder & fourLight.Up(4)).PopCount;

        return fives.PopCount + (Run - 1) * runs.PopCount + FinderLike * finderLike;
    }

    /// <summary>N2: 3 for every 2×2 square of one colour, overlapping squares counted separately.</summary>
    public static int Blocks(ReadOnlySpan<byte> modules, int size)
    {
        var penalty = 0;
        var pairs = ModuleLine.Range(0, size - 2);
        for (var row = 0; row + 1 < size; row++)
            penalty += Blocks(ModuleLine.Read(modules, row * size, 1, size), ModuleLine.Read(modules, row * size + size, 1, size), pairs);
        return penalty;
    }

    private static int Blocks(ModuleLine top, ModuleLine bottom, ModuleLine pairs)
    {
        var vertical = ~(top ^ bottom);
        return Block * (vertical & vertical.Down(1) & ~(top ^ top.Down(1)) & pairs).PopCount;
    }

    /// <summary>N4: 10 for every full 5 % by which the dark share strays from 50 %.</summary>
    public static int DarkBalance(ReadOnlySpan<byte> modules, int size) =>
        DarkBalance(modules.Count((byte)1), size * size);

    private static int DarkBalance(int dark, int total) => Math.Abs(dark * 20 - total * 10) / total * Balance;
}
