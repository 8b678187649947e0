using System.Globalization;
using Booking.Domain.Catalog;

namespace Booking.Data.PostalCodes;

/// <summary>
/// The shipped table of Québec forward sortation areas (<c>Seed/fsa_centroids.csv</c>, embedded): approximate
/// centroids, good to a few kilometres, so that distance search works before (or without) a full postal-code
/// import. Columns: <c>fsa,latitude,longitude,place_name</c>; the place name is the last column and may contain
/// commas. The file is ours, so a bad row is a bug: it throws rather than being skipped.
/// </summary>
public static class FsaCentroidSeed
{
    public const string ResourceName = "Booking.Data.Seed.fsa_centroids.csv";
    private const string Header = "fsa,latitude,longitude,place_name";

    public static IReadOnlyList<PostalCodeCentroid> Read()
    {
        using var stream = typeof(FsaCentroidSeed).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from {typeof(FsaCentroidSeed).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return Read(reader);
    }

    public static IReadOnlyList<PostalCodeCentroid> Read(TextReader reader)
    {
        var header = reader.ReadLine()?.Trim();
        if (!string.Equals(header, Header, StringComparison.Ordinal))
            throw new InvalidDataException($"FSA seed must start with the header '{Header}', found '{header}'.");

        var rows = new List<PostalCodeCentroid>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var fields = line.Split(',', 4);
            if (fields.Length != 4
                || !PostalCode.TryParse(fields[0], out var code) || !code.IsFsaOnly || code.Value != fields[0] || code.Value[0] is not ('G' or 'H' or 'J')
                || !double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
                || !double.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude)
                || latitude is < 44.9 or > 62.6 || longitude is < -79.8 or > -57.0)
                throw new InvalidDataException($"FSA seed line {lineNumber} is not 'FSA,latitude,longitude,place' for a Québec FSA (G, H or J) inside Québec: '{line}'.");
            if (!seen.Add(code.Value))
                throw new InvalidDataException($"FSA seed line {lineNumber} repeats {code.Value}.");
            rows.Add(new PostalCodeCentroid(code.Value, latitude, longitude, fields[3].Trim()));
        }
        return rows;
    }
}
