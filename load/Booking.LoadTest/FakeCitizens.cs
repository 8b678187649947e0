using System.Globalization;

namespace Booking.LoadTest;

public sealed record FakeCitizen(string FirstName, string LastName, string BirthDate, string? HealthCardNumber,
    string Email, bool EmailConsent, string Phone, string Language);

/// <summary>A different citizen for every journey: the minimum-interval rule refuses the same person the same vaccine
/// twice, so a reused identity would show up as 422s that are not the platform's fault. Names must be letters only
/// (the API's rule), so counters are spelled in letters; the run's own prefix keeps citizens of earlier runs apart.</summary>
public sealed class FakeCitizens
{
    private static readonly string[] FirstNames = ["Marie", "Jean", "Élise", "Luc", "Sophie", "Mathieu", "Chloé", "Olivier", "Léa", "Gabriel", "Nathalie", "Félix"];
    private static readonly string[] LastNames = ["Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin", "Gagné"];
    private static readonly DateOnly OldestBirthDate = new(1935, 1, 1);
    private const int BirthDateSpreadDays = 365 * 70;

    private readonly string _runPrefix = Letters(Random.Shared.NextInt64(26L * 26 * 26 * 26, 26L * 26 * 26 * 26 * 26));
    private long _next;

    public FakeCitizen Next()
    {
        var n = Interlocked.Increment(ref _next);
        var suffix = $"{_runPrefix}{Letters(n)}";
        return new FakeCitizen(
            FirstNames[n % FirstNames.Length],
            $"{LastNames[n % LastNames.Length]}-{suffix}",
            OldestBirthDate.AddDays((int)(n * 7919 % BirthDateSpreadDays)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            HealthCardNumber: null,
            Email: $"citoyen.{suffix}@example.org",
            EmailConsent: true,
            Phone: "+15145550143",
            Language: n % 3 == 0 ? "en" : "fr");
    }

    /// <summary>Base-26 in lower-case letters: 0 → "a", 27 → "bb".</summary>
    public static string Letters(long n)
    {
        var chars = new Stack<char>();
        do
        {
            chars.Push((char)('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return new string(chars.ToArray());
    }
}
