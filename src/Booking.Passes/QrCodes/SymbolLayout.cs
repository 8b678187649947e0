namespace Booking.Passes.QrCodes;

/// <summary>Everything about a symbol that depends only on its version, built once per version: the function
/// patterns, which modules they occupy, the zig-zag order in which codeword bits fill the others, and the eight
/// mask patterns restricted to those others.</summary>
internal sealed class SymbolLayout
{
    private static readonly SymbolLayout?[] Layouts = new SymbolLayout?[LevelMBlocks.MaxVersion + 1];

    private readonly MaskPattern?[] _masks = new MaskPattern?[QrMask.Count];

    private SymbolLayout(int version)
    {
        Version = version;
        Size = 17 + 4 * version;
        Modules = new byte[Size * Size];
        IsFunction = new bool[Size * Size];
        DrawFunctionPatterns();
        DataOrder = ZigZagOrder();
    }

    public int Version { get; }

    public int Size { get; }

    /// <summary>Function patterns drawn (1 = dark); format areas reserved but light, data modules light.</summary>
    public byte[] Modules { get; }

    public bool[] IsFunction { get; }

    /// <summary>Flat indexes of every non-function module in placement order; those past the last codeword bit are
    /// the remainder bits, left light before masking.</summary>
    public int[] DataOrder { get; }

    public static SymbolLayout For(int version)
    {
        LevelMBlocks.For(version);
        var layout = Volatile.Read(ref Layouts[version]);
        if (layout is null)
        {
            layout = new SymbolLayout(version);
            Volatile.Write(ref Layouts[version], layout);
        }
        return layout;
    }

    /// <summary>Where <paramref name="mask"/> flips a data module (never a function module): flat, and packed by
    /// row and by column for the penalty rules.</summary>
    public MaskPattern MaskPatternOf(int mask)
    {
        var pattern = Volatile.Read(ref _masks[mask]);
        if (pattern is not null)
            return pattern;
        var flips = new byte[Size * Size];
        for (var row = 0; row < Size; row++)
            for (var column = 0; column < Size; column++)
                if (!IsFunction[row * Size + column] && QrMask.Flips(mask, row, column))
                    flips[row * Size + column] = 1;
        pattern = new MaskPattern(flips, new ModuleLine[Size], new ModuleLine[Size]);
        ModuleLine.ReadSquare(flips, Size, pattern.Rows, pattern.Columns);
        Volatile.Write(ref _masks[mask], pattern);
        return pattern;
    }

    private void DrawFunctionPatterns()
    {
        for (var i = 0; i < Size; i++)
        {
            var dark = i % 2 == 0;
            Set(6, i, dark);
            Set(i, 6, dark);
        }
        DrawFinder(0, 0);
        DrawFinder(0, Size - 7);
        DrawFinder(Size - 7, 0);

        var centres = AlignmentCentres();
        foreach (var row in centres)
            foreach (var column in centres)
                if (!IsFinderCorner(row, column, centres[^1]))
                    DrawAlignment(row, column);

        for (var i = 0; i < 15; i++)
        {
            var (row, column) = FormatInformation.FirstFormatCopy(i);
            Set(row, column, dark: false);
            (row, column) = FormatInformation.SecondFormatCopy(i, Size);
            Set(row, column, dark: false);
        }
        Set(Size - 8, 8, dark: true);

        if (Version >= 7)
        {
            FormatInformation.DrawVersion(Modules, Size, Version);
            for (var i = 0; i < 18; i++)
            {
                IsFunction[i / 3 * Size + Size - 11 + i % 3] = true;
                IsFunction[(Size - 11 + i % 3) * Size + i / 3] = true;
            }
        }
    }

    /// <summary>A 7×7 finder centred 3 modules in from (top, left), with its light separator where it is inside.</summary>
    private void DrawFinder(int top, int left)
    {
        for (var dy = -1; dy <= 7; dy++)
            for (var dx = -1; dx <= 7; dx++)
            {
                int row = top + dy, column = left + dx;
                if (row < 0 || row >= Size || column < 0 || column >= Size)
                    continue;
                var ring = Math.Max(Math.Abs(dy - 3), Math.Abs(dx - 3));
                Set(row, column, ring != 2 && ring != 4);
            }
    }

    private void DrawAlignment(int centreRow, int centreColumn)
    {
        for (var dy = -2; dy <= 2; dy++)
            for (var dx = -2; dx <= 2; dx++)
                Set(centreRow + dy, centreColumn + dx, Math.Max(Math.Abs(dy), Math.Abs(dx)) != 1);
    }

    private static bool IsFinderCorner(int row, int column, int last) =>
        (row == 6 && column == 6) || (row == 6 && column == last) || (row == last && column == 6);

    /// <summary>Alignment centres on each axis: 6, then evenly spaced (an even step) back from Size − 7. The step
    /// formula reproduces ISO/IEC 18004 annex E, including version 32's irregular 26.</summary>
    private int[] AlignmentCentres()
    {
        if (Version == 1)
            return [];
        var count = Version / 7 + 2;
        var step = (Version * 8 + count * 3 + 5) / (count * 4 - 4) * 2;
        var centres = new int[count];
        centres[0] = 6;
        for (var i = count - 1; i >= 1; i--)
            centres[i] = Size - 7 - (count - 1 - i) * step;
        return centres;
    }

    /// <summary>Two-column strips from the right edge, alternately upward and downward, right module first;
    /// column 6 (the vertical timing pattern) is skipped entirely.</summary>
    private int[] ZigZagOrder()
    {
        var order = new int[IsFunction.Count(f => !f)];
        var next = 0;
        var upward = true;
        for (var right = Size - 1; right >= 1; right -= 2)
        {
            if (right == 6)
                right = 5;
            for (var step = 0; step < Size; step++)
            {
                var row = upward ? Size - 1 - step : step;
                for (var column = right; column >= right - 1; column--)
                    if (!IsFunction[row * Size + column])
                        order[next++] = row * Size + column;
            }
            upward = !upward;
        }
        return order;
    }

    private void Set(int row, int column, bool dark)
    {
        Modules[row * Size + column] = dark ? (byte)1 : (byte)0;
        IsFunction[row * Size + column] = true;
    }
}

internal sealed record MaskPattern(byte[] Flips, ModuleLine[] Rows, ModuleLine[] Columns);
