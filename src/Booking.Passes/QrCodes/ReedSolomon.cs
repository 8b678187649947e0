using System.Runtime.Intrinsics;

namespace Booking.Passes.QrCodes;

/// <summary>Reed–Solomon error-correction codewords over GF(256) with the QR primitive polynomial
/// x⁸+x⁴+x³+x²+1 (0x11D) and generator ∏(x − αⁱ), i = 0..n−1.</summary>
internal static class ReedSolomon
{
    private const int Primitive = 0x11D;

    /// <summary>The most EC codewords a block has, at any version and level.</summary>
    public const int MaxDegree = 30;

    /// <summary>A row of products is one vector wide, its bytes past the degree zero.</summary>
    private static int RowWidth => Vector256<byte>.Count;

    // Exp is doubled so a sum of two logarithms indexes it without a modulo.
    private static readonly byte[] Exp = new byte[512];
    private static readonly byte[] Log = new byte[256];
    private static readonly byte[]?[] GeneratorProducts = new byte[MaxDegree + 1][];

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
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ec.Length, MaxDegree, nameof(ec));
        ReadOnlySpan<byte> products = GeneratorProductsOf(ec.Length);
        // Long division in place: each data codeword, as it reaches the front, is cancelled by subtracting (XOR) the
        // generator times it from the codewords after it, a whole row in one vector operation. Row 0 is all zeros, so
        // a zero codeword needs no branch.
        Span<byte> dividend = stackalloc byte[data.Length + RowWidth];
        data.CopyTo(dividend);
        dividend[data.Length..].Clear();
        for (var i = 0; i < data.Length; i++)
        {
            var next = dividend.Slice(i + 1, RowWidth);
            (Vector256.Create<byte>(next) ^ Vector256.Create(products.Slice(dividend[i] * RowWidth, RowWidth))).CopyTo(next);
        }
        dividend.Slice(data.Length, ec.Length).CopyTo(ec);
    }

    /// <summary>For each codeword value f, one row of f times the generator's coefficients below its leading 1,
    /// highest degree first. Built once per degree (8 KB): every symbol of a version uses the same one.</summary>
    private static byte[] GeneratorProductsOf(int degree)
    {
        var cached = Volatile.Read(ref GeneratorProducts[degree]);
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
        var products = new byte[256 * RowWidth];
        for (var factor = 1; factor < 256; factor++)
            for (var j = 0; j < degree; j++)
                products[factor * RowWidth + j] = Multiply((byte)factor, coefficients[j + 1]);
        Volatile.Write(ref GeneratorProducts[degree], products);
        return products;
    }
}
