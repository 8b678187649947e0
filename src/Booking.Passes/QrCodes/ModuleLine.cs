using System.Numerics;
using System.Runtime.CompilerServices;

namespace Booking.Passes.QrCodes;

/// <summary>One row or column of a symbol as 192 bits, bit <see cref="Offset"/> + i = module i (1 = dark), with at
/// least four light bits on each side. Lets the penalty rules test one position of every line at once (the words of
/// the lines across them), or every position of a line (shifts), with masks instead of a branch per module, which
/// mispredicts on real data. Its operators are inlined by request: the rules use thousands of them from methods large
/// enough to exhaust the JIT's inlining budget, and a call that is not inlined copies the three words through memory,
/// which made choosing a mask take over twice as long.</summary>
internal readonly record struct ModuleLine(ulong Low, ulong Middle, ulong High)
{
    public const int Offset = 4;
    public const int MaxLength = 192 - 2 * Offset;

    public static ModuleLine Read(ReadOnlySpan<byte> modules, int start, int stride, int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MaxLength);
        Span<ulong> words = stackalloc ulong[3];
        words.Clear();
        for (int i = 0, at = start; i < length; i++, at += stride)
        {
            var bit = i + Offset;
            words[bit >> 6] |= (ulong)(modules[at] & 1) << (bit & 63);
        }
        return new(words[0], words[1], words[2]);
    }

    /// <summary>Rows and columns of a square of modules, packed in one pass in memory order: each module goes into
    /// its row's word and its column's word.</summary>
    public static void ReadSquare(ReadOnlySpan<byte> modules, int size, Span<ModuleLine> rows, Span<ModuleLine> columns)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, MaxLength);
        Span<ulong> columnWords = stackalloc ulong[3 * size];
        columnWords.Clear();
        Span<ulong> rowWords = stackalloc ulong[3];
        for (var row = 0; row < size; row++)
        {
            rowWords.Clear();
            int rowWord = (row + Offset) >> 6, rowShift = (row + Offset) & 63;
            var line = modules.Slice(row * size, size);
            for (var column = 0; column < size; column++)
            {
                var dark = (ulong)(line[column] & 1);
                var bit = column + Offset;
                rowWords[bit >> 6] |= dark << (bit & 63);
                columnWords[3 * column + rowWord] |= dark << rowShift;
            }
            rows[row] = new(rowWords[0], rowWords[1], rowWords[2]);
        }
        for (var column = 0; column < size; column++)
            columns[column] = new(columnWords[3 * column], columnWords[3 * column + 1], columnWords[3 * column + 2]);
    }

    /// <summary>This line with module i dark.</summary>
    public ModuleLine WithDark(int i)
    {
        var bit = i + Offset;
        return bit switch
        {
            < 64 => this with { Low = Low | (1UL << bit) },
            < 128 => this with { Middle = Middle | (1UL << (bit - 64)) },
            _ => this with { High = High | (1UL << (bit - 128)) },
        };
    }

    /// <summary>Bits <see cref="Offset"/> + first to <see cref="Offset"/> + last, inclusive.</summary>
    public static ModuleLine Range(int first, int last)
    {
        static ulong Word(int from, int to, int word)
        {
            int low = Math.Max(from - word * 64, 0), high = Math.Min(to - word * 64, 63);
            return low > high ? 0 : (ulong.MaxValue >> (63 - high)) & (ulong.MaxValue << low);
        }
        int from = first + Offset, to = last + Offset;
        return new(Word(from, to, 0), Word(from, to, 1), Word(from, to, 2));
    }

    public int PopCount
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => BitOperations.PopCount(Low) + BitOperations.PopCount(Middle) + BitOperations.PopCount(High);
    }

    /// <summary>Bit i of the result is bit i + n of this line (0 &lt; n &lt; 64).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ModuleLine Down(int n) =>
        new((Low >> n) | (Middle << (64 - n)), (Middle >> n) | (High << (64 - n)), High >> n);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ModuleLine operator &(ModuleLine a, ModuleLine b) => new(a.Low & b.Low, a.Middle & b.Middle, a.High & b.High);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ModuleLine operator ^(ModuleLine a, ModuleLine b) => new(a.Low ^ b.Low, a.Middle ^ b.Middle, a.High ^ b.High);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ModuleLine operator ~(ModuleLine a) => new(~a.Low, ~a.Middle, ~a.High);
}
