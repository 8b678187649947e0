using Booking.Data.Reporting;

namespace Booking.Reporting.Datasets;

/// <summary>Where one dataset's rows come from: the rows of a day, in the dataset's field order, before suppression
/// (the suppression mark, last, left null).</summary>
public interface IExtractSource
{
    ExtractDataset Dataset { get; }

    Task<IReadOnlyList<object?[]>> ReadAsync(ExtractDay day, CancellationToken cancellationToken);
}

public static class ExtractSourceRows
{
    /// <summary>The rows of a query made for <paramref name="dataset"/>, checked to be exactly its fields: a renamed or
    /// added column fails the build, so the dictionary never describes a file it does not match.</summary>
    public static IReadOnlyList<object?[]> Of(ExtractDataset dataset, ReportingTable table)
    {
        var expected = dataset.QueriedFields.Select(f => f.Name).ToList();
        if (!expected.SequenceEqual(table.Columns))
            throw new InvalidOperationException(
                $"The {dataset.Name} query returns [{string.Join(", ", table.Columns)}], its definition says [{string.Join(", ", expected)}].");
        var marked = dataset.Fields.Count > expected.Count;
        return marked ? table.Rows.Select(row => (object?[])[.. row, null]).ToList() : table.Rows;
    }
}
