namespace Booking.Reporting.Access;

/// <summary>What a download gives: the partition as CSV or Parquet, or the dataset's data dictionary (CSV).</summary>
public enum ExtractFormat { Csv, Parquet, Dictionary }

public static class ExtractFormats
{
    public static bool TryParse(string? value, out ExtractFormat format)
    {
        format = value switch { "csv" => ExtractFormat.Csv, "parquet" => ExtractFormat.Parquet, "dictionary" => ExtractFormat.Dictionary, _ => (ExtractFormat)(-1) };
        return Enum.IsDefined(format);
    }

    public static string Code(this ExtractFormat format) => format.ToString().ToLowerInvariant();

    public static string ContentType(this ExtractFormat format) =>
        format == ExtractFormat.Parquet ? "application/vnd.apache.parquet" : "text/csv; charset=utf-8; header=present";

    /// <summary>e.g. <c>bookings-2026-11-30.parquet</c>, <c>bookings-dictionary.csv</c>.</summary>
    public static string FileName(this ExtractFormat format, string dataset, DateOnly day) => format switch
    {
        ExtractFormat.Dictionary => $"{dataset}-dictionary.csv",
        ExtractFormat.Parquet => $"{dataset}-{day:yyyy-MM-dd}.parquet",
        _ => $"{dataset}-{day:yyyy-MM-dd}.csv",
    };
}
