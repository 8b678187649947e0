using System.Globalization;
using System.Text.Json.Nodes;
using Booking.Reporting.Datasets;

namespace Booking.Reporting.Building;

/// <summary>A built row as stored (a JSON array in field order) and back, each value in its field's type.</summary>
public static class ExtractRowCodec
{
    public static string Encode(ExtractDataset dataset, object?[] row)
    {
        var array = new JsonArray();
        for (var i = 0; i < dataset.Fields.Count; i++)
            array.Add(row[i] is null ? null : Encode(dataset.Fields[i].Type, row[i]!));
        return array.ToJsonString();
    }

    public static object?[] Decode(ExtractDataset dataset, string json)
    {
        var array = JsonNode.Parse(json)!.AsArray();
        return dataset.Fields.Select((field, i) => array[i] is { } node ? Decode(field.Type, node) : null).ToArray();
    }

    private static JsonValue Encode(FieldType type, object value) => type switch
    {
        FieldType.Integer => JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        FieldType.Decimal => JsonValue.Create(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        FieldType.Boolean => JsonValue.Create((bool)value),
        FieldType.Date => JsonValue.Create(((DateOnly)value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        FieldType.Time => JsonValue.Create(((TimeOnly)value).ToString("HH:mm:ss", CultureInfo.InvariantCulture)),
        FieldType.Timestamp => JsonValue.Create(((DateTimeOffset)value).ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
        FieldType.Identifier => JsonValue.Create(((Guid)value).ToString()),
        _ => JsonValue.Create((string)value),
    };

    private static object Decode(FieldType type, JsonNode node) => type switch
    {
        FieldType.Integer => node.GetValue<long>(),
        FieldType.Decimal => node.GetValue<double>(),
        FieldType.Boolean => node.GetValue<bool>(),
        FieldType.Date => DateOnly.ParseExact(node.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        FieldType.Time => TimeOnly.ParseExact(node.GetValue<string>(), "HH:mm:ss", CultureInfo.InvariantCulture),
        FieldType.Timestamp => DateTimeOffset.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        FieldType.Identifier => Guid.Parse(node.GetValue<string>()),
        _ => node.GetValue<string>(),
    };

    /// <summary>The tenant a stored row belongs to.</summary>
    public static Guid? TenantOf(ExtractDataset dataset, object?[] row) => (Guid?)row[dataset.IndexOf(ExtractDataset.TenantField)];
}
