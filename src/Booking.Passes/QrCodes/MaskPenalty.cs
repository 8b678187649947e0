namespace Booking.Passes.QrCodes;

/// <summary>The ISO/IEC 18004 penalty a masked symbol scores; the encoder keeps the mask that scores lowest. The rules
/// only pick a mask that is easy to read: whichever one is chosen, the symbol is valid.</summary>
internal static class MaskPenalty
{
    public const int Run = 3;
    public const int Block = 3;
    public const int FinderLike = 40;
    public const int Balance = 10;

    /// <summary>Beyond either end of a line counts as light for the finder-like rule, which looks four modules out.</summary>
    private const int Margin = 4;

    /// <summary>Sum of the four rules over a square of 0/1 modules (1 = dark), row-major.</summary>
    public static int Score(ReadOnlySpan<byte> modules, int size)
    {
        Span<ModuleLine> rows = stackalloc ModuleLine[size];
        Span<ModuleLine> columns = stackalloc ModuleLine[size];
        ModuleLine.ReadSquare(modules, size, rows, columns);
        return Score(rows, columns);
    }

    /// <summary>The same sum from the square's packed rows and columns. The rows' rules are read from the columns and
    /// the columns' rules from the rows: a line's neighbouring modules are then neighbouring words, and one word
    /// operation tests a position in every line at once.</summary>
    public static int Score(ReadOnlySpan<ModuleLine> rows, ReadOnlySpan<ModuleLine> columns)
    {
        var size = rows.Length;
        var lines = ModuleLine.Range(0, size - 1);
        int penalty = AlongLines(columns, lines) + AlongLines(rows, lines), dark = 0;
        var pairs = ModuleLine.Range(0, size - 2);
        for (var i = 0; i < size; i++)
        {
            if (i > 0)
                penalty += Blocks(rows[i - 1], rows[i], pairs);
            dark += rows[i].PopCount;
        }
        return penalty + DarkBalance(dark, size * size);
    }

    /// <summary>N1 and N3 along one row or column, read from a square of modules.</summary>
    public static int Line(ReadOnlySpan<byte> modules, int start, int stride, int length)
    {
        var line = ModuleLine.Range(0, 0);
        Span<ModuleLine> across = stackalloc ModuleLine[length];
        for (var i = 0; i < length; i++)
            across[i] = (modules[start + i * stride] & 1) == 0 ? default : line;
        return AlongLines(across, line);
    }

    /// <summary>N1: a run of five or more modules of one colour costs 3 + its length − 5, which is 2 per run plus 1
    /// per five-module window inside it. N3: a finder-like 1011101 with four light modules before or after costs 40
    /// each time (beyond the edge counts as light). Word j of <paramref name="across"/> holds module j of every line
    /// in <paramref name="lines"/>.</summary>
    private static int AlongLines(ReadOnlySpan<ModuleLine> across, ModuleLine lines)
    {
        var length = across.Length;
        // light[j + Margin]: module j is light or beyond the line; fourLight[j + Margin]: modules j to j + 3 are.
        Span<ModuleLine> light = stackalloc ModuleLine[length + 2 * Margin];
        light[..Margin].Fill(lines);
        light[^Margin..].Fill(lines);
        for (var j = 0; j < length; j++)
            light[j + Margin] = ~across[j] & lines;
        Span<ModuleLine> fourLight = stackalloc ModuleLine[length + Margin + 1];
        for (var j = 0; j < fourLight.Length; j++)
            fourLight[j] = light[j] & light[j + 1] & light[j + 2] & light[j + 3];

        int windows = 0, runs = 0, finderLike = 0;
        ModuleLine previousFives = default;
        for (var j = 0; j + 4 < length; j++)
        {
            var fives = ~(across[j] ^ across[j + 1]) & ~(across[j + 1] ^ across[j + 2])
                & ~(across[j + 2] ^ across[j + 3]) & ~(across[j + 3] ^ across[j + 4]) & lines;
            windows += fives.PopCount;
            runs += (fives & ~previousFives).PopCount;
            previousFives = fives;
        }
        for (var j = 0; j + 6 < length; j++)
        {
            var finder = across[j] & light[j + 1 + Margin] & across[j + 2] & across[j + 3] & across[j + 4]
                & light[j + 5 + Margin] & across[j + 6];
            finderLike += (finder & fourLight[j]).PopCount + (finder & fourLight[j + 7 + Margin]).PopCount;
        }
        return windows + (Run - 1) * runs + FinderLike * finderLike;
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
