namespace Booking.Passes.QrCodes;

/// <summary>Reed–Solomon error-correction codewords over GF(256) with the QR primitive polynomial
/// x⁸+x⁴+x³+x²+1 (0x11D) and generator ∏(x − αⁱ), i = 0..n−1.</summary>
internal static class ReedSolomon
{
    private const int Primitive = 0x11D;

    // Exp is doubled so a sum of two logarithms indexes it without a modulo.
    private static readonly byte[] Exp = new byte[512];
    private static readonly byte[] Log = new byte[256];
    private static readonly byte[]?[] GeneratorLogs = new byte[256][];

    static ReedSolomon()
    {
        var value = 1;
        for (var power = 0; power < 255; power++)
        {
            Exp[power] = Exp[power + 255] = (byte)value;
            Log[value] = (byte)power;
            value <<= 1;
            if (value > 0xFF)
                value ^= Primitive;
        }
    }

    public static byte Multiply(byte a, byte b) => a == 0 || b == 0 ? (byte)0 : Exp[Log[a] + Log[b]];

    /// <summary>Writes the remainder of data(x)·xⁿ divided by the degree-n generator, n = <c>ec.Length</c>.</summary>
    public static void Remainder(ReadOnlySpan<byte> data, Span<byte> ec)
    {
        var generator = GeneratorLogsOf(ec.Length);
        ec.Clear();
        foreach (var codeword in data)
        {
            var factor = codeword ^ ec[0];
            ec[1..].CopyTo(ec);
            ec[^1] = 0;
            if (factor == 0)
                continue;
            var logFactor = Log[factor];
            for (var i = 0; i < ec.Length; i++)
                ec[i] ^= Exp[generator[i] + logFactor];
        }
    }

    /// <summary>The generator's coefficients below the leading 1, highest degree first, as logarithms (none is
    /// zero). Built once per degree: every symbol of a version uses the same one.</summary>
    private static byte[] GeneratorLogsOf(int degree)
    {
        var cached = Volatile.Read(ref GeneratorLogs[degree]);
        if (cached is not null)
            return cached;
        var coefficients = new byte[degree + 1];
        coefficients[0] = 1;
        for (var i = 0; i < degree; i++)
        {
            // Multiply by (x + αⁱ): subtraction is addition in GF(2⁸).
            var root = Exp[i];
            for (var j = i + 1; j > 0; j--)
                coefficients[j] ^= Multiply(coefficients[j - 1], root);
        }
        var logs = new byte[degree];
        for (var j = 0; j < degree; j++)
            logs[j] = Log[coefficients[j + 1]];
        Volatile.Write(ref GeneratorLogs[degree], logs);
        return logs;
    }
}
