namespace Booking.Passes.QrCodes;

/// <summary>The two BCH-protected words that tell a reader how to decode: format information (level and mask,
/// twice, around the finders) and, from version 7, version information (twice, beside the upper-right and
/// lower-left finders).</summary>
internal static class FormatInformation
{
    private const int LevelMBits = 0b00;
    private const int FormatGenerator = 0x537;
    private const int FormatXor = 0x5412;
    private const int VersionGenerator = 0x1F25;

    /// <summary>The 15 format bits for level M and <paramref name="mask"/>, already XOR-ed with 0x5412.</summary>
    public static int FormatBits(int mask)
    {
        var data = (LevelMBits << 3) | mask;
        return ((data << 10) | BchRemainder(data << 10, FormatGenerator, 10)) ^ FormatXor;
    }

    /// <summary>The 18 version bits: 6 bits of version, 12 bits of BCH code.</summary>
    public static int VersionBits(int version) => (version << 12) | BchRemainder(version << 12, VersionGenerator, 12);

    /// <summary>Remainder of <paramref name="value"/> divided by <paramref name="generator"/> (degree
    /// <paramref name="degree"/>) over GF(2).</summary>
    public static int BchRemainder(int value, int generator, int degree)
    {
        for (var bit = 31 - int.LeadingZeroCount(value); bit >= degree; bit--)
            if (((value >> bit) & 1) != 0)
                value ^= generator << (bit - degree);
        return value;
    }

    /// <summary>Both copies of the format bits; bit 14 is the most significant.</summary>
    public static void DrawFormat(Span<byte> modules, int size, int mask)
    {
        var bits = FormatBits(mask);
        for (var i = 0; i < 15; i++)
        {
            var dark = (byte)((bits >> i) & 1);
            var (row, column) = FirstFormatCopy(i);
            modules[row * size + column] = dark;
            (row, column) = SecondFormatCopy(i, size);
            modules[row * size + column] = dark;
        }
    }

    /// <summary>Both copies into packed rows and columns whose format modules are light.</summary>
    public static void DrawFormat(Span<ModuleLine> rows, Span<ModuleLine> columns, int mask)
    {
        var bits = FormatBits(mask);
        for (var i = 0; i < 15; i++)
        {
            if (((bits >> i) & 1) == 0)
                continue;
            var (row, column) = FirstFormatCopy(i);
            rows[row] = rows[row].WithDark(column);
            columns[column] = columns[column].WithDark(row);
            (row, column) = SecondFormatCopy(i, rows.Length);
            rows[row] = rows[row].WithDark(column);
            columns[column] = columns[column].WithDark(row);
        }
    }

    /// <summary>Bit i (0 = least significant) of the copy around the upper-left finder: up column 8, skipping the
    /// timing row, then left along row 8, skipping the timing column.</summary>
    public static (int Row, int Column) FirstFormatCopy(int i) => i switch
    {
        < 6 => (i, 8),
        6 => (7, 8),
        7 => (8, 8),
        8 => (8, 7),
        _ => (8, 14 - i),
    };

    /// <summary>Bit i of the copy split between the upper-right finder (row 8) and the lower-left one (column 8).</summary>
    public static (int Row, int Column) SecondFormatCopy(int i, int size) =>
        i < 8 ? (8, size - 1 - i) : (size - 15 + i, 8);

    public static void DrawVersion(Span<byte> modules, int size, int version)
    {
        var bits = VersionBits(version);
        for (var i = 0; i < 18; i++)
        {
            var dark = (byte)((bits >> i) & 1);
            int near = i / 3, far = size - 11 + i % 3;
            modules[near * size + far] = dark;
            modules[far * size + near] = dark;
        }
    }
}
