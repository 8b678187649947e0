using System.Globalization;
using System.Text;
using Booking.Reporting.Datasets;

namespace Booking.Reporting.Formats;

/// <summary>RFC 4180 CSV: a header of field names, CRLF line ends, a field quoted when it holds a comma, a quote or a
/// line break (quotes doubled), UTF-8 without a byte-order mark. Dates and instants in ISO 8601 (instants in UTC),
/// numbers as numbers with a point, an empty field for no value.</summary>
public static class CsvExtractWriter
{
    public static byte[] Write(IReadOnlyList<DatasetField> fields, IEnumerable<object?[]> rows)
    {
        var csv = new StringBuilder();
        AppendLine(csv, fields.Select(f => f.Name));
        foreach (var row in rows)
            AppendLine(csv, fields.Select((field, i) => Format(field.Type, row[i])));
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(csv.ToString());
    }

    public static string Format(FieldType type, object? value) => value switch
    {
        null => "",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly time => time.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        long number => number.ToString(CultureInfo.InvariantCulture),
        double number when type == FieldType.Decimal => number.ToString("0.####", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static void AppendLine(StringBuilder csv, IEnumerable<string> values)
    {
        csv.AppendJoin(',', values.Select(Quote));
        csv.Append("\r\n");
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
