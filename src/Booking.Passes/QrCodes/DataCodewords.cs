namespace Booking.Passes.QrCodes;

/// <summary>The data codewords of one byte-mode segment: mode 0100, character count, the bytes, a terminator of up
/// to four zero bits, zero bits to the byte boundary, then the pad codewords 0xEC, 0x11 alternately.</summary>
internal static class DataCodewords
{
    private const int ByteMode = 0b0100;

    public static void Write(ReadOnlySpan<byte> data, int version, Span<byte> codewords)
    {
        codewords.Clear();
        var bits = new BitWriter(codewords);
        bits.Write(ByteMode, 4);
        bits.Write(data.Length, LevelMBlocks.CountBits(version));
        foreach (var value in data)
            bits.Write(value, 8);
        // The terminator and the zero bits to the byte boundary are already zero: only skip over them.
        var used = (Math.Min(bits.Position + 4, codewords.Length * 8) + 7) / 8;
        for (var i = used; i < codewords.Length; i++)
            codewords[i] = (i - used) % 2 == 0 ? (byte)0xEC : (byte)0x11;
    }

    private ref struct BitWriter(Span<byte> target)
    {
        private readonly Span<byte> _target = target;

        public int Position { get; private set; }

        public void Write(int value, int count)
        {
            for (var bit = count - 1; bit >= 0; bit--, Position++)
                if (((value >> bit) & 1) != 0)
                    _target[Position >> 3] |= (byte)(0x80 >> (Position & 7));
        }
    }
}
