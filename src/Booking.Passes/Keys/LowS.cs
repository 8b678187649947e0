using System.Globalization;
using System.Numerics;

namespace Booking.Passes.Keys;

/// <summary>
/// ECDSA signatures are malleable: if (r, s) verifies, so does (r, n − s). A pass has exactly one accepted signature,
/// the one with s in the lower half of the P-256 group order (as Bitcoin's BIP 62 and most JOSE libraries do), so the
/// same pass cannot circulate as two different texts.
/// </summary>
internal static class LowS
{
    private const int FieldSize = 32;

    private static readonly BigInteger Order =
        BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static readonly BigInteger HalfOrder = Order >> 1;

    /// <summary>True for a 64-byte r‖s signature whose s is at most half the order.</summary>
    public static bool IsCanonical(ReadOnlySpan<byte> signature) =>
        signature.Length == 2 * FieldSize && S(signature) <= HalfOrder;

    /// <summary>The low-S form of a 64-byte r‖s signature (the signature itself when already low).</summary>
    public static byte[] Normalise(byte[] signature)
    {
        var s = S(signature);
        if (s <= HalfOrder)
            return signature;
        var normalised = (byte[])signature.Clone();
        var low = (Order - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        normalised.AsSpan(FieldSize).Clear();
        low.CopyTo(normalised.AsSpan(2 * FieldSize - low.Length));
        return normalised;
    }

    private static BigInteger S(ReadOnlySpan<byte> signature) => new(signature[FieldSize..], isUnsigned: true, isBigEndian: true);
}
