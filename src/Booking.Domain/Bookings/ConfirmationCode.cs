using System.Security.Cryptography;

namespace Booking.Domain.Bookings;

/// <summary>What a citizen reads out on the phone: 10 characters from an alphabet without look-alikes
/// (no 0/O, 1/I/L, 2/Z, 5/S, U/V), shown in two groups: <c>K7MQ3-XPRWA</c>.</summary>
public static class ConfirmationCode
{
    private const string Alphabet = "346789ABCDEFGHJKMNPQRTWXY";
    private const int Length = 10;

    public static string New()
    {
        Span<char> chars = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return $"{chars[..5]}-{chars[5..]}";
    }

    /// <summary>Accepts what people type: any case, with or without the dash or spaces.</summary>
    public static bool TryNormalise(string? input, out string code)
    {
        code = "";
        if (input is null)
            return false;
        var kept = input.Where(c => c is not ('-' or ' ')).Select(char.ToUpperInvariant).ToArray();
        if (kept.Length != Length || kept.Any(c => !Alphabet.Contains(c)))
            return false;
        code = $"{new string(kept, 0, 5)}-{new string(kept, 5, 5)}";
        return true;
    }
}
