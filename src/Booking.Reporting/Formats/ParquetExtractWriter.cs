using Booking.Reporting.Datasets;
using Parquet;
using Parquet.Schema;

namespace Booking.Reporting.Formats;

/// <summary>Apache Parquet, one row group, every column nullable; each column carries its meaning in its metadata and
/// the file carries the dataset's, so the file explains itself as the dictionary does.</summary>
public static class ParquetExtractWriter
{
    public static async Task<byte[]> WriteAsync(ExtractDataset dataset, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken = default)
    {
        var fields = dataset.Fields.Select(Field).ToList();
        using var stream = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, cancellationToken: cancellationToken))
        {
            writer.CustomMetadata = new Dictionary<string, string> { ["dataset"] = dataset.Name, ["meaning"] = dataset.Meaning, ["partition"] = dataset.Partition };
            using var group = writer.CreateRowGroup();
            for (var i = 0; i < fields.Count; i++)
            {
                var column = i;
                var metadata = new Dictionary<string, string> { ["meaning"] = dataset.Fields[i].Meaning, ["source"] = dataset.Fields[i].Source };
                var values = rows.Select(row => row[column]);
                switch (dataset.Fields[i].Type)
                {
                    case FieldType.Integer: await group.WriteAsync<long>(fields[i], values.Select(v => (long?)v).ToArray(), null, metadata, cancellationToken); break;
                    case FieldType.Decimal: await group.WriteAsync<double>(fields[i], values.Select(v => (double?)v).ToArray(), null, metadata, cancellationToken); break;
                    case FieldType.Boolean: await group.WriteAsync<bool>(fields[i], values.Select(v => (bool?)v).ToArray(), null, metadata, cancellationToken); break;
                    case FieldType.Date: await group.WriteAsync<DateOnly>(fields[i], values.Select(v => (DateOnly?)v).ToArray(), null, metadata, cancellationToken); break;
                    // TIME (ms) is stored as its physical int32: milliseconds since midnight.
                    case FieldType.Time:
                        await group.WriteAsync<int>(fields[i], values.Select(v => (int?)((TimeOnly?)v)?.ToTimeSpan().TotalMilliseconds).ToArray(), null, metadata,
                            cancellationToken);
                        break;
                    case FieldType.Timestamp:
                        await group.WriteAsync<DateTime>(fields[i], values.Select(v => ((DateTimeOffset?)v)?.UtcDateTime).ToArray(), null, metadata, cancellationToken);
                        break;
                    default: await group.WriteAsync(fields[i], values.Select(v => v?.ToString()).ToArray(), null); break;
                }
            }
        }
        return stream.ToArray();
    }

    /// <summary>The Parquet column of a field: text as strings, dates as DATE, times as TIME (ms), instants as TIMESTAMP
    /// (ms, UTC).</summary>
    public static DataField Field(DatasetField field) => field.Type switch
    {
        FieldType.Integer => new DataField<long?>(field.Name),
        FieldType.Decimal => new DataField<double?>(field.Name),
        FieldType.Boolean => new DataField<bool?>(field.Name),
        FieldType.Date => new DataField<DateOnly?>(field.Name),
        // A clinic's wall-clock time, not an instant: not adjusted to UTC.
        FieldType.Time => new TimeDataField(field.Name, TimeUnitPrecision.Millis, isNullable: true) { IsAdjustedToUtc = false },
        FieldType.Timestamp => new DateTimeDataField(field.Name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Millis, isNullable: true),
        _ => new DataField<string>(field.Name, true),
    };
}
