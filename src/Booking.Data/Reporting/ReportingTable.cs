using Npgsql;

namespace Booking.Data.Reporting;

/// <summary>Rows as a query returned them: the column names, and per row one value a column, as
/// <see cref="string"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>, <see cref="Guid"/>,
/// <see cref="DateOnly"/>, <see cref="TimeOnly"/>, <see cref="DateTimeOffset"/> (UTC) or null.</summary>
public sealed record ReportingTable(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows)
{
    /// <summary>Reads every row of <paramref name="command"/>, each value in one of the types above.</summary>
    public static async Task<ReportingTable> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : Value(reader, i);
            rows.Add(row);
        }
        return new ReportingTable(columns, rows);
    }

    private static object Value(NpgsqlDataReader reader, int i) => reader.GetDataTypeName(i) switch
    {
        "date" => reader.GetFieldValue<DateOnly>(i),
        "time without time zone" => reader.GetFieldValue<TimeOnly>(i),
        "timestamp with time zone" => reader.GetFieldValue<DateTimeOffset>(i),
        "smallint" or "integer" or "bigint" => Convert.ToInt64(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture),
        "numeric" or "double precision" or "real" => Convert.ToDouble(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture),
        "boolean" => reader.GetBoolean(i),
        "uuid" => reader.GetGuid(i),
        _ => reader.GetString(i),
    };
}
