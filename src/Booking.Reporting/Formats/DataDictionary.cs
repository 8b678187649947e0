using Booking.Reporting.Datasets;

namespace Booking.Reporting.Formats;

/// <summary>The data dictionary shipped with every extract, made from the dataset definition the writers use: one
/// line per field (field, type, meaning, source), as CSV.</summary>
public static class DataDictionary
{
    public static readonly IReadOnlyList<DatasetField> Columns =
    [
        new("field", FieldType.Text, "The column's name in the extract.", "the dataset's definition"),
        new("type", FieldType.Text, "text, identifier (UUID), integer, decimal, date (yyyy-MM-dd), time (HH:mm:ss at the clinic) or timestamp (UTC).",
            "the dataset's definition"),
        new("meaning", FieldType.Text, "What the value says.", "the dataset's definition"),
        new("source", FieldType.Text, "Where it comes from.", "the dataset's definition"),
    ];

    public static byte[] Write(ExtractDataset dataset) =>
        CsvExtractWriter.Write(Columns, dataset.Fields.Select(f => new object?[] { f.Name, TypeName(f.Type), f.Meaning, f.Source }));

    public static string TypeName(FieldType type) => type.ToString().ToLowerInvariant();
}
