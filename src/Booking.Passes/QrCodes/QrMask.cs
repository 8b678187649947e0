namespace Booking.Passes.QrCodes;

/// <summary>The eight data mask conditions of ISO/IEC 18004 (table 10): a data module is flipped where the
/// condition holds.</summary>
internal static class QrMask
{
    public const int Count = 8;

    public static bool Flips(int mask, int row, int column) => mask switch
    {
        0 => (row + column) % 2 == 0,
        1 => row % 2 == 0,
        2 => column % 3 == 0,
        3 => (row + column) % 3 == 0,
        4 => (row / 2 + column / 3) % 2 == 0,
        5 => row * column % 2 + row * column % 3 == 0,
        6 => (row * column % 2 + row * column % 3) % 2 == 0,
        7 => ((row + column) % 2 + row * column % 3) % 2 == 0,
        _ => throw new ArgumentOutOfRangeException(nameof(mask), mask, "A QR mask is 0 to 7."),
    };
}
