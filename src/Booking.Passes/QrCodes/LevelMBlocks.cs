namespace Booking.Passes.QrCodes;

/// <summary>How a version's codewords split into Reed–Solomon blocks at error-correction level M (ISO/IEC 18004
/// table 9): <see cref="ShortBlocks"/> blocks of <see cref="ShortBlockData"/> data codewords, then
/// <see cref="LongBlocks"/> blocks of one more, each followed by <see cref="EcPerBlock"/> EC codewords.</summary>
internal readonly record struct LevelMBlocks(int EcPerBlock, int ShortBlocks, int ShortBlockData, int LongBlocks)
{
    public const int MaxVersion = 40;

    // Per version 1..40: EC codewords per block, short blocks, data codewords per short block, long blocks.
    private static readonly LevelMBlocks[] Table =
    [
        new(10, 1, 16, 0), new(16, 1, 28, 0), new(26, 1, 44, 0), new(18, 2, 32, 0), new(24, 2, 43, 0),
        new(16, 4, 27, 0), new(18, 4, 31, 0), new(22, 2, 38, 2), new(22, 3, 36, 2), new(26, 4, 43, 1),
        new(30, 1, 50, 4), new(22, 6, 36, 2), new(22, 8, 37, 1), new(24, 4, 40, 5), new(24, 5, 41, 5),
        new(28, 7, 45, 3), new(28, 10, 46, 1), new(26, 9, 43, 4), new(26, 3, 44, 11), new(26, 3, 41, 13),
        new(26, 17, 42, 0), new(28, 17, 46, 0), new(28, 4, 47, 14), new(28, 6, 45, 14), new(28, 8, 47, 13),
        new(28, 19, 46, 4), new(28, 22, 45, 3), new(28, 3, 45, 23), new(28, 21, 45, 7), new(28, 19, 47, 10),
        new(28, 2, 46, 29), new(28, 10, 46, 23), new(28, 14, 46, 21), new(28, 14, 46, 23), new(28, 12, 47, 26),
        new(28, 6, 47, 34), new(28, 29, 46, 14), new(28, 13, 46, 32), new(28, 40, 47, 7), new(28, 18, 47, 31),
    ];

    public static LevelMBlocks For(int version)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(version, MaxVersion);
        return Table[version - 1];
    }

    public int BlockCount => ShortBlocks + LongBlocks;

    public int DataCodewords => ShortBlocks * ShortBlockData + LongBlocks * (ShortBlockData + 1);

    public int TotalCodewords => DataCodewords + BlockCount * EcPerBlock;

    /// <summary>Bytes a byte-mode segment can carry: data bits less the 4-bit mode and the character count.</summary>
    public static int ByteCapacity(int version) => (For(version).DataCodewords * 8 - 4 - CountBits(version)) / 8;

    public static int CountBits(int version) => version < 10 ? 8 : 16;
}
