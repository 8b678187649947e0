namespace Booking.Reporting.Datasets;

/// <summary>A dataset of the ministry's extracts: its name (in file names and addresses), what a row is, how its daily
/// partition is cut, and its fields in column order. The writers and the data dictionary read this one definition.</summary>
public sealed record ExtractDataset(string Name, string Meaning, string Partition, IReadOnlyList<DatasetField> Fields)
{
    /// <summary>The field every row carries its tenant in; rows are given to readers over that tenant's subtree.</summary>
    public const string TenantField = "tenant_id";

    /// <summary>An aggregate: its counts are suppressed under the threshold, and its rows say so.</summary>
    public bool IsAggregate => Fields.Any(f => f.Role == FieldRole.Count);

    /// <summary>The fields the source query returns (all but the suppression mark, which the builder sets).</summary>
    public IEnumerable<DatasetField> QueriedFields => Fields.Where(f => f.Role != FieldRole.SuppressionMark);

    public int IndexOf(string field)
    {
        for (var i = 0; i < Fields.Count; i++)
            if (Fields[i].Name == field)
                return i;
        return -1;
    }

    /// <summary>The mark every aggregate ends with.</summary>
    public static readonly DatasetField SuppressedMark = new("suppressed", FieldType.Boolean,
        "True when a count of the row was under the suppression threshold (5 unless the platform sets another): such counts, and the figures computed from them, are left empty.",
        "small-cell suppression when the partition was built", FieldRole.SuppressionMark);
}
