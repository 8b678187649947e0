namespace Booking.Reporting.Datasets;

/// <summary>How a field is written: CSV text (ISO 8601 dates, numbers as numbers) and its Parquet type.</summary>
public enum FieldType
{
    Text,
    /// <summary>A UUID, written as text.</summary>
    Identifier,
    Integer,
    Decimal,
    /// <summary>A calendar date, <c>yyyy-MM-dd</c>.</summary>
    Date,
    /// <summary>A time of day at the clinic, <c>HH:mm:ss</c>.</summary>
    Time,
    /// <summary>An instant, in UTC: <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    Timestamp,
    Boolean,
}

/// <summary>What small-cell suppression does with a field.</summary>
public enum FieldRole
{
    /// <summary>Describes the row (a clinic, a date): never suppressed.</summary>
    Attribute,
    /// <summary>A count of people or of their messages and requests: suppressed when under the threshold.</summary>
    Count,
    /// <summary>Computed from the row's counts (a rate): suppressed with them, or it would give them away.</summary>
    DerivedFromCounts,
    /// <summary>True when the row's counts were suppressed.</summary>
    SuppressionMark,
}

/// <summary>One column of a dataset, and one line of its data dictionary.</summary>
/// <param name="Source">Where the value comes from: the table and column, or how it is computed.</param>
public sealed record DatasetField(string Name, FieldType Type, string Meaning, string Source, FieldRole Role = FieldRole.Attribute);
