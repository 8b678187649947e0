using Booking.Reporting.Datasets;

namespace Booking.Reporting.Building;

/// <summary>
/// Small-cell suppression: in an aggregate row, a count from 1 to <see cref="Threshold"/> − 1 could point at a person,
/// so it is left empty, with every figure computed from the row's counts (a rate would give it back), and the row is
/// marked. Zero is kept: it points at nobody. Rows are never summed after this, so no total can give a cell back.
/// </summary>
public sealed class SmallCellSuppression(int threshold)
{
    public int Threshold => threshold;

    public object?[] Apply(ExtractDataset dataset, object?[] row)
    {
        if (!dataset.IsAggregate)
            return row;
        var fields = dataset.Fields;
        var suppressed = Enumerable.Range(0, fields.Count)
            .Any(i => fields[i].Role == FieldRole.Count && row[i] is long count && count > 0 && count < threshold);
        var result = (object?[])row.Clone();
        for (var i = 0; i < fields.Count; i++)
        {
            result[i] = fields[i].Role switch
            {
                FieldRole.Count when row[i] is long count && count > 0 && count < threshold => null,
                FieldRole.DerivedFromCounts when suppressed => null,
                FieldRole.SuppressionMark => suppressed,
                _ => row[i],
            };
        }
        return result;
    }
}
