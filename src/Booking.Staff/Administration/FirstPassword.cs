using System.Security.Cryptography;

namespace Booking.Staff.Administration;

/// <summary>The password a new account is created with: random, shown once to the administrator who hands it over, and
/// replaced at the first sign-in. Groups of four letters and digits (no look-alikes: 0/O, 1/l/I) joined by dashes, so
/// it meets the password rules (upper and lower case, a digit, a symbol) and can be read out.</summary>
public static class FirstPassword
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";

    public static string New(int minimumLength)
    {
        // Four characters and a dash per group; at least four groups (about 75 bits).
        var groups = Math.Max(4, (minimumLength + 4) / 5);
        var characters = RandomNumberGenerator.GetItems<char>(Upper + Lower + Digits, groups * 4);
        characters[0] = RandomNumberGenerator.GetItems<char>(Upper, 1)[0];
        characters[1] = RandomNumberGenerator.GetItems<char>(Lower, 1)[0];
        characters[2] = RandomNumberGenerator.GetItems<char>(Digits, 1)[0];
        return string.Join('-', characters.Chunk(4).Select(group => new string(group)));
    }
}
