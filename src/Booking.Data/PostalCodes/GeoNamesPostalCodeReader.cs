using System.Globalization;
using System.Runtime.CompilerServices;
using Booking.Domain.Catalog;

namespace Booking.Data.PostalCodes;

/// <summary>
/// Streams a GeoNames postal-code dump for Canada: <c>CA.txt</c> (one row per forward sortation area) or
/// <c>CA_full.txt</c> (one row per full postal code, 800 000+ lines). Tab-separated, no header: country code,
/// postal code, place name, admin name1, admin code1, admin name2, admin code2, admin name3, admin code3, latitude,
/// longitude, accuracy. Codes are normalised through <see cref="PostalCode"/>. A malformed line (wrong country,
/// too few fields, unreadable code or coordinates, a point outside Canada) is skipped and counted in
/// <see cref="SkippedLines"/>, never thrown; blank lines are ignored. The reader is single use: read it once.
/// </summary>
public sealed class GeoNamesPostalCodeReader(TextReader reader)
{
    private const int MinimumFields = 11;
    private const int CountryField = 0, CodeField = 1, PlaceField = 2, LatitudeField = 9, LongitudeField = 10;
    private const int MaxRememberedSkips = 10;

    // A generous box around Canada: Middle Island (41.7 N) to Cape Columbia (83.1 N), Yukon (-141) to Cape Spear (-52.6).
    private const double MinLatitude = 41.5, MaxLatitude = 83.5, MinLongitude = -141.5, MaxLongitude = -52.0;

    private readonly List<int> _skippedLineNumbers = [];

    /// <summary>Lines read so far (blank ones included).</summary>
    public int LinesRead { get; private set; }

    /// <summary>Malformed lines skipped so far.</summary>
    public int SkippedLines { get; private set; }

    /// <summary>Line numbers (1-based) of the first few skipped lines, for an operator to look at.</summary>
    public IReadOnlyList<int> FirstSkippedLineNumbers => _skippedLineNumbers;

    public async IAsyncEnumerable<PostalCodeCentroid> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (Accept(line) is { } centroid)
                yield return centroid;
        }
    }

    private PostalCodeCentroid? Accept(string line)
    {
        LinesRead++;
        if (string.IsNullOrWhiteSpace(line))
            return null;
        var centroid = TryParseLine(line);
        if (centroid is null)
        {
            SkippedLines++;
            if (_skippedLineNumbers.Count < MaxRememberedSkips)
                _skippedLineNumbers.Add(LinesRead);
        }
        return centroid;
    }

    /// <summary>One line of the dump, or null when it is not a usable Canadian row.</summary>
    public static PostalCodeCentroid? TryParseLine(string line)
    {
        var fields = line.TrimEnd('\r').Split('\t');
        if (fields.Length < MinimumFields
            || !string.Equals(fields[CountryField].Trim(), "CA", StringComparison.OrdinalIgnoreCase)
            || !PostalCode.TryParse(fields[CodeField], out var code)
            || !TryCoordinate(fields[LatitudeField], MinLatitude, MaxLatitude, out var latitude)
            || !TryCoordinate(fields[LongitudeField], MinLongitude, MaxLongitude, out var longitude))
            return null;
        return new PostalCodeCentroid(code.Value, latitude, longitude, fields[PlaceField].Trim());
    }

    private static bool TryCoordinate(string text, double min, double max, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
        && value >= min && value <= max;
}
